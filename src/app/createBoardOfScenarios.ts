import { analyzeBudget, type Analysis, type Scenario, type Unit } from "../domain";
import type { AnalysisOutcome } from "./analyseWorkbook";
import { buildWritePlan } from "../plan/writePlan";
import type { Clock } from "./clock";
import type { WorkbookPort } from "./workbookPort";

/**
 * The analysis with the given scenarios among its own (replacing those of the same id), run again by
 * the engine so each plan is exactly what Analysera gives; the findings stay those of the last
 * analysis (reading included), so the flags written with the board sheet are the same as Analysera's.
 */
export function analysisWithScenarios(analysis: Analysis, scenarios: readonly Scenario[]): Analysis {
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const own = analysis.settings.scenarios.map((s) => byId.get(s.id) ?? s);
  const extra = scenarios.filter((s) => !analysis.settings.scenarios.some((o) => o.id === s.id));
  const rerun = analyzeBudget(analysis.budget, { ...analysis.settings, scenarios: [...own, ...extra] });
  return { ...rerun, findings: analysis.findings };
}

export interface BoardOfScenarios {
  /** The last analysis. */
  readonly outcome: Extract<AnalysisOutcome, { kind: "ok" }>;
  /** The scenarios to compare, in order, saved or not (the one the form describes among them). */
  readonly scenarios: readonly Scenario[];
  /** The unit the user reads amounts in. */
  readonly unit: Unit;
}

/**
 * The use case behind "Skapa styrelseunderlag" in Flerårsplan: the board sheet comparing the chosen
 * scenarios on the last analysis (Värsta fall always among them), with Finsam-kontroll and the flags, as
 * one undoable write. Returns the names of the scenarios on the page, in order.
 */
export async function createBoardOfScenarios(
  port: WorkbookPort,
  request: BoardOfScenarios,
  clock: Clock,
): Promise<readonly string[]> {
  const { outcome, scenarios, unit } = request;
  const analysis = analysisWithScenarios(outcome.analysis, scenarios);
  const board = scenarios.map((s) => s.id);
  // Dated the day it was made, by the clock the entry point made.
  const plan = buildWritePlan(analysis, { board, madeOn: clock.now(), forbund: outcome.forbund, unit });
  await port.applyPlan(plan);
  const onPage = plan.boardSheet?.scenarios ?? [];
  return onPage.map((id) => analysis.settings.scenarios.find((s) => s.id === id)?.name ?? id);
}
