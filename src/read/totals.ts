import { address, columnNumber, type SheetView } from "../grid";
import type { Item } from "./tables";
import type { YearColumn } from "./yearHeaders";

/**
 * What a table's formulas and arithmetic say about its rows: a SUM says
 * exactly which lines a total covers, and a row computed from other rows is a
 * total or a result, never a line.
 */

/** Rows a SUM formula in this column covers: "=SUM(B5:B11)" → 5..11. */
export function sumRows(formula: string | null | undefined, column: number): [number, number] | undefined {
  if (!formula) return undefined;
  // SUBTOTAL(9, …) and SUBTOTAL(109, …) sum a range too (109 leaving hidden rows out: skipsHidden).
  const m = /^=(?:SUM|SUBTOTAL\(1?09,)\(?\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)\)$/i.exec(formula.replace(/\s/g, ""));
  if (!m || m[1] !== m[3]) return undefined;
  if (columnNumber(m[1]!) !== column) return undefined;
  return [Number(m[2]), Number(m[4])];
}

/**
 * "=SUBTOTAL(109,B7:B16)": a sum that leaves the hidden rows out, as Excel's
 * SUBTOTAL does with 101–111 (support.microsoft.com, SUBTOTAL function).
 */
export function skipsHidden(formula: string | null | undefined): boolean {
  return formula !== null && formula !== undefined && /^=SUBTOTAL\(1\d\d,/i.test(formula.replace(/\s/g, ""));
}

/** The rows of the same column a formula refers to, outside any SUM range: "=B24+B22" → 24, 22. */
export function referencedRows(formula: string | null | undefined, column: number): number[] {
  if (!formula || /!/.test(formula)) return [];
  const letters = address(1, column).replace(/\d+$/, "");
  const rows: number[] = [];
  const cells = formula
    .replace(/\$/g, "")
    .toUpperCase()
    .matchAll(/(?<![A-Z])([A-Z]{1,3})(\d+)(?!\d)(?!:)/g);
  for (const m of cells) if (m[1] === letters) rows.push(Number(m[2]));
  return rows;
}

/**
 * Rows a plain addition in this column covers, of cells and SUMs of cells and
 * ranges: "=C4+C5+C6+C13" → 4, 5, 6, 13; "=E7+E8+SUM(E18:E25)" → 7, 8,
 * 18…25; "=SUM(D6:D10,D12)" → 6…10, 12; undefined for anything else.
 */
export function addedRows(formula: string | null | undefined, column: number): number[] | undefined {
  if (!formula) return undefined;
  const letters = address(1, column).replace(/\d+$/, "");
  const terms = formula.replace(/[\s$]/g, "").toUpperCase().replace(/^=/, "").split("+");
  const rows: number[] = [];
  let sums = 0;
  for (const term of terms) {
    const list = /^SUM\((.+)\)$/.exec(term);
    for (const arg of list ? list[1]!.split(/[,;]/) : [term]) {
      const range = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(arg);
      if (!range || range[1] !== letters || (range[3] !== undefined && range[3] !== letters)) return undefined;
      const [from, to] = [Number(range[2]), Number(range[4] ?? range[2])];
      for (let r = from; r <= to; r++) rows.push(r);
    }
    if (list) sums += 1;
  }
  // A lone cell ("=B7") is a link, not an addition; a lone SUM of one range is sumRows'.
  return terms.length >= 2 || (sums === 1 && rows.length > 0 && /[,;]/.test(formula)) ? rows : undefined;
}

/** The rows a total's formula says it covers: a SUM's range or the cells it adds; undefined where no formula says. */
export function coveredRows(item: Item, columns: readonly YearColumn[]): number[] | undefined {
  const range = coveredRange(item, columns);
  if (range) return rowsOf(range);
  for (const c of columns) {
    const rows = addedRows(item.formulas[c.year], c.column);
    if (rows && !rows.includes(item.row)) return rows;
  }
  return undefined;
}

/** The rows a formula in this column adds up: a SUM's range, or the cells and ranges it adds; undefined for anything else. */
export function summedRows(formula: string | null | undefined, column: number): number[] | undefined {
  const range = sumRows(formula, column);
  return range ? rowsOf(range) : addedRows(formula, column);
}

const rowsOf = ([from, to]: [number, number]) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export function coveredRange(item: Item, columns: readonly YearColumn[]): [number, number] | undefined {
  for (const c of columns) {
    const range = sumRows(item.formulas[c.year], c.column);
    if (range && !(range[0] <= item.row && item.row <= range[1])) return range;
  }
  return undefined;
}

/** A line that is the SUM of other lines of its block, written above them (a group's subtotal). */
export function isSubtotalAbove(item: Item, columns: readonly YearColumn[]): boolean {
  const range = coveredRange(item, columns);
  return range !== undefined && range[0] > item.row;
}

/**
 * A row computed from other rows of its column ("=B7+B8", "=SUM(B5:B9)",
 * "=B24+B22"): derived, so never a budget line. A formula reaching other
 * sheets or only constants ("=1200*12") says nothing of the kind.
 */
export function isComputedFromRows(view: SheetView, row: number, columns: readonly YearColumn[]): boolean {
  return columns.some((c) => {
    const formula = view.formula(row, c.column);
    if (!formula) return false;
    if (sumRows(formula, c.column)) return true;
    return referencedRows(formula, c.column).some((r) => r !== row);
  });
}

/** Drops the lines that a subtotal in the same list already sums. */
export function withoutCovered(items: readonly Item[], columns: readonly YearColumn[]): Item[] {
  const covered = new Set<number>();
  for (const item of items) {
    const range = coveredRange(item, columns);
    if (range) for (let r = range[0]; r <= range[1]; r++) if (r !== item.row) covered.add(r);
  }
  return items.filter((i) => !covered.has(i.row));
}

/**
 * Values only: a row equal, in every year it states, to the sum of the two or
 * more rows just above it (a group's subtotal) is not a line. Looks back at
 * most MAX_GROUP rows, in plain numbers to the öre, so a long list stays linear.
 */
export function arithmeticSubtotalOf(
  item: Item,
  above: readonly Item[],
  columns: readonly YearColumn[],
): Item[] | undefined {
  if (above.length < 2) return undefined;
  const target = item.numbers;
  const stated: number[] = [];
  for (let i = 0; i < columns.length; i++) if (target[i] !== 0) stated.push(i);
  if (stated.length === 0) return undefined;
  const running = stated.map(() => 0);
  const limit = Math.min(above.length, MAX_GROUP);
  for (let n = 1; n <= limit; n++) {
    const row = above[above.length - n]!.numbers;
    let equal = n >= 2;
    for (let k = 0; k < stated.length; k++) {
      running[k]! += row[stated[k]!] ?? 0;
      if (Math.abs(running[k]! - target[stated[k]!]!) >= 0.005) equal = false;
    }
    if (equal) return above.slice(above.length - n);
  }
  return undefined;
}

const MAX_GROUP = 30;
