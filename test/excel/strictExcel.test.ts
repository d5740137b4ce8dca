/**
 * Issue 10's cases on the strict fake Excel: what real Excel refuses or requires, and what the port does so
 * that each ends with the workbook as the user left it or as the add-in promised, with a Swedish message.
 */
import { analyseWorkbook, type AnalysisOutcome } from "../../src/app/analyseWorkbook";
import { WorkbookError } from "../../src/app/workbookPort";
import { createExcelPort, type ExcelPort } from "../../src/excel";
import { FLAGS_SETTING } from "../../src/excel/flagStore";
import { buildWritePlan } from "../../src/plan/writePlan";
import { TEST_CLOCK } from "../support/clock";
import type { FakeExcel } from "./fakeExcel";
import { fakeFromFile, FIXTURES } from "./workbooks";
import { CONTROL_SHEET } from "../../src/read/addinSheets";
import { NOTE_PREFIX } from "../../src/plan/notes";

type Ok = Extract<AnalysisOutcome, { kind: "ok" }>;

async function analysed(port: ExcelPort): Promise<Ok> {
  const outcome = await analyseWorkbook(port, TEST_CLOCK);
  if (outcome.kind !== "ok") throw new Error(`not analysed: ${JSON.stringify(outcome)}`);
  return outcome;
}

async function example(version = 20): Promise<{ fake: FakeExcel; port: ExcelPort }> {
  const fake = await fakeFromFile(FIXTURES["exempel-budget"], version);
  return { fake, port: createExcelPort(TEST_CLOCK, fake.host()) };
}

const key = (cell: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  const column = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return `${m[2]}:${column}`;
};

describe("several Analysera in one session, Ångra after each (ExcelApi 1.20, one undo group each)", () => {
  it("the second and third write update Finsam-kontroll in place; each Ångra brings the one before back", async () => {
    const { fake, port } = await example();
    const states = [fake.snapshot()];
    for (let i = 0; i < 3; i++) {
      const outcome = await analysed(port);
      // Each time one flag fewer, as if the user had fixed one.
      await port.applyPlan({ ...outcome.plan, flags: outcome.plan.flags.slice(i) });
      expect(fake.runs.at(-1)).toEqual({ mergeUndoGroup: true, delayForCellEdit: true });
      states.push(fake.snapshot());
    }
    // Never an API without undo support, inside the group or out: Excel's own undo stays whole.
    expect(fake.undoStackCleared).toBe(0);
    expect(port.capabilities.nativeUndo).toBe(true);
    for (let i = 3; i >= 1; i--) {
      expect(fake.snapshot()).toEqual(states[i]);
      expect((await port.undo()).kept).toEqual([]);
    }
    // The first write created Finsam-kontroll; its Ångra removes it, outside any undo group.
    expect(fake.snapshot()).toEqual(states[0]);
    expect(fake.sheet(CONTROL_SHEET)).toBeUndefined();
    expect(fake.undoStackCleared).toBe(1);
  });

  it("the board sheet's chart comes back with the sheet when a later write is undone", async () => {
    const { fake, port } = await example();
    const outcome = await analysed(port);
    const withBoard = buildWritePlan(outcome.analysis, {
      board: true,
      madeOn: new Date(2025, 2, 14),
    });
    await port.applyPlan(withBoard);
    const board = withBoard.boardSheet!.name;
    const afterFirst = fake.snapshot();
    expect(fake.sheet(board)!.charts).toHaveLength(1);
    await port.applyPlan(withBoard);
    expect(fake.sheet(board)!.charts).toHaveLength(1); // replaced, not added beside the old one
    await port.undo();
    expect(fake.snapshot()).toEqual(afterFirst);
  });
});

