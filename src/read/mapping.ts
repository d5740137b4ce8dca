import { finding, message, type CellRef, type Finding, type Unit } from "../domain";
import { address, type Grid, parseRangeRef, SheetView } from "../grid";
import { nameLeftOf, type PopulationEntry, type PopulationTable } from "./population";
import { readAmount } from "./swedishNumber";
import type { ColumnKind } from "./vocabulary";
import type { YearColumn } from "./yearHeaders";

/**
 * The mapping a user or the workbook sets, as defined names. It wins over
 * detection. The names (documented in README):
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

/** The year columns the names say, on one sheet: the header row is the named cells' row, or the row above named amounts. */
export interface NamedYearColumns {
  readonly sheet: string;
  readonly row: number;
  readonly columns: readonly YearColumn[];
}

export interface Mapping {
  readonly budgetSheet?: string;
  readonly yearHeader?: { readonly sheet: string; readonly row: number };
  readonly yearColumns?: NamedYearColumns;
  readonly memberSheet?: string;
  readonly memberRows?: ReadonlySet<number>;
  readonly costSheet?: string;
  readonly costRows?: ReadonlySet<number>;
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
    const range = parseRangeRef(defined.ref);
    const sheet = range && grid.sheets.find((s) => s.name === range.sheet);
    if (!range || !sheet) {
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
    // Clipped to the cells the sheet has: a name over a whole sheet costs no more than the sheet.
    const view = new SheetView(sheet);
    if (range.start.row === range.end.row && range.start.column === range.end.column) return { ...range, view };
    const start = { row: Math.max(range.start.row, sheet.top), column: Math.max(range.start.column, sheet.left) };
    const end = { row: Math.min(range.end.row, view.bottom), column: Math.min(range.end.column, view.right) };
    if (start.row > end.row || start.column > end.column) return { ...range, end: range.start, view };
    return { ...range, start, end, view };
  };
  // The rows of the range that hold a cell: an empty row has no member and no cost to mark.
  const rows = (r: { start: { row: number }; end: { row: number }; view: SheetView }) =>
    new Set(r.view.rowNumbers(r.start.row, r.end.row));

  const sheet = lookup(MAPPING_NAMES.budgetSheet);
  if (sheet) mapping.budgetSheet = sheet.sheet;
  const header = lookup(MAPPING_NAMES.yearHeader);
  if (header) mapping.yearHeader = { sheet: header.sheet, row: header.start.row };
  const members = lookup(MAPPING_NAMES.members);
  if (members) {
    mapping.memberSheet = members.sheet;
    mapping.memberRows = rows(members);
  }
  const costs = lookup(MAPPING_NAMES.costs);
  if (costs) {
    mapping.costSheet = costs.sheet;
    mapping.costRows = rows(costs);
  }
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
    for (const row of population.view.rowNumbers(population.start.row, population.end.row)) {
      const col = population.start.column;
      const name = nameLeftOf(population.view, row, col);
      const reading = readAmount(population.view.value(row, col));
      if (name && reading.kind === "amount")
        entries.push({
          name,
          value: reading.value,
          ref: { sheet: population.sheet, cell: address(row, col) },
          ...(reading.typedAsText ? { typedAsText: true } : {}),
        });
    }
    mapping.population = { entries };
  }
  const yearColumns = namedYearColumns(grid, lookup, findings);
  if (yearColumns) mapping.yearColumns = yearColumns;
  return mapping;
}

/**
 * The columns named Finsam_Budget_2025, Finsam_Plan_2026 …, on the sheet of
 * the Budget one (names on another sheet are said and left out).
 */
function namedYearColumns(
  grid: Grid,
  lookup: (
    name: string,
  ) => { sheet: string; start: { row: number; column: number }; end: { row: number; column: number } } | undefined,
  findings: Finding[],
): NamedYearColumns | undefined {
  const named = grid.definedNames.flatMap((d) => {
    const m = YEAR_COLUMN_NAME.exec(d.name);
    const range = m && lookup(d.name);
    if (!m || !range) return [];
    const single = range.start.row === range.end.row;
    return [{ name: d.name, kind: KIND_OF_NAME[m[1]!.toLowerCase()]!, year: Number(m[2]), range, single }];
  });
  if (named.length === 0) return undefined;
  const sheet = (named.find((n) => n.kind === "budget") ?? named[0]!).range.sheet;
  for (const n of named.filter((x) => x.range.sheet !== sheet))
    findings.push(
      finding({
        code: "INPUT_MAPPING",
        severity: "warning",
        ref: { sheet: n.range.sheet, cell: address(n.range.start.row, n.range.start.column) },
        message: message(
          `Namnet ${n.name} står på bladet ”${n.range.sheet}”, men budgetens årskolumner är namngivna på bladet ”${sheet}”. Namnet används inte.`,
          `The name ${n.name} is on the sheet "${n.range.sheet}", but the budget's year columns are named on the sheet "${sheet}". It is not used.`,
        ),
      }),
    );
  const here = named.filter((n) => n.range.sheet === sheet);
  const row = Math.min(...here.map((n) => (n.single ? n.range.start.row : Math.max(1, n.range.start.row - 1))));
  const columns = here
    .map((n) => ({
      column: n.range.start.column,
      year: n.year,
      kind: n.kind,
      header: { sheet, cell: address(row, n.range.start.column) },
    }))
    .sort((a, b) => a.column - b.column);
  return { sheet, row, columns };
}
