import { analyseWorkbook, type AnalysisOutcome } from "../../src/app/analyseWorkbook";
import { WorkbookError } from "../../src/app/workbookPort";
import { createExcelPort, type ExcelPort } from "../../src/excel";
import { FLAGS_SETTING } from "../../src/excel/flagStore";
import { parseUndo, UNDO_SETTING } from "../../src/excel/undoRecord";
import { columnLetters } from "../../src/grid";
import { buildWritePlan } from "../../src/plan/writePlan";
import type { FakeExcel } from "./fakeExcel";
import { fakeFromFile, FIXTURES } from "./workbooks";
import { TEST_CLOCK } from "../support/clock";
import { BOARD_SHEET, CONTROL_SHEET } from "../../src/read/addinSheets";
import { NOTE_PREFIX } from "../../src/plan/notes";

type Ok = Extract<AnalysisOutcome, { kind: "ok" }>;

async function analysed(fake: FakeExcel, port: ExcelPort): Promise<Ok> {
  const outcome = await analyseWorkbook(port, TEST_CLOCK);
  if (outcome.kind !== "ok") throw new Error(`not analysed: ${JSON.stringify(outcome)}`);
  void fake;
  return outcome;
}

async function setup(version = 20, file: string = FIXTURES["exempel-budget"]) {
  const fake = await fakeFromFile(file, version);
  const port = createExcelPort(TEST_CLOCK, fake.host());
  const outcome = await analysed(fake, port);
  return { fake, port, outcome };
}

async function rejection(p: Promise<unknown>): Promise<WorkbookError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(WorkbookError);
    return e as WorkbookError;
  }
  throw new Error("expected a WorkbookError");
}

/** The first flag's first cell. */
function firstFlagCell(outcome: Ok) {
  const flag = outcome.plan.flags[0]!;
  return { sheet: flag.sheet, cell: flag.cell.split(":")[0]! };
}

