import type { Analysis, Finding } from "../domain";
import { CONTROL_SHEET } from "../read/addinSheets";
import { buildBoardSheet, type BoardOptions } from "./boardSheet";
import { type FigureCell, layOutControlSheet } from "./controlSheet";
import { flagsOf } from "./flags";
import type { WritePlan } from "./types";

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
    flags: flagsOf(placed.findings),
    controlSheet: control.sheet,
    ...(options.board
      ? {
          boardSheet: buildBoardSheet(placed, {
            ...options,
            scenarioIds: options.board === true ? undefined : options.board,
          }),
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