describe("Ångra never overwrites what the user changed since the add-in wrote", () => {
  it("a flagged cell the user refilled, and a cell of Finsam-kontroll the user typed in, are left and named", async () => {
    const { fake, port } = await example();
    const outcome = await analysed(port);
    const before = fake.snapshot();
    await port.applyPlan(outcome.plan);
    const flag = outcome.plan.flags[0]!;
    const cell = flag.cell.split(":")[0]!;
    // The user colours the flagged cell green and writes a note of their own in Finsam-kontroll.
    fake.sheet(flag.sheet)!.cells.get(key(cell))!.fill = { color: "#00FF00", pattern: "Solid", patternColor: null };
    fake.userEdit(CONTROL_SHEET, "A1", "Min rubrik");

    const { kept } = await port.undo();
    expect(kept).toEqual([
      { sheet: flag.sheet, cell },
      { sheet: CONTROL_SHEET, cell: "A1" },
    ]);
    expect(fake.sheet(flag.sheet)!.cells.get(key(cell))!.fill!.color).toBe("#00FF00");
    expect(fake.sheet(CONTROL_SHEET)!.cells.get("1:1")!.value).toBe("Min rubrik");
    // Every other flag is gone, exactly as before.
    const other = outcome.plan.flags.find((f) => f.sheet === flag.sheet && f.cell.split(":")[0] !== cell)!;
    const otherCell = other.cell.split(":")[0]!;
    expect(fake.sheet(other.sheet)!.cells.get(key(otherCell))?.fill).toEqual(
      (before as { sheets: { name: string; cells: Record<string, { fill?: unknown }> }[] }).sheets.find(
        (s) => s.name === other.sheet,
      )!.cells[key(otherCell)]?.fill,
    );
  });

  it("shares written into the sheet, one retyped by the user: Ångra restores the others and keeps that one", async () => {
    const { fake, port } = await example();
    const edits = [
      { sheet: "Budget 2025", cell: "B16", value: 1_045_270 },
      { sheet: "Budget 2025", cell: "B17", value: 676_575 },
    ];
    const before = fake.snapshot() as { sheets: { name: string; cells: Record<string, { value: unknown }> }[] };
    await port.applyEdits({ cells: edits });
    fake.userEdit("Budget 2025", "B17", 700_000);
    const { kept } = await port.undo();
    expect(kept).toEqual([{ sheet: "Budget 2025", cell: "B17" }]);
    const sheet = fake.sheet("Budget 2025")!;
    expect(sheet.cells.get(key("B17"))!.value).toBe(700_000);
    const original = before.sheets.find((s) => s.name === "Budget 2025")!.cells[key("B16")]!.value;
    expect(sheet.cells.get(key("B16"))!.value).toBe(original);
  });
});

describe("an Excel that refuses an API inside the undo group (UndoNotSupported)", () => {
  it("the write is put back, done again outside a group, and undone by the port; the pane is told", async () => {
    const { fake, port } = await example();
    fake.undoUnsupported.add("SettingCollection.add"); // as if a newer Excel listed it
    const before = fake.snapshot();
    const outcome = await analysed(port);
    await port.applyPlan(outcome.plan);
    expect(fake.runs.slice(-3).map((r) => r?.mergeUndoGroup)).toEqual([true, true, undefined]);
    expect(port.capabilities.nativeUndo).toBe(false); // the pane now says Ctrl+Z does not undo it in one step
    expect(fake.sheet(CONTROL_SHEET)).toBeDefined();
    expect(fake.workbook.settings!.has(FLAGS_SETTING)).toBe(true);
    await port.undo();
    expect(fake.snapshot()).toEqual(before);
  });
});

