import { readFile } from "node:fs/promises";
import { analyzeGrid } from "../../src/sheet/analyzeGrid";
import { buildWritePlan, CONTROL_SHEET } from "../../src/sheet/writePlan";
import { readGridFromBuffer } from "../../src/xlsx/readGrid";
import { writeAnnotated } from "../../src/xlsx/writeAnnotated";
import { recalculatedSheet, valueAt } from "../support/libreoffice";
import { EXAMPLE, fixture } from "../support/paths";

/**
 * The revisor's promise: every number the engine computes stands on
 * Finsam-kontroll as a live formula on the user's cells, and a real
 * spreadsheet engine (headless LibreOffice) gets the same number.
 */
describe("Finsam-kontroll recalculated in LibreOffice", () => {
  jest.setTimeout(180_000);

  it.each([
    ["samo-2023", fixture("samo-2023")],
    ["vastra-2025", fixture("vastra-2025")],
    ["ornskoldsvik-2024", fixture("ornskoldsvik-2024")],
    ["exempel-budget", EXAMPLE],
  ])("%s: every computed cell evaluates to the engine's number", async (_name, path) => {
    const source = await readFile(path);
    const grid = await readGridFromBuffer(source);
    const result = analyzeGrid(grid);
    if (!result.ok) throw new Error(result.reason.sv);
    const plan = buildWritePlan(result.analysis);
    // No cached results: every number below comes from LibreOffice's own calculation.
    const written = await writeAnnotated(source, plan, { cachedResults: false });
    const rows = await recalculatedSheet(written, grid.sheets.length + 1);

    const checked = plan.controlSheet.cells.filter((c) => c.formula !== undefined && c.expected !== undefined);
    const mismatches = checked
      .map((c) => ({ cell: c.cell, formula: c.formula, expected: c.expected, actual: Number(valueAt(rows, c.cell)) }))
      .filter((c) => !(Math.abs(c.actual - c.expected!) < 1e-6));
    expect(mismatches).toEqual([]);
    // Every share, every plan-year amount and every equity figure is among them.
    const planYears = result.analysis.plans.reduce((n, p) => n + p.years.length, 0);
    expect(checked.length).toBeGreaterThanOrEqual(result.analysis.members.length + planYears * 7);
    expect(valueAt(rows, "A1")).toBe(CONTROL_SHEET);
  });
});
