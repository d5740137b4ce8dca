/**
 * A write in two round trips (src/excel/writeGuess.ts): the cells and sheets it will overwrite are read
 * with the structure, guessed from what the port last saw; where the workbook has changed so that the
 * guess does not hold, the write reads again (three round trips) or runs again without it, and the
 * workbook and its undo come out the same.
 */
import { analyseWorkbook, type AnalysisOutcome } from "../../src/app/analyseWorkbook";
import { createExcelPort, type ExcelPort } from "../../src/excel";
import { FLAGS_SETTING } from "../../src/excel/flagStore";
import { CONTROL_SHEET } from "../../src/read/addinSheets";
import { TEST_CLOCK } from "../support/clock";
import type { FakeExcel } from "./fakeExcel";
import { fakeFromFile, FIXTURES } from "./workbooks";

type Ok = Extract<AnalysisOutcome, { kind: "ok" }>;

async function analysed(port: ExcelPort): Promise<Ok> {
  const outcome = await analyseWorkbook(port, TEST_CLOCK);
  if (outcome.kind !== "ok") throw new Error(`not analysed: ${outcome.kind}`);
  return outcome;
}

async function setup(version = 20) {
  const fake = await fakeFromFile(FIXTURES["vastra-2025"], version);
  const port = createExcelPort(TEST_CLOCK, fake.host());
  return { fake, port, outcome: await analysed(port) };
}

/** Writes the plan, counting its round trips; then Ångra must give back the workbook as it was before. */
async function writeAndUndo(fake: FakeExcel, port: ExcelPort, outcome: Ok): Promise<number> {
  const before = fake.snapshot();
  fake.syncs = 0;
  await port.applyPlan(outcome.plan);
  const syncs = fake.syncs;
  expect(port.stats.write.syncs).toBeLessThanOrEqual(syncs);
  await port.undo();
  expect(fake.snapshot()).toEqual(before);
  return syncs;
}

test("Analysera: read, then one read and one write; a second write that leaves a flag off, still two", async () => {
  const { fake, port, outcome } = await setup();
  fake.syncs = 0;
  await port.applyPlan(outcome.plan);
  expect(fake.syncs).toBe(2);
  expect(port.stats.write).toEqual({ syncs: 2, reads: 1, writes: 1 });
  // One deviation mended: the first flag is no longer planned, and comes off; its cell was in the guess.
  const mended = { ...outcome, plan: { ...outcome.plan, flags: outcome.plan.flags.slice(1) } };
  expect(await writeAndUndo(fake, port, mended)).toBe(2);
});

test("a port that has not read the workbook yet (the ribbon's first command) reads in two round trips before it writes", async () => {
  const { fake, outcome } = await setup();
  const fresh = createExcelPort(TEST_CLOCK, fake.host());
  expect(await writeAndUndo(fake, fresh, outcome)).toBe(3);
});

test("the flag record changed since the read (another port flagged A1): a read more, and the same result", async () => {
  const { fake, port, outcome } = await setup();
  const a1 = {
    sheet: "Budget 2025",
    cell: "A1",
    fill: "#FFC7CE",
    original: { color: null, pattern: null, patternColor: null },
    annotated: false,
  };
  fake.workbook.settings!.set(FLAGS_SETTING, JSON.stringify({ version: 1, flags: [a1] }));
  // The guess held the plan's cells but not A1, which the record now names: it is read in a round trip more.
  expect(await writeAndUndo(fake, port, outcome)).toBe(3);
});

test("a threaded comment added since the read: its place is read in a round trip more", async () => {
  const { fake, port, outcome } = await setup();
  const flag = outcome.plan.flags[0]!;
  fake.workbook.comments.push({ id: "user-9", sheet: flag.sheet, cell: flag.cell.split(":")[0]!, content: "Fråga" });
  expect(await writeAndUndo(fake, port, outcome)).toBe(3);
  expect(fake.workbook.comments).toEqual([
    { id: "user-9", sheet: flag.sheet, cell: flag.cell.split(":")[0]!, content: "Fråga" },
  ]);
});

test("a threaded comment the read saw, deleted since: Excel refuses the guess, and the write runs again without it", async () => {
  const { fake, outcome } = await setup();
  const flag = outcome.plan.flags[0]!;
  fake.workbook.comments.push({ id: "user-9", sheet: flag.sheet, cell: "A1", content: "Fråga" });
  const port = createExcelPort(TEST_CLOCK, fake.host());
  await analysed(port);
  fake.workbook.comments = [];
  // 1 refused (ItemNotFound), then the command as before: 2 reads and the write.
  expect(await writeAndUndo(fake, port, outcome)).toBe(4);
  expect(fake.sheet(CONTROL_SHEET)).toBeUndefined();
});

test("Finsam-kontroll deleted since the read: the guess misses it, and the write makes it anew", async () => {
  const { fake, port, outcome } = await setup();
  await port.applyPlan(outcome.plan);
  const again = await analysed(port);
  fake.workbook.sheets = fake.workbook.sheets.filter((s) => s.name !== CONTROL_SHEET);
  fake.syncs = 0;
  await port.applyPlan(again.plan);
  expect(fake.syncs).toBe(4);
  expect(fake.sheet(CONTROL_SHEET)).toBeTruthy();
});
