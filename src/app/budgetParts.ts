/**
 * The budget's parts as the user checks and points at them (Inställningar): where the analysis found
 * each part and why, and the defined name (Finsam_Budgetblad, Finsam_Kostnader…) a range the user typed
 * or selected becomes. Saving those names is app/saveSettings.
 */
import { spanOf, type CellRef } from "../domain";
import { address, parseAddress, parseRangeRef, sheetRef } from "../grid";
import type { PartLocation } from "../read/locate";
import { MAPPING_NAMES } from "../read/mapping";
import type { AnalysisOutcome } from "./analyseWorkbook";

// The defined names the form labels its fields with ("Kostnader (Finsam_Kostnader)"), as the reader reads them.
export { MAPPING_NAMES };
// The parts the reader knows, which the pane names in the user's language.
export type { PartName } from "../read/locate";

/** A part of the budget the user can point at with a defined name. */
export type MappingField = keyof typeof MAPPING_NAMES;

/** The fields in the order the form shows them. */
export const MAPPING_FIELDS: readonly MappingField[] = [
  "budgetSheet",
  "yearHeader",
  "members",
  "costs",
  "population",
  "openingEquity",
];

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
  return {
    ...found,
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
  const range = parseRangeRef(text);
  if (!range || (sheets && !sheets.includes(range.sheet))) return undefined;
  const abs = (p: { row: number; column: number }) => address(p.row, p.column).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  const same = range.start.row === range.end.row && range.start.column === range.end.column;
  return sheetRef(range.sheet, same ? abs(range.start) : `${abs(range.start)}:${abs(range.end)}`);
}

/** A selection from Excel ({ sheet, address: "B2:B5" }) as the form's text. */
export function selectionText(selection: { readonly sheet: string; readonly address: string }): string {
  const cells = selection.address.replace(/^.*!/, "").replace(/\$/g, "");
  const [start] = cells.split(":");
  return start && parseAddress(start) ? sheetRef(selection.sheet, cells) : selection.address;
}
