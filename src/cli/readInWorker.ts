/**
 * Reads an .xlsx in a worker thread with a time budget and a memory limit,
 * so that a loop or a runaway allocation in a dependency (ExcelJS 4.4.0 never
 * returns on some files Excel saves) ends as a Swedish message that the file
 * could not be read, not as a command that never returns.
 */
import { basename, join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Grid } from "../grid";
import { READ_TIMEOUT_MS, readTimedOut } from "../xlsx/readBudget";
import { WorkbookReadError, type WorkbookReadErrorCode } from "../xlsx/readGrid";

export type WorkerAnswer =
  | { readonly kind: "grid"; readonly grid: Grid }
  | { readonly kind: "read-error"; readonly code: WorkbookReadErrorCode; readonly message: string }
  | { readonly kind: "internal"; readonly detail: string };

export interface ReadLimits {
  /** How long the parse may take before it is stopped, in milliseconds. */
  readonly timeoutMs: number;
  /** The worker's heap, in MB. */
  readonly memoryMb: number;
}

export const READ_LIMITS: ReadLimits = { timeoutMs: READ_TIMEOUT_MS, memoryMb: 2_048 };

/** An error inside the add-in's own reading (not the file's): the detail is for --verbose. */
export class InternalReadError extends Error {
  override readonly name = "InternalReadError";
  constructor(readonly detail: string) {
    super("internal error while reading");
  }
}

/** A worker that has answered and waits for the next read, unref'd so it never keeps the process alive. */
let warm: { readonly worker: Worker; readonly memoryMb: number } | undefined;

function takeWorker(memoryMb: number): Worker {
  if (warm && warm.memoryMb === memoryMb) {
    const { worker } = warm;
    warm = undefined;
    worker.ref();
    return worker;
  }
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb };
  // Compiled (lib/cli, the finsam-check command), the worker is JavaScript beside this file.
  if (__filename.endsWith(".js")) return new Worker(join(__dirname, "readWorker.js"), { resourceLimits });
  // From the sources (the tests), it loads TypeScript the way they do, through tsx's require hook.
  const entry = join(__dirname, "readWorker.ts");
  return new Worker(`require(${JSON.stringify(require.resolve("tsx/cjs"))}); require(${JSON.stringify(entry)});`, {
    eval: true,
    resourceLimits,
  });
}

function giveBack(worker: Worker, memoryMb: number): void {
  worker.unref();
  if (warm) void worker.terminate();
  else warm = { worker, memoryMb };
}

export function readGridInWorker(path: string, limits: ReadLimits = READ_LIMITS): Promise<Grid> {
  const name = basename(path);
  const worker = takeWorker(limits.memoryMb);
  return new Promise<Grid>((resolve, reject) => {
    let settled = false;
    const finish = (answered: boolean, act: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      if (answered) giveBack(worker, limits.memoryMb);
      else void worker.terminate();
      act();
    };
    const timer = setTimeout(
      () => finish(false, () => reject(readTimedOut(name, limits.timeoutMs, path))),
      limits.timeoutMs,
    );
    const onMessage = (answer: WorkerAnswer) =>
      finish(true, () => {
        if (answer.kind === "grid") resolve(answer.grid);
        else if (answer.kind === "read-error") reject(new WorkbookReadError(answer.code, answer.message, path));
        else reject(new InternalReadError(answer.detail));
      });
    const onError = (error: Error & { code?: string }) =>
      finish(false, () =>
        reject(
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? new WorkbookReadError(
                "TOO_LARGE",
                `Filen ${name} kunde inte läsas: den behöver mer än ${limits.memoryMb} MB minne och läsningen avbröts.`,
                path,
              )
            : new InternalReadError(error.stack ?? error.message),
        ),
      );
    const onExit = (code: number) =>
      finish(false, () => reject(new InternalReadError(`the reading worker stopped (exit ${code}) without an answer`)));
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    worker.postMessage({ path });
  });
}
