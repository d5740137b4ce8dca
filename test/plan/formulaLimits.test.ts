/**
 * Excel's limits on every formula the add-in writes (issue 21): at most 8 192
 * characters and 255 arguments per function (src/plan/excelLimits.ts). A sum
 * past them is cut into partial sums in cells of their own, still live.
 */
import fc from "fast-check";
import { Decimal, type SourcedAmount } from "../../src/domain";
import { mostArguments, withinLimits } from "../../src/plan/excelLimits";
import { sumExpr } from "../../src/plan/formulas";

describe("Excel's limits", () => {
  it("counts each function's arguments, not commas inside text or quoted sheet names", () => {
    expect(mostArguments("=SUM(A1,A2,SUM(B1,B2,B3))")).toBe(3);
    expect(mostArguments(`=SUM('Budget, 2025'!A1,"a,b,c",A3)`)).toBe(3);
    expect(mostArguments("=TODAY()")).toBe(0);
    expect(withinLimits(`=SUM(${Array.from({ length: 255 }, (_, i) => `A${i + 1}`).join(",")})`)).toBe(true);
    expect(withinLimits(`=SUM(${Array.from({ length: 256 }, (_, i) => `A${i + 1}`).join(",")})`)).toBe(false);
    expect(withinLimits(`=${"1+".repeat(4096)}1`)).toBe(false);
  });
});

/** Amounts on cost lines that stand apart (a heading between each two), in one or more columns and sheets. */
const amountsArbitrary = fc
  .record({
    lines: fc.integer({ min: 1, max: 5000 }),
    sheets: fc.constantFrom(["Budget"], ["Budget 2025 (reviderad)"], ["Budget", "Resultatbudget 2025"]),
    gap: fc.integer({ min: 1, max: 3 }),
    factor: fc.constantFrom(1, -1, 1000, -1000),
    textEvery: fc.option(fc.integer({ min: 2, max: 50 })),
  })
  .map(({ lines, sheets, gap, factor, textEvery }) =>
    Array.from({ length: lines }, (_, i): SourcedAmount => {
      const raw = 1000 + ((i * 7919) % 50_000);
      const sheet = sheets[i % sheets.length]!;
      return {
        value: new Decimal(raw).times(factor),
        ref: { sheet, cell: `${i % 3 === 0 ? "C" : "B"}${5 + i * (gap + 1)}` },
        factor,
        ...(textEvery && i % textEvery === 0 ? { typedAsText: true } : {}),
      };
    }),
  );

/** Every cell a formula names, a range spelled out: "'Budget'!B5:B7" → B5, B6, B7 on Budget. */
function cellsNamed(formula: string): string[] {
  const out: string[] = [];
  for (const m of formula.matchAll(/(?:'((?:[^']|'')+)'|([A-Za-z0-9_.]+))!([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?/g)) {
    const sheet = (m[1] ?? m[2]!).replace(/''/g, "'");
    for (let r = Number(m[4]); r <= Number(m[6] ?? m[4]); r++) out.push(`${sheet}!${m[3]}${r}`);
  }
  return out;
}

describe("a sum past Excel's limits", () => {
  it("is cut into partial sums within the limits that name every cell once and add up to the sum, for up to 5 000 lines", () => {
    fc.assert(
      fc.property(amountsArbitrary, (amounts) => {
        const partials: { formula: string; expected: Decimal }[] = [];
        const expr = sumExpr(amounts, (formula, expected) => {
          partials.push({ formula, expected });
          return `X${partials.length}`;
        });
        // The sum as the control sheet writes it, halved for the state: within the limits, as every partial.
        expect(withinLimits(`=(${expr})/2`)).toBe(true);
        for (const p of partials) expect(withinLimits(p.formula)).toBe(true);
        // Every cell named once, over the sum and its partial sums; a text amount too, read from its cell.
        const named = [expr, ...partials.map((p) => p.formula)].flatMap(cellsNamed).sort();
        const cells = amounts.map((a) => `${a.ref!.sheet}!${a.ref!.cell}`);
        expect(named).toEqual(cells.sort());
        // The partial sums named by the sum add up to every amount.
        const top = [...expr.matchAll(/X(\d+)/g)].map((m) => partials[Number(m[1]) - 1]!);
        const total = amounts.reduce((s, a) => s.plus(a.value), new Decimal(0));
        if (partials.length > 0) {
          expect(expr).toMatch(/^SUM\(/);
          // The partial sums of cells (not of other partial sums) hold every amount, and the top ones add to them.
          const leaves = partials.filter((p) => !/X\d/.test(p.formula));
          expect(leaves.reduce((s, p) => s.plus(p.expected), new Decimal(0)).equals(total)).toBe(true);
          expect(top.reduce((s, p) => s.plus(p.expected), new Decimal(0)).equals(total)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("stays one formula while it fits: a few hundred adjacent lines are one range", () => {
    const amounts = Array.from({ length: 300 }, (_, i): SourcedAmount => ({
      value: new Decimal(1000),
      ref: { sheet: "Budget", cell: `B${5 + i}` },
    }));
    expect(sumExpr(amounts, () => "never")).toBe("SUM(Budget!B5:B304)");
  });
});
