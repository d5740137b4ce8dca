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
 * on the cell, never a failure (README, "Limits").
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

/** A rectangle of cells by 1-based rows and columns. */
export interface CellArea {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * Merged areas clipped to a sheet's used range, as "A1:D1" top to bottom: a
 * merge (a whole-sheet one too) costs no more than the cells it covers, and
 * one clipped to a single cell or to nothing is no merge.
 */
export function mergesWithin(usedRange: CellArea, areas: readonly CellArea[]): string[] {
  return areas
    .map((a) => ({
      top: Math.max(a.top, usedRange.top),
      left: Math.max(a.left, usedRange.left),
      bottom: Math.min(a.bottom, usedRange.bottom),
      right: Math.min(a.right, usedRange.right),
    }))
    .filter((a) => a.top <= a.bottom && a.left <= a.right && (a.top < a.bottom || a.left < a.right))
    .sort((a, b) => a.top - b.top || a.left - b.left)
    .map((a) => `${address(a.top, a.left)}:${address(a.bottom, a.right)}`);
}

/**
 * "B12" → { row: 12, column: 2 }; "$B$12" too. Read character by character:
 * spans parse thousands of addresses, and a regular expression's match is an allocation each.
 */
export function parseAddress(a: string): { row: number; column: number } | undefined {
  const s = a.trim();
  let i = s.startsWith("$") ? 1 : 0;
  const lettersFrom = i;
  let column = 0;
  for (; i < s.length; i++) {
    const letter = s.charCodeAt(i) | 32; // lower case
    if (letter < 97 || letter > 122) break;
    column = column * 26 + (letter - 96);
  }
  if (i === lettersFrom || i - lettersFrom > 3) return undefined;
  if (s[i] === "$") i++;
  if (i === s.length) return undefined;
  let row = 0;
  for (; i < s.length; i++) {
    const digit = s.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    row = row * 10 + digit;
  }
  return { row, column };
}

/** A cell's place in its row, by binary search over the row's columns; -1 when the row has no such cell. */
function indexIn(columns: readonly number[], column: number): number {
  let lo = 0;
  let hi = columns.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = columns[mid]!;
    if (c === column) return mid;
    if (c < column) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The first index in an ascending list whose entry is at least `n`. */
function firstAtLeast(list: readonly number[], n: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < n) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The entries of an ascending list within [from, to]. */
function within(list: readonly number[], from: number, to: number): readonly number[] {
  const start = firstAtLeast(list, from);
  const end = firstAtLeast(list, to + 1);
  return start === 0 && end === list.length ? list : list.slice(start, end);
}

/**
 * Reading a sheet by 1-based row and column, whatever its used range; and
 * walking the rows and cells that exist, so no reader pays for the empty
 * rectangle between A1 and a far cell.
 */
export class SheetView {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  private hidden: ReadonlySet<number> | undefined;
  /** The row asked last: readers mostly ask along a row, so most asks skip the map. */
  private lastRow = NaN;
  private lastCells: GridRow | undefined;

  constructor(readonly sheet: GridSheet) {
    this.top = sheet.top;
    this.left = sheet.left;
    this.bottom = sheet.bottom;
    this.right = sheet.right;
  }

  get name(): string {
    return this.sheet.name;
  }

  private cellsOf(row: number): GridRow | undefined {
    if (row !== this.lastRow) {
      this.lastRow = row;
      this.lastCells = this.sheet.rows.get(row);
    }
    return this.lastCells;
  }

  value(row: number, column: number): CellValue {
    const r = this.cellsOf(row);
    if (!r) return null;
    const i = indexIn(r.columns, column);
    return i < 0 ? null : r.values[i]!;
  }

  formula(row: number, column: number): string | null {
    const r = this.cellsOf(row);
    if (!r) return null;
    const i = indexIn(r.columns, column);
    return i < 0 ? null : r.formulas[i]!;
  }

  /** The cell's own format; an empty cell inside the used range shows its row's, else its column's. */
  numberFormat(row: number, column: number): string | null {
    const r = this.cellsOf(row);
    const i = r ? indexIn(r.columns, column) : -1;
    if (i >= 0) return r!.numberFormats[i]!;
    if (row < this.top || row > this.bottom || column < this.left || column > this.right) return null;
    return this.sheet.rowFormats?.get(row) ?? this.sheet.columnFormats?.get(column) ?? null;
  }

  text(row: number, column: number): string {
    const v = this.value(row, column);
    return typeof v === "string" ? v.trim() : "";
  }

  isHiddenRow(row: number): boolean {
    this.hidden ??= new Set(this.sheet.hiddenRows);
    return this.hidden.has(row);
  }

  /** The rows that hold a cell, ascending, within [from, to] (the used range by default). */
  rowNumbers(from = this.top, to = this.bottom): readonly number[] {
    let list = ROW_LISTS.get(this.sheet);
    if (!list) ROW_LISTS.set(this.sheet, (list = sortedKeys(this.sheet.rows)));
    return within(list, from, to);
  }

  /**
   * Every row from `from` to `to` as a reader walking them one by one would
   * meet them, except that a run of empty rows comes as its first row only:
   * for readers where an empty row means "a gap", and more of them mean no more.
   */
  rowsAndGaps(from = this.top, to = this.bottom): number[] {
    const out: number[] = [];
    let next = from;
    for (const row of this.rowNumbers(from, to)) {
      if (row > next) out.push(next);
      out.push(row);
      next = row + 1;
    }
    if (next <= to) out.push(next);
    return out;
  }

  /** The columns of a row's cells, ascending, within [from, to] (the used range by default). */
  columnNumbers(row: number, from = this.left, to = this.right): readonly number[] {
    const r = this.sheet.rows.get(row);
    return r ? within(r.columns, from, to) : [];
  }
}

/** A sheet's rows in order, once per sheet however many views read it. */
const ROW_LISTS = new WeakMap<GridSheet, readonly number[]>();

function sortedKeys(rows: ReadonlyMap<number, unknown>): number[] {
  const keys = [...rows.keys()];
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return keys.sort((a, b) => a - b);
  return keys;
}

/** How many cells a sheet stores: what its memory follows. */
export function storedCells(sheet: GridSheet): number {
  let n = 0;
  for (const row of sheet.rows.values()) n += row.columns.length;
  return n;
}

interface RowUnderConstruction {
  columns: number[];
  values: CellValue[];
  formulas: (string | null)[];
  numberFormats: (string | null)[];
}

/**
 * Collects a sheet's cells, in any order (row by row, left to right is
 * cheapest), into a GridSheet. A later cell in the same place replaces the
 * earlier. A cell with neither value nor formula is kept only inside the used
 * range, where its format (or its emptiness, for a merged cell) is read.
 */
export class SheetBuilder {
  private readonly rows = new Map<number, RowUnderConstruction>();
  private rowFormats: Map<number, string> | undefined;
  private columnFormats: Map<number, string> | undefined;

  constructor(
    private readonly base: {
      readonly name: string;
      readonly visible: boolean;
      readonly hiddenRows?: readonly number[];
      readonly merges?: readonly string[];
    },
  ) {}

  cell(row: number, column: number, value: CellValue, formula: string | null, numberFormat: string | null): this {
    let r = this.rows.get(row);
    if (!r) {
      r = { columns: [], values: [], formulas: [], numberFormats: [] };
      this.rows.set(row, r);
    }
    const last = r.columns.length - 1;
    const at = last >= 0 && r.columns[last]! >= column ? r.columns.indexOf(column) : -1;
    if (at >= 0) {
      r.values[at] = value;
      r.formulas[at] = formula;
      r.numberFormats[at] = numberFormat;
      return this;
    }
    r.columns.push(column);
    r.values.push(value);
    r.formulas.push(formula);
    r.numberFormats.push(numberFormat);
    return this;
  }

  /** The format of a whole row, shown by its empty cells. */
  rowFormat(row: number, format: string): this {
    (this.rowFormats ??= new Map()).set(row, format);
    return this;
  }

  /** The format of a whole column, shown by its empty cells that have no row format. */
  columnFormat(column: number, format: string): this {
    (this.columnFormats ??= new Map()).set(column, format);
    return this;
  }

  build(): GridSheet {
    let top = Infinity;
    let left = Infinity;
    let bottom = -Infinity;
    let right = -Infinity;
    for (const [row, r] of this.rows) {
      for (let i = 0; i < r.columns.length; i++) {
        if (r.values[i] === null && r.formulas[i] === null) continue;
        const column = r.columns[i]!;
        if (row < top) top = row;
        if (row > bottom) bottom = row;
        if (column < left) left = column;
        if (column > right) right = column;
      }
    }
    const base = {
      name: this.base.name,
      visible: this.base.visible,
      hiddenRows: this.base.hiddenRows ?? [],
      merges: this.base.merges ?? [],
    };
    if (top === Infinity) return { ...base, top: 1, left: 1, bottom: 0, right: 0, rows: new Map() };
    const rows = new Map<number, GridRow>();
    for (const row of sortedKeys(this.rows)) {
      if (row < top || row > bottom) continue;
      const kept = inRange(this.rows.get(row)!, left, right);
      if (kept) rows.set(row, kept);
    }
    const clip = (formats: Map<number, string> | undefined, from: number, to: number) => {
      if (!formats) return undefined;
      const kept = new Map([...formats].filter(([k]) => k >= from && k <= to));
      return kept.size ? kept : undefined;
    };
    const rowFormats = clip(this.rowFormats, top, bottom);
    const columnFormats = clip(this.columnFormats, left, right);
    return {
      ...base,
      top,
      left,
      bottom,
      right,
      rows,
      ...(rowFormats ? { rowFormats } : {}),
      ...(columnFormats ? { columnFormats } : {}),
    };
  }
}

/** A row's cells within [left, right], columns ascending; undefined when none is left. */
function inRange(r: RowUnderConstruction, left: number, right: number): GridRow | undefined {
  let order: number[] | undefined;
  for (let i = 0; i < r.columns.length; i++) {
    const c = r.columns[i]!;
    if ((i > 0 && r.columns[i - 1]! > c) || c < left || c > right) {
      order = r.columns
        .map((_, k) => k)
        .filter((k) => r.columns[k]! >= left && r.columns[k]! <= right)
        .sort((a, b) => r.columns[a]! - r.columns[b]!);
      break;
    }
  }
  if (order?.length === 0) return undefined;
  // Exact copies: arrays grown by push keep spare room, a row of two cells the room of sixteen.
  const pick = <T>(list: readonly T[]): T[] => (order ? order.map((i) => list[i]!) : list.slice());
  return {
    columns: pick(r.columns),
    values: pick(r.values),
    formulas: orNulls(pick(r.formulas)),
    numberFormats: orNulls(pick(r.numberFormats)),
  };
}

const NULLS: (readonly null[])[] = [];

/** A list of nulls only (most rows' formulas, many rows' formats) as one shared array per length. */
function orNulls(list: (string | null)[]): readonly (string | null)[] {
  if (list.some((x) => x !== null)) return list;
  return (NULLS[list.length] ??= Object.freeze(list.map(() => null)));
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