describe("applyPlan, then Ångra", () => {
  it("flags the cells, writes Finsam-kontroll, and undo leaves the workbook exactly as before", async () => {
    const { fake, port, outcome } = await setup();
    expect(outcome.plan.flags.length).toBeGreaterThan(3);
    // A user's own note on a flagged cell: kept, ours after it, and back alone after undo.
    const { sheet, cell } = firstFlagCell(outcome);
    fake.sheet(sheet)!.notes.set(cell, "Min egen anteckning");
    const before = fake.snapshot();
    fake.syncs = 0;

    await port.applyPlan(outcome.plan);
    // One read (the structure, and the cells and sheets the port's last read says it will touch), one write.
    expect(fake.syncs).toBe(2);
    expect(port.stats.write).toEqual({ syncs: 2, reads: 1, writes: 1 });
    expect(fake.runs.at(-1)).toEqual({ mergeUndoGroup: true, delayForCellEdit: true });
    const note = fake.sheet(sheet)!.notes.get(cell)!;
    expect(note.startsWith("Min egen anteckning\n\n" + NOTE_PREFIX)).toBe(true);
    for (const flag of outcome.plan.flags) {
      const first = flag.cell.split(":")[0]!;
      expect(fake.sheet(flag.sheet)!.notes.get(first)).toContain(flag.note.slice(NOTE_PREFIX.length));
    }
    const control = fake.sheet(CONTROL_SHEET)!;
    const formulas = outcome.plan.controlSheet.cells.filter((c) => c.formula);
    expect([...control.cells.values()].filter((c) => c.formula).length).toBe(formulas.length);
    expect(control.conditionalFormats.length).toBeGreaterThan(0);
    expect(fake.workbook.settings?.has(FLAGS_SETTING) ?? false).toBe(true);
    expect(port.canUndo()).toBe(true);

    await port.undo();
    expect(fake.snapshot()).toEqual(before);
    expect(fake.workbook.settings?.has(FLAGS_SETTING) ?? false).toBe(false);
    expect(port.canUndo()).toBe(false);
  });

  it("a second analysis replaces the first one's flags and control sheet; undo brings the first back exactly", async () => {
    const { fake, port, outcome } = await setup();
    await port.applyPlan(outcome.plan);
    const afterFirst = fake.snapshot();
    // The user fixes nothing but the second plan has one flag fewer.
    const second = { ...outcome.plan, flags: outcome.plan.flags.slice(1) };
    await port.applyPlan(second);
    const { sheet, cell } = firstFlagCell(outcome);
    expect(fake.sheet(sheet)!.notes.has(cell)).toBe(false);
    expect(fake.sheet(sheet)!.cells.get(cellKey(cell))?.fill).toBeUndefined();
    await port.undo();
    expect(fake.snapshot()).toEqual(afterFirst);
  });

  it("a failure in the middle of the write leaves nothing half-written", async () => {
    const { fake, port, outcome } = await setup();
    const before = fake.snapshot();
    await port.applyPlan(outcome.plan);
    const writes = fake.lastWriteCount;
    await port.undo();
    expect(fake.snapshot()).toEqual(before);
    for (const after of [0, 1, 7, Math.floor(writes / 2), writes - 1]) {
      fake.failNextWriteAfter = after;
      const error = await rejection(port.applyPlan(outcome.plan));
      expect(error.code).toBe("WRITE_FAILED");
      expect(error.userMessage.sv).toMatch(/återställt/);
      expect(fake.snapshot()).toEqual(before);
    }
    expect(writes).toBeGreaterThan(20);
    expect(port.canUndo()).toBe(false);
  });

  it("Ta bort markeringar removes only the add-in's flags, also in a later session", async () => {
    const { fake, port, outcome } = await setup();
    const { sheet, cell } = firstFlagCell(outcome);
    fake.sheet(sheet)!.notes.set(cell, "Användarens anteckning");
    const before = fake.snapshot() as { sheets: { name: string }[] };
    await port.applyPlan(outcome.plan);
    const withControl = fake.snapshot() as { sheets: { name: string }[] };

    const later = createExcelPort(TEST_CLOCK, fake.host()); // a new session on the saved workbook
    await later.removeFlags();
    const after = fake.snapshot() as { sheets: { name: string }[] };
    // The user's sheets are exactly as before; Finsam-kontroll stays (it is not a flag).
    expect(after.sheets.filter((s) => s.name !== CONTROL_SHEET)).toEqual(before.sheets);
    expect(after.sheets.find((s) => s.name === CONTROL_SHEET)).toEqual(
      withControl.sheets.find((s) => s.name === CONTROL_SHEET),
    );
    expect(fake.sheet(sheet)!.notes.get(cell)).toBe("Användarens anteckning");
    // And that is undoable too.
    await later.undo();
    expect(fake.snapshot()).toEqual(withControl);
  });

  it("a fill the user changed on a flagged cell is the user's: removeFlags leaves it", async () => {
    const { fake, port, outcome } = await setup();
    await port.applyPlan(outcome.plan);
    const { sheet, cell } = firstFlagCell(outcome);
    fake.sheet(sheet)!.cells.get(cellKey(cell))!.fill = { color: "#00B050", pattern: "Solid", patternColor: null };
    await port.removeFlags();
    expect(fake.sheet(sheet)!.cells.get(cellKey(cell))!.fill?.color).toBe("#00B050");
  });
});

describe("a plan year's finding in Excel", () => {
  it("stands filled on its Finsam-kontroll cell, not on the opening equity; a second write and undo keep the fills", async () => {
    const { fake, port, outcome } = await setup(20, FIXTURES["vastra-2025"]);
    const onControl = outcome.analysis.findings.filter((f) => f.sheet === CONTROL_SHEET);
    expect(onControl.length).toBe(4);
    await port.applyPlan(outcome.plan);
    const control = fake.sheet(CONTROL_SHEET)!;
    expect(onControl.map((f) => control.cells.get(cellKey(f.cell!))?.fill?.color)).toEqual([
      "#FFC7CE",
      "#FFC7CE",
      "#FFC7CE",
      "#FFEB9C",
    ]);
    const opening = outcome.analysis.budget.openingEquity!.ref!;
    expect(fake.sheet(opening.sheet)!.cells.get(cellKey(opening.cell))?.fill).toBeUndefined();
    expect(fake.sheet(opening.sheet)!.notes.has(opening.cell)).toBe(false);
    // Written again without the fills (as an analysis after the user fixed the plan), then undone: back filled.
    const afterFirst = fake.snapshot();
    const plain = {
      ...outcome.plan.controlSheet,
      cells: outcome.plan.controlSheet.cells.map(({ fill: _, ...c }) => c),
    };
    await port.applyPlan({ ...outcome.plan, controlSheet: plain });
    expect(control.cells.get(cellKey(onControl[0]!.cell!))?.fill).toBeUndefined();
    await port.undo();
    expect(fake.snapshot()).toEqual(afterFirst);
  });
});

function cellKey(cell: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  let c = 0;
  for (const ch of m[1]!) c = c * 26 + ch.charCodeAt(0) - 64;
  return `${m[2]}:${c}`;
}

