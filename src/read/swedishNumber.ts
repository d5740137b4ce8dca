import { Decimal, type Unit } from "../domain";
import { isCellError, type CellValue } from "../grid";

/** What an amount cell holds, read the Swedish way. */
export type AmountReading =
  | { readonly kind: "empty" }
  | { readonly kind: "amount"; readonly value: Decimal; readonly typedAsText: boolean; readonly unit?: Unit }
  | { readonly kind: "error"; readonly error: string }
  | { readonly kind: "text"; readonly text: string };

/** Spaces that Swedish amounts use as thousands separators: space, no-break, narrow no-break, thin. */
const SPACES = /[\s\u00a0\u202f\u2009\u2007]/g;
const MINUS = /^[-\u2212\u2013\u2012]/;

/**
 * Reads `1 386 000 kr`, `1255,5`, `−785`, `-785`, `(785)`, `12,5 tkr` and
 * plain numbers. A number stored as text is read, and marked so.
 */
export function readAmount(value: CellValue): AmountReading {
  if (value === null || value === "") return { kind: "empty" };
  if (typeof value === "number") {
    return Number.isFinite(value)
      ? { kind: "amount", value: new Decimal(value), typedAsText: false }
      : { kind: "error", error: String(value) };
  }
  if (typeof value === "boolean") return { kind: "text", text: String(value) };
  if (isCellError(value)) return { kind: "error", error: value.error };
  const parsed = parseSwedishNumber(value);
  return parsed ? { kind: "amount", typedAsText: true, ...parsed } : { kind: "text", text: value };
}

/**
 * What kind of content a cell has, and its sign, without building a Decimal:
 * the locator asks this of every cell, often several times.
 */
export function amountKind(value: CellValue): Kind {
  if (value === null || value === "") return KINDS.empty;
  if (typeof value === "number")
    return !Number.isFinite(value) ? KINDS.error : value > 0 ? KINDS.positive : value < 0 ? KINDS.negative : KINDS.zero;
  const reading = readAmount(value);
  if (reading.kind !== "amount") return KINDS[reading.kind];
  return reading.value.isZero() ? KINDS.zero : reading.value.isNegative() ? KINDS.negative : KINDS.positive;
}

type Kind = { readonly kind: AmountReading["kind"]; readonly sign: -1 | 0 | 1 };
/** One object per answer: the reader asks of every cell several times, and need not allocate. */
const KINDS = {
  empty: { kind: "empty", sign: 0 },
  error: { kind: "error", sign: 0 },
  text: { kind: "text", sign: 0 },
  zero: { kind: "amount", sign: 0 },
  positive: { kind: "amount", sign: 1 },
  negative: { kind: "amount", sign: -1 },
} as const satisfies Record<string, Kind>;

/** A number written as text, Swedish or plain; undefined when it is not one. */
export function parseSwedishNumber(text: string): { value: Decimal; unit?: Unit } | undefined {
  let s = text.trim();
  // Most texts asked are labels: one that does not start as a number ("(1 200)", "−785", "1 386 000") is none.
  if (!/^[(\d]/.test(s) && !MINUS.test(s)) return undefined;
  let unit: Unit | undefined;
  const unitMatch = /\s*(mkr|msek|tkr|ksek|kr|sek|:-)\.?$/i.exec(s);
  if (unitMatch) {
    const u = unitMatch[1]!.toLowerCase();
    unit = u === "mkr" || u === "msek" ? "Mkr" : u === "tkr" || u === "ksek" ? "tkr" : "kr";
    s = s.slice(0, unitMatch.index);
  }
  s = s.replace(SPACES, "");
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (MINUS.test(s)) {
    negative = !negative;
    s = s.slice(1);
  }
  if (s.includes(",")) {
    // Decimal comma; any dots are thousands separators ("1.386.000,50").
    if ((s.match(/,/g) ?? []).length > 1) return undefined;
    s = s.replace(/\./g, "").replace(",", ".");
  } else if ((s.match(/\./g) ?? []).length > 1) {
    s = s.replace(/\./g, "");
  }
  if (!/^\d+(\.\d+)?$/.test(s)) return undefined;
  const value = new Decimal(s);
  return { value: negative ? value.negated() : value, ...(unit ? { unit } : {}) };
}

const MAY_HOLD_YEAR = /19[9]\d|20\d\d|2100/;
const YEARS = /(?<![\d-])(?<!\d[,.])(19[9]\d|20\d\d|2100)(?![\d-])(?![,.]\d)/g;

/** A year written as a number or inside a header: 2025, "Budget 2025", "Plan 2026", "Prognos 2024". */
export function yearIn(value: CellValue): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) && value >= 1990 && value <= 2100 ? value : undefined;
  // Most texts asked are labels with no year-like digits; a test allocates nothing, a match does.
  if (typeof value !== "string" || !MAY_HOLD_YEAR.test(value)) return undefined;
  // Not inside a longer number: "2025-12-31", "0,2065" and "1.2030" hold no year.
  const years = value.match(YEARS);
  return years?.length === 1 ? Number(years[0]) : undefined;
}
