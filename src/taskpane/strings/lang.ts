/** The pane's languages: Swedish first, English second. */
export type Lang = "sv" | "en";

export const LANGS: readonly Lang[] = ["sv", "en"];

export const DEFAULT_LANG: Lang = "sv";

/** Each language's name, written in that language, for the language switch. */
export const LANG_NAMES: Record<Lang, string> = { sv: "Svenska", en: "English" };

/** A table of texts: the same keys in every language (a key missing in one fails to compile). */
export type Texts = Record<Lang, Record<string, string>>;
