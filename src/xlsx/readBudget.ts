/**
 * The time budget of a read in a worker, the same in both shells: the check command's worker thread
 * (src/cli/readInWorker.ts) and the pane's Web Worker (readInWebWorker.ts) stop a parse that has not
 * answered by then, with the same Swedish sentence.
 */
import { WorkbookReadError } from "./readGrid";

/** Far above what any budget workbook takes (the 250 000-row test sheet reads in about 10 s). */
export const READ_TIMEOUT_MS = 60_000;

/** The parse of `name` was stopped after `timeoutMs`; `file` is the path or name the error carries. */
export function readTimedOut(name: string, timeoutMs: number, file: string = name): WorkbookReadError {
  const seconds = Math.round(timeoutMs / 1000);
  return new WorkbookReadError(
    "TIMEOUT",
    `Filen ${name} kunde inte läsas: läsningen tog längre än ${seconds} ${seconds === 1 ? "sekund" : "sekunder"} och avbröts (filen är troligen skadad eller sparad på ett sätt som läsaren inte klarar).`,
    file,
  );
}
