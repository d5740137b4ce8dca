import { finding, message, type CellRef, type Finding, type Unit } from "../domain";
import { address, type Grid, type GridSheet, parseRangeRef, SheetView, splitAreas } from "../grid";
import { nameLeftOf, type PopulationEntry, type PopulationTable } from "./population";
import { readAmount } from "./swedishNumber";
import type { ColumnKind } from "./vocabulary";
import { isAcross, namedYears, type NamedBlocks, type NamedYearColumns } from "./namedYears";
import type { YearColumn } from "./yearHeaders";

/**
 * The mapping a user or the workbook sets, as defined names. It wins over
 * detection. The names (documented in docs/developers.md):
 * - Finsam_Budgetblad: any cell on the budget sheet;
 * - Finsam_Ar: the row of year headers (any cell in it);
 * - Finsam_Medlemmar: the members' label cells (one per row);
 * - Finsam_Kostnader: the cost lines' label cells;
 * - Finsam_Befolkning: the population cells, with the kommun names to their left;
 * - Finsam_EgetKapital: the opening equity cell;
 * - Finsam_Enhet: a cell holding "kr", "tkr" or "Mkr", where the sheet does not say its unit itself;
 * - Finsam_Budget_2025, Finsam_Plan_2026, Finsam_Historik_2024 (or _Bokslut_, _Utfall_, _Prognos_): a
 *   column of amounts (its header cell, or the amounts themselves) and the year and kind it holds, where
 *   the header does not say them ("Budget" with the year only in the title). They win over Finsam_Ar.
 */
export const MAPPING_NAMES = {
  budgetSheet: "Finsam_Budgetblad",
  yearHeader: "Finsam_Ar",
  members: "Finsam_Medlemmar",
  costs: "Finsam_Kostnader",
  population: "Finsam_Befolkning",
  openingEquity: "Finsam_EgetKapital",
} as const;

/** A cell holding "kr", "tkr" or "Mkr": the unit, where the sheet does not say it itself (a setting, not a range). */
export const UNIT_NAME = "Finsam_Enhet";

/** The name a year column of that kind and year has: Finsam_Budget_2025 (a plain year is the budget's word). */
export function yearColumnName(column: YearColumn): string {
  return `Finsam_${NAME_OF_KIND[column.kind]}_${column.year}`;
}

const NAME_OF_KIND: Record<ColumnKind, string> = {
  budget: "Budget",
  plan: "Plan",
  history: "Historik",
  outcome: "Utfall",
  forecast: "Prognos",
  year: "Budget",
  period: "Period",
  derived: "Avvikelse",
};

/** Labels named across a row: the row, and the columns whose heads they are. */
export interface LabelsAcross {
  readonly row: number;
  readonly columns: ReadonlySet<number>;
}

export interface Mapping {
  readonly budgetSheet?: string;
  readonly yearHeader?: { readonly sheet: string; readonly row: number };
  /** Per sheet the names cover. */
  readonly yearColumns?: readonly NamedYearColumns[];
  /** Members in blocks stacked one per year, each block's amounts named with its year. */
  readonly yearBlocks?: readonly NamedBlocks[];
  /** The members' rows per sheet (a name may cover the budget sheet and the plan sheet). */
  readonly memberRows?: ReadonlyMap<string, ReadonlySet<number>>;
  readonly costRows?: ReadonlyMap<string, ReadonlySet<number>>;
  /** The column of the named members' and lines' labels, per sheet. */
  readonly labelColumns?: ReadonlyMap<string, number>;
  /** Members and lines named across a row (years as rows, the labels heading columns), per sheet. */
  readonly memberAcross?: ReadonlyMap<string, readonly LabelsAcross[]>;
  readonly costAcross?: ReadonlyMap<string, readonly LabelsAcross[]>;
  readonly population?: PopulationTable;
  readonly openingEquity?: CellRef & { readonly row: number; readonly column: number };
  readonly unit?: Unit;
  readonly findings: readonly Finding[];
}

