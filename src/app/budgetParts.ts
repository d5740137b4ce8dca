/**
 * The budget's parts as the user checks and points at them (Inställningar): where the analysis found
 * each part and why, and the defined name (Finsam_Budgetblad, Finsam_Kostnader…) a range the user typed
 * or selected becomes. Saving those names is app/saveSettings.
 */
import { spanOf, type CellRef } from "../domain";
import { address, parseAddress, parseRangeRef, sheetRef, splitAreas } from "../grid";
import { abs } from "../plan/sheetBuilder";
import type { PartLocation } from "../read/locate";
import { MAPPING_NAMES, UNIT_NAME } from "../read/mapping";
import type { AnalysisOutcome } from "./analyseWorkbook";

// The defined names the form labels its fields with ("Kostnader (Finsam_Kostnader)"), as the reader reads them.
export { MAPPING_NAMES };
// The parts the reader knows, which the pane names in the user's language.
export type { PartName } from "../read/locate";

/**
 * A part of the budget the user can point at with a defined name: the reader's
 * parts, the unit's cell, and the columns of the budget year and the plan years
 * (named with their year, where no header says it: "Budget" with the year only in the title).
 */
export type MappingField = keyof typeof MAPPING_NAMES | "unit" | "budgetColumn" | "planColumns";

/** The fields in the order the form shows them. */
export const MAPPING_FIELDS: readonly MappingField[] = [
  "budgetSheet",
  "yearHeader",
  "budgetColumn",
  "planColumns",
  "members",
  "costs",
  "population",
  "openingEquity",
  "unit",
];

/** The defined name each field becomes, as the form shows it; the year columns' names take their year. */
export const FIELD_NAMES: Readonly<Record<MappingField, string>> = {
  ...MAPPING_NAMES,
  unit: UNIT_NAME,
  budgetColumn: "Finsam_Budget_<år>",
  planColumns: "Finsam_Plan_<år>",
};

/** The fields whose names need the budget year. */
export const YEAR_FIELDS: readonly MappingField[] = ["budgetColumn", "planColumns"];

/**
 * The defined names a field's range becomes: one name, or for the plan years one per column of the
 * range, the budget year + 1, + 2 … from left to right. Empty when the range (or a year it needs) is unreadable.
 */
export function namesFor(
  field: MappingField,
  typed: string,
  budgetYear: number | undefined,
  sheets?: readonly string[],
): { readonly name: string; readonly ref: string }[] {
  const ref = rangeForName(field, typed, sheets);
  if (!ref) return [];
  if (field === "budgetColumn") return budgetYear ? [{ name: `Finsam_Budget_${budgetYear}`, ref }] : [];
  if (field !== "planColumns") return [{ name: FIELD_NAMES[field], ref }];
  // Each column a plan year, left to right; a union's areas (the members' sheet, the result's) side by side.
  const areas = splitAreas(ref).map((part) => parseRangeRef(part)!);
  const width = Math.min(...areas.map((r) => r.end.column - r.start.column + 1));
  if (!budgetYear) return [];
  return Array.from({ length: width }, (_, i) => {
    const cells = areas.map((range) => {
      const column = range.start.column + i;
      const top = absolute({ row: range.start.row, column });
      return sheetRef(
        range.sheet,
        range.start.row === range.end.row ? top : `${top}:${absolute({ row: range.end.row, column })}`,
      );
    });
    return { name: `Finsam_Plan_${budgetYear + 1 + i}`, ref: cells.join(",") };
  });
}

type Analysed = Extract<AnalysisOutcome, { kind: "ok" }>;

/** A part as the reader found it, with its range as the user reads and types it. */
export interface FoundPart extends PartLocation {
  /** "'Budget 2025'!A5:A11" */
  readonly ref: string;
}

/** Each part of the budget as the analysis read it: where, and what decided it. */
export function partsFound(outcome: Analysed): FoundPart[] {
  return outcome.location.parts.map((p) => ({ ...p, ref: sheetRef(p.sheet, p.range) }));
}

