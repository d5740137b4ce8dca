import { address, type Grid, parseRangeRef, splitAreas } from "../grid";
import type { ColumnKind } from "./vocabulary";
import type { YearColumn } from "./yearHeaders";

/** Finsam_Budget_2025: the kind of a named year column, as the reader's header words would say it. */
const YEAR_COLUMN_NAME = /^Finsam_(Budget|Plan|Historik|Bokslut|Utfall|Prognos)_(\d{4})$/i;
const KIND_OF_NAME: Record<string, ColumnKind> = {
  budget: "budget",
  plan: "plan",
  historik: "history",
  bokslut: "history",
  utfall: "outcome",
  prognos: "forecast",
};

/** The year columns the names say, on one sheet: the header row is the named cells' row, or the row above named amounts. */
export interface NamedYearColumns {
  readonly sheet: string;
  readonly row: number;
  readonly columns: readonly YearColumn[];
  /**
   * Named across a row (years as rows): then `row` and `columns` are the
   * sheet turned's (transposeSheet), and the sheet is read turned.
   */
  readonly across?: boolean;
  /** Across: the sheet's rows the named years stand on, first and last. */
  readonly rows?: readonly [number, number];
}

/** Members' blocks stacked down one column, one per year, each named with its year (rows first to last). */
export interface NamedBlocks {
  readonly sheet: string;
  readonly blocks: readonly {
    readonly year: number;
    readonly kind: ColumnKind;
    readonly column: number;
    readonly first: number;
    readonly last: number;
  }[];
}

interface Range {
  readonly start: { readonly row: number; readonly column: number };
  readonly end: { readonly row: number; readonly column: number };
}

interface NamedArea {
  readonly kind: ColumnKind;
  readonly year: number;
  readonly range: Range & { readonly sheet: string };
  readonly single: boolean;
}

/** An area across one row (years as rows), not down a column. */
export function isAcross(area: Range): boolean {
  return area.start.row === area.end.row && area.end.column > area.start.column;
}

/**
 * What the names Finsam_Budget_2025, Finsam_Plan_2026 … say, per sheet. A
 * name may cover its year on several sheets (a union: the members' sheet and
 * the result budget's), which says the sheets belong together. Areas that
 * stand beside each other over the same rows are a table's columns; single
 * areas of different years stacked down one column are blocks, one per year.
 */
export function namedYears(grid: Grid): { columns: NamedYearColumns[]; blocks: NamedBlocks[] } {
  const areas = grid.definedNames.flatMap((d) => {
    const m = YEAR_COLUMN_NAME.exec(d.name);
    if (!m) return [];
    return splitAreas(d.ref).flatMap((part): NamedArea[] => {
      const range = parseRangeRef(part);
      if (!range || !grid.sheets.some((s) => s.name === range.sheet)) return [];
      const single = range.start.row === range.end.row && range.start.column === range.end.column;
      return [{ kind: KIND_OF_NAME[m[1]!.toLowerCase()]!, year: Number(m[2]), range, single }];
    });
  });
  const columns: NamedYearColumns[] = [];
  const blocks: NamedBlocks[] = [];
  for (const sheet of new Set(areas.map((a) => a.range.sheet))) {
    const across = areas.filter((a) => a.range.sheet === sheet && isAcross(a.range));
    const down = areas.filter((a) => a.range.sheet === sheet && !isAcross(a.range));
    const stacked = stackedBlocks(down);
    const table = down.filter((a) => !stacked.includes(a));
    if (table.length > 0) columns.push(yearColumns(sheet, table, false));
    for (const table of tablesAcross(across)) columns.push(yearColumns(sheet, table, true));
    if (stacked.length > 0)
      blocks.push({
        sheet,
        blocks: stacked
          .map((a) => ({
            year: a.year,
            kind: a.kind,
            column: a.range.start.column,
            first: a.range.start.row,
            last: a.range.end.row,
          }))
          .sort((x, y) => x.first - y.first),
      });
  }
  return { columns, blocks };
}

/** Areas alone over their rows (no other area beside them), two or more of different years: stacked blocks. */
function stackedBlocks(down: readonly NamedArea[]): NamedArea[] {
  const overlaps = (a: Range, b: Range) => a.start.row <= b.end.row && b.start.row <= a.end.row;
  const alone = down.filter((a) => !a.single && !down.some((b) => b !== a && overlaps(a.range, b.range)));
  return new Set(alone.map((a) => a.year)).size >= 2 ? alone : [];
}

/** Years as rows, one table after another down the sheet: a year named twice starts the next table. */
function tablesAcross(across: readonly NamedArea[]): NamedArea[][] {
  const tables: NamedArea[][] = [];
  for (const a of [...across].sort((x, y) => x.range.start.row - y.range.start.row)) {
    const last = tables[tables.length - 1];
    if (last && !last.some((b) => b.year === a.year)) last.push(a);
    else tables.push([a]);
  }
  return tables;
}

function yearColumns(sheet: string, here: readonly NamedArea[], across: boolean): NamedYearColumns {
  // Across a row, in the turned sheet's places: the row's number is the column, the header row the column before.
  const place = (n: NamedArea) =>
    across
      ? { column: n.range.start.row, header: Math.max(1, n.range.start.column - 1) }
      : { column: n.range.start.column, header: n.single ? n.range.start.row : Math.max(1, n.range.start.row - 1) };
  const row = Math.min(...here.map((n) => place(n).header));
  const columns = here
    .map((n) => ({
      column: place(n).column,
      year: n.year,
      kind: n.kind,
      header: { sheet, cell: address(row, place(n).column) },
    }))
    .sort((a, b) => a.column - b.column);
  const rows = here.map((n) => n.range.start.row);
  return {
    sheet,
    row,
    columns,
    ...(across ? { across: true, rows: [Math.min(...rows), Math.max(...rows)] as const } : {}),
  };
}
