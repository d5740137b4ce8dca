import { Decimal, formatKr, formatKrDiff, formatNumber, formatPercent, fromKronor, type Unit } from "../domain";
import type { Lang } from "./strings";
import { timeOfDay } from "./timeOfDay";

/**
 * How the pane writes numbers: every one goes through Intl (src/domain/format.ts), in the
 * user's language, and in the unit the user chose to read amounts in (kr, tkr with one decimal, Mkr with two).
 */
export interface PaneFormat {
  readonly lang: Lang;
  readonly unit: Unit;
  /** An amount in kronor, in the chosen unit: `1 045 270 kr`, `1 045,3 tkr`. */
  money(kronor: Decimal): string;
  /** A signed difference: `+654 kr`, `−182 kr`. */
  diff(kronor: Decimal): string;
  /** A fraction as per cent: `48,4 %`. */
  percent(fraction: Decimal, decimals?: number): string;
  /** A count or a population: `43 674`. */
  count(value: Decimal | number): string;
  /** A time of day in the user's own zone, with the date when it is not `now`'s day (the injected clock's). */
  time(date: Date, now: Date): string;
}

const MINUS = "\u2212";

/** Decimals shown per unit: whole kronor, tenths of a tkr, hundredths of an Mkr. */
export const UNIT_DECIMALS: Readonly<Record<Unit, number>> = { kr: 2, tkr: 1, Mkr: 2 };

/** The unit's name in each language. */
export const UNIT_NAME: Readonly<Record<Lang, Readonly<Record<Unit, string>>>> = {
  sv: { kr: "kr", tkr: "tkr", Mkr: "Mkr" },
  en: { kr: "SEK", tkr: "kSEK", Mkr: "MSEK" },
};

export function paneFormat(lang: Lang, unit: Unit = "kr"): PaneFormat {
  const scaled = (kronor: Decimal) =>
    `${formatNumber(fromKronor(kronor, unit), lang, UNIT_DECIMALS[unit])} ${UNIT_NAME[lang][unit]}`;
  const money = (kronor: Decimal) => (unit === "kr" ? formatKr(kronor, lang) : scaled(kronor));
  return {
    lang,
    unit,
    money,
    diff: (kronor) => {
      if (unit === "kr") return withMinus(formatKrDiff(kronor, lang));
      return kronor.isPositive() && !kronor.isZero() ? `+${scaled(kronor)}` : withMinus(scaled(kronor));
    },
    percent: (fraction, decimals = 1) => formatPercent(fraction, lang, decimals),
    count: (value) => formatNumber(value instanceof Decimal ? value : new Decimal(value), lang, 0),
    time: (date, now) => timeOfDay(lang, date, now),
  };
}

/** Intl writes a hyphen-minus in some engines; the pane shows the typographic minus, as the engine's messages do. */
function withMinus(text: string): string {
  return text.replace(/^-/, MINUS);
}
