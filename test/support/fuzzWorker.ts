/**
 * Runs fuzz cases in a thread of their own (fuzzRun.ts stops it when a case
 * passes its time budget): the check command on the damaged file, with
 * --json and --out, then whether the input changed and the copy re-opens.
 */
import { TEST_CLOCK } from "./clock";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parentPort } from "node:worker_threads";
import { runCheck } from "../../src/cli/check";
import { readGridFromFile } from "../../src/xlsx/readGrid";
import { bytesOf, type FuzzCase } from "./fuzzCases";

export interface CaseRun {
  readonly status: number;
  readonly stderr: readonly string[];
  readonly stdoutBytes: number;
  readonly inputChanged: boolean;
  /** With exit 0: whether the --out copy was written and reads back. */
  readonly outReopens: boolean | undefined;
  readonly ms: number;
}

const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

parentPort!.on("message", async ({ c, readTimeoutMs }: { c: FuzzCase; readTimeoutMs: number }) => {
  const dir = mkdtempSync(join(tmpdir(), "finsam-fuzz-"));
  try {
    const input = join(dir, "budget.xlsx");
    const out = join(dir, "annoterad.xlsx");
    writeFileSync(input, await bytesOf(c));
    const before = sha(input);
    const stderr: string[] = [];
    let stdoutBytes = 0;
    const start = performance.now();
    const status = await runCheck(
      [input, "--json", "--out", out],
      (s) => (stdoutBytes += s.length),
      (s) => stderr.push(s),
      TEST_CLOCK,
      { timeoutMs: readTimeoutMs, memoryMb: 2_048 },
    );
    const ms = performance.now() - start;
    let outReopens: boolean | undefined;
    if (status === 0) {
      try {
        await readGridFromFile(out);
        outReopens = true;
      } catch {
        outReopens = false;
      }
    }
    const run: CaseRun = { status, stderr, stdoutBytes, inputChanged: sha(input) !== before, outReopens, ms };
    parentPort!.postMessage(run);
  } catch (error) {
    parentPort!.postMessage({ failure: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
