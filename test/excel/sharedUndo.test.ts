import { analyseWorkbook, type AnalysisOutcome } from "../../src/app/analyseWorkbook";
import { analyzeWorkbook } from "../../src/commands/commands";
import { createExcelPort } from "../../src/excel";
import { EMPTY_STORE, FLAGS_SETTING, type FlagRecord, flagsAfterUndo, parseFlags } from "../../src/excel/flagStore";
import {
  lastAction,
  parseUndo,
  pushed,
  type RecordedEntry,
  UNDO_RECORD_MAX_ACTIONS,
  UNDO_SETTING,
} from "../../src/excel/undoRecord";
import { CONTROL_SHEET } from "../../src/read/addinSheets";
import { TEST_CLOCK } from "../support/clock";
import { OfficeMockObject } from "./support";
import { fakeFromFile, FIXTURES } from "./workbooks";

type Ok = Extract<AnalysisOutcome, { kind: "ok" }>;

/** The example open in Excel, with the pane's port and the ribbon's, each in a runtime of its own. */
async function excelWithPaneAndRibbon() {
  const fake = await fakeFromFile(FIXTURES["exempel-budget"], 20);
  const pane = createExcelPort(TEST_CLOCK, fake.host());
  const ribbon = async () => {
    const completed = jest.fn();
    const event = new OfficeMockObject({ completed }) as unknown as Office.AddinCommands.Event;
    await analyzeWorkbook(
      event,
      () => createExcelPort(TEST_CLOCK, fake.host()),
      TEST_CLOCK,
      async () => {},
    );
    expect(completed).toHaveBeenCalledTimes(1);
  };
  const outcome = (await analyseWorkbook(pane, TEST_CLOCK)) as Ok;
  expect(outcome.kind).toBe("ok");
  return { fake, pane, ribbon, outcome };
}

const flagged = (fake: Awaited<ReturnType<typeof excelWithPaneAndRibbon>>["fake"]) =>
  parseFlags(fake.workbook.settings?.get(FLAGS_SETTING)).flags.map((r) => `${r.sheet}!${r.cell}`);

/** The workbook as the user sees it: everything but the add-in's undo record. */
function seen(fake: Awaited<ReturnType<typeof excelWithPaneAndRibbon>>["fake"]) {
  const { settings, ...rest } = fake.snapshot() as { settings: Record<string, unknown> };
  const { [UNDO_SETTING]: _record, ...others } = settings;
  return { ...rest, settings: others };
}

describe("the ribbon and the pane share one undo record, kept in the workbook", () => {
  it("pane writes one flag, ribbon writes them all, pane's Ångra takes back the ribbon's write, then its own", async () => {
    const { fake, pane, ribbon, outcome } = await excelWithPaneAndRibbon();
    const original = seen(fake);
    const one = { ...outcome.plan, flags: outcome.plan.flags.slice(0, 1) };
    await pane.applyPlan(one);
    const afterPane = seen(fake);
    expect(flagged(fake)).toHaveLength(1);

    await ribbon();
    const all = flagged(fake);
    expect(all.length).toBeGreaterThanOrEqual(22);
    expect(parseUndo(fake.workbook.settings!.get(UNDO_SETTING)).map((e) => e.action)).toEqual([1, 2]);

    // The pane has not read since the ribbon wrote; its Ångra still takes back the last write, the ribbon's.
    const kept = await pane.undo();
    expect(kept.kept).toEqual([]);
    expect(seen(fake)).toEqual(afterPane);
    expect(fake.sheet(CONTROL_SHEET)).toBeDefined();
    expect(flagged(fake)).toHaveLength(1);

    // No flag fill is left that the record does not name: "Ta bort markeringar" finds every one.
    expect(pane.canUndo()).toBe(true);
    await pane.undo();
    expect(seen(fake)).toEqual(original);
    expect(fake.workbook.settings?.has(UNDO_SETTING) ?? false).toBe(false);
    expect(pane.canUndo()).toBe(false);
  });

  it("the pane sees the ribbon's write as undoable once it reads the workbook", async () => {
    const { pane, ribbon } = await excelWithPaneAndRibbon();
    expect(pane.canUndo()).toBe(false);
    await ribbon();
    await pane.readGrid();
    expect(pane.canUndo()).toBe(true);
    expect(pane.stats.read.syncs).toBe(2);
  });

  it("the ribbon writes after the pane, then removing the flags: every flagged cell is found and cleared", async () => {
    const { fake, pane, ribbon, outcome } = await excelWithPaneAndRibbon();
    const original = seen(fake);
    await pane.applyPlan({ ...outcome.plan, flags: outcome.plan.flags.slice(0, 1) });
    await ribbon();
    await pane.undo();
    const fills = () =>
      fake.workbook.sheets.flatMap((s) =>
        s.name === CONTROL_SHEET ? [] : [...s.cells.values()].filter((c) => c.fill?.pattern === "Solid"),
      );
    expect(fills()).toHaveLength(1);
    await pane.removeFlags();
    expect(fills()).toEqual([]);
    await pane.undo();
    await pane.undo();
    expect(seen(fake)).toEqual(original);
  });

  it("one action of several writes (the shares, then the flags) is one Ångra, wherever it is undone from", async () => {
    const { fake, pane, ribbon, outcome } = await excelWithPaneAndRibbon();
    await ribbon();
    const afterRibbon = seen(fake);
    await pane.inOneStep(async () => {
      await pane.applyEdits({ cells: [{ sheet: "Budget 2025", cell: "C7", value: 1045270 }] });
      await pane.applyPlan(outcome.plan);
    });
    expect(parseUndo(fake.workbook.settings!.get(UNDO_SETTING)).map((e) => e.action)).toEqual([1, 2, 2]);
    const ribbonPort = createExcelPort(TEST_CLOCK, fake.host());
    await ribbonPort.undo();
    expect(seen(fake)).toEqual(afterRibbon);
  });
});

