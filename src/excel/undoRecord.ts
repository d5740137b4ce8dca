/**
 * The add-in's undo record, kept in the workbook beside the flag record (flagStore.ts): every write of the
 * pane's and of the ribbon's "Analysera" pushes what it changed here, in the same batch as the write, and
 * "Ångra" in either takes back the last action whichever wrote it. Workbook.settings is one store "per file
 * and add-in (task-pane or content) combination" (https://learn.microsoft.com/javascript/api/excel/excel.settingcollection),
 * and the ribbon's function file and the pane are one add-in, so both read and write the same record,
 * fresh in each batch: no shared runtime is needed, and the record outlives either runtime.
 *
 * An action is one or more commands the user started with one click (writing the shares and flagging
 * again): one Ångra takes them all back. The record keeps the last actions up to a size the write's
 * request can carry; the oldest go first, the last action always stays.
 */
import type { UndoEntry } from "./undoJournal";

/** The workbook setting that holds the record. */
export const UNDO_SETTING = "finsam.undo";

/** At most this many characters of JSON: far under the 5 MB a request may carry in Excel on the web. */
export const UNDO_RECORD_MAX_CHARS = 1_000_000;

/** At most this many actions are kept. */
export const UNDO_RECORD_MAX_ACTIONS = 20;

/** One command's entry, and the action it belongs to. */
export interface RecordedEntry extends UndoEntry {
  /** The action's number: entries of one action share it; a later action has a higher one. */
  readonly action: number;
}

/** The record as read in a batch, and whether the setting stood in the workbook. */
export interface StoredUndo {
  readonly entries: readonly RecordedEntry[];
  readonly stored: boolean;
}

/** Queues the read of the record; the function returns it after the sync. */
export function queueUndoRead(context: Excel.RequestContext): () => StoredUndo {
  const item = context.workbook.settings.getItemOrNullObject(UNDO_SETTING).load("value");
  return () => (item.isNullObject ? { entries: [], stored: false } : { entries: parseUndo(item.value), stored: true });
}

/** Queues writing the record in the same batch as the write it describes; an empty record removes the setting. */
export function queueUndoWrite(
  context: Excel.RequestContext,
  entries: readonly RecordedEntry[],
  stored: boolean,
): void {
  if (entries.length > 0) context.workbook.settings.add(UNDO_SETTING, JSON.stringify({ version: 1, entries }));
  else if (stored) context.workbook.settings.getItemOrNullObject(UNDO_SETTING).delete();
}

/** The number the next action gets. */
export const nextAction = (entries: readonly RecordedEntry[]): number =>
  entries.reduce((most, e) => Math.max(most, e.action), 0) + 1;

/** The record with an entry pushed, the oldest actions dropped while it is over its limits. */
export function pushed(entries: readonly RecordedEntry[], entry: RecordedEntry): RecordedEntry[] {
  let kept = [...entries, entry];
  const actions = () => new Set(kept.map((e) => e.action)).size;
  while (
    actions() > 1 &&
    (actions() > UNDO_RECORD_MAX_ACTIONS || JSON.stringify(kept).length > UNDO_RECORD_MAX_CHARS)
  ) {
    const oldest = kept[0]!.action;
    kept = kept.filter((e) => e.action !== oldest);
  }
  return kept;
}

/** The last action's entries, last written first, and the record without them. */
export function lastAction(entries: readonly RecordedEntry[]): {
  readonly undo: readonly RecordedEntry[];
  readonly rest: readonly RecordedEntry[];
} {
  const top = entries[entries.length - 1];
  if (!top) return { undo: [], rest: [] };
  let start = entries.length - 1;
  while (start > 0 && entries[start - 1]!.action === top.action) start--;
  return { undo: entries.slice(start).reverse(), rest: entries.slice(0, start) };
}

/** The record from a setting's value (a JSON text); anything unreadable is no record, never an error. */
export function parseUndo(raw: unknown): RecordedEntry[] {
  let parsed: unknown = raw;
  if (typeof raw === "string") {
    try {
      parsed = JSON.parse(raw);
    } catch {
      return [];
    }
  }
  const entries = (parsed as { entries?: unknown } | null)?.entries;
  return Array.isArray(entries) ? entries.filter(isEntry) : [];
}

function isEntry(e: unknown): e is RecordedEntry {
  const x = e as RecordedEntry | null;
  return (
    !!x &&
    typeof x.action === "number" &&
    Array.isArray(x.cells) &&
    Array.isArray(x.written) &&
    Array.isArray(x.createdSheets) &&
    Array.isArray(x.names) &&
    Array.isArray(x.addinSheets)
  );
}
