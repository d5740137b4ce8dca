import fc from "fast-check";
import { Decimal, FinsamInputError, exactShares, largestRemainder } from "../../src/domain";

const d = (values: number[]) => values.map((v) => new Decimal(v));
const n = (values: Decimal[]) => values.map((v) => v.toNumber());

describe("largestRemainder", () => {
  it.each([
    // total, weights, expected kronor
    [2161000, [43674, 28269, 7528, 5512, 5309], [1045270, 676575, 180171, 131921, 127063]],
    [4320500, [21889, 144458, 14673, 7660], [501226, 3307880, 335991, 175403]],
    [3888450, [21889, 144458, 14673, 7660], [451104, 2977092, 302391, 157863]],
    [3499605, [21889, 144458, 14673, 7660], [405994, 2679383, 272152, 142076]],
    [10, [1, 1, 1], [4, 3, 3]],
    [10, [1, 2, 1], [3, 5, 2]],
    [2, [1, 1, 1], [1, 1, 0]],
    [1, [1, 3], [0, 1]],
    [0, [5, 7], [0, 0]],
    [100, [1], [100]],
  ])("splits %d by %j into %j", (total, weights, expected) => {
    expect(n(largestRemainder(new Decimal(total), d(weights)))).toEqual(expected);
  });

  it("gives a tie to the larger weight, then to the earlier entry", () => {
    // 7 × 1/4 = 1.75 and 7 × 3/4 = 5.25 → floors 1 and 5; leftover 1 goes to the larger remainder.
    expect(n(largestRemainder(new Decimal(7), d([1, 3])))).toEqual([2, 5]);
    // 0.5, 1.5, 1.0: equal remainders 0.5, and the larger weight wins though it stands later.
    expect(n(largestRemainder(new Decimal(3), d([2, 6, 4])))).toEqual([0, 2, 1]);
    expect(n(largestRemainder(new Decimal(1), d([1, 1])))).toEqual([1, 0]);
  });

  it("works with fixed percentages with a decimal comma's precision", () => {
    expect(n(largestRemainder(new Decimal(2161000), d([48.4, 31.3, 8.3, 6.1, 5.9])))).toEqual([
      1045924, 676393, 179363, 131821, 127499,
    ]);
  });

  it("refuses input it cannot split, with a typed error", () => {
    expect(() => largestRemainder(new Decimal(10), [])).toThrow(FinsamInputError);
    expect(() => largestRemainder(new Decimal(10), d([0, 0]))).toThrow(/noll/);
    expect(() => largestRemainder(new Decimal(10), d([1, -1]))).toThrow(FinsamInputError);
    expect(() => largestRemainder(new Decimal(10.5), d([1, 1]))).toThrow(/hela kronor/);
    expect(() => largestRemainder(new Decimal(-1), d([1, 1]))).toThrow(FinsamInputError);
  });

  const totals = fc.bigInt({ min: 0n, max: 10n ** 10n }).map((v) => new Decimal(v.toString()));
  const populations = fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 290 });

  it("always sums to the total (property)", () => {
    fc.assert(
      fc.property(totals, populations, (total, pops) => {
        const shares = largestRemainder(total, d(pops));
        return shares.reduce((a, s) => a.plus(s), new Decimal(0)).equals(total);
      }),
      { numRuns: 300 },
    );
  });

  it("never moves a share by a krona or more from its exact value (property)", () => {
    fc.assert(
      fc.property(totals, populations, (total, pops) => {
        const shares = largestRemainder(total, d(pops));
        const exact = exactShares(total, d(pops));
        return shares.every((s, i) => s.isInteger() && s.minus(exact[i]!).abs().lessThan(1) && !s.isNegative());
      }),
      { numRuns: 300 },
    );
  });

  it("rounds each share to its floor or ceiling, and gives the leftover to the largest remainders (property)", () => {
    fc.assert(
      fc.property(totals, populations, (total, pops) => {
        const shares = largestRemainder(total, d(pops));
        const exact = exactShares(total, d(pops));
        const raised = shares.map((s, i) => s.greaterThan(exact[i]!.floor()));
        const fraction = exact.map((e) => e.minus(e.floor()));
        // Every raised share has a fraction at least as large as every share left at its floor.
        return fraction.every((f, i) => !raised[i] || fraction.every((g, j) => raised[j] || f.greaterThanOrEqualTo(g)));
      }),
      { numRuns: 200 },
    );
  });
});
