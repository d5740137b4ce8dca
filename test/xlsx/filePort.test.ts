import ExcelJS from "exceljs";
import { SheetView } from "../../src/grid";
import { readFile } from "node:fs/promises";
import { analyseWorkbook } from "../../src/app/analyseWorkbook";
import { WorkbookError } from "../../src/app/workbookPort";
import { shareEdits } from "../../src/plan/shareEdits";
import { settingsEdits, SETTINGS_SHEET } from "../../src/memory/workbookSettings";
import { defaultSettings } from "../../src/domain";
import { buildWritePlan } from "../../src/plan/writePlan";
import JSZip from "jszip";
import { createFilePort } from "../../src/xlsx/filePort";
import { readGridFromBuffer } from "../../src/xlsx/readGrid";
import { writeAnnotated } from "../../src/xlsx/writeAnnotated";
import { fixture } from "../support/paths";
import { TEST_CLOCK } from "../support/clock";
import { CONTROL_SHEET } from "../../src/read/addinSheets";
import { NOTE_PREFIX } from "../../src/plan/notes";

jest.setTimeout(60_000);

async function vastra() {
  const bytes = new Uint8Array(await readFile(fixture("vastra-2025")));
  return { bytes, port: await createFilePort(bytes, "vastra-2025.xlsx") };
}

async function analysed(port: Awaited<ReturnType<typeof createFilePort>>) {
  const outcome = await analyseWorkbook(port, TEST_CLOCK);
  if (outcome.kind !== "ok") throw new Error(`no analysis: ${outcome.kind}`);
  return outcome;
}

/** Fill colour and note of a cell in the port's current bytes. */
async function cellLook(bytes: Uint8Array, sheet: string, address: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const cell = wb.getWorksheet(sheet)!.getCell(address);
  const fill = cell.style.fill;
  const note = cell.note;
  return {
    fill: fill?.type === "pattern" && fill.pattern === "solid" ? fill.fgColor?.argb : undefined,
    // Amounts in notes have no-break spaces between thousands; plain spaces here to compare.
    note: (typeof note === "string" ? note : note?.texts?.map((t) => t.text).join(""))?.replace(/[\u00a0\u202f]/g, " "),
  };
}

test("it reads the file it was given, as the reader does", async () => {
  const { bytes, port } = await vastra();
  expect(await port.readGrid()).toEqual(await readGridFromBuffer(bytes));
  expect(port.capabilities).toMatchObject({ host: "file", goToCell: false, nativeUndo: false });
  expect(port.canUndo()).toBe(false);
  expect(port.fileName).toBe("vastra-2025.xlsx");
});

test("a file that is no workbook gives the reader's Swedish error", async () => {
  await expect(createFilePort(new TextEncoder().encode("hej"), "hej.xlsx")).rejects.toThrow(
    /hej.xlsx är inte en Excel-arbetsbok/,
  );
});

test("applyPlan flags the cells and writes Finsam-kontroll; undo gives back the original grid", async () => {
  const { port } = await vastra();
  const original = await port.readGrid();
  const outcome = await analysed(port);
  await port.applyPlan(outcome.plan);
  expect(port.canUndo()).toBe(true);

  const flagged = await port.readGrid();
  expect(flagged.sheets.map((s) => s.name)).toContain(CONTROL_SHEET);
  const motala = await cellLook(await port.download(), "Budget 2025", "B16");
  expect(motala.fill).toBe("FFFFEB9C");
  expect(motala.note).toMatch(/^Finsam-budget: Motala kommun 2025: arket har 1 045 924 kr men andelen är 1 045 270 kr/);

  // The analysis of the flagged workbook is the same: the control sheet is not mistaken for the budget.
  const again = await analysed(port);
  expect(again.analysis.findings.map((f) => [f.code, f.cell])).toEqual(
    outcome.analysis.findings.map((f) => [f.code, f.cell]),
  );

  await port.undo();
  expect(port.canUndo()).toBe(false);
  expect(await port.readGrid()).toEqual(original);
  expect(await cellLook(await port.download(), "Budget 2025", "B16")).toEqual({ fill: undefined, note: undefined });
  await expect(port.undo()).rejects.toBeInstanceOf(WorkbookError);
});

test("removeFlags takes away fills and notes it made, keeps the user's own, and can be undone", async () => {
  const { bytes } = await vastra();
  // The user's own note and fill on Motala's cell, before the add-in comes.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const motala = wb.getWorksheet("Budget 2025")!.getCell("B16");
  motala.note = "Enligt styrelsebeslut";
  motala.style = { ...motala.style, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FF00FF00" } } };
  const own = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);

  const port = await createFilePort(own, "egen.xlsx");
  const outcome = await analysed(port);
  await port.applyPlan(outcome.plan);
  const flagged = await cellLook(await port.download(), "Budget 2025", "B16");
  expect(flagged.fill).toBe("FFFFEB9C");
  expect(flagged.note).toMatch(/^Enligt styrelsebeslut\n\nFinsam-budget: Motala/);

  await port.removeFlags();
  expect(await cellLook(await port.download(), "Budget 2025", "B16")).toEqual({
    fill: "FF00FF00",
    note: "Enligt styrelsebeslut",
  });
  expect(await cellLook(await port.download(), "Budget 2025", "B17")).toEqual({ fill: undefined, note: undefined });
  // Finsam-kontroll is not a flag: it stays.
  expect((await port.readGrid()).sheets.map((s) => s.name)).toContain(CONTROL_SHEET);

  await port.undo();
  expect((await cellLook(await port.download(), "Budget 2025", "B16")).fill).toBe("FFFFEB9C");
});

