import type { Analysis, Unit } from "../domain";
import { buildWritePlan } from "../plan/writePlan";
import type { Clock } from "./clock";
import type { WorkbookPort } from "./workbookPort";

export interface BoardRequest {
  /** The analysis with the scenarios to compare, in order (at most three are shown). */
  readonly analysis: Analysis;
  readonly scenarioIds: readonly string[];
  /** The förbund's name for the header, where the workbook says it. */
  readonly forbund?: string | undefined;
  /** The unit the user reads amounts in. */
  readonly unit: Unit;
}

/**
 * The use case behind "Skapa styrelseunderlag": writes the board sheet (with
 * Finsam-kontroll and the flags, as one write), dated the day it was made.
 */
export async function createBoardSheet(port: WorkbookPort, request: BoardRequest, clock: Clock): Promise<void> {
  const { analysis, scenarioIds, forbund, unit } = request;
  await port.applyPlan(buildWritePlan(analysis, { board: scenarioIds, madeOn: clock.now(), forbund, unit }));
}
