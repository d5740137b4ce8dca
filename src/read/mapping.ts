import { finding, message, type CellRef, type Finding, type Unit } from "../domain";
import { address, type Grid, parseRangeRef, SheetView } from "../grid";
import { nameLeftOf, type PopulationEntry, type PopulationTable } from "./population";
import { readAmount } from "./swedishNumber";

/**
 * The mapping a user or the workbook sets, as defined names. It wins over
 * detection. The names (documented in README):
 * - Finsam_Budgetblad: any cell on the budget sheet;
 * - Finsam_Ar: the row of year headers (any cell in it);
 * - Finsam_Medlemmar: the members' label cells (one per row);
 * - Finsam_Kostnader: the cost lines' label cells;
 * - Finsam_Befolkning: the population cells, with the kommun names to their left;
 * - Finsam_EgetKapital: the opening equity cell;
 * - Finsam_Enhet: a cell holding "kr", "tkr" or "Mkr", where the sheet does not say its unit itself.
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

export interface Mapping {
  readonly budgetSheet?: string;
  readonly yearHeader?: { readonly sheet: string; readonly row: number };
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
  return mapping;
}
