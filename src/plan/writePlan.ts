import { type Analysis, type Finding, type Severity, worseSeverity } from "../domain";
import { CONTROL_SHEET } from "../read/addinSheets";
import { buildBoardSheet, type BoardOptions } from "./boardSheet";
import { type FigureCell, layOutControlSheet } from "./controlSheet";
import { flagsOf, SEVERITY_FILL } from "./flags";
import type { CellWrite, WritePlan } from "./types";

/** What to build besides the flags and Finsam-kontroll. */
export type WritePlanOptions =
  | { readonly board?: undefined; readonly forbund?: string | undefined }
  | ({
      /** The board sheet: true for every scenario (at most three), or the scenarios' ids in order. */
      readonly board: true | readonly string[];
    } & Omit<BoardOptions, "scenarioIds">);

/** The plan, and the analysis whose findings it shows: each finding on the cell it stands on. */
export interface PlannedWrites {
  readonly analysis: Analysis;
  readonly plan: WritePlan;
}

/**
 * Turns an analysis into what is written: Finsam-kontroll laid out once, every finding about a plan
 * year that the sheet states no cell for placed on the Finsam-kontroll cell that computes its figure,
 * and the flags on the user's cells from those findings.
 */
export function planWrites(analysis: Analysis, options: WritePlanOptions = {}): PlannedWrites {
  const control = layOutControlSheet(analysis, options.forbund);
  const placed: Analysis = { ...analysis, findings: placeFindings(analysis.findings, control.figureCell) };
  const plan: WritePlan = {
    flags: flagsOf(placed.findings, analysis.settings.scenarios),
    controlSheet: { ...control.sheet, cells: withFindingFills(control.sheet.cells, placed.findings) },
    ...(options.board
      ? {
          boardSheet: buildBoardSheet(
            placed,
            { ...options, scenarioIds: options.board === true ? undefined : options.board },
            control.planCell,
          ),
        }
      : {}),
  };
  return { analysis: placed, plan };
}

/** The WritePlan alone, for callers that already show the analysis. */
export function buildWritePlan(analysis: Analysis, options: WritePlanOptions = {}): WritePlan {
  return planWrites(analysis, options).plan;
}

/**
 * A finding about a plan figure (costs, result, closing equity) of a scenario's year that names no cell
 * (a year the sheet does not state) stands on the Finsam-kontroll cell that computes the figure, so it
 * can be shown and followed like any other.
 */
function placeFindings(findings: readonly Finding[], figureCell: FigureCell): readonly Finding[] {
  return findings.map((f) => {
    if (f.cell || f.figure === undefined || f.year === undefined || f.scenario === undefined) return f;
    const cell = figureCell(f.scenario, f.year, f.figure);
    return cell ? { ...f, sheet: CONTROL_SHEET, cell } : f;
  });
}

/**
 * The Finsam-kontroll cells that findings stand on, filled by their worst severity as flags are: the
 * sheet is written anew by every analysis, so the fill is part of what it is written with.
 */
function withFindingFills(cells: readonly CellWrite[], findings: readonly Finding[]): CellWrite[] {
  const worst = new Map<string, Severity>();
  for (const f of findings) {
    if (f.sheet !== CONTROL_SHEET || !f.cell) continue;
    const known = worst.get(f.cell);
    worst.set(f.cell, known ? worseSeverity(known, f.severity) : f.severity);
  }
  return cells.map((c) => {
    const severity = worst.get(c.cell);
    return severity ? { ...c, fill: SEVERITY_FILL[severity] } : c;
  });
}
