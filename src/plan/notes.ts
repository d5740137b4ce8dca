/**
 * The add-in's part of a cell's note, the one rule for both shells (src/excel, src/xlsx): its text starts
 * with NOTE_PREFIX and follows the user's own note after a blank line, "Min kommentar\n\nFinsam-budget: …",
 * so that the user's part is kept when the add-in writes its part anew or takes it away.
 */

/** Every note the add-in writes starts with this, so its flags can be found and removed. */
export const NOTE_PREFIX = "Finsam-budget: ";

/** What stands between the user's part of a note and the add-in's. */
const BETWEEN = "\n\n";

/** The add-in's note on a cell: the prefix, then its messages, one a line. */
export function addinNote(messages: readonly string[]): string {
  return NOTE_PREFIX + messages.join("\n");
}

/** Whether a whole text (a note, or a comment where comments carry the flags) is the add-in's. */
export function isAddinText(text: string): boolean {
  return text.startsWith(NOTE_PREFIX);
}

/**
 * A cell's note in its two parts: "Min kommentar\n\nFinsam-budget: …" → user "Min kommentar" and the
 * add-in's "Finsam-budget: …". `addin` is undefined where the note holds nothing of the add-in's.
 */
export function splitNote(content: string | null | undefined): { readonly user: string; readonly addin?: string } {
  if (!content) return { user: "" };
  if (isAddinText(content)) return { user: "", addin: content };
  const at = content.indexOf(BETWEEN + NOTE_PREFIX);
  return at < 0 ? { user: content } : { user: content.slice(0, at), addin: content.slice(at + BETWEEN.length) };
}

/** The user's part of a note that may end with the add-in's: "Min kommentar\n\nFinsam-budget: …" → "Min kommentar". */
export function userPartOf(content: string | null | undefined): string {
  return splitNote(content).user;
}

/** The note that stands with the user's part first and then the add-in's (null: none of the add-in's). */
export function joinNote(user: string, addin: string | null): string {
  if (addin === null) return user;
  return user ? user + BETWEEN + addin : addin;
}
