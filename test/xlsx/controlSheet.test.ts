import { readFile } from "node:fs/promises";
import { analyzeGrid } from "../../src/app/analyzeGrid";
import { readGridFromBuffer } from "../../src/xlsx/readGrid";
import { recalculatedControlSheet } from "../support/controlSheetCheck";
import { EXAMPLE, fixture } from "../support/paths";
import { CONTROL_SHEET } from "../../src/read/addinSheets";

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
    // No cached results: every number below comes from LibreOffice's own calculation.
    const { mismatches, checked, title } = await recalculatedControlSheet(source, grid, result.analysis);
    expect(mismatches).toEqual([]);
    // Every share, every plan-year amount and every equity figure is among them.
    const planYears = result.analysis.plans.reduce((n, p) => n + p.years.length, 0);
    expect(checked).toBeGreaterThanOrEqual(result.analysis.members.length + planYears * 7);
    expect(title).toBe(CONTROL_SHEET);
  });
});
