/**
 * The pane's one string table: t(lang, key) for every text it shows, in Swedish and English.
 * Three sections share it: the pane's own keys, `plan.…` for Flerårsplan and `followUp.…` for
 * Uppföljning. The last two arrive with the chunks that use them (withPlan.ts, withFollowUp.ts), to
 * keep the first load small.
 * `{name}` marks a value filled in by t(); numbers are formatted before (formatKr, formatPercent).
 */
import type { FOLLOW_UP } from "./followUp";
import type { Lang, Texts } from "./lang";
import { PANE } from "./pane";
import type { PLAN } from "./plan";

export { DEFAULT_LANG, LANG_NAMES, LANGS, type Lang } from "./lang";

type KeysOf<T extends Texts, Prefix extends string> = `${Prefix}${keyof T["sv"] & string}`;

/** Every key t() knows. */
export type TextKey = KeysOf<typeof PANE, ""> | KeysOf<typeof PLAN, "plan."> | KeysOf<typeof FOLLOW_UP, "followUp.">;

/** Each language has every key of the other (checked when the tables are added). */
type SameKeys<T extends Texts> = T & {
  sv: Record<keyof T["en"], string>;
  en: Record<keyof T["sv"], string>;
};

const TEXTS: Record<Lang, Map<string, string>> = { sv: new Map(), en: new Map() };

/** Adds a section's texts under its prefix; the follow-up's chunk calls it when it loads. */
export function addTexts<T extends Texts>(prefix: "" | "plan." | "followUp.", texts: SameKeys<T>): void {
  for (const lang of Object.keys(TEXTS) as Lang[]) {
    for (const [key, text] of Object.entries(texts[lang])) TEXTS[lang].set(prefix + key, text);
  }
}

addTexts("", PANE);

/** The text for a key in a language, with `{name}` filled from vars; a key not yet loaded shows as itself. */
export function t(lang: Lang, key: TextKey, vars?: Readonly<Record<string, string | number>>): string {
  const text = TEXTS[lang].get(key) ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole)) : text;
}

/** A text in both languages, for a message that outlives a change of language. */
export function both(key: TextKey, vars?: Readonly<Record<string, string | number>>): { sv: string; en: string } {
  return { sv: t("sv", key, vars), en: t("en", key, vars) };
}
