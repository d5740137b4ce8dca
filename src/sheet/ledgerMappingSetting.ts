import { finding, message, type Finding } from "../domain";
import { mappingFromJson, mappingToJson, type LedgerMapping } from "../sie/ledgerMapping";
import { address, parseRangeRef, SheetView, sheetRef, type Grid } from "./grid";
import { SETTINGS_SHEET } from "./workbookSettings";
import type { WorkbookEdits } from "./writePlan";

/** The defined name of the mapping from the bookkeeping's accounts and objects to the budget's lines. */
export const MAPPING_NAME = "Finsam_Kontomappning";

/** Below the other settings (rows 4–11 of Finsam-inställningar), so saving either leaves the other alone. */
const MAPPING_ROW = 14;

/** The mapping the workbook keeps, if any, and what was wrong with it. */
export function mappingFromGrid(grid: Grid): { mapping?: LedgerMapping; findings: Finding[] } {
  const defined = grid.definedNames.find((d) => d.name.toLowerCase() === MAPPING_NAME.toLowerCase());
  if (!defined) return { findings: [] };
  const range = parseRangeRef(defined.ref);
  const sheet = range && grid.sheets.find((s) => s.name === range.sheet);
  const ref = range ? { sheet: range.sheet, cell: address(range.start.row, range.start.column) } : undefined;
  const text = sheet && range ? new SheetView(sheet).text(range.start.row, range.start.column) : undefined;
  const mapping = text ? mappingFromJson(text) : undefined;
  if (mapping) return { mapping, findings: [] };
  return {
    findings: [
      finding({
        code: "INPUT_SETTING",
        severity: "error",
        ...(ref ? { ref } : {}),
        message: message(
          `${MAPPING_NAME} (${defined.ref}) kan inte läsas som en kontomappning; en föreslagen mappning används.`,
          `${MAPPING_NAME} (${defined.ref}) cannot be read as an account mapping; a proposed mapping is used.`,
        ),
      }),
    ],
  };
}

/** The mapping as edits: a labelled row on the settings sheet and the name pointing at its JSON. */
export function mappingEdits(mapping: LedgerMapping): WorkbookEdits {
  const sheet = SETTINGS_SHEET;
  return {
    sheets: [sheet],
    cells: [
      { sheet, cell: `A${MAPPING_ROW}`, value: "Konton och objekt → budgetrader (skrivs av tillägget)" },
      { sheet, cell: `B${MAPPING_ROW}`, value: mappingToJson(mapping) },
    ],
    names: [{ name: MAPPING_NAME, ref: sheetRef(sheet, `$B$${MAPPING_ROW}`) }],
  };
}
