import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { analyzeGrid } from "../../src/sheet/analyzeGrid";
import { buildWritePlan, CONTROL_SHEET } from "../../src/sheet/writePlan";
import { readGridFromBuffer } from "../../src/xlsx/readGrid";
import { writeAnnotated } from "../../src/xlsx/writeAnnotated";
import { LAYOUTS_DIR } from "../layouts/corpusRun";
import { recalculatedSheet, valueAt } from "../support/libreoffice";

/**
 * Finsam-kontroll's formulas point at the right cells when the budget's parts
 * stand on different sheets and when the years are rows: on a sample of the
 * layout corpus (members on one sheet, the result budget on another, the
 * population on a third; members with the years as rows, in kr and tkr; Mkr;
 * costs negative; totals as formulas; a result of totals), headless LibreOffice
 * recalculates every computed cell to the engine's number.
 */
describe("Finsam-kontroll recalculated in LibreOffice on split-sheet layouts", () => {
  jest.setTimeout(180_000);

  it.each([
    "02-vastra-split-sheets",
    "03-vastra-split-totals-formulas",
    "04-vastra-years-as-rows-text",
    "13-degerfors-plan-split-rows-pop-beside",
    "14-centrala-split-negative-target",
    "15-centrala-mkr-merged",
    "16-kungalv-names-across-sheets",
    "24-ornskoldsvik-split-rows-tkr",
    "34-centrala-seed-shape",
  ])("%s: every computed cell evaluates to the engine's number", async (name) => {
    const source = await readFile(join(LAYOUTS_DIR, `${name}.xlsx`));
    const grid = await readGridFromBuffer(source);
    const result = analyzeGrid(grid);
    if (!result.ok) throw new Error(result.reason.sv);
    // The parts do stand on more than one sheet.
    const sheets = new Set(result.location.parts.map((p) => p.sheet));
    expect(sheets.size).toBeGreaterThanOrEqual(2);
    const plan = buildWritePlan(result.analysis);
    const written = await writeAnnotated(source, plan, { cachedResults: false });
    const rows = await recalculatedSheet(written, grid.sheets.length + 1);

    const checked = plan.controlSheet.cells.filter((c) => c.formula !== undefined && c.expected !== undefined);
    const mismatches = checked
      .map((c) => ({ cell: c.cell, formula: c.formula, expected: c.expected, actual: Number(valueAt(rows, c.cell)) }))
      .filter((c) => !(Math.abs(c.actual - c.expected!) < 1e-6));
    expect(mismatches).toEqual([]);
    const planYears = result.analysis.plans.reduce((n, p) => n + p.years.length, 0);
    expect(checked.length).toBeGreaterThanOrEqual(result.analysis.members.length + planYears * 7);
    expect(valueAt(rows, "A1")).toBe(CONTROL_SHEET);
  });
});
