import { Decimal, type CellRef } from "../domain";
import { address, type Grid, SheetView } from "./grid";
import { readAmount } from "./swedishNumber";
import { classifyLabel, POPULATION_HEADER } from "./vocabulary";

export interface PopulationEntry {
  readonly name: string;
  readonly value: Decimal;
  readonly ref: CellRef;
}

export interface PopulationTable {
  readonly entries: readonly PopulationEntry[];
  /** The date the header names ("Invånare 2021-12-31"). */
  readonly date?: string;
}

/**
 * Finds the population per kommun wherever it stands: a column headed
 * "Befolkning…", "Invånare…" or "Folkmängd" with whole numbers below it and
 * kommun names to its left. The largest such table wins.
 */
export function findPopulation(grid: Grid): PopulationTable {
  let best: PopulationTable = { entries: [] };
  for (const sheet of grid.sheets) {
    const view = new SheetView(sheet);
    for (let row = view.sheet.top; row <= view.bottom; row++) {
      for (let col = view.sheet.left; col <= view.right; col++) {
        const value = view.value(row, col);
        if (typeof value !== "string" || !POPULATION_HEADER.test(value.toLowerCase())) continue;
        const table = readPopulationColumn(view, row, col);
        if (table.entries.length > best.entries.length) best = table;
      }
    }
  }
  return best;
}

/** Reads the names and numbers below a population header until a total or a gap. */
export function readPopulationColumn(view: SheetView, headerRow: number, col: number): PopulationTable {
  const entries: PopulationEntry[] = [];
  for (let row = headerRow + 1; row <= view.bottom; row++) {
    const name = nameLeftOf(view, row, col);
    const reading = readAmount(view.value(row, col));
    if (reading.kind !== "amount") {
      if (entries.length > 0) break;
      continue;
    }
    if (!name || classifyLabel(name).kind === "total") break;
    entries.push({ name, value: reading.value, ref: { sheet: view.name, cell: address(row, col) } });
  }
  const date = /(\d{4}-\d{2}-\d{2})/.exec(view.text(headerRow, col))?.[1];
  return { entries, ...(date ? { date } : {}) };
}

export function nameLeftOf(view: SheetView, row: number, col: number): string | undefined {
  for (let c = col - 1; c >= view.sheet.left; c--) {
    const t = view.text(row, c);
    if (t && readAmount(t).kind === "text") return t;
  }
  return undefined;
}
