/**
 * The layout property: one budget rendered in any combination of layout
 * variations (generator.ts) is read as the canonical rendering is: the same
 * shares, the same plan, the same findings by code, year, scenario and cell
 * (mapped through the rendering), and the canonical rendering as the
 * independent calculation expects (expected.ts).
 *
 * VARIATIONS_UNDER_TEST is the set the property draws from: all of them.
 */
import fc from "fast-check";
import { VARIATIONS, type Variation } from "./generator";
import { budgetArbitrary, expectedReading, readRendering, render, variationsArbitrary } from "./layoutProperty";

/** Every variation of the generator; a comma list in LAYOUT_VARIATIONS runs the property on fewer, to find a failure's cause. */
const fromEnv = process.env.LAYOUT_VARIATIONS;
export const VARIATIONS_UNDER_TEST: readonly Variation[] =
  fromEnv && fromEnv !== "all" ? (fromEnv.split(",") as Variation[]) : VARIATIONS;

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
  });
});
