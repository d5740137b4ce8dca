/**
 * The layout property: one budget rendered in any combination of layout
 * variations (generator.ts) is read as the canonical rendering is: the same
 * shares, the same plan, the same findings by code, year, scenario and cell
 * (mapped through the rendering), and the canonical rendering as the
 * independent calculation expects (expected.ts).
 *
 * VARIATIONS_UNDER_TEST is the set the property draws from. It is the
 * variations today's reader supports (SUPPORTED_TODAY); widen it as the reader
 * learns, until it is VARIATIONS (all). LAYOUT_VARIATIONS=all (or a comma list)
 * runs it on another set, to see where the reader stands.
 */
import fc from "fast-check";
import { VARIATIONS, type Variation } from "./generator";
import { budgetArbitrary, expectedReading, readRendering, render, variationsArbitrary } from "./layoutProperty";

/**
 * Measured on the reader of 2026-12-01: these together pass 200 runs. Failing today:
 * yearInSheetName, totalsRows (each alone); yearInTitle passes alone but not with
 * mergedHeaders and the rest (the merged "Budget" header over a title year is taken for another year).
 */
export const SUPPORTED_TODAY: readonly Variation[] = [
  "textAmounts",
  "tkr",
  "Mkr",
  "negativeCosts",
  "synonyms",
  "blankRowsCols",
  "mergedHeaders",
  "accountColumn",
  "subtotals",
  "formulas",
  "splitSheets",
  "populationBeside",
  "yearsAsRows",
];

const fromEnv = process.env.LAYOUT_VARIATIONS;
export const VARIATIONS_UNDER_TEST: readonly Variation[] =
  fromEnv === "all" ? VARIATIONS : fromEnv ? (fromEnv.split(",") as Variation[]) : SUPPORTED_TODAY;

const NUM_RUNS = Number(process.env.LAYOUT_RUNS ?? 200);

describe("a budget reads the same in every layout", () => {
  it(`gives the canonical rendering's shares, plan and findings under ${VARIATIONS_UNDER_TEST.join(", ")}`, async () => {
    await fc.assert(
      fc.asyncProperty(budgetArbitrary, variationsArbitrary(VARIATIONS_UNDER_TEST), async (budget, variations) => {
        const canonical = await readRendering(render(budget, []));
        expect(canonical.ok).toBe(true);
        expect({ members: canonical.members, plan: canonical.plan }).toEqual(expectedReading(budget));
        const varied = await readRendering(render(budget, variations));
        expect(varied).toEqual(canonical);
      }),
      { numRuns: NUM_RUNS, endOnFailure: true },
    );
  }, 600_000);

  it("the generator covers every variation of the issue", () => {
    expect(VARIATIONS).toHaveLength(16);
    for (const v of SUPPORTED_TODAY) expect(VARIATIONS).toContain(v);
  });
});