describe("the flag record after an undo (flagsAfterUndo)", () => {
  const record = (cell: string, fill = "#FFC7CE"): FlagRecord => ({
    sheet: "Budget 2025",
    cell,
    fill,
    original: { color: "#FFFFFF" },
    annotated: true,
  });
  const store = (...flags: FlagRecord[]) => ({ version: 1 as const, flags });

  it("where nobody wrote since, the record before the write", () => {
    expect(flagsAfterUndo(store(record("B5")), store(record("B6")), store(record("B6")))).toEqual(store(record("B5")));
  });

  it("a later write's flags stay; the undone write's own go; what it replaced comes back", () => {
    const before = store(record("B5"));
    const written = store(record("B5", "#FFEB9C"), record("B6"));
    const now = store(record("B5", "#FFEB9C"), record("B6", "#DDEBF7"), record("B7"));
    // B5: still as the write left it: back to before. B6: changed since: kept. B7: someone else's: kept.
    expect(flagsAfterUndo(before, written, now).flags).toEqual([record("B5"), record("B6", "#DDEBF7"), record("B7")]);
  });

  it("an entry without the record it wrote puts back the record before (an entry of an earlier version)", () => {
    expect(flagsAfterUndo(EMPTY_STORE, undefined, store(record("B5")))).toEqual(EMPTY_STORE);
  });
});

describe("the undo record's bounds", () => {
  const entry = (action: number, size = 0): RecordedEntry => ({
    action,
    cells: [],
    written: [{ sheet: "S", cell: "A1", content: "x".repeat(size) }],
    createdSheets: [],
    names: [],
    addinSheets: [],
  });

  it("keeps the last actions; the oldest go first, the last always stays", () => {
    let entries: RecordedEntry[] = [entry(1)];
    for (let a = 2; a <= UNDO_RECORD_MAX_ACTIONS + 5; a++) entries = pushed(entries, entry(a));
    expect(entries.map((e) => e.action)).toEqual(Array.from({ length: UNDO_RECORD_MAX_ACTIONS }, (_, i) => i + 6));
    const big = pushed(entries, entry(99, 2_000_000));
    expect(big.map((e) => e.action)).toEqual([99]);
  });

  it("the last action is all its entries, last written first", () => {
    const { undo, rest } = lastAction([entry(1), entry(2), { ...entry(2), cells: [] }]);
    expect(undo.map((e) => e.action)).toEqual([2, 2]);
    expect(rest.map((e) => e.action)).toEqual([1]);
    expect(lastAction([])).toEqual({ undo: [], rest: [] });
  });

  it("an unreadable record is no record, never an error", () => {
    expect(parseUndo("{not json")).toEqual([]);
    expect(parseUndo(JSON.stringify({ entries: [{ action: "x" }] }))).toEqual([]);
  });
});
