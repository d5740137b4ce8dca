/** Interleaved rounds for the benchmarks (bench.ts, bench-sie.ts): timings as ratios measured side by side. */
import { performance } from "node:perf_hooks";

export const RUNS = 15;

export interface Step {
  readonly label: string;
  readonly run: () => Promise<unknown> | unknown;
}

/**
 * Runs the steps in turn, round after round, so each round's steps share
 * the machine's state of the moment; reports each step's median and the
 * median of the per-round ratios to the first step.
 */
export async function interleaved(steps: readonly Step[]): Promise<{ medians: number[]; ratios: number[] }> {
  for (const step of steps) await step.run(); // warm up: the first run pays for compiling the code
  const times: number[][] = steps.map(() => []);
  for (let round = 0; round < RUNS; round++) {
    for (const [i, step] of steps.entries()) {
      const start = performance.now();
      await step.run();
      times[i]!.push(performance.now() - start);
    }
  }
  const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const medians = times.map(median);
  const ratios = times.map((t) => median(t.map((x, round) => x / times[0]![round]!)));
  steps.forEach((step, i) => console.log(`  ${step.label.padEnd(46)} ${medians[i]!.toFixed(0).padStart(6)} ms`));
  return { medians, ratios };
}
