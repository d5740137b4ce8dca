import ExcelJS from "exceljs";
import { NOTHING_SET_ASIDE, readXlsxParts, type SetAside } from "./xlsxParts";

export interface LoadedWorkbook {
  readonly workbook: ExcelJS.Workbook;
  /** The names, merges, data validations and extensions ExcelJS was not given or does not write: restoreSetAside.ts puts them back into a written copy. */
  readonly setAside: SetAside;
}

/**
 * Loads an .xlsx into ExcelJS for writing, as the reader does: without the
 * names, merges and data validations over whole sheets that ExcelJS would
 * expand cell by cell (xlsxParts.ts), and with damaged document dates dropped
 * so the workbook can be saved again. Bytes the reader has already accepted
 * are assumed here.
 */
export async function loadWorkbookParts(bytes: Uint8Array | ArrayBuffer): Promise<LoadedWorkbook> {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const parts = await readXlsxParts(view);
  const workbook = new ExcelJS.Workbook();
  // JSZip, under ExcelJS, takes a Uint8Array as well as a Buffer.
  await workbook.xlsx.load(("kind" in parts ? view : parts.bytes) as unknown as ArrayBuffer);
  repairProperties(workbook);
  return {
    workbook,
    setAside:
      "kind" in parts
        ? NOTHING_SET_ASIDE
        : {
            names: parts.largeNames,
            extensions: parts.extensions,
            merges: parts.largeMerges,
            validations: parts.largeValidations,
          },
  };
}

export async function loadWorkbook(bytes: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  return (await loadWorkbookParts(bytes)).workbook;
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
