import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { Decimal, defaultSettings, newScenario, scenarioFromInput, SHEET_PLAN, WORST_CASE } from "../../src/domain";
import { analyzeGrid } from "../../src/app/analyzeGrid";
import { settingsEdits } from "../../src/memory/workbookSettings";
import { readGridFromBuffer } from "../../src/xlsx/readGrid";
import { fixture } from "../support/paths";
import type { WorkbookEdits } from "../../src/grid/edits";

/** Applies edits with ExcelJS, as a workbook would hold them after the add-in saved them. */
async function saveEdits(source: Uint8Array, edits: WorkbookEdits): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(source as unknown as ArrayBuffer);
  for (const name of edits.sheets ?? []) if (!wb.getWorksheet(name)) wb.addWorksheet(name);
  for (const e of edits.cells) {
    const cell = wb.getWorksheet(e.sheet)!.getCell(e.cell);
    cell.value = e.formula ? { formula: e.formula.slice(1) } : (e.value ?? null);
    if (e.numberFormat) cell.numFmt = e.numberFormat;
  }
  for (const n of edits.names ?? []) wb.definedNames.add(n.ref, n.name);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("scenarios kept in the workbook", () => {
  it("survive a save and reload: the next meeting gets the same plans", async () => {
    const twelve = scenarioFromInput({
      ...newScenario("tolv", "12 % första planåret"),
      stateChangeByYear: { 2026: new Decimal("-0.12") },
      stateFloor: new Decimal(3200000),
      costs: { kind: "change", rate: new Decimal("-0.05") },
      plannedDrawdown: { 2027: new Decimal(250000) },
    });
    const settings = defaultSettings({ scenarios: [SHEET_PLAN, WORST_CASE, twelve] });
    const source = await readFile(fixture("vastra-2025"));
    const before = analyzeGrid(await readGridFromBuffer(source), settings);

    const saved = await saveEdits(source, settingsEdits(settings));
    const after = analyzeGrid(await readGridFromBuffer(saved));
    if (!before.ok || !after.ok) throw new Error("no budget");
    expect(after.analysis.findings).toEqual(before.analysis.findings);
    expect(after.analysis.settings.scenarios.map((s) => s.id)).toEqual(["sheet", "worst-case", "tolv"]);
    const closing = (a: typeof before) =>
      a.ok ? a.analysis.plans.map((p) => [p.scenario.id, p.years.map((y) => y.closingEquity.toNumber())]) : [];
    expect(closing(after)).toEqual(closing(before));
    // 2026: 1 684 000 + 2 × 3 803 360 − 10 010 000 × 0,95 = −218 780;
    // 2027: −218 780 + 2 × 3 423 024 − (9 509 500 × 0,95 + 250 000) = −2 656 757.
    expect(closing(after)[2]).toEqual(["tolv", [1684000, -218780, -2656757]]);
  });
});
