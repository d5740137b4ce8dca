import { message, type Finding } from "../domain";
import { mappingFromJson, mappingToJson, type LedgerMapping } from "../sie/ledgerMapping";
import type { Grid } from "./grid";
import { jsonSettingEdits, readJsonSetting, type JsonSetting } from "./jsonSetting";
import type { WorkbookEdits } from "./writePlan";
/** The defined name of the mapping from the bookkeeping's accounts and objects to the budget's lines. */
export const MAPPING_NAME = "Finsam_Kontomappning";

/** Below the other settings (rows 4–11 of Finsam-inställningar), so saving either leaves the other alone. */
const MAPPING_ROW = 14;

const SETTING: JsonSetting<LedgerMapping> = {
  name: MAPPING_NAME,
  cell: `B${MAPPING_ROW}`,
  labelCell: `A${MAPPING_ROW}`,
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
