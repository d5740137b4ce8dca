/**
 * What the workbook keeps for Uppföljning from one meeting to the next: the ledger's mapping to the
 * budget's lines (Finsam_Kontomappning) and the forecasts per line (Finsam_Prognoser), read and saved
 * through the port. The pane loads this with the Uppföljning view (the "followup" chunk), not first.
 */
import type { Finding, ForecastChoice } from "../domain";
import { forecastEdits, forecastsFromGrid } from "../memory/forecastSetting";
import { mappingEdits, mappingFromGrid } from "../memory/ledgerMappingSetting";
import type { LedgerMapping } from "../sie/ledgerMapping";
import type { WorkbookPort } from "./workbookPort";

// The mapping the user edits, as these use cases read and save it.
export type { LedgerMapping } from "../sie/ledgerMapping";

/** The mapping the workbook keeps, if it keeps one it can read. */
export async function readLedgerMapping(port: WorkbookPort): Promise<LedgerMapping | undefined> {
  return mappingFromGrid(await port.readGrid()).mapping;
}

/** "Spara mappningen": the mapping kept in the workbook, as one undoable write. */
export async function saveLedgerMapping(port: WorkbookPort, mapping: LedgerMapping): Promise<void> {
  await port.applyEdits(mappingEdits(mapping));
}

/** The forecasts per line the workbook keeps, if any, and what was wrong with a kept value. */
export async function readForecasts(
  port: WorkbookPort,
): Promise<{ choices?: Map<string, ForecastChoice>; findings: Finding[] }> {
  return forecastsFromGrid(await port.readGrid());
}

/** "Spara prognoserna": the forecasts per line kept in the workbook, as one undoable write. */
export async function saveForecasts(port: WorkbookPort, choices: ReadonlyMap<string, ForecastChoice>): Promise<void> {
  await port.applyEdits(forecastEdits(choices));
}
