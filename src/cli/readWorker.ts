/**
 * The worker end of readInWorker.ts: reads one .xlsx into a Grid and posts it
 * back. It runs in a thread of its own so that a parser that never returns
 * (as ExcelJS alone on test-issue-1842.xlsx, before xlsxParts.ts) can be stopped.
 */
import { parentPort } from "node:worker_threads";
import { readGridFromFile, WorkbookReadError } from "../xlsx/readGrid";
import type { WorkerAnswer } from "./readInWorker";

// One read per message: the command keeps a worker warm between reads (ExcelJS alone takes seconds to load).
parentPort!.on("message", ({ path }: { path: string }) => {
  readGridFromFile(path).then(
    (grid) => parentPort!.postMessage({ kind: "grid", grid } satisfies WorkerAnswer),
    (error: unknown) => {
      const answer: WorkerAnswer =
        error instanceof WorkbookReadError
          ? { kind: "read-error", code: error.code, message: error.message }
          : { kind: "internal", detail: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      parentPort!.postMessage(answer);
    },
  );
});
