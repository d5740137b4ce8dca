import { analyseWorkbook, type AnalysisOutcome } from "../../src/app/analyseWorkbook";
import { SheetView } from "../../src/grid";
import { WorkbookError } from "../../src/app/workbookPort";
import { defaultSettings } from "../../src/domain";
import { createExcelPort } from "../../src/excel";
import { pointsForCharacters } from "../../src/excel/addinSheet";
import { settingsFromGrid, SETTINGS_SHEET, settingsEdits, SETTING_NAMES } from "../../src/memory/workbookSettings";
import { shareEdits } from "../../src/plan/shareEdits";
import { MAPPING_NAMES } from "../../src/read/mapping";
import { fakeFromFile, FIXTURES, generatedBudget } from "./workbooks";
import { TEST_CLOCK } from "../support/clock";

type Ok = Extract<AnalysisOutcome, { kind: "ok" }>;

async function setup(version = 20) {
  const fake = await fakeFromFile(FIXTURES["exempel-budget"], version);
  const port = createExcelPort(TEST_CLOCK, fake.host());
  const outcome = await analyseWorkbook(port, TEST_CLOCK);
  if (outcome.kind !== "ok") throw new Error("not analysed");
  return { fake, port, outcome: outcome as Ok };
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

describe("write the computed shares into the sheet, and undo it", () => {
  it.each(["formula", "value"] as const)("as %ss, cell by cell, one undo step", async (mode) => {
    const { fake, port, outcome } = await setup();
    await port.applyPlan(outcome.plan);
    const before = fake.snapshot();
    const edits = shareEdits(outcome.analysis, outcome.plan, mode);
    expect(edits.length).toBeGreaterThan(0);
    fake.syncs = 0;
    await port.applyEdits({ cells: edits });
    expect(fake.syncs).toBe(3);
    expect(fake.runs.at(-1)).toEqual({ mergeUndoGroup: true, delayForCellEdit: true });
    for (const edit of edits) {
      const grid = await port.readGrid();
      const sheet = grid.sheets.find((s) => s.name === edit.sheet)!;
      const at = /^([A-Z]+)(\d+)$/.exec(edit.cell)!;
      const view = new SheetView(sheet);
      const row = Number(at[2]);
      const column = at[1]!.charCodeAt(0) - 64;
      if (mode === "formula") expect(view.formula(row, column)).toBe(edit.formula);
      else expect(view.value(row, column)).toBe(edit.value);
    }
    // Only the kommun amount cells changed.
    const after = await port.readGrid();
    const changed = after.sheets.flatMap((s) => {
      const was = (before as { sheets: { name: string }[] }).sheets.find((x) => x.name === s.name);
      return was ? [] : [s.name];
    });
    expect(changed).toEqual([]);
    await port.undo();
    expect(fake.snapshot()).toEqual(before);
  });

  it("a refused write (protected sheet) changes nothing and keeps nothing to undo", async () => {
    const { fake, port, outcome } = await setup();
    const edits = shareEdits(outcome.analysis, outcome.plan, "value");
    fake.sheet(edits[0]!.sheet)!.protected = true;
    const before = fake.snapshot();
    const error = await rejection(port.applyEdits({ cells: edits }));
    expect(error.code).toBe("PROTECTED_SHEET");
    expect(error.userMessage.sv).toContain(edits[0]!.sheet);
    expect(fake.snapshot()).toEqual(before);
    expect(port.canUndo()).toBe(false);
  });

  it("a failure in the middle of writing the shares leaves nothing half-written", async () => {
    const { fake, port, outcome } = await setup();
    const before = fake.snapshot();
    fake.failNextWriteAfter = 2;
    const error = await rejection(port.applyEdits({ cells: shareEdits(outcome.analysis, outcome.plan, "value") }));
    expect(error.code).toBe("WRITE_FAILED");
    expect(fake.snapshot()).toEqual(before);
  });

  it("text that looks like a number comes back as text", async () => {
    const fake = generatedBudget(10);
    fake.sheet("Budget 2026")!.cells.set("30:1", { value: "0123", formula: null });
    const port = createExcelPort(TEST_CLOCK, fake.host());
    const before = fake.snapshot();
    await port.applyEdits({ cells: [{ sheet: "Budget 2026", cell: "A30", value: 5 }] });
    expect(fake.sheet("Budget 2026")!.cells.get("30:1")!.value).toBe(5);
    await port.undo();
    expect(fake.snapshot()).toEqual(before);
  });
});

describe("settings and mapping kept in the workbook", () => {
  it("settings as cells and names: read back the same, and undone whole", async () => {
    const fake = generatedBudget(10);
    const port = createExcelPort(TEST_CLOCK, fake.host());
    const before = fake.snapshot();
    const settings = { ...defaultSettings(), planLength: 3 };
    await port.applyEdits(settingsEdits(settings));
    expect(fake.sheet(SETTINGS_SHEET)).toBeDefined();
    const grid = await port.readGrid();
    expect(grid.definedNames.map((n) => n.name)).toContain(SETTING_NAMES.planLength);
    expect(settingsFromGrid(grid).settings.planLength).toBe(3);
    await port.undo();
    expect(fake.snapshot()).toEqual(before);
  });

  it("a mapping name is set, and changed, as one undoable step", async () => {
    const fake = generatedBudget(10);
    const port = createExcelPort(TEST_CLOCK, fake.host());
    const before = fake.snapshot();
    await port.applyEdits({ cells: [], names: [{ name: MAPPING_NAMES.population, ref: "Befolkning!$B$2:$B$4" }] });
    await port.applyEdits({ cells: [], names: [{ name: MAPPING_NAMES.population, ref: "Befolkning!$B$2:$B$3" }] });
    expect(fake.workbook.names).toEqual([{ name: MAPPING_NAMES.population, formula: "=Befolkning!$B$2:$B$3" }]);
    await port.undo();
    expect(fake.workbook.names).toEqual([{ name: MAPPING_NAMES.population, formula: "=Befolkning!$B$2:$B$4" }]);
    await port.undo();
    expect(fake.snapshot()).toEqual(before);
  });

  it("a mapping pointing at a deleted sheet: an INPUT_MAPPING finding, and no write to it", async () => {
    const fake = generatedBudget(10);
    fake.workbook.names.push({ name: MAPPING_NAMES.population, formula: "='Gamla befolkningen'!$B$2:$B$4" });
    const port = createExcelPort(TEST_CLOCK, fake.host());
    const outcome = await analyseWorkbook(port, TEST_CLOCK);
    expect(outcome.kind).toBe("ok");
    const mapping =
      outcome.kind === "ok" ? outcome.analysis.findings.find((f) => f.code === "INPUT_MAPPING") : undefined;
    expect(mapping?.message.sv).toContain("Gamla befolkningen");
    const before = fake.snapshot();
    const error = await rejection(port.applyEdits({ cells: [{ sheet: "Gamla befolkningen", cell: "B2", value: 1 }] }));
    expect(error.code).toBe("MAPPING_INVALID");
    expect(error.userMessage.sv).toMatch(/finns inte längre/);
    expect(fake.snapshot()).toEqual(before);
  });

  it("a workbook with no budget: analyseWorkbook says so, nothing is written", async () => {
    const fake = generatedBudget(10);
    fake.workbook.sheets = [fake.sheet("Befolkning")!];
    const before = fake.snapshot();
    const outcome = await analyseWorkbook(createExcelPort(TEST_CLOCK, fake.host()), TEST_CLOCK);
    expect(outcome.kind).toBe("noBudget");
    if (outcome.kind === "noBudget") expect(outcome.reason.sv.length).toBeGreaterThan(10);
    expect(fake.snapshot()).toEqual(before);
  });
});

describe("go to a finding's cell", () => {
  it("activates the sheet and selects the cell", async () => {
    const { fake, port, outcome } = await setup();
    // A finding on the user's own sheet: this analysis wrote nothing, so Finsam-kontroll is not there yet.
    const finding = outcome.analysis.findings.find((f) => f.sheet && f.cell && f.sheet !== "Finsam-kontroll")!;
    await port.goToCell(finding.sheet!, finding.cell!);
    expect(fake.workbook.active).toBe(finding.sheet);
    expect(fake.workbook.selection).toEqual({ sheet: finding.sheet, address: finding.cell });
  });

  it("a sheet that is gone: a Swedish message", async () => {
    const { port } = await setup();
    const error = await rejection(port.goToCell("Finns inte", "B5"));
    expect(error.code).toBe("MAPPING_INVALID");
    expect(error.userMessage.sv).toContain("Finns inte");
  });
});

describe("Finsam-inställningar laid out when the add-in creates it", () => {
  it("columns wide enough for the labels, the scenarios' JSON wrapped in B; a sheet that stands keeps its widths", async () => {
    const fake = generatedBudget(10);
    const port = createExcelPort(TEST_CLOCK, fake.host());
    const before = fake.snapshot();
    await port.applyEdits(settingsEdits({ ...defaultSettings(), planLength: 3 }));
    const sheet = fake.sheet(SETTINGS_SHEET)!;
    // 42 characters: (42 × 7 + 5) px × 0,75 = 224,25 points.
    expect(sheet.columnWidths.get(1)).toBe(pointsForCharacters(42));
    expect(pointsForCharacters(42)).toBe(224.25);
    expect(sheet.columnWidths.get(2)).toBe(pointsForCharacters(30));
    expect(sheet.cells.get("11:2")).toMatchObject({ wrap: true, verticalAlignment: "Top" });
    expect(sheet.cells.get("4:1")).toMatchObject({ wrap: true, verticalAlignment: "Top" });
    expect(sheet.cells.get("4:3")).toBeUndefined();

    // The user widens B; the next save leaves it so.
    sheet.columnWidths.set(2, 400);
    await port.applyEdits(settingsEdits({ ...defaultSettings(), planLength: 2 }));
    expect(fake.sheet(SETTINGS_SHEET)!.columnWidths.get(2)).toBe(400);
    await port.undo();
    await port.undo();
    expect(fake.snapshot()).toEqual(before);
  });
});

describe("Ångra owns only its own writes (issue 21's probes)", () => {
  it("the user typed on Finsam-inställningar after Spara: Ångra keeps the sheet and the typing, clears the add-in's cells, and says so", async () => {
    const fake = generatedBudget(10);
    const port = createExcelPort(TEST_CLOCK, fake.host());
    await port.applyEdits(settingsEdits({ ...defaultSettings(), planLength: 3 }));
    const written = [...fake.sheet(SETTINGS_SHEET)!.cells.keys()];
    expect(written.length).toBeGreaterThan(0);
    fake.userEdit(SETTINGS_SHEET, "C5", "min anteckning");
    const result = await port.undo();
    // The sheet stays (deleting it would lose C5, and clear Excel's own undo stack), with C5 only.
    expect(fake.sheet(SETTINGS_SHEET)).toBeDefined();
    expect([...fake.sheet(SETTINGS_SHEET)!.cells.entries()].filter(([, c]) => c.value !== null || c.formula)).toEqual([
      ["5:3", expect.objectContaining({ value: "min anteckning" })],
    ]);
    expect(result.keptSheets).toEqual([{ sheet: SETTINGS_SHEET, cell: "C5" }]);
    // The names the write added are taken back: the user did not change them.
    expect(fake.workbook.names.filter((n) => n.name === SETTING_NAMES.planLength)).toEqual([]);
  });

  it("a sheet the user left alone is deleted as before", async () => {
    const fake = generatedBudget(10);
    const port = createExcelPort(TEST_CLOCK, fake.host());
    const before = fake.snapshot();
    await port.applyEdits(settingsEdits({ ...defaultSettings(), planLength: 3 }));
    expect((await port.undo()).keptSheets).toEqual([]);
    expect(fake.snapshot()).toEqual(before);
  });

  it("a name the user changed after the add-in set it is left, and named", async () => {
    const fake = generatedBudget(10);
    const port = createExcelPort(TEST_CLOCK, fake.host());
    await port.applyEdits({ cells: [], names: [{ name: MAPPING_NAMES.population, ref: "Befolkning!$B$2:$B$4" }] });
    // In the Name Manager, the user points it at other cells.
    fake.workbook.names.find((n) => n.name === MAPPING_NAMES.population)!.formula = "=Befolkning!$C$2:$C$4";
    const result = await port.undo();
    expect(result.keptNames).toEqual([MAPPING_NAMES.population]);
    expect(fake.workbook.names).toEqual([{ name: MAPPING_NAMES.population, formula: "=Befolkning!$C$2:$C$4" }]);
  });
});
