/**
 * Runs fuzz cases one by one in a worker thread with a time budget per case
 * and sorts each into an outcome: what the issue-13 promise allows (analysed,
 * refused with one Swedish line) and what it does not (a hang, an internal
 * error, a changed input, a broken --out copy).
 */
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { FuzzCase } from "./fuzzCases";
import type { CaseRun } from "./fuzzWorker";

export type Outcome = "analysed" | "refused" | "hang" | "internal-error" | "changed-input" | "broken-output";
export const BAD: readonly Outcome[] = ["hang", "internal-error", "changed-input", "broken-output"];

export interface CaseResult {
  readonly c: FuzzCase;
  readonly outcome: Outcome;
  readonly ms: number;
  /** The process's peak resident memory while the case ran, in MB (sampled). */
  readonly peakMb: number;
  readonly detail: string;
}

function spawn(): Worker {
  const entry = join(__dirname, "fuzzWorker.ts");
  return new Worker(`require(${JSON.stringify(require.resolve("tsx/cjs"))}); require(${JSON.stringify(entry)});`, {
    eval: true,
  });
}

/** One line, no stack, no English internal message (the messages are Swedish; the English ones are errors' own). */
function swedishLine(lines: readonly string[]): boolean {
  return (
    lines.length === 1 &&
    !/internt fel|\bat .*\(|Error|node_modules|undefined|Invalid|Maximum|Cannot|is not|of null|Unexpected/.test(
      lines[0]!,
    )
  );
}

export function classify(run: CaseRun): { outcome: Outcome; detail: string } {
  const text = run.stderr.join(" | ");
  if (run.inputChanged) return { outcome: "changed-input", detail: text };
  if (run.stderr.some((l) => /internt fel/.test(l))) return { outcome: "internal-error", detail: text };
  if (run.stderr.some((l) => /tog längre än/.test(l))) return { outcome: "hang", detail: text };
  if (run.status === 0)
    return run.outReopens ? { outcome: "analysed", detail: "" } : { outcome: "broken-output", detail: text };
  if (run.status === 3) return { outcome: "broken-output", detail: text };
  if (run.status === 2 && swedishLine(run.stderr)) return { outcome: "refused", detail: text };
  return { outcome: "internal-error", detail: `exit ${run.status}: ${text}` };
}

export async function runCases(
  cases: readonly FuzzCase[],
  options: { caseTimeoutMs: number; readTimeoutMs: number; onResult?: (r: CaseResult, i: number) => void },
): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  let worker = spawn();
  try {
    for (const [i, c] of cases.entries()) {
      let peak = process.memoryUsage().rss;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 25);
      const start = performance.now();
      const answer = await new Promise<CaseRun | { failure: string } | "timeout">((resolve) => {
        const timer = setTimeout(() => resolve("timeout"), options.caseTimeoutMs);
        worker.once("message", (m: CaseRun | { failure: string }) => {
          clearTimeout(timer);
          resolve(m);
        });
        worker.postMessage({ c, readTimeoutMs: options.readTimeoutMs });
      });
      clearInterval(sampler);
      const ms = performance.now() - start;
      let result: CaseResult;
      if (answer === "timeout") {
        await worker.terminate();
        worker = spawn();
        result = { c, outcome: "hang", ms, peakMb: peak / 2 ** 20, detail: `no answer in ${options.caseTimeoutMs} ms` };
      } else if ("failure" in answer) {
        result = { c, outcome: "internal-error", ms, peakMb: peak / 2 ** 20, detail: answer.failure };
      } else {
        result = { c, ...classify(answer), ms: answer.ms, peakMb: peak / 2 ** 20 };
      }
      results.push(result);
      options.onResult?.(result, i);
    }
  } finally {
    await worker.terminate();
  }
  return results;
}
