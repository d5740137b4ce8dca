import { sortedKeys } from "./ascending";
import type { CellValue, GridRow, GridSheet } from "./grid";

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
