/**
 * The pane's browser mode reads the picked .xlsx here, in a Web Worker, so a
 * parser that never returns (ExcelJS alone on test-issue-1842.xlsx) cannot freeze
 * the pane: readInWebWorker.ts stops it at its time budget.
 */
import { readGridFromBuffer, WorkbookReadError } from "./readGrid";
import type { WebWorkerAnswer } from "./readInWebWorker";

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<{ bytes: Uint8Array; fileName: string }>) => void) | null;
  postMessage(answer: WebWorkerAnswer): void;
};

scope.onmessage = (e) => {
  readGridFromBuffer(e.data.bytes, e.data.fileName).then(
    (grid) => scope.postMessage({ kind: "grid", grid }),
    (error: unknown) =>
      scope.postMessage(
        error instanceof WorkbookReadError
          ? { kind: "read-error", code: error.code, message: error.message }
          : { kind: "internal", detail: error instanceof Error ? error.message : String(error) },
      ),
  );
};
