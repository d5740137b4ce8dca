/**
 * Issue 13's promise on a few hundred damaged workbooks made by fast-check
 * from the fixtures and the example: each is analysed (exit 0, its --out copy
 * re-opens) or refused with one Swedish line (exit 2); none hangs (each case
 * runs in a worker with a time budget), none ends in an internal error, none
 * changes its input. `npm run fuzz` runs thousands.
 */
import fc from "fast-check";
import { describeCase, fuzzCase, KINDS } from "../support/fuzzCases";
import { BAD, runCases } from "../support/fuzzRun";

const CASES = 200;

it(`${CASES} damaged workbooks: no hang, no internal error, no changed input, no broken --out`, async () => {
  const cases = fc.sample(fuzzCase, { numRuns: CASES, seed: 13 });
  // Every kind of damage is in the sample.
  expect(new Set(cases.map((c) => c.kind)).size).toBe(KINDS.length);
  const results = await runCases(cases, { caseTimeoutMs: 60_000, readTimeoutMs: 30_000 });
  const bad = results
    .filter((r) => BAD.includes(r.outcome))
    .map((r) => `${describeCase(r.c)}: ${r.outcome} ${r.detail}`);
  expect(bad).toEqual([]);
  // Both outcomes the promise allows occur: the generator makes files that are read and files that are refused.
  const outcomes = new Set(results.map((r) => r.outcome));
  expect([outcomes.has("analysed"), outcomes.has("refused")]).toEqual([true, true]);
}, 900_000);
