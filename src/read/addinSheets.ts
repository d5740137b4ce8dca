import type { Grid } from "../grid";

/** The sheet the add-in writes its formulas on. */
export const CONTROL_SHEET = "Finsam-kontroll";

/** The board's sheet ("Skapa styrelseunderlag"). */
export const BOARD_SHEET = "Styrelseunderlag";

/** The sheet the follow-up writes for the board and the revisor. */
export const FOLLOW_UP_SHEET = "Finsam-uppföljning";

/** The sheets the add-in writes from an analysis: they repeat the budget's names and amounts, but are never the budget. */
export const ADDIN_SHEETS: readonly string[] = [CONTROL_SHEET, BOARD_SHEET, FOLLOW_UP_SHEET];

/** The grid without the add-in's own output sheets, so a second analysis reads the user's budget, not Finsam-kontroll. */
export function withoutAddinSheets(grid: Grid): Grid {
  return { ...grid, sheets: grid.sheets.filter((s) => !ADDIN_SHEETS.includes(s.name)) };
}
