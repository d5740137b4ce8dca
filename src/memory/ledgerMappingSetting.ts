import { message, type Finding } from "../domain";
import { mappingFromJson, mappingToJson, type LedgerMapping } from "../sie/ledgerMapping";
import type { Grid } from "../grid";
import { jsonSettingEdits, readJsonSetting, type JsonSetting } from "./jsonSetting";
import type { WorkbookEdits } from "../grid/edits";

/** The defined name of the mapping from the bookkeeping's accounts and objects to the budget's lines. */
export const MAPPING_NAME = "Finsam_Kontomappning";

/**
 * In column G under the forecasts (G3:G4), clear of the settings in A:B, the
 * staircase in D:E and the fixed shares that grow down A:B from row 13, so
 * saving any of them leaves the others alone.
 */
const SETTING: JsonSetting<LedgerMapping> = {
  name: MAPPING_NAME,
  cell: "G7",
  labelCell: "G6",
  label: "Konton och objekt → budgetrader (skrivs av tillägget)",
  toJson: mappingToJson,
  fromJson: mappingFromJson,
  unreadable: message(
    "kan inte läsas som en kontomappning; en föreslagen mappning används.",
    "cannot be read as an account mapping; a proposed mapping is used.",
  ),
};

/** The mapping the workbook keeps, if any, and what was wrong with it. */
export function mappingFromGrid(grid: Grid): { mapping?: LedgerMapping; findings: Finding[] } {
  const { value, findings } = readJsonSetting(grid, SETTING);
  return value ? { mapping: value, findings } : { findings };
}

/** The mapping as edits: a labelled row on the settings sheet and the name pointing at its JSON. */
export function mappingEdits(mapping: LedgerMapping): WorkbookEdits {
  return jsonSettingEdits(SETTING, mapping);
}
