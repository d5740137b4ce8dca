import { analyzeBudget, defaultSettings, type Analysis, type Finding, type Message, type Settings } from "../domain";
import type { Grid } from "../grid";
import { withoutAddinSheets } from "../read/addinSheets";
import { findTargetText } from "../read/equityTarget";
import { forbundName } from "../read/forbundName";
import { locateBudget, type Location } from "../read/locate";
import { settingsFromGrid } from "../memory/workbookSettings";
import { withControlCells } from "../plan/writePlan";

export type GridAnalysis =
  | {
      readonly ok: true;
      readonly analysis: Analysis;
      readonly location: Location;
      /** What the reading found (INPUT_* on cells), before the rules' findings. */
      readonly readFindings: readonly Finding[];
      /** The förbund's name from a sheet's title, for the board's header; undefined when no title says it. */
      readonly forbund?: string;
    }
  | { readonly ok: false; readonly reason: Message; readonly readFindings: readonly Finding[] };

/** The whole pure core: a Grid in, the analysis out. Both shells (Excel and .xlsx) call this. */
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
  if (!located.ok) return { ok: false, reason: located.reason, readFindings };
  const forbund = forbundName(withoutAddinSheets(grid), located.location.sheet);
  return {
    ok: true,
    analysis: withControlCells(analyzeBudget(located.budget, settings)),
    location: located.location,
    readFindings,
    ...(forbund ? { forbund } : {}),
  };
}
