/* global Office */
// The ribbon's commands (manifest.xml: FunctionFile commands.html). Like src/excel/, this entry point may
// use Office.js; the work itself belongs in src/excel/ and the pure layers behind it.
import { analyseWorkbook } from "../app/analyseWorkbook";
import type { Clock } from "../app/clock";
import type { WorkbookPort } from "../app/workbookPort";
import { createExcelPort } from "../excel";

/**
 * "Analysera" without the pane: read the workbook, run the rules, and write
 * the flags and Finsam-kontroll as one undoable step. Never throws: a
 * function command must always call event.completed(), and a failure
 * (protected sheet, edit mode, no budget) simply leaves the workbook as it was.
 */
export async function runAnalysis(port: WorkbookPort, clock: Clock): Promise<"written" | "noBudget" | "error"> {
  try {
    const outcome = await analyseWorkbook(port, clock);
    if (outcome.kind !== "ok") return outcome.kind;
    await port.applyPlan(outcome.plan);
    return "written";
  } catch {
    return "error";
  }
}

/** The machine's clock: made here, at the entry point, and handed to everything below. */
const systemClock: Clock = { now: () => new Date() };

/** The "Analysera" button (ExecuteFunction `analyzeWorkbook`). */
export async function analyzeWorkbook(
  event: Office.AddinCommands.Event,
  makePort: () => WorkbookPort = () => createExcelPort(systemClock),
  clock: Clock = systemClock,
): Promise<void> {
  try {
    await runAnalysis(makePort(), clock);
  } catch {
    // createExcelPort outside Excel: nothing to do.
  } finally {
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    // Nothing to set up; the association below must run as soon as the page loads.
  });
  Office.actions.associate("analyzeWorkbook", analyzeWorkbook);
}
