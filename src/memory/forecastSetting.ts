import { Decimal, message, type Finding, type ForecastChoice } from "../domain";
import type { Grid } from "../grid";
import { jsonSettingEdits, readJsonSetting, type JsonSetting } from "./jsonSetting";
import type { WorkbookEdits } from "../grid/edits";

/** The defined name of the forecasts the ekonomistöd chose per budget line in Uppföljning. */
export const FORECASTS_NAME = "Finsam_Prognoser";

/**
 * Beside the settings (rows 4–11, the staircase in D:E, the fixed shares below
 * them in A:B), with the ledger mapping under it in G6:G7, so saving any of
 * them leaves the others alone.
 */
const LABEL_CELL = "G3";
const VALUE_CELL = "G4";

/** The choices as JSON: a line's method, and a typed amount in whole kronor as a string (no float). */
export function forecastsToJson(choices: ReadonlyMap<string, ForecastChoice>): string {
  const lines = Object.fromEntries(
    [...choices].map(([label, c]) => [
      label,
      c.method === "typed" ? { method: c.method, amount: c.amount.toFixed() } : c,
    ]),
  );
  return JSON.stringify({ version: 1, lines });
}

/** The choices read back; undefined when the text is not what forecastsToJson writes. */
export function forecastsFromJson(text: string): Map<string, ForecastChoice> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const { version, lines } = parsed as { version?: unknown; lines?: unknown };
  if (version !== 1 || typeof lines !== "object" || lines === null) return undefined;
  const choices = new Map<string, ForecastChoice>();
  for (const [label, raw] of Object.entries(lines as Record<string, unknown>)) {
    const { method, amount } = (raw ?? {}) as { method?: unknown; amount?: unknown };
    if (method === "scaled" || method === "budget") choices.set(label, { method });
    else if (method === "typed" && typeof amount === "string" && /^\d+$/.test(amount))
      choices.set(label, { method, amount: new Decimal(amount) });
    else return undefined;
  }
  return choices;
}

const SETTING: JsonSetting<Map<string, ForecastChoice>> = {
  name: FORECASTS_NAME,
  cell: VALUE_CELL,
  labelCell: LABEL_CELL,
  label: "Prognoser per budgetrad i Uppföljning (skrivs av tillägget)",
  toJson: forecastsToJson,
  fromJson: forecastsFromJson,
  unreadable: message(
    "kan inte läsas som prognoser per budgetrad; prognoserna görs som om inga var sparade.",
    "cannot be read as forecasts per budget line; the forecasts are made as if none were kept.",
  ),
};

/** The forecasts the workbook keeps, if any, and what was wrong with them. */
export function forecastsFromGrid(grid: Grid): { choices?: Map<string, ForecastChoice>; findings: Finding[] } {
  const { value, findings } = readJsonSetting(grid, SETTING);
  return value ? { choices: value, findings } : { findings };
}

/** The choices as edits: a labelled cell on the settings sheet and the name pointing at its JSON. */
export function forecastEdits(choices: ReadonlyMap<string, ForecastChoice>): WorkbookEdits {
  return jsonSettingEdits(SETTING, new Map(choices));
}
