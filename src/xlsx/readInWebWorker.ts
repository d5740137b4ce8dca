/**
 * Browser mode: reads an .xlsx in a Web Worker with a time budget (the Node
 * side is src/cli/readInWorker.ts). Loaded only by the pane's index.tsx, in
 * the xlsx chunk: webpack bundles the worker from the `new URL(…,
 * import.meta.url)` below.
 */
import type { Grid } from "../sheet/grid";
import { WorkbookReadError, type WorkbookReadErrorCode } from "./readGrid";

export type WebWorkerAnswer =
  | { readonly kind: "grid"; readonly grid: Grid }
  | { readonly kind: "read-error"; readonly code: WorkbookReadErrorCode; readonly message: string }
  | { readonly kind: "internal"; readonly detail: string };

export const BROWSER_READ_TIMEOUT_MS = 60_000;

export function readGridInWebWorker(
  bytes: Uint8Array,
  fileName: string,
  timeoutMs: number = BROWSER_READ_TIMEOUT_MS,
): Promise<Grid> {
  const worker = new Worker(/* webpackChunkName: "xlsx-worker" */ new URL("./readGrid.worker.ts", import.meta.url));
  return new Promise<Grid>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      worker.terminate();
    };
    const timer = setTimeout(() => {
      done();
      reject(
        new WorkbookReadError(
          "TIMEOUT",
          `Filen ${fileName} kunde inte läsas: läsningen tog längre än ${Math.round(timeoutMs / 1000)} sekunder och avbröts (filen är troligen skadad eller sparad på ett sätt som läsaren inte klarar).`,
          fileName,
        ),
      );
    }, timeoutMs);
    worker.onmessage = (e: MessageEvent<WebWorkerAnswer>) => {
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
