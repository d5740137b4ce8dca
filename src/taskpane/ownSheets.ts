import type { WorkbookPort } from "../app/workbookPort";
import { BOARD_SHEET } from "../sheet/boardSheet";
import type { Grid } from "../sheet/grid";
import { CONTROL_SHEET } from "../sheet/writePlan";

/** The sheets the add-in writes from an analysis: never the budget, so never analysed. */
export const ADDIN_SHEETS: readonly string[] = [CONTROL_SHEET, BOARD_SHEET];

/** The grid without the add-in's own output sheets (Finsam-kontroll holds the kommun names and amounts too). */
export function withoutAddinSheets(grid: Grid): Grid {
  return { ...grid, sheets: grid.sheets.filter((s) => !ADDIN_SHEETS.includes(s.name)) };
}

/**
 * The port as the analysis should see it: every call goes to the port, but readGrid leaves out
 * the add-in's own sheets, so a second "Analysera" reads the user's budget, not Finsam-kontroll.
 */
export function analysisView(port: WorkbookPort): WorkbookPort {
  return {
    capabilities: port.capabilities,
    readGrid: async () => withoutAddinSheets(await port.readGrid()),
    applyPlan: (plan) => port.applyPlan(plan),
    applyEdits: (edits) => port.applyEdits(edits),
    canUndo: () => port.canUndo(),
    undo: () => port.undo(),
    removeFlags: () => port.removeFlags(),
    goToCell: (sheet, cell) => port.goToCell(sheet, cell),
    onChange: (callback) => port.onChange(callback),
  };
}
