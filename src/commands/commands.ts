/* global Office */
// The ribbon's commands (manifest.xml: FunctionFile commands.html). Like src/excel/, this entry point may
// use Office.js; the work itself belongs in src/excel/ and the pure layers behind it.
import { analyseWorkbook } from "../app/analyseWorkbook";
import type { WorkbookPort } from "../app/workbookPort";
import { createExcelPort } from "../excel";

/**
 * "Analysera" without the pane: read the workbook, run the rules, and write
 * the flags and Finsam-kontroll as one undoable step. Never throws: a
 * function command must always call event.completed(), and a failure
 * (protected sheet, edit mode, no budget) simply leaves the workbook as it was.
 */
export async function runAnalysis(port: WorkbookPort): Promise<"written" | "noBudget" | "error"> {
  try {
    const outcome = await analyseWorkbook(port);
    if (outcome.kind !== "ok") return outcome.kind;
    await port.applyPlan(outcome.plan);
    return "written";
  } catch {
    return "error";
  }
}

/** The "Analysera" button (ExecuteFunction `analyzeWorkbook`). */
export async function analyzeWorkbook(
  event: Office.AddinCommands.Event,
  makePort: () => WorkbookPort = createExcelPort,
): Promise<void> {
  try {
    await runAnalysis(makePort());
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
