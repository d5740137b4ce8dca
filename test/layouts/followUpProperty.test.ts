/**
 * Issue 20, kind 8: a follow-up-only workbook is read as a follow-up and
 * checked by Rule 5's follow-up checks, whatever its layout (followUpProperty.ts).
 */
import fc from "fast-check";
import {
  expectedFollowUp,
  FOLLOW_UP_VARIATIONS,
  followUpArbitrary,
  followUpVariationsArbitrary,
  readFollowUpRendering,
  renderFollowUp,
} from "./followUpProperty";

const NUM_RUNS = Number(process.env.LAYOUT_RUNS ?? 200);

describe("a follow-up reads the same in every layout", () => {
  it(`gives Rule 5's follow-up findings, on the same cells, under ${FOLLOW_UP_VARIATIONS.join(", ")}`, async () => {
    await fc.assert(
      fc.asyncProperty(followUpArbitrary, followUpVariationsArbitrary, async (followUp, variations) => {
        const canonical = await readFollowUpRendering(renderFollowUp(followUp, []));
        expect(canonical).toEqual(expectedFollowUp(followUp));
        expect(await readFollowUpRendering(renderFollowUp(followUp, variations))).toEqual(canonical);
      }),
      { numRuns: NUM_RUNS, endOnFailure: true },
    );
  }, 600_000);
});
