import { Decimal, roundKronor } from "./money";

/** The languages users read: Swedish first, English second. */
export type Lang = "sv" | "en";

/** A text in both languages. */
export interface Message {
  readonly sv: string;
  readonly en: string;
}

const LOCALE: Record<Lang, string> = { sv: "sv-SE", en: "en-GB" };

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, maxDecimals: number): Intl.NumberFormat {
  const key = `${lang}:${maxDecimals}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: maxDecimals, useGrouping: true });
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * A number in the user's language from its exact decimal string, so no amount
 * passes through binary floating point on its way to the screen.
 */
export function formatNumber(value: Decimal, lang: Lang = "sv", maxDecimals = 2): string {
  // Intl formats a decimal string exactly; the cast is for lib typings that predate that.
  return numberFormat(lang, maxDecimals).format(value.toFixed() as unknown as number);
}

/** `1 386 000 kr` (sv) or `1,386,000 SEK` (en): whole kronor, rounded as everywhere else (roundKronor). */
export function formatKr(value: Decimal, lang: Lang = "sv"): string {
  const whole = roundKronor(value);
  return lang === "sv" ? `${formatNumber(whole, "sv", 0)} kr` : `${formatNumber(whole, "en", 0)} SEK`;
}

/** A signed difference: `+654 kr`, `−182 kr`. */
export function formatKrDiff(value: Decimal, lang: Lang = "sv"): string {
  return value.isPositive() && !value.isZero() ? `+${formatKr(value, lang)}` : formatKr(value, lang);
}

/** A fraction as per cent: 0.484 → `48,4 %` (sv) or `48.4%` (en). */
export function formatPercent(fraction: Decimal, lang: Lang = "sv", maxDecimals = 1): string {
  const number = formatNumber(fraction.times(100), lang, maxDecimals);
  return lang === "sv" ? `${number} %` : `${number}%`;
}

export function message(sv: string, en: string): Message {
  return { sv, en };
}
