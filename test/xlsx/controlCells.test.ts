/**
 * A finding about a plan year the sheet does not state points at the
 * Finsam-kontroll cell that computes its figure (issue 13), never at no cell.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { analyzeGrid } from "../../src/app/analyzeGrid";
import { planWrites } from "../../src/plan/writePlan";
import { readGridFromBuffer } from "../../src/xlsx/readGrid";
import { writeAnnotated } from "../../src/xlsx/writeAnnotated";
import { fixture } from "../support/paths";
import { CONTROL_SHEET } from "../../src/read/addinSheets";

it("Västra 2025: CEILING_EXCEEDED and DEFICIT_UNJUSTIFIED for 2026–2027 sit on the control sheet's costs and result", async () => {
  const bytes = readFileSync(fixture("vastra-2025"));
  const result = analyzeGrid(await readGridFromBuffer(bytes));
  if (!result.ok) throw new Error("not analysed");
  // The rules name the figure; laying out Finsam-kontroll, once, places the finding on its cell.
  expect(result.analysis.findings.filter((f) => f.figure && !f.cell).map((f) => [f.code, f.figure])).toEqual([
    ["CEILING_EXCEEDED", "costs"],
    ["CEILING_EXCEEDED", "costs"],
    ["CEILING_EXCEEDED", "costs"],
    ["DEFICIT_UNJUSTIFIED", "result"],
  ]);
  const { analysis, plan } = planWrites(result.analysis);
  const { findings } = analysis;
  expect(findings.filter((f) => !f.cell).map((f) => f.code)).toEqual([]);
  const onControl = findings.filter((f) => f.sheet === CONTROL_SHEET);
  expect(onControl.map((f) => [f.code, f.cell, f.year, f.scenario, f.actual?.toNumber()])).toEqual([
    ["CEILING_EXCEEDED", "D33", 2027, "sheet", 10_010_000],
    ["CEILING_EXCEEDED", "C45", 2026, "worst-case", 10_010_000],
    ["CEILING_EXCEEDED", "D45", 2027, "worst-case", 10_010_000],
    ["DEFICIT_UNJUSTIFIED", "C34", 2026, "sheet", 10_010_000],
  ]);

  // In the written copy, each of those cells is the figure the finding is about.
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load((await writeAnnotated(bytes, plan)) as unknown as ArrayBuffer);
  const sheet = copy.getWorksheet(CONTROL_SHEET)!;
  const row = (cell: string) => {
    const c = sheet.getCell(cell);
    return [String(sheet.getCell(`A${c.row}`).value), (c.value as ExcelJS.CellFormulaValue).result];
  };
  expect(row("D33")).toEqual([expect.stringMatching(/^Kostnader/), 10_010_000]);
  expect(row("C45")).toEqual([expect.stringMatching(/^Kostnader/), 10_010_000]);
  expect(row("C34")).toEqual([expect.stringMatching(/^Resultat/), -1_366_000]);
});
