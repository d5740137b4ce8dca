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

export type Unit = "kr" | "tkr";

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

/** Sheet amounts are kr or tkr; the engine works in kronor. */
export function toKronor(amount: Decimal, unit: Unit): Decimal {
  return unit === "tkr" ? amount.times(1000) : amount;
}

export function fromKronor(amount: Decimal, unit: Unit): Decimal {
  return unit === "tkr" ? amount.dividedBy(1000) : amount;
}

export function sum(amounts: readonly Decimal[]): Decimal {
  return amounts.reduce((acc, a) => acc.plus(a), ZERO);
}

export function isWholeKronor(amount: Decimal): boolean {
  return amount.isInteger();
}
