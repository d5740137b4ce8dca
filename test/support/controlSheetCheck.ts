import type { Analysis } from "../../src/domain";
import type { Grid } from "../../src/grid";
import { buildWritePlan } from "../../src/plan/writePlan";
import { writeAnnotated } from "../../src/xlsx/writeAnnotated";
import { recalculatedSheet, numberAt, valueAt } from "./libreoffice";

/**
 * Finsam-kontroll written with no cached results and recalculated by headless
 * LibreOffice: the computed cells whose number differs from the engine's, how
 * many computed cells there were, and what the sheet's A1 says.
 */
export async function recalculatedControlSheet(
  source: Uint8Array,
  grid: Grid,
  analysis: Analysis,
): Promise<{
  mismatches: { cell: string; formula?: string; expected?: number; actual: number }[];
  checked: number;
  title: string | undefined;
}> {
  const plan = buildWritePlan(analysis);
  const written = await writeAnnotated(source, plan, { cachedResults: false });
  const rows = await recalculatedSheet(written, grid.sheets.length + 1);
  const checked = plan.controlSheet.cells.filter((c) => c.formula !== undefined && c.expected !== undefined);
  const mismatches = checked
    .map((c) => ({ cell: c.cell, formula: c.formula, expected: c.expected, actual: numberAt(rows, c.cell) }))
    .filter((c) => !(Math.abs(c.actual - c.expected!) < 1e-6));
  return { mismatches, checked: checked.length, title: valueAt(rows, "A1") };
}