export function readMapping(grid: Grid): Mapping {
  const findings: Finding[] = [];
  const mapping: { -readonly [K in keyof Mapping]: Mapping[K] } = { findings };
  const lookup = (name: string) => {
    const defined = grid.definedNames.find((d) => d.name.toLowerCase() === name.toLowerCase());
    if (!defined) return undefined;
    // A union of areas ("'Budget'!A6:A9,'Budget'!A12:A14"), on one sheet or several (the parts' sheets).
    const areas = splitAreas(defined.ref).map((part) => {
      const range = parseRangeRef(part);
      const sheet = range && grid.sheets.find((s) => s.name === range.sheet);
      return range && sheet ? clipped(range, sheet) : undefined;
    });
    if (areas.length === 0 || areas.some((a) => !a)) {
      findings.push(
        finding({
          code: "INPUT_MAPPING",
          severity: "error",
          message: message(
            `Namnet ${name} pekar på ${defined.ref}, som inte finns (borttagna celler eller blad?). Namnet används inte; arket läses utan det.`,
            `The name ${name} points at ${defined.ref}, which does not exist (deleted cells or sheet?). It is not used; the sheet is read without it.`,
          ),
        }),
      );
      return undefined;
    }
    const all = areas as NamedArea[];
    return { ...all[0]!, areas: all };
  };
  // The rows of the areas that hold a cell, per sheet: an empty row has no member and no cost to mark.
  // A lone cell on a sheet whose years are named across its rows heads a column, as the rest there.
  const { columns: yearColumns, blocks } = namedYears(grid);
  const acrossSheets = new Set(yearColumns.filter((n) => n.across).map((n) => n.sheet));
  const heads = (a: NamedArea) =>
    isAcross(a) || (acrossSheets.has(a.sheet) && a.start.row === a.end.row && a.start.column === a.end.column);
  const rows = (r: { areas: readonly NamedArea[] }) => {
    const bySheet = new Map<string, Set<number>>();
    for (const a of r.areas.filter((area) => !heads(area))) {
      const set = bySheet.get(a.sheet) ?? new Set<number>();
      for (const n of a.view.rowNumbers(a.start.row, a.end.row)) set.add(n);
      bySheet.set(a.sheet, set);
    }
    return bySheet.size > 0 ? bySheet : undefined;
  };
  // The areas across a row: their row and the columns that hold a label.
  const across = (r: { areas: readonly NamedArea[] }) => {
    const bySheet = new Map<string, LabelsAcross[]>();
    for (const a of r.areas.filter(heads)) {
      const columns = new Set(a.view.columnNumbers(a.start.row, a.start.column, a.end.column));
      bySheet.set(a.sheet, [...(bySheet.get(a.sheet) ?? []), { row: a.start.row, columns }]);
    }
    return bySheet.size > 0 ? bySheet : undefined;
  };

  const sheet = lookup(MAPPING_NAMES.budgetSheet);
  if (sheet) mapping.budgetSheet = sheet.sheet;
  const header = lookup(MAPPING_NAMES.yearHeader);
  if (header) mapping.yearHeader = { sheet: header.sheet, row: header.start.row };
  const members = lookup(MAPPING_NAMES.members);
  const costs = lookup(MAPPING_NAMES.costs);
  const labelColumns = new Map<string, number>();
  for (const a of [...(members?.areas ?? []), ...(costs?.areas ?? [])])
    if (!heads(a) && !labelColumns.has(a.sheet)) labelColumns.set(a.sheet, a.start.column);
  if (labelColumns.size > 0) mapping.labelColumns = labelColumns;
  const [memberRows, costRows] = [members && rows(members), costs && rows(costs)];
  const [memberAcross, costAcross] = [members && across(members), costs && across(costs)];
  if (memberRows) mapping.memberRows = memberRows;
  if (costRows) mapping.costRows = costRows;
  if (memberAcross) mapping.memberAcross = memberAcross;
  if (costAcross) mapping.costAcross = costAcross;
  const equity = lookup(MAPPING_NAMES.openingEquity);
  if (equity) {
    mapping.openingEquity = {
      sheet: equity.sheet,
      cell: address(equity.start.row, equity.start.column),
      ...equity.start,
    };
  }
  const unit = lookup(UNIT_NAME);
  if (unit) {
    const text = unit.view.text(unit.start.row, unit.start.column).toLowerCase();
    if (text === "kr" || text === "tkr") mapping.unit = text;
    else if (text === "mkr") mapping.unit = "Mkr";
    else {
      findings.push(
        finding({
          code: "INPUT_MAPPING",
          severity: "error",
          ref: { sheet: unit.sheet, cell: address(unit.start.row, unit.start.column) },
          message: message(
            `${UNIT_NAME} ska vara kr, tkr eller Mkr, inte ”${text}”; enheten läses från arket.`,
            `${UNIT_NAME} must be kr, tkr or Mkr, not "${text}"; the unit is read from the sheet.`,
          ),
        }),
      );
    }
  }
  const population = lookup(MAPPING_NAMES.population);
  if (population) {
    const entries: PopulationEntry[] = [];
    for (const area of population.areas)
      for (const [row, col] of cellsOf(area)) {
        // Across a row (years as rows), the kommun names head the columns.
        const name = isAcross(area) ? nameInColumn(area.view, row, col) : nameLeftOf(area.view, row, col);
        const reading = readAmount(area.view.value(row, col));
        if (name && reading.kind === "amount")
          entries.push({
            name,
            value: reading.value,
            ref: { sheet: area.sheet, cell: address(row, col) },
            ...(reading.typedAsText ? { typedAsText: true } : {}),
          });
      }
    mapping.population = { entries };
  }
  if (yearColumns.length > 0) mapping.yearColumns = yearColumns;
  if (blocks.length > 0) mapping.yearBlocks = blocks;
  return mapping;
}

