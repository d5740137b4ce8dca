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

export interface GridSheet {
  readonly name: string;
  readonly visible: boolean;
  /** 1-based row and column of values[0][0] (the used range's top-left cell). */
  readonly top: number;
  readonly left: number;
  readonly values: readonly (readonly CellValue[])[];
  /** "=SUM(B5:B9)" for formula cells, null elsewhere; same shape as values. */
  readonly formulas: readonly (readonly (string | null)[])[];
  /** Excel number formats ("#,##0 \"kr\""), null for General; same shape as values. */
  readonly numberFormats: readonly (readonly (string | null)[])[];
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
 * on the cell, never a failure (README, "Limits").
 */
export const GRID_LIMITS = {
  /** Cells with a value or formula read per sheet; the rest are left out (INPUT_TOO_MANY_CELLS). */
  cells: 1_000_000,
  /** The rectangle a sheet is read into, rows × columns; far-off cells beyond it are left out (INPUT_OUTSIDE_AREA). */
  area: 4_000_000,
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

/** "A" → 1, "AB" → 28. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const LETTERS: string[] = [];

/** 1 → "A", 28 → "AB". Remembered: every cell the readers touch asks for its column's letters. */
export function columnLetters(column: number): string {
  const known = LETTERS[column];
  if (known !== undefined) return known;
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  if (column <= 16384) LETTERS[column] = s;
  return s;
}

export function address(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** "B12" → { row: 12, column: 2 }; "$B$12" too. */
export function parseAddress(a: string): { row: number; column: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a.trim());
  return m ? { row: Number(m[2]), column: columnNumber(m[1]!) } : undefined;
}

/** Reading a sheet by 1-based row and column, whatever its used range. */
export class SheetView {
  readonly bottom: number;
  readonly right: number;
  private hidden: ReadonlySet<number> | undefined;

  constructor(readonly sheet: GridSheet) {
    this.bottom = sheet.top + sheet.values.length - 1;
    // A loop, not Math.max(...rows): spreading a long array into a call overflows the stack.
    let width = 0;
    for (const row of sheet.values) if (row.length > width) width = row.length;
    this.right = sheet.left + width - 1;
  }

  get name(): string {
    return this.sheet.name;
  }

  value(row: number, column: number): CellValue {
    return this.sheet.values[row - this.sheet.top]?.[column - this.sheet.left] ?? null;
  }

  formula(row: number, column: number): string | null {
    return this.sheet.formulas[row - this.sheet.top]?.[column - this.sheet.left] ?? null;
  }

  numberFormat(row: number, column: number): string | null {
    return this.sheet.numberFormats[row - this.sheet.top]?.[column - this.sheet.left] ?? null;
  }

  text(row: number, column: number): string {
    const v = this.value(row, column);
    return typeof v === "string" ? v.trim() : "";
  }

  isHiddenRow(row: number): boolean {
    this.hidden ??= new Set(this.sheet.hiddenRows);
    return this.hidden.has(row);
  }
}

/** "'Långtidsbudget'!$B$5:$B$8" → its sheet and corners; undefined for #REF! and the like. */
export function parseRangeRef(
  ref: string,
): { sheet: string; start: { row: number; column: number }; end: { row: number; column: number } } | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^!'"]+))!(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?$/.exec(
    ref.trim().replace(/^=/, ""),
  );
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
  const start = parseAddress(m[3]!);
  const end = m[4] ? parseAddress(m[4]) : start;
  return start && end ? { sheet, start, end } : undefined;
}

/** A sheet name as a formula reference: 'Budget 2025'!B14. */
export function sheetRef(sheet: string, cell: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? `${sheet}!${cell}` : `'${sheet.replace(/'/g, "''")}'!${cell}`;
}
