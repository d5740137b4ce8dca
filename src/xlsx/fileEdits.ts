/** The user's cells changed on the pane's request, in the file: new sheets, cells (values or formulas) and names. */
import type ExcelJS from "exceljs";
import type { WorkbookEdits } from "../grid/edits";

/** Writes the edits into the workbook; a cell on a sheet that does not stand is an error (the journal then undoes the write). */
export function writeEdits(wb: ExcelJS.Workbook, edits: WorkbookEdits): void {
  for (const name of edits.sheets ?? []) if (!wb.getWorksheet(name)) wb.addWorksheet(name);
  for (const edit of edits.cells) {
    const sheet = wb.getWorksheet(edit.sheet);
    if (!sheet) throw new Error(`bladet ${edit.sheet} finns inte`);
    const cell = sheet.getCell(edit.cell);
    if (edit.formula !== undefined) {
      cell.value = {
        formula: edit.formula.replace(/^=/, ""),
        ...(edit.value !== undefined ? { result: edit.value } : {}),
      } as ExcelJS.CellFormulaValue;
    } else if (edit.value !== undefined) {
      cell.value = edit.value === "" ? null : edit.value;
    }
    if (edit.numberFormat) cell.style = { ...cell.style, numFmt: edit.numberFormat };
  }
  if (edits.names && edits.names.length > 0) {
    const replaced = new Set(edits.names.map((n) => n.name.toLowerCase()));
    const model = wb.definedNames.model as { name: string; ranges: string[] }[];
    wb.definedNames.model = [
      ...model.filter((d) => !replaced.has(d.name.toLowerCase())),
      ...edits.names.map((n) => ({ name: n.name, ranges: [n.ref.replace(/^=/, "")] })),
    ];
  }
}
