import Decimal from "decimal.js";

/**
 * Every amount in the engine is a Decimal in whole or fractional kronor.
 * 40 significant digits keep every product and quotient we form exact for
 * budgets far beyond any förbund's (the largest are about 10^8 kr).
 * ROUND_HALF_UP rounds halves away from zero, exactly as Excel's ROUND does,
 * so the formulas written for the revisor give the engine's numbers.
 */
Decimal.set({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export { Decimal };

/** The unit a sheet states its amounts in: kronor, thousands (tkr) or millions (Mkr). */
export type Unit = "kr" | "tkr" | "Mkr";

/** Kronor per one of the unit. */
export const UNIT_FACTOR: Readonly<Record<Unit, number>> = { kr: 1, tkr: 1000, Mkr: 1_000_000 };

export const ZERO = new Decimal(0);

/** A Decimal from a number or a plain decimal string ("1255.5"). */
export function dec(value: Decimal.Value): Decimal {
  return new Decimal(value);
}

/**
 * The one place where the engine rounds money: to whole kronor, halves away
 * from zero (Excel's ROUND(x;0)). The kommun key does not round: it allocates
 * whole kronor by largest remainder (largestRemainder.ts).
 */
export function roundKronor(amount: Decimal): Decimal {
  return amount.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
}

/** Sheet amounts are kr, tkr or Mkr; the engine works in kronor. */
export function toKronor(amount: Decimal, unit: Unit): Decimal {
  return unit === "kr" ? amount : amount.times(UNIT_FACTOR[unit]);
}

export function fromKronor(amount: Decimal, unit: Unit): Decimal {
  return unit === "kr" ? amount : amount.dividedBy(UNIT_FACTOR[unit]);
}

/**
 * The exact sum. Whole kronor below 2^53 / n add exactly as plain numbers,
 * which a list of thousands of lines needs; anything else adds as Decimal.
 */
export function sum(amounts: readonly Decimal[]): Decimal {
  const plain = plainTotal(amounts.map((a) => (a.isInteger() ? a.toNumber() : undefined)));
  return plain !== undefined ? new Decimal(plain) : amounts.reduce((acc, x) => acc.plus(x), ZERO);
}

/**
 * The exact sum of amounts read from cells: by their plain whole kronor where
 * every one has them (no Decimal is made per cell), else as sum() does.
 */
export function sumAmounts(amounts: readonly { readonly value: Decimal; readonly wholeKronor?: number }[]): Decimal {
  const plain = plainTotal(amounts.map((a) => a.wholeKronor));
  return plain !== undefined ? new Decimal(plain) : sum(amounts.map((a) => a.value));
}

/** The total of whole numbers each below 2^53 / n, which adds exactly; undefined where one is not such a number. */
function plainTotal(values: readonly (number | undefined)[]): number | undefined {
  const limit = Number.MAX_SAFE_INTEGER / Math.max(1, values.length);
  let total = 0;
  for (const n of values) {
    if (n === undefined || !Number.isInteger(n) || Math.abs(n) > limit) return undefined;
    total += n;
  }
  return total;
}

export function isWholeKronor(amount: Decimal): boolean {
  return amount.isInteger();
}