describe("a threaded comment on a flagged cell", () => {
  it("keeps the cell without a note beside it: the fill carries the flag, and undo is exact", async () => {
    const { fake, port } = await example();
    const outcome = await analysed(port);
    const flag = outcome.plan.flags[0]!;
    const cell = flag.cell.split(":")[0]!;
    fake.workbook.comments.push({ id: "user-1", sheet: flag.sheet, cell, content: "Kolla med Motala" });
    const before = fake.snapshot();
    await port.applyPlan(outcome.plan);
    expect(fake.sheet(flag.sheet)!.notes.has(cell)).toBe(false);
    expect(fake.sheet(flag.sheet)!.cells.get(key(cell))!.fill!.color).toMatch(/^#(FFC7CE|FFEB9C|DDEBF7)$/);
    expect(fake.workbook.comments).toEqual([{ id: "user-1", sheet: flag.sheet, cell, content: "Kolla med Motala" }]);
    // Other flagged cells still get their notes.
    const notes = fake.workbook.sheets.flatMap((s) => [...s.notes.values()]);
    expect(notes.some((n) => n.startsWith(NOTE_PREFIX))).toBe(true);
    await port.undo();
    expect(fake.snapshot()).toEqual(before);
  });
});

describe("the flag record lives in the workbook: every session and runtime sees the same", () => {
  it("written by the ribbon's port, removed by the pane's port in the same workbook", async () => {
    const { fake, port: ribbon } = await example();
    await ribbon.applyPlan((await analysed(ribbon)).plan);
    const pane = createExcelPort(TEST_CLOCK, fake.host());
    expect(fake.workbook.settings!.has(FLAGS_SETTING)).toBe(true);
    await pane.removeFlags();
    expect(fake.workbook.settings!.has(FLAGS_SETTING)).toBe(false);
    const flagged = fake.workbook.sheets.flatMap((s) => [...s.notes.values()]).filter((n) => n.includes(NOTE_PREFIX));
    expect(flagged).toEqual([]);
  });
});

describe("Använd markerade celler", () => {
  it("one range: its sheet and address", async () => {
    const { fake, port } = await example();
    fake.workbook.selection = { sheet: "Budget 2025", address: "B16:B20" };
    await expect(port.selectedRange()).resolves.toEqual({ sheet: "Budget 2025", address: "B16:B20" });
  });

  it("several areas (Ctrl+click): each area, on the sheet, nothing changed", async () => {
    const { fake, port } = await example();
    fake.workbook.selection = { sheet: "Budget 2025", address: "B16:B20,D16:D20" };
    const before = fake.snapshot();
    await expect(port.selectedRange()).resolves.toEqual({ sheet: "Budget 2025", address: "B16:B20,D16:D20" });
    expect(fake.snapshot()).toEqual(before);
  });
});

describe("a sheet protected between the analysis and the write", () => {
  it("nothing is written, and the message names the sheet", async () => {
    const { fake, port } = await example();
    const outcome = await analysed(port);
    fake.sheet("Budget 2025")!.protected = true;
    const before = fake.snapshot();
    const error = (await port.applyPlan(outcome.plan).catch((e: unknown) => e)) as WorkbookError;
    expect(error.code).toBe("PROTECTED_SHEET");
    expect(error.userMessage.sv).toBe(
      "Bladet ”Budget 2025” är skyddat, så tillägget kan inte skriva där. Ta bort skyddet (Granska > Ta bort bladskydd) och försök igen. Inget har ändrats.",
    );
    expect(fake.snapshot()).toEqual(before);
  });
});

describe("the payload limit counts each command, not only its values (the performance page)", () => {
  it("30 000 one-cell writes are over 5 MB though their values are some 100 KB; the add-in's write is far under", async () => {
    const { fake, port } = await example();
    const error = await fake
      .host()
      .run(undefined, async (context) => {
        const ws = context.workbook.worksheets.getItem("Budget 2025");
        for (let row = 1; row <= 30_000; row++) ws.getRange(`H${row}`).formulas = [[1]];
        await context.sync();
      })
      .then(
        () => undefined,
        (e: unknown) => e as { code: string },
      );
    expect(error?.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(fake.sheet("Budget 2025")!.cells.get("1:8")).toBeUndefined();

    fake.largestRequest = 0;
    await port.applyPlan((await analysed(port)).plan);
    expect(fake.largestRequest).toBeGreaterThan(0);
    expect(fake.largestRequest).toBeLessThan(1024 * 1024);
  });
});
