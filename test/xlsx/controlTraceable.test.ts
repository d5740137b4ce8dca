/**
 * Finsam-kontroll traceable to the last constant (issue 22): a setting the workbook keeps on a Finsam_*
 * name is read there by formula, so changing it flows through; a number typed as text is read from its
 * cell; a plan year's finding stands, filled, on the Finsam-kontroll cell that computes it and never on
 * an input that is right as typed; the notes name the scenarios in words.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { analyzeGrid } from "../../src/app/analyzeGrid";
import { planWrites } from "../../src/plan/writePlan";
import { CONTROL_SHEET } from "../../src/read/addinSheets";
import { readGridFromBuffer } from "../../src/xlsx/readGrid";
import { writeAnnotated } from "../../src/xlsx/writeAnnotated";
import { numberAt, recalculatedSheet } from "../support/libreoffice";
import { noteText } from "../support/cellNote";
import { EXAMPLE, fixture } from "../support/paths";

jest.setTimeout(180_000);

async function planned(path: string) {
  const bytes = readFileSync(path);
  const grid = await readGridFromBuffer(bytes);
  const result = analyzeGrid(grid);
  if (!result.ok) throw new Error("not analysed");
  return { bytes, grid, ...planWrites(result.analysis) };
}

const cellOf = (cells: readonly { cell: string; formula?: string }[], cell: string) =>
  cells.find((c) => c.cell === cell);

describe("the example workbook", () => {
  it("reads Finsam_EKMaxProcent and Finsam_Minskning by name, and the text amount ”15 000” from its cell", async () => {
    const { plan } = await planned(EXAMPLE);
    const formulas = plan.controlSheet.cells.map((c) => c.formula ?? "");
    expect(formulas.filter((f) => f.includes("Finsam_EKMaxProcent"))).toEqual([
      "=IF(Finsam_EKMaxProcent<=1,100*Finsam_EKMaxProcent,Finsam_EKMaxProcent)",
    ]);
    // The worst case's fall, each plan year (before: the constant 0,1 typed in).
    expect(formulas.filter((f) => f.includes("Finsam_Minskning"))).toEqual([
      "=IF(Finsam_Minskning>1,Finsam_Minskning/100,Finsam_Minskning)",
      "=IF(Finsam_Minskning>1,Finsam_Minskning/100,Finsam_Minskning)",
    ]);
    // Budget 2025!C12 holds "15 000" as text (before: =15000, with no link to its cell).
    const linked = formulas.filter((f) => f.includes("'Budget 2025'!C12"));
    expect(linked.length).toBeGreaterThanOrEqual(2);
    for (const f of linked)
      expect(f).toBe(`=IFERROR(--SUBSTITUTE(SUBSTITUTE('Budget 2025'!C12,CHAR(160),"")," ",""),15000)`);
    expect(formulas.some((f) => /(^|[=+(,])15000($|[+),])/.test(f) && !f.includes("IFERROR"))).toBe(false);
    // No sentence names an internal rule number.
    const texts = plan.controlSheet.cells.map((c) => String(c.value ?? ""));
    expect(texts.filter((t) => /regel \d/i.test(t))).toEqual([]);
  });

  it("a setting changed in the copy flows through Finsam-kontroll when LibreOffice recalculates it", async () => {
    const { bytes, grid, plan } = await planned(EXAMPLE);
    const rate = plan.controlSheet.cells.find((c) => c.formula?.includes("Finsam_Minskning"))!;
    const written = await writeAnnotated(bytes, plan, { cachedResults: false });
    const control = grid.sheets.length + 1;
    expect(numberAt(await recalculatedSheet(written, control), rate.cell)).toBeCloseTo(0.1, 10);
    // The förbundschef types 12 (per cent) into Inställningar!B7, where Finsam_Minskning points.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(written as unknown as ArrayBuffer);
    wb.getWorksheet("Inställningar")!.getCell("B7").value = 12;
    const changed = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(numberAt(await recalculatedSheet(changed, control), rate.cell)).toBeCloseTo(0.12, 10);
  });
});

describe("Västra 2025", () => {
  it("fills the Finsam-kontroll cells its plan-year findings stand on, and flags no input that is right", async () => {
    const { bytes, analysis, plan } = await planned(fixture("vastra-2025"));
    const onControl = analysis.findings.filter((f) => f.sheet === CONTROL_SHEET);
    expect(onControl.map((f) => [f.code, f.severity, f.year])).toEqual([
      ["CEILING_EXCEEDED", "error", 2027],
      ["CEILING_EXCEEDED", "error", 2026],
      ["CEILING_EXCEEDED", "error", 2027],
      ["DEFICIT_UNJUSTIFIED", "warning", 2026],
    ]);
    for (const f of onControl)
      expect(cellOf(plan.controlSheet.cells, f.cell!)).toMatchObject({
        fill: f.severity === "error" ? "FFC7CE" : "FFEB9C",
      });
    // Opening equity is typed right: no flag on it, in the plan or in the copy.
    const opening = analysis.budget.openingEquity!.ref!;
    expect(plan.flags.filter((f) => f.sheet === opening.sheet && f.cell.split(":")[0] === opening.cell)).toEqual([]);

    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load((await writeAnnotated(bytes, plan)) as unknown as ArrayBuffer);
    const control = copy.getWorksheet(CONTROL_SHEET)!;
    const fill = (cell: string) => (control.getCell(cell).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(onControl.map((f) => fill(f.cell!))).toEqual(["FFFFC7CE", "FFFFC7CE", "FFFFC7CE", "FFFFEB9C"]);
    expect(noteText(copy.getWorksheet(opening.sheet)!.getCell(opening.cell).note)).toBeUndefined();
  });

  it("says in the note which scenarios a fact holds in, by name", async () => {
    const { plan } = await planned(fixture("vastra-2025"));
    const deficit = plan.flags.find((f) => f.codes.includes("DEFICIT_JUSTIFIED"))!;
    expect(deficit.note).toMatch(
      /^Finsam-budget: Enligt arket och Värsta fall \(statens del −10 % per år\): Underskott 2025: 1\u00a0366\u00a0000 kr tas ur eget kapital/,
    );
    expect(plan.flags.filter((f) => /\[(sheet|worst-case)\]/.test(f.note))).toEqual([]);
  });
});
