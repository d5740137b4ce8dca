/**
 * Browser mode: reads an .xlsx in a Web Worker with a time budget (the Node side is
 * src/cli/readInWorker.ts), so a parser that never returns, or takes its time to fail, cannot freeze
 * the pane: the budget is the worker's, and the page stays free while it runs. The worker itself is
 * made by `spawn` (spawnReadWorker.ts in the pane, a fake in tests).
 */
import type { Grid } from "../grid";
import { READ_TIMEOUT_MS, readTimedOut } from "./readBudget";
import { WorkbookReadError, type WorkbookReadErrorCode } from "./readGrid";

export type WebWorkerAnswer =
  | { readonly kind: "grid"; readonly grid: Grid }
  | { readonly kind: "read-error"; readonly code: WorkbookReadErrorCode; readonly message: string }
  | { readonly kind: "internal"; readonly detail: string };

/** What the reader needs of a Web Worker. */
export interface ReadWorker {
  onmessage: ((event: MessageEvent<WebWorkerAnswer>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: { bytes: Uint8Array; fileName: string }): void;
  terminate(): void;
}

export interface WebWorkerReadOptions {
  /** A new worker running readGrid.worker.ts. */
  readonly spawn: () => ReadWorker;
  /** How long the worker may take before it is stopped, in milliseconds (READ_TIMEOUT_MS by default). */
  readonly timeoutMs?: number;
}

export function readGridInWebWorker(
  bytes: Uint8Array,
  fileName: string,
  { spawn, timeoutMs = READ_TIMEOUT_MS }: WebWorkerReadOptions,
): Promise<Grid> {
  return new Promise<Grid>((resolve, reject) => {
    const worker = spawn();
    // The worker's own clock: it starts now, whether or not the worker ever loads or answers.
    const timer = setTimeout(() => {
      worker.terminate();
      reject(readTimedOut(fileName, timeoutMs));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      worker.terminate();
    };
    worker.onmessage = (e) => {
      done();
      const a = e.data;
      if (a.kind === "grid") resolve(a.grid);
      else if (a.kind === "read-error") reject(new WorkbookReadError(a.code, a.message, fileName));
      else
        reject(
          new WorkbookReadError(
            "CORRUPT",
            `Filen ${fileName} kunde inte läsas: ett internt fel i Finsam-budget stoppade läsningen.`,
            fileName,
          ),
        );
    };
    worker.onerror = () => {
      done();
      reject(
        new WorkbookReadError(
          "CORRUPT",
          `Filen ${fileName} kunde inte läsas: läsningen avbröts (för stor fil eller ett internt fel).`,
          fileName,
        ),
      );
    };
    // A copy: the pane keeps its bytes for the file port.
    worker.postMessage({ bytes: bytes.slice(), fileName });
  });
}

/**
 * The budget a page address asks for: `?readBudget=5` (seconds, the end-to-end test's) shortens it;
 * anything else, or more than the default, leaves READ_TIMEOUT_MS.
 */
export function readBudgetFromQuery(search: string): number {
  const asked = new URLSearchParams(search).get("readBudget");
  const seconds = asked !== null && /^\d+$/.test(asked) ? Number(asked) : NaN;
  return seconds >= 1 && seconds * 1000 <= READ_TIMEOUT_MS ? seconds * 1000 : READ_TIMEOUT_MS;
}
