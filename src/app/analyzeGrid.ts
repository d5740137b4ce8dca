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
import { locateBudget, type Location } from "../read/locate";
import { settingsFromGrid } from "../memory/workbookSettings";

export type GridAnalysis =
  | {
      readonly ok: true;
      /** Its findings are every finding, once: what reading found (INPUT_* on cells) and what the rules found, errors first. */
      readonly analysis: Analysis;
      readonly location: Location;
      /** The förbund's name from a sheet's title, for the board's header; undefined when no title says it. */
      readonly forbund?: string;
    }
  | { readonly ok: false; readonly reason: Message; readonly findings: readonly Finding[] };

/** The whole pure core: a Grid in, the analysis out (the budget read, the workbook's settings, the rules). */
export function analyzeGrid(grid: Grid, base: Settings = defaultSettings()): GridAnalysis {
  const located = locateBudget(withoutAddinSheets(grid));
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
  const forbund = forbundName(withoutAddinSheets(grid), located.location.sheet);
  const analysis = analyzeBudget(located.budget, settings);
  return {
    ok: true,
    analysis: { ...analysis, findings: sortFindings([...readFindings, ...analysis.findings]) },
    location: located.location,
    ...(forbund ? { forbund } : {}),
  };
}
