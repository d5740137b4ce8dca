/** The use cases' tests run on the example workbook through the file port, as the pane in a browser does. */
import { readFile } from "node:fs/promises";
import { analyseWorkbook } from "../../src/app/analyseWorkbook";
import type { WorkbookPort } from "../../src/app/workbookPort";
import { parseAddress, SheetView, type Grid } from "../../src/grid";
import { createFilePort, type FilePort } from "../../src/xlsx/filePort";
import { TEST_CLOCK } from "../support/clock";
import { EXAMPLE } from "../support/paths";

/** The example workbook (assets/exempel-budget.xlsx) on a file port of its own. */
export async function examplePort(): Promise<FilePort> {
  return createFilePort(new Uint8Array(await readFile(EXAMPLE)), "exempel-budget.xlsx");
}

/** The port's workbook analysed, which must find its budget. */
export async function analysed(port: WorkbookPort) {
  const outcome = await analyseWorkbook(port, TEST_CLOCK);
  if (outcome.kind !== "ok") throw new Error(`no analysis: ${outcome.kind}`);
  return outcome;
}

/** A sheet of the grid to read cells from by address ("B7"). */
export function sheetOf(grid: Grid, name: string) {
  const sheet = grid.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const view = new SheetView(sheet);
  const at = (cell: string) => {
    const { row, column } = parseAddress(cell)!;
    return [row, column] as const;
  };
  return {
    value: (cell: string) => view.value(...at(cell)),
    formula: (cell: string) => view.formula(...at(cell)),
  };
}
