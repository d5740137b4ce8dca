/**
 * The pane's read in a Web Worker (src/xlsx/readInWebWorker.ts), with a fake worker and jest's fake
 * clock: a worker that never answers is stopped at the budget with the check command's Swedish
 * sentence, and the file port never hands such a file to ExcelJS on the page.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Grid } from "../../src/grid";
import { createFilePort } from "../../src/xlsx/filePort";
import { READ_TIMEOUT_MS } from "../../src/xlsx/readBudget";
import { WorkbookReadError } from "../../src/xlsx/readGrid";
import {
  readBudgetFromQuery,
  readGridInWebWorker,
  type ReadWorker,
  type WebWorkerAnswer,
} from "../../src/xlsx/readInWebWorker";

const HANG_1842 = join(__dirname, "../fixtures/hostile/test-issue-1842.xlsx");

/** A worker that records what it was sent and answers only when told to. */
class FakeWorker implements ReadWorker {
  onmessage: ReadWorker["onmessage"] = null;
  onerror: ReadWorker["onerror"] = null;
  readonly sent: { bytes: Uint8Array; fileName: string }[] = [];
  terminated = 0;
  postMessage(message: { bytes: Uint8Array; fileName: string }): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated++;
  }
  answer(data: WebWorkerAnswer): void {
    this.onmessage?.({ data } as MessageEvent<WebWorkerAnswer>);
  }
}

/** The promise's outcome so far, once pending callbacks have run. */
async function state<T>(promise: Promise<T>): Promise<"pending" | "resolved" | "rejected"> {
  let outcome: "pending" | "resolved" | "rejected" = "pending";
  promise.then(
    () => (outcome = "resolved"),
    () => (outcome = "rejected"),
  );
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return outcome;
}

const GRID: Grid = {
  sheets: [{ name: "Budget", top: 1, left: 1, values: [[2025]], formulas: [[null]], numberFormats: [[null]] }],
  definedNames: [],
} as unknown as Grid;

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test("a worker that never answers is stopped at 60 s with the check command's Swedish sentence", async () => {
  const worker = new FakeWorker();
  const read = readGridInWebWorker(new Uint8Array([0x50, 0x4b]), "test-issue-1842.xlsx", { spawn: () => worker });
  read.catch(() => undefined);
  expect(worker.sent.map((m) => [m.fileName, [...m.bytes]])).toEqual([["test-issue-1842.xlsx", [0x50, 0x4b]]]);

  jest.advanceTimersByTime(READ_TIMEOUT_MS - 1);
  expect(await state(read)).toBe("pending");
  expect(worker.terminated).toBe(0);

  jest.advanceTimersByTime(1);
  const error = await read.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkbookReadError);
  expect(error).toMatchObject({
    code: "TIMEOUT",
    file: "test-issue-1842.xlsx",
    message:
      "Filen test-issue-1842.xlsx kunde inte läsas: läsningen tog längre än 60 sekunder och avbröts (filen är troligen skadad eller sparad på ett sätt som läsaren inte klarar).",
  });
  expect(worker.terminated).toBe(1);
  // A late answer changes nothing.
  worker.answer({ kind: "grid", grid: GRID });
  expect(await state(read)).toBe("rejected");
});

test("a shorter budget, as the pane's address may ask, says its own seconds", async () => {
  const worker = new FakeWorker();
  const read = readGridInWebWorker(new Uint8Array([1]), "x.xlsx", { spawn: () => worker, timeoutMs: 5_000 });
  read.catch(() => undefined);
  jest.advanceTimersByTime(5_000);
  await expect(read).rejects.toThrow(
    "Filen x.xlsx kunde inte läsas: läsningen tog längre än 5 sekunder och avbröts (filen är troligen skadad eller sparad på ett sätt som läsaren inte klarar).",
  );
  expect(worker.terminated).toBe(1);
});

test("an answer before the budget: the grid, the worker stopped and no timer left", async () => {
  const worker = new FakeWorker();
  const read = readGridInWebWorker(new Uint8Array([1]), "v.xlsx", { spawn: () => worker });
  worker.answer({ kind: "grid", grid: GRID });
  await expect(read).resolves.toBe(GRID);
  expect(worker.terminated).toBe(1);
  expect(jest.getTimerCount()).toBe(0);
});

test("the reader's own Swedish error and an internal error come through as WorkbookReadErrors", async () => {
  const first = new FakeWorker();
  const notXlsx = readGridInWebWorker(new Uint8Array([1]), "hej.xlsx", { spawn: () => first });
  first.answer({ kind: "read-error", code: "NOT_XLSX", message: "Filen hej.xlsx är inte en Excel-arbetsbok (.xlsx)." });
  await expect(notXlsx).rejects.toMatchObject({
    code: "NOT_XLSX",
    message: "Filen hej.xlsx är inte en Excel-arbetsbok (.xlsx).",
  });

  const second = new FakeWorker();
  const internal = readGridInWebWorker(new Uint8Array([1]), "b.xlsx", { spawn: () => second });
  second.answer({ kind: "internal", detail: "TypeError: x is undefined" });
  await expect(internal).rejects.toMatchObject({
    code: "CORRUPT",
    message: "Filen b.xlsx kunde inte läsas: ett internt fel i Finsam-budget stoppade läsningen.",
  });
  expect(jest.getTimerCount()).toBe(0);
});

test("the file port reads test-issue-1842.xlsx in the worker first: stopped at the budget, ExcelJS never loads it", async () => {
  // The worker never answers here: the port waits for it and never loads the bytes into ExcelJS on the page.
  const bytes = new Uint8Array(await readFile(HANG_1842));
  const worker = new FakeWorker();
  const port = createFilePort(bytes, "test-issue-1842.xlsx", (b, name) =>
    readGridInWebWorker(b, name, { spawn: () => worker, timeoutMs: 5_000 }),
  );
  port.catch(() => undefined);
  expect(await state(port)).toBe("pending");
  jest.advanceTimersByTime(5_000);
  await expect(port).rejects.toMatchObject({
    code: "TIMEOUT",
    message:
      "Filen test-issue-1842.xlsx kunde inte läsas: läsningen tog längre än 5 sekunder och avbröts (filen är troligen skadad eller sparad på ett sätt som läsaren inte klarar).",
  });
  expect(worker.terminated).toBe(1);
});

test.each([
  ["", 60_000],
  ["?readBudget=5", 5_000],
  ["?lang=sv&readBudget=1", 1_000],
  ["?readBudget=60", 60_000],
  ["?readBudget=61", 60_000],
  ["?readBudget=0", 60_000],
  ["?readBudget=-5", 60_000],
  ["?readBudget=2.5", 60_000],
  ["?readBudget=fem", 60_000],
])("the address %j gives a budget of %d ms", (search, ms) => {
  expect(readBudgetFromQuery(search)).toBe(ms);
});
