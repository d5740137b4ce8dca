import { SHEET_PLAN, WORST_CASE, type Scenario, type Settings } from "../domain";
import { settingsEdits } from "../memory/workbookSettings";
import type { WorkbookPort } from "./workbookPort";

/** The scenarios every analysis has, which the workbook does not keep as named scenarios. */
export const BUILT_IN_IDS: readonly string[] = [SHEET_PLAN.id, WORST_CASE.id];

/** The settings with their built-in scenarios alone. */
function builtInOnly(settings: Settings): Settings {
  return { ...settings, scenarios: settings.scenarios.filter((s) => BUILT_IN_IDS.includes(s.id)) };
}

export interface ScenariosToSave {
  /** The settings the last analysis ran with: saved with the scenarios, so they stay as they are. */
  readonly current: Settings;
  /** The förbundschef's named scenarios, all of them: the workbook keeps these and no others. */
  readonly named: readonly Scenario[];
  /** The settings the session keeps on top of the workbook's, if any. */
  readonly session: Settings | undefined;
}

/**
 * The use case behind saving (and removing) a named scenario in Flerårsplan: the named scenarios kept in
 * the workbook (Finsam_Scenarier) beside the built-in ones, as one undoable write. Returns the session's
 * settings to analyse with next: with the built-in scenarios only, so the analysis reads the named ones
 * back from the workbook.
 */
export async function saveScenarios(port: WorkbookPort, request: ScenariosToSave): Promise<Settings | undefined> {
  const { current, named, session } = request;
  const kept = builtInOnly(current);
  await port.applyEdits(settingsEdits({ ...kept, scenarios: [...kept.scenarios, ...named] }));
  return session ? builtInOnly(session) : undefined;
}
