import type { Analysis } from "../domain";
import type { CellEdit } from "../grid/edits";
import { shareEdits, type ShareWriteMode } from "../plan/shareEdits";
import type { WritePlan } from "../plan/types";
import type { PortCapabilities, WorkbookPort } from "./workbookPort";

// The pane's choice between a live formula and a value is this use case's option: its type comes with it.
export type { ShareWriteMode } from "../plan/shareEdits";

/** What writing the shares needs of an analysis: the computed shares, and the control sheet the formulas point at. */
export interface AnalysedShares {
  readonly analysis: Analysis;
  readonly plan: WritePlan;
}

/** How many kommuner's amounts differ from their computed shares: the cells "Skriv in andelarna" would write. */
export function sharesToWrite(outcome: AnalysedShares): number {
  return shareEdits(outcome.analysis, outcome.plan, "value").length;
}

/**
 * The cells writing the computed shares changes on this host: each a formula on Finsam-kontroll or a
 * value. A file has no calculation engine, so there each formula carries the computed amount as its result.
 */
export function shareCells(outcome: AnalysedShares, mode: ShareWriteMode, host: PortCapabilities["host"]): CellEdit[] {
  const cells = shareEdits(outcome.analysis, outcome.plan, mode);
  if (mode !== "formula" || host !== "file") return cells;
  const values = new Map(
    shareEdits(outcome.analysis, outcome.plan, "value").map((e) => [`${e.sheet}!${e.cell}`, e.value]),
  );
  return cells.map((e) => {
    const value = values.get(`${e.sheet}!${e.cell}`);
    return value === undefined ? e : { ...e, value };
  });
}

/**
 * The use case behind "Skriv in andelarna": each kommun's amount that differs from its computed share
 * gets it, as one undoable write. Returns how many cells it wrote; with none to write, nothing is written.
 */
export async function writeShares(port: WorkbookPort, outcome: AnalysedShares, mode: ShareWriteMode): Promise<number> {
  const cells = shareCells(outcome, mode, port.capabilities.host);
  if (cells.length === 0) return 0;
  await port.applyEdits({ cells });
  return cells.length;
}
