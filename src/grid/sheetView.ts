import { indexIn, sortedKeys, within } from "./ascending";
import type { CellValue, GridRow, GridSheet } from "./grid";

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
