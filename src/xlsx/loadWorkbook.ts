import ExcelJS from "exceljs";
import { readXlsxParts } from "./xlsxParts";

/**
 * Loads an .xlsx into ExcelJS, as the reader does: without the names, merges and data validations over
 * whole sheets that ExcelJS would expand cell by cell (xlsxParts.ts), and with damaged document dates
 * dropped. Bytes the reader has already accepted are assumed here. (The add-in never writes a copy
 * through ExcelJS: a copy is the file's own package, changed in place, package/changes.ts.)
 */
export async function loadWorkbook(bytes: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const parts = await readXlsxParts(view);
  const workbook = new ExcelJS.Workbook();
  // JSZip, under ExcelJS, takes a Uint8Array as well as a Buffer.
  await workbook.xlsx.load(("kind" in parts ? view : parts.bytes) as unknown as ArrayBuffer);
  repairProperties(workbook);
  return workbook;
}

/**
 * A date in docProps/core.xml that is no date ("2025-13-45") loads as an
 * Invalid Date, on which ExcelJS's writer throws "Invalid time value"; without
 * it the property is simply left out of the copy.
 */
export function repairProperties(workbook: ExcelJS.Workbook): void {
  const props = workbook as unknown as Record<"created" | "modified" | "lastPrinted", Date | undefined>;
  for (const key of ["created", "modified", "lastPrinted"] as const) {
    const value = props[key];
    if (value !== undefined && !(value instanceof Date && Number.isFinite(value.getTime()))) props[key] = undefined;
  }
}