/** Where the analysis found each part of the budget, as "Sheet!B5:B8" (the workbook's names win there). */
export function foundMapping(outcome: AnalysisOutcome | undefined): Partial<Record<MappingField, string>> {
  if (outcome?.kind !== "ok") return {};
  const { budget } = outcome.analysis;
  const { location } = outcome;
  const show = (ref: CellRef | undefined) => (ref ? sheetRef(ref.sheet, ref.cell) : undefined);
  const headers = location.yearColumns.map((c) => c.header);
  const firstHeader = headers[0];
  const lastHeader = headers[headers.length - 1];
  const found: Partial<Record<MappingField, string>> = {
    budgetSheet: location.sheet,
    ...(firstHeader && lastHeader
      ? {
          yearHeader: sheetRef(
            firstHeader.sheet,
            firstHeader.cell === lastHeader.cell ? firstHeader.cell : `${firstHeader.cell}:${lastHeader.cell}`,
          ),
        }
      : {}),
  };
  const members = show(spanOf(budget.members.flatMap((m) => (m.nameRef ? [m.nameRef] : []))));
  const costs = show(spanOf(budget.costs.flatMap((c) => (c.labelRef ? [c.labelRef] : []))));
  const population = show(spanOf(location.population.map((p) => p.ref)));
  const equity = show(budget.openingEquity?.ref);
  const budgetColumn = show(location.yearColumns.find((c) => c.year === budget.budgetYear)?.header);
  const planHeaders = location.yearColumns.filter((c) => c.year > budget.budgetYear).map((c) => c.header);
  const [firstPlan, lastPlan] = [planHeaders[0], planHeaders[planHeaders.length - 1]];
  const planColumns =
    firstPlan && lastPlan
      ? sheetRef(firstPlan.sheet, firstPlan === lastPlan ? firstPlan.cell : `${firstPlan.cell}:${lastPlan.cell}`)
      : undefined;
  return {
    ...found,
    ...(budgetColumn ? { budgetColumn } : {}),
    ...(planColumns ? { planColumns } : {}),
    ...(members ? { members } : {}),
    ...(costs ? { costs } : {}),
    ...(population ? { population } : {}),
    ...(equity ? { openingEquity: equity } : {}),
  };
}

/**
 * A range the user typed or selected ("Befolkning!B2:B5", "'Budget 2025'!$B$16") as an absolute
 * reference for a defined name; a bare sheet name is fine for the budget sheet. Undefined when unreadable.
 */
export function rangeForName(field: MappingField, typed: string, sheets?: readonly string[]): string | undefined {
  const text = typed.trim().replace(/^=/, "");
  if (text === "") return undefined;
  if (field === "budgetSheet" && !text.includes("!")) {
    const name = text.replace(/^'(.*)'$/, "$1");
    return !sheets || sheets.includes(name) ? sheetRef(name, "$A$1") : undefined;
  }
  // A union of areas ("Budget!A5:A8,Budget!A11:A14", or on several sheets): each made absolute.
  const areas = splitAreas(text).map((part) => parseRangeRef(part));
  if (areas.some((range) => !range || (sheets && !sheets.includes(range.sheet)))) return undefined;
  return areas
    .map((range) => {
      const { sheet, start, end } = range!;
      const same = start.row === end.row && start.column === end.column;
      return sheetRef(sheet, same ? absolute(start) : `${absolute(start)}:${absolute(end)}`);
    })
    .join(",");
}

/** $B$5 of a cell's row and column. */
const absolute = (p: { row: number; column: number }) => abs(address(p.row, p.column));

/** A selection from Excel ({ sheet, address: "B2:B5" }, or several areas "B2:B5,D2:D5") as the form's text. */
export function selectionText(selection: { readonly sheet: string; readonly address: string }): string {
  const areas = selection.address.split(",").map((a) => a.trim().replace(/^.*!/, "").replace(/\$/g, ""));
  const readable = areas.every((cells) => parseAddress(cells.split(":")[0] ?? ""));
  return readable ? areas.map((cells) => sheetRef(selection.sheet, cells)).join(",") : selection.address;
}
