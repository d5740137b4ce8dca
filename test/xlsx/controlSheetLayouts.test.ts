import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { analyzeGrid } from "../../src/app/analyzeGrid";
import { readGridFromBuffer } from "../../src/xlsx/readGrid";
import { LAYOUTS_DIR } from "../layouts/corpusRun";
import { recalculatedControlSheet } from "../support/controlSheetCheck";
import { CONTROL_SHEET } from "../../src/read/addinSheets";

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
    // No cached results: every number below comes from LibreOffice's own calculation.
    const { mismatches, checked, title } = await recalculatedControlSheet(source, grid, result.analysis);
    expect(mismatches).toEqual([]);
    const planYears = result.analysis.plans.reduce((n, p) => n + p.years.length, 0);
    expect(checked).toBeGreaterThanOrEqual(result.analysis.members.length + planYears * 7);
    expect(title).toBe(CONTROL_SHEET);
  });
});