describe("what each Excel can do", () => {
  it.each([
    [20, "note", true],
    [18, "note", false],
    [17, "comment", false],
    [14, "comment", false],
  ] as const)("ExcelApi 1.%i: %s, mergeUndoGroup %s; undo is exact", async (version, annotations, native) => {
    const { fake, port, outcome } = await setup(version);
    expect(port.capabilities.annotations).toBe(annotations);
    expect(port.capabilities.nativeUndo).toBe(native);
    const before = fake.snapshot();
    await port.applyPlan(outcome.plan);
    // One undo group where Excel has it (1.20); every batch asks to wait for cell edit mode to end.
    expect(fake.runs.at(-1)).toEqual(
      native ? { mergeUndoGroup: true, delayForCellEdit: true } : { delayForCellEdit: true },
    );
    const notes = fake.workbook.sheets.reduce((n, s) => n + s.notes.size, 0);
    const comments = fake.workbook.comments.length;
    expect(notes > 0).toBe(annotations === "note");
    expect(comments > 0).toBe(annotations === "comment");
    if (annotations === "comment") {
      expect(fake.workbook.comments.every((c) => c.content.startsWith(NOTE_PREFIX))).toBe(true);
    }
    await port.undo();
    expect(fake.snapshot()).toEqual(before);
  });

  it("with comments, a user's own comment is left alone (the fill carries the flag)", async () => {
    const { fake, port, outcome } = await setup(16);
    const { sheet, cell } = firstFlagCell(outcome);
    fake.workbook.comments.push({ id: "user-1", sheet, cell, content: "Fråga Anna" });
    const before = fake.snapshot();
    await port.applyPlan(outcome.plan);
    expect(fake.workbook.comments.filter((c) => c.sheet === sheet && c.cell === cell)).toEqual([
      { id: "user-1", sheet, cell, content: "Fråga Anna" },
    ]);
    expect(fake.sheet(sheet)!.cells.get(cellKey(cell))?.fill?.pattern).toBe("Solid");
    await port.removeFlags();
    // Only the add-in's sheet and its undo record (two steps: the flags, their removal) stay.
    const after = fake.snapshot() as { sheets: unknown[]; settings: Record<string, string> };
    const { [UNDO_SETTING]: record, ...settings } = after.settings;
    expect(parseUndo(record).map((e) => e.action)).toEqual([1, 2]);
    expect({ ...after, settings }).toEqual({ ...(before as object), sheets: after.sheets });
    expect(fake.workbook.comments).toEqual([{ id: "user-1", sheet, cell, content: "Fråga Anna" }]);
  });
});

