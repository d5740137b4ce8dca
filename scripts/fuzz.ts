/**
 * npm run fuzz -- [--cases 3000] [--seed 13]
 *
 * The issue-13 fuzz run: damaged workbooks made by fast-check from the
 * fixtures and the example (test/support/fuzzCases.ts), each run through the
 * check command with --json and --out in a worker with a time budget. Prints
 * the counts by kind and outcome, then the slowest case's time and peak
 * memory as a ratio to the example workbook's own run.
 */
import fc from "fast-check";
import { EXAMPLE } from "../test/support/paths";
import { describeCase, fuzzCase, type FuzzCase, KINDS } from "../test/support/fuzzCases";
import { BAD, type CaseResult, type Outcome, runCases } from "../test/support/fuzzRun";

const OUTCOMES: readonly Outcome[] = [
  "analysed",
  "refused",
  "hang",
  "internal-error",
  "changed-input",
  "broken-output",
];

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} takes a positive whole number`);
  return value;
}

async function main(): Promise<number> {
  const count = option("--cases", 3_000);
  const seed = option("--seed", 13);
  // The example itself, unchanged, as the yardstick, run twice (the first warms the worker up).
  const reference: FuzzCase = { base: EXAMPLE, kind: "original", seed: 1 };
  const cases = fc.sample(fuzzCase, { numRuns: count, seed });
  const started = performance.now();
  const results = await runCases([reference, reference, ...cases], {
    caseTimeoutMs: 120_000,
    readTimeoutMs: 60_000,
    onResult: (r, i) => {
      if (BAD.includes(r.outcome)) process.stderr.write(`\n${describeCase(r.c)}: ${r.outcome} ${r.detail}\n`);
      if (i % 100 === 0) process.stderr.write(`${i}/${count + 2}\r`);
    },
  });
  const [, example, ...rest] = results as [CaseResult, CaseResult, ...CaseResult[]];

  const table: string[][] = [["kind", ...OUTCOMES, "slowest ms"]];
  for (const kind of KINDS) {
    const of = rest.filter((r) => r.c.kind === kind);
    table.push([
      kind,
      ...OUTCOMES.map((o) => String(of.filter((r) => r.outcome === o).length)),
      String(Math.round(of.reduce((m, r) => Math.max(m, r.ms), 0))),
    ]);
  }
  table.push(["total", ...OUTCOMES.map((o) => String(rest.filter((r) => r.outcome === o).length)), ""]);
  const widths = table[0]!.map((_, j) => table.reduce((m, row) => Math.max(m, row[j]!.length), 0));
  for (const row of table)
    console.log(row.map((cell, j) => (j === 0 ? cell.padEnd(widths[j]!) : cell.padStart(widths[j]!))).join("  "));

  const slowest = rest.reduce((a, b) => (b.ms > a.ms ? b : a));
  const hungriest = rest.reduce((a, b) => (b.peakMb > a.peakMb ? b : a));
  console.log(`\n${rest.length} cases, seed ${seed}, ${Math.round((performance.now() - started) / 1000)} s in all.`);
  console.log(
    `The example workbook (unchanged): ${Math.round(example.ms)} ms, peak ${Math.round(example.peakMb)} MB resident.`,
  );
  console.log(
    `Slowest case: ${describeCase(slowest.c)}, ${Math.round(slowest.ms)} ms = ${(slowest.ms / example.ms).toFixed(1)} × the example; peak ${Math.round(slowest.peakMb)} MB = ${(slowest.peakMb / example.peakMb).toFixed(2)} ×.`,
  );
  console.log(
    `Most memory: ${describeCase(hungriest.c)}, peak ${Math.round(hungriest.peakMb)} MB = ${(hungriest.peakMb / example.peakMb).toFixed(2)} × the example.`,
  );
  return rest.some((r) => BAD.includes(r.outcome)) ? 1 : 0;
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
