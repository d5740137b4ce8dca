import {
  analyzeBudget,
  defaultSettings,
  sortFindings,
  type Analysis,
  type Finding,
  type Message,
  type Settings,
} from "../domain";
import type { Grid } from "../grid";
import { withoutAddinSheets } from "../read/addinSheets";
import { findTargetText } from "../read/equityTarget";
import { forbundName } from "../read/forbundName";
import { locateBudget, type BudgetChoice, type Location } from "../read/locate";
import { settingsFromGrid } from "../memory/workbookSettings";

export type GridAnalysis =
  | {
      readonly ok: true;
      /** Its findings are every finding, once: what reading found (INPUT_* on cells) and what the rules found, errors first. */
      readonly analysis: Analysis;
      readonly location: Location;
      /** The förbund's name from a sheet's title, for the board's header; undefined when no title says it. */
      readonly forbund?: string;
      /** Every förbund's budget the workbook keeps (nearly always one), and which was read. */
      readonly budgets: readonly BudgetChoice[];
      readonly chosen: number;
    }
  | { readonly ok: false; readonly reason: Message; readonly findings: readonly Finding[] };

/** The whole pure core: a Grid in, the analysis out (the budget read, the workbook's settings, the rules). */
export function analyzeGrid(grid: Grid, base: Settings = defaultSettings(), budget?: string): GridAnalysis {
  const located = locateBudget(withoutAddinSheets(grid), budget);
  const fromNames = settingsFromGrid(grid, base);
  // No target from the pane or a name: one written as text beside its label in a sheet.
  const targetText = fromNames.settings.equityTarget ? undefined : findTargetText(withoutAddinSheets(grid));
  const settings = targetText ? { ...fromNames.settings, equityTarget: targetText.target } : fromNames.settings;
  const readFindings = [
    ...(grid.findings ?? []),
    ...fromNames.findings,
    ...(targetText?.findings ?? []),
    ...located.findings,
  ];
  if (!located.ok) return { ok: false, reason: located.reason, findings: readFindings };
  const chosen = located.budgets[located.chosen];
  // With several förbund, the chosen one's own title names it.
  const forbund =
    located.budgets.length > 1 ? chosen?.name : forbundName(withoutAddinSheets(grid), located.location.sheet);
  const analysis = analyzeBudget(located.budget, settings);
  return {
    ok: true,
    analysis: { ...analysis, findings: sortFindings([...readFindings, ...analysis.findings]) },
    location: located.location,
    ...(forbund ? { forbund } : {}),
    budgets: located.budgets,
    chosen: located.chosen,
  };
}