/** The sheets the names put a part of the budget on. */
export function namedSheets(mapping: Mapping): ReadonlySet<string> {
  const sheets = new Set(namedTableSheets(mapping));
  for (const sheet of [mapping.budgetSheet, mapping.openingEquity?.sheet]) if (sheet) sheets.add(sheet);
  return sheets;
}

/** The sheets whose table the names lay out (its years, members or lines): read as that table, never as an export. */
export function namedTableSheets(mapping: Mapping): ReadonlySet<string> {
  return new Set(
    [
      mapping.yearHeader?.sheet,
      ...(mapping.yearColumns ?? []).map((n) => n.sheet),
      ...(mapping.memberRows?.keys() ?? []),
      ...(mapping.costRows?.keys() ?? []),
    ].filter((s): s is string => s !== undefined),
  );
}

interface NamedArea {
  readonly sheet: string;
  readonly start: { readonly row: number; readonly column: number };
  readonly end: { readonly row: number; readonly column: number };
  readonly view: SheetView;
}

/** An area clipped to the cells the sheet has: a name over a whole sheet costs no more than the sheet. */
function clipped(
  range: { sheet: string; start: { row: number; column: number }; end: { row: number; column: number } },
  sheet: GridSheet,
): NamedArea {
  const view = new SheetView(sheet);
  if (range.start.row === range.end.row && range.start.column === range.end.column) return { ...range, view };
  const start = { row: Math.max(range.start.row, sheet.top), column: Math.max(range.start.column, sheet.left) };
  const end = { row: Math.min(range.end.row, view.bottom), column: Math.min(range.end.column, view.right) };
  return start.row > end.row || start.column > end.column
    ? { ...range, end: range.start, view }
    : { ...range, start, end, view };
}

/** The population's cells: across one row, each cell of it; else down the area's first column (its names to the left). */
function cellsOf(area: NamedArea): [number, number][] {
  if (isAcross(area))
    return area.view.columnNumbers(area.start.row, area.start.column, area.end.column).map((c) => [area.start.row, c]);
  return area.view.rowNumbers(area.start.row, area.end.row).map((row): [number, number] => [row, area.start.column]);
}

/** The nearest text above a cell, else below it: the kommun's name heading its column. */
function nameInColumn(view: SheetView, row: number, column: number): string | undefined {
  const text = (r: number) => {
    const t = view.text(r, column);
    return t && readAmount(t).kind !== "amount" ? t : undefined;
  };
  for (let r = row - 1; r >= view.top; r--) if (text(r)) return text(r);
  for (let r = row + 1; r <= view.bottom; r++) if (text(r)) return text(r);
  return undefined;
}
