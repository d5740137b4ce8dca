/**
 * A plain snapshot of a workbook's cells: the one input of everything after
 * the readers. Both ends produce it: src/xlsx from a file, src/excel from the
 * open workbook through Office.js.
 */

import type { Finding } from "../domain";

/** An error value such as #REF! or #DIV/0!. */
export interface CellError {
  readonly error: string;
}

/** What a cell holds (a formula's cached result for formula cells); null when empty. */
export type CellValue = number | string | boolean | CellError | null;

/**
 * One row's cells, columns ascending; values, formulas and numberFormats run
 * parallel to columns. Parallel arrays, not an object per cell: a row costs
 * a few arrays, a cell a few slots.
 */
export interface GridRow {
  readonly columns: readonly number[];
  readonly values: readonly CellValue[];
  /** "=SUM(B5:B9)" for formula cells, null elsewhere. */
  readonly formulas: readonly (string | null)[];
  /** Excel number formats ("#,##0 \"kr\""), null for General. */
  readonly numberFormats: readonly (string | null)[];
}

/**
 * A sheet as the cells that exist, not as the rectangle they span: memory
 * and work follow what the sheet holds (A1 and XFD1048576 are two cells).
 * Build one with SheetBuilder; read it through SheetView.
 */
export interface GridSheet {
  readonly name: string;
  readonly visible: boolean;
  /**
   * The used range: the smallest rectangle holding every cell with a value or
   * a formula (1-based). A sheet without one has top = left = 1, bottom = right = 0.
   */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  /** The stored cells by 1-based row, rows ascending; only rows inside the used range. */
  readonly rows: ReadonlyMap<number, GridRow>;
  /** Formats of whole rows and columns: what an empty cell inside the used range shows. */
  readonly rowFormats?: ReadonlyMap<number, string>;
  readonly columnFormats?: ReadonlyMap<number, string>;
  /** 1-based numbers of hidden rows. */
  readonly hiddenRows: readonly number[];
  /** Merged areas, "A1:D1". */
  readonly merges: readonly string[];
}

export interface DefinedName {
  readonly name: string;
  /** "'Långtidsbudget'!$B$5:$B$8". */
  readonly ref: string;
}

export interface Grid {
  readonly sheets: readonly GridSheet[];
  readonly definedNames: readonly DefinedName[];
  /** What reading found beyond the limits of GRID_LIMITS (INPUT_* on their cells); the analysis reports them. */
  readonly findings?: readonly Finding[];
}

/**
 * Limits no budget workbook reaches, so the work stays bounded by what a
 * file holds rather than by what it claims. Passing one is an INPUT_* finding
 * on the cell, never a failure (docs/developers.md, "Limits").
 */
export const GRID_LIMITS = {
  /** Cells with a value or formula read per sheet; the rest are left out (INPUT_TOO_MANY_CELLS). */
  cells: 1_000_000,
  /** Characters of a text kept; a longer text is shortened (INPUT_LONG_TEXT). */
  text: 1_000,
} as const;

export function isCellError(value: CellValue): value is CellError {
  return typeof value === "object" && value !== null && "error" in value;
}

const ERROR_TEXT =
  /^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** Office.js and some files give error values as their text ("#REF!"). */
export function errorFromText(text: string): CellError | undefined {
  return ERROR_TEXT.test(text) ? { error: text } : undefined;
}

/** How many cells a sheet stores: what its memory follows. */
export function storedCells(sheet: GridSheet): number {
  let n = 0;
  for (const row of sheet.rows.values()) n += row.columns.length;
  return n;
}
