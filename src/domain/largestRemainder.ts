import { FinsamInputError } from "./errors";
import { Decimal, ZERO, sum } from "./money";

/**
 * Splits a whole number of kronor by weights into whole kronor that sum exactly
 * to the total (Hamilton's method, DOMAIN.md Rule 2):
 * floor every exact share total × w_i / Σw, then give the kronor left over one
 * each to the largest fractional parts; ties go to the larger weight, then to
 * the earlier entry (sheet order).
 *
 * Exact: shares are compared as integer remainders over the common
 * denominator Σw, so no quotient is ever rounded.
 */
export function largestRemainder(total: Decimal, weights: readonly Decimal[]): Decimal[] {
  return rememberedSplit(ALLOCATED, total, weights, allocate);
}

/** The exact (unrounded) shares total × w_i / Σw, to the engine's precision. */
export function exactShares(total: Decimal, weights: readonly Decimal[]): Decimal[] {
  return rememberedSplit(EXACT, total, weights, divide);
}

type Splits = WeakMap<readonly Decimal[], Map<string, readonly Decimal[]>>;
const ALLOCATED: Splits = new WeakMap();
const EXACT: Splits = new WeakMap();

/** The same key splits the same quarter for each year and scenario: a split is remembered by weights and total. */
function rememberedSplit(
  memo: Splits,
  total: Decimal,
  weights: readonly Decimal[],
  split: (total: Decimal, weights: readonly Decimal[]) => Decimal[],
): Decimal[] {
  let byTotal = memo.get(weights);
  if (!byTotal) memo.set(weights, (byTotal = new Map()));
  const key = total.toFixed();
  const known = byTotal.get(key);
  if (known) return [...known];
  const shares = split(total, weights);
  byTotal.set(key, shares);
  return [...shares];
}

function allocate(total: Decimal, weights: readonly Decimal[]): Decimal[] {
  if (!total.isInteger() || total.isNegative()) {
    throw new FinsamInputError("INPUT_AMOUNT", `Totalen måste vara hela kronor och inte negativ: ${total.toFixed()}`);
  }
  if (weights.length === 0) {
    throw new FinsamInputError("INPUT_NO_KOMMUN", "Det finns inget att fördela beloppet på.");
  }
  if (weights.some((w) => !w.isFinite() || w.isNegative())) {
    throw new FinsamInputError("INPUT_KEY", "En fördelningsnyckel är negativ eller saknas.");
  }
  // Exact integers: the weights scaled to whole numbers by their most decimals, so every share and remainder is a BigInt.
  const scale = new Decimal(10).pow(Math.max(0, ...weights.map((w) => w.decimalPlaces())));
  const scaled = weights.map((w) => BigInt(w.times(scale).toFixed(0)));
  const whole = BigInt(total.toFixed(0));
  const denominator = scaled.reduce((acc, w) => acc + w, 0n);
  if (denominator === 0n) {
    throw new FinsamInputError("INPUT_KEY", "Fördelningsnyckeln summerar till noll.");
  }

  const parts = scaled.map((weight, index) => {
    const numerator = whole * weight;
    return { index, weight, floor: numerator / denominator, remainder: numerator % denominator };
  });
  const leftover = Number(whole - parts.reduce((acc, p) => acc + p.floor, 0n));

  const byRemainder = [...parts].sort(
    (a, b) => compare(b.remainder, a.remainder) || compare(b.weight, a.weight) || a.index - b.index,
  );
  const bonus = new Set(byRemainder.slice(0, leftover).map((p) => p.index));
  return parts.map((p) => new Decimal((bonus.has(p.index) ? p.floor + 1n : p.floor).toString()));
}

const compare = (a: bigint, b: bigint) => (a > b ? 1 : a < b ? -1 : 0);

function divide(total: Decimal, weights: readonly Decimal[]): Decimal[] {
  const denominator = sum(weights);
  if (denominator.isZero()) return weights.map(() => ZERO);
  return weights.map((w) => total.times(w).dividedBy(denominator));
}