describe("bad states: a clear Swedish message and no change", () => {
  it("a protected sheet", async () => {
    const { fake, port, outcome } = await setup();
    fake.sheet(outcome.plan.flags[0]!.sheet)!.protected = true;
    const before = fake.snapshot();
    const error = await rejection(port.applyPlan(outcome.plan));
    expect(error.code).toBe("PROTECTED_SHEET");
    expect(error.userMessage.sv).toMatch(/är skyddat.*Inget har ändrats/);
    expect(fake.snapshot()).toEqual(before);
    expect(port.stats.write.writes).toBe(0);
  });

  it("a protected workbook structure", async () => {
    const { fake, port, outcome } = await setup();
    fake.workbook.protected = true;
    const before = fake.snapshot();
    const error = await rejection(port.applyPlan(outcome.plan));
    expect(error.code).toBe("PROTECTED_SHEET");
    expect(error.userMessage.sv).toMatch(/struktur är skyddad/);
    expect(fake.snapshot()).toEqual(before);
  });

  it.each(["InvalidOperationInCellEditMode", "InvalidOperation"] as const)(
    "an Excel that fails the batch in cell edit mode all the same (%s): a Swedish message, nothing changed",
    async (code) => {
      const { fake, port, outcome } = await setup();
      fake.editMode = true;
      fake.ignoresDelay = true;
      fake.editModeError = code;
      const before = fake.snapshot();
      const error = await rejection(port.applyPlan(outcome.plan));
      expect(error.userMessage.sv).toMatch(/redigera|redigeringsläge/);
      expect(error.userMessage.sv).toMatch(/Enter eller Esc/);
      expect(fake.snapshot()).toEqual(before);
    },
  );

  it("going to a cell in cell edit mode waits for the user to leave the cell", async () => {
    const { fake, port } = await setup();
    fake.editMode = true;
    let done = false;
    const going = port.goToCell("Budget 2025", "B7").then(() => {
      done = true;
    });
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(done).toBe(false);
    fake.exitEditMode();
    await going;
    expect(fake.runs.at(-1)).toEqual({ delayForCellEdit: true });
  });

  it("cell edit mode: the write waits for the user to leave the cell, then runs", async () => {
    const { fake, port, outcome } = await setup();
    fake.editMode = true;
    const before = fake.snapshot();
    let done = false;
    const writing = port.applyPlan(outcome.plan).then(() => {
      done = true;
    });
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(done).toBe(false);
    expect(fake.snapshot()).toEqual(before); // nothing while the user types
    fake.exitEditMode();
    await writing;
    expect(fake.sheet(CONTROL_SHEET)).toBeDefined();
    await port.undo();
    expect(fake.snapshot()).toEqual(before);
  });

  it("an unsupported Excel (below ExcelApi 1.14): nothing is even read", async () => {
    const fake = await fakeFromFile(FIXTURES["samo-2023"], 13);
    const port = createExcelPort(TEST_CLOCK, fake.host());
    expect(port.capabilities.supported).toBe(false);
    const error = await rejection(port.readGrid());
    expect(error.code).toBe("UNSUPPORTED_VERSION");
    expect(error.userMessage.sv).toMatch(/ExcelApi 1\.14 eller senare \(Microsoft 365, Excel 2021/);
    expect(fake.syncs).toBe(0);
  });

  it("a plan whose sheet was deleted since the analysis", async () => {
    const { fake, port, outcome } = await setup();
    const gone = outcome.plan.flags[0]!.sheet;
    fake.workbook.sheets = fake.workbook.sheets.filter((s) => s.name !== gone);
    const before = fake.snapshot();
    const error = await rejection(port.applyPlan(outcome.plan));
    expect(error.code).toBe("MAPPING_INVALID");
    expect(error.userMessage.sv).toContain(gone);
    expect(fake.snapshot()).toEqual(before);
  });

  it("nothing to undo", async () => {
    const { port } = await setup();
    const error = await rejection(port.undo());
    expect(error.code).toBe("NOTHING_TO_UNDO");
  });
});

describe("when even the repair fails", () => {
  it("the message says so and points at Excel's own undo", async () => {
    const { fake, port, outcome } = await setup();
    fake.failNextWriteAfter = 3;
    // The connection stays down after the failed write: the repair's write fails too.
    const execute = fake.execute.bind(fake);
    fake.execute = (ops, grouped) => {
      try {
        execute(ops, grouped);
      } catch (e) {
        fake.failNextWriteAfter = 0;
        throw e;
      }
    };
    const error = await rejection(port.applyPlan(outcome.plan));
    expect(error.code).toBe("WRITE_FAILED");
    expect(error.userMessage.sv).toMatch(/inte heller återställa.*Ctrl\+Z/);
  });
});

describe("Skapa styrelseunderlag", () => {
  it("writes the board sheet with its line chart in one undoable write, and undo takes both away", async () => {
    const { fake, port, outcome } = await setup(20, FIXTURES["ornskoldsvik-2024"]);
    const before = fake.snapshot();
    const plan = buildWritePlan(outcome.analysis, { board: true, madeOn: new Date(2025, 2, 14) });
    const board = plan.boardSheet!;
    await port.applyPlan(plan);
    const sheet = fake.sheet(BOARD_SHEET)!;
    expect([...sheet.cells.values()].filter((c) => c.formula).length).toBe(board.cells.filter((c) => c.formula).length);
    expect(sheet.charts).toEqual([
      {
        type: "Line",
        source: board.chart.source,
        seriesBy: "Rows",
        title: "Eget kapital vid årets slut per scenario",
        legend: "Bottom",
        position: [
          `${columnLetters(board.chart.from.column + 1)}${board.chart.from.row + 1}`,
          `${columnLetters(board.chart.to.column + 1)}${board.chart.to.row + 1}`,
        ],
      },
    ]);
    // The block the chart reads: the years, each scenario's closing equity, the maxima, zero (labels in A,
    // the years B:D); the chart stands beside it from its first row, from column F (0-based 5).
    expect(board.chart.source).toMatch(/^A\d+:D\d+$/);
    expect(board.chart.from.column).toBe(5);
    expect(board.chart.from.row + 1).toBe(Number(/^A(\d+)/.exec(board.chart.source)![1]));
    await port.undo();
    expect(fake.snapshot()).toEqual(before);
  });
});