test("removeFlags also removes flags from an earlier run (npm run check --out)", async () => {
  const { bytes } = await vastra();
  const grid = await readGridFromBuffer(bytes);
  const outcome = await analysed(await createFilePort(bytes, "v.xlsx"));
  const annotated = await writeAnnotated(bytes, outcome.plan);
  const port = await createFilePort(annotated, "annoterad.xlsx");
  expect((await cellLook(annotated, "Budget 2025", "B18")).note).toMatch(new RegExp(`^${NOTE_PREFIX}`));
  await port.removeFlags();
  for (const cell of ["B16", "B17", "B18", "B19", "B20"]) {
    expect(await cellLook(await port.download(), "Budget 2025", cell)).toEqual({ fill: undefined, note: undefined });
  }
  const budget = (g: typeof grid) => g.sheets.find((s) => s.name === "Budget 2025");
  expect(budget(await port.readGrid())).toEqual(budget(grid));
});

test("re-applying a plan replaces the old flags: a cell no longer flagged loses its flag", async () => {
  const { port } = await vastra();
  const outcome = await analysed(port);
  await port.applyPlan(outcome.plan);
  await port.applyPlan({ ...outcome.plan, flags: outcome.plan.flags.filter((f) => f.cell !== "B16") });
  expect(await cellLook(await port.download(), "Budget 2025", "B16")).toEqual({ fill: undefined, note: undefined });
  expect((await cellLook(await port.download(), "Budget 2025", "B17")).fill).toBe("FFFFEB9C");
});

test("applyEdits writes the computed shares (values or formulas); undo restores the sheet's amounts", async () => {
  const { port } = await vastra();
  const original = await port.readGrid();
  const outcome = await analysed(port);
  await port.applyPlan(outcome.plan);
  const edits = shareEdits(outcome.analysis, outcome.plan, "value");
  expect(edits.map((e) => [e.cell, e.value])).toEqual([
    ["B16", 1045270],
    ["B17", 676575],
    ["B18", 180171],
    ["B19", 131921],
    ["B20", 127063],
  ]);
  await port.applyEdits({ cells: edits });
  const after = await analysed(port);
  expect(after.analysis.findings.filter((f) => f.code === "SHARE_DEVIATION")).toEqual([]);

  await port.undo();
  const back = await analysed(port);
  expect(back.analysis.findings.filter((f) => f.code === "SHARE_DEVIATION")).toHaveLength(5);
  await port.undo();
  expect(await port.readGrid()).toEqual(original);

  // As formulas on Finsam-kontroll, with the engine's number as cached result.
  await port.applyPlan(outcome.plan);
  const formulas = shareEdits(outcome.analysis, outcome.plan, "formula").map((e, i) => ({
    ...e,
    value: edits[i]!.value!,
  }));
  await port.applyEdits({ cells: formulas });
  const grid = await port.readGrid();
  const budget = grid.sheets.find((s) => s.name === "Budget 2025")!;
  const view = new SheetView(budget);
  expect(view.formula(16, 2)).toMatch(/^='Finsam-kontroll'!/);
  expect(view.value(16, 2)).toBe(1045270);
});

test("applyEdits creates sheets and defined names that the settings reader finds; undo removes them", async () => {
  const { port } = await vastra();
  const settings = defaultSettings({ planLength: 3 });
  const edits = settingsEdits(settings);
  await port.applyEdits({
    ...edits,
    names: [...(edits.names ?? []), { name: "Finsam_Befolkning", ref: "'Budget 2025'!$C$16:$C$20" }],
  });
  const grid = await port.readGrid();
  expect(grid.sheets.map((s) => s.name)).toContain(SETTINGS_SHEET);
  expect(grid.definedNames).toEqual(
    expect.arrayContaining([
      { name: "Finsam_Planar", ref: expect.stringMatching(/Finsam-inställningar'!\$B\$\d+$/) },
      { name: "Finsam_Befolkning", ref: "'Budget 2025'!$C$16:$C$20" },
    ]),
  );
  const outcome = await analysed(port);
  expect(outcome.analysis.settings.planLength).toBe(3);

  await port.undo();
  const back = await port.readGrid();
  expect(back.sheets.map((s) => s.name)).not.toContain(SETTINGS_SHEET);
  expect(back.definedNames.map((d) => d.name)).not.toContain("Finsam_Planar");
});

test("an edit on a sheet that does not exist fails and changes nothing", async () => {
  const { port } = await vastra();
  const original = await port.readGrid();
  await expect(port.applyEdits({ cells: [{ sheet: "Finns inte", cell: "A1", value: 1 }] })).rejects.toMatchObject({
    code: "WRITE_FAILED",
  });
  expect(port.canUndo()).toBe(false);
  expect(await port.readGrid()).toEqual(original);
});

test("go to cell is Excel's: it says so; onChange never calls", async () => {
  const { port } = await vastra();
  await expect(port.goToCell("Budget 2025", "B16")).rejects.toMatchObject({
    code: "UNSUPPORTED_VERSION",
    userMessage: { sv: expect.stringMatching(/går bara i Excel/) },
  });
  const stop = port.onChange(() => {
    throw new Error("never");
  });
  expect(typeof stop).toBe("function");
  stop();
});

it("the board sheet's chart stays in the download when a later analysis writes its flags", async () => {
  const { port } = await vastra();
  const first = await analysed(port);
  await port.applyPlan(buildWritePlan(first.analysis, { board: true, madeOn: new Date(2025, 2, 14) }));
  const again = await analysed(port);
  await port.applyPlan(again.plan);
  const zip = await JSZip.loadAsync(await port.download());
  expect(Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(1);
  expect((await readGridFromBuffer(await port.download())).sheets.map((s) => s.name)).toContain("Styrelseunderlag");
});
