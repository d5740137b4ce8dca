import type { CellRef, Unit } from "../domain";
import { address, parseAddress } from "../grid";
import type { PopulationEntry } from "./population";
import type { YearColumn } from "./yearHeaders";

/** The parts of a budget workbook, each read on its own evidence. */
export type PartName =
  | "members"
  | "contributionTotal"
  | "income"
  | "drawdowns"
  | "costs"
  | "costTotal"
  | "openingEquity"
  | "closingEquity"
  | "frame"
  | "followUp"
  | "years"
  | "unit"
  | "population";

/** Where a part was read from, and why: the range and the label, formula or arithmetic that decided it. */
export interface PartLocation {
  readonly part: PartName;
  readonly sheet: string;
  /** "A5:A11", or one cell. */
  readonly range: string;
  readonly evidence: string;
}

/** What the reader found, and where: the mapping it used, so it can be shown and stored. */
export interface Location {
  /** The sheet the result budget (years, lines, totals) was read from. */
  readonly sheet: string;
  readonly labelColumn: number;
  readonly headerRow: number;
  readonly yearColumns: readonly YearColumn[];
  readonly unit: Unit;
  readonly population: readonly PopulationEntry[];
  readonly parts: readonly PartLocation[];
}

/** A cell by its numbers, as a reader knows it before any address is written. */
export interface CellPlace {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
}

/** The smallest range spanning some cells of one sheet (the first cell's sheet): "A5:A11". */
export function spanOf(
  refs: readonly (CellRef | CellPlace | undefined)[],
): { sheet: string; range: string } | undefined {
  const cells = refs.filter((r) => r !== undefined);
  if (cells.length === 0) return undefined;
  const sheet = cells[0]!.sheet;
  let [top, bottom, left, right] = [Infinity, 0, Infinity, 0];
  for (const c of cells) {
    const at = c.sheet !== sheet ? undefined : "cell" in c ? parseAddress(c.cell) : c;
    if (!at) continue;
    [top, bottom] = [Math.min(top, at.row), Math.max(bottom, at.row)];
    [left, right] = [Math.min(left, at.column), Math.max(right, at.column)];
  }
  const [start, end] = [address(top, left), address(bottom, right)];
  return { sheet, range: start === end ? start : `${start}:${end}` };
}

/** Adds a part to a list at the span of its cells; a part with no cells is left out. */
export function partAdder(
  parts: PartLocation[],
): (part: PartName, refs: readonly (CellRef | CellPlace | undefined)[], evidence: string) => void {
  return (part, refs, evidence) => {
    const span = spanOf(refs);
    if (span) parts.push({ part, ...span, evidence });
  };
}
