/**
 * 600 cost lines that stand apart (a heading above each): their sum, written
 * naively, is a SUM of 600 arguments and over 11 000 characters, which Excel
 * refuses. Cut into partial sums (src/plan/formulas.ts), every formula keeps
 * Excel's limits, Excel (the test double, strict about them) takes the write,
 * and LibreOffice computes the engine's numbers from the partial sums.
 */
import ExcelJS from "exceljs";
import { analyzeGrid } from "../../src/app/analyzeGrid";
import { createExcelPort } from "../../src/excel";
import { withinLimits } from "../../src/plan/excelLimits";
import { buildWritePlan } from "../../src/plan/writePlan";
import { readGridFromBuffer } from "../../src/xlsx/readGrid";
import { TEST_CLOCK } from "../support/clock";
import { recalculatedControlSheet } from "../support/controlSheetCheck";
import { analyseWorkbook } from "../../src/app/analyseWorkbook";
import { fakeFromXlsx } from "../excel/workbooks";

const LINES = 600;

async function apartLines(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Budget 2025");
  ws.getCell("A1").value = "Samordningsförbundet Prov: budget 2025 (belopp i kr)";
  ws.getCell("B3").value = "Budget 2025";
  const members: [string, number][] = [
    ["Försäkringskassan", 1_000_000],
    ["Arbetsförmedlingen", 1_000_000],
    ["Västra Götalandsregionen", 1_000_000],
    ["Alingsås kommun", 600_000],
    ["Lerums kommun", 400_000],
  ];
  members.forEach(([label, amount], i) => {
    ws.getCell(4 + i, 1).value = label;
    ws.getCell(4 + i, 2).value = amount;
  });
  ws.getCell("A10").value = "Kostnader";
  for (let i = 0; i < LINES; i++) {
    ws.getCell(11 + 2 * i, 1).value = `Projekt ${i + 1}`;
    ws.getCell(12 + 2 * i, 1).value = `Insatskostnad ${i + 1}`;
    ws.getCell(12 + 2 * i, 2).value = 5_000;
  }
  ws.getCell(13 + 2 * LINES, 1).value = "Eget kapital 2024-12-31";
  ws.getCell(13 + 2 * LINES, 2).value = 1_000_000;
  const pop = wb.addWorksheet("Befolkning");
  pop.addRow(["Kommun", "Invånare 2024-12-31"]);
  pop.addRow(["Alingsås", 60_000]);
  pop.addRow(["Lerum", 40_000]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("600 cost lines apart: Excel's formula limits", () => {
  jest.setTimeout(180_000);

  it("every formula of Finsam-kontroll keeps them, the long sums in partial sums below", async () => {
    const source = await apartLines();
    const grid = await readGridFromBuffer(source);
    const result = analyzeGrid(grid);
    if (!result.ok) throw new Error(result.reason.sv);
    expect(result.analysis.budget.costs).toHaveLength(LINES);
    const { controlSheet } = buildWritePlan(result.analysis);
    const formulas = controlSheet.cells.flatMap((c) => (c.formula ? [c.formula] : []));
    expect(formulas.filter((f) => !withinLimits(f))).toEqual([]);
    expect(controlSheet.cells.some((c) => c.value === "Delsumma 1")).toBe(true);
    // LibreOffice, from no cached result, gets the engine's number in every computed cell, the partial sums too.
    const { mismatches, checked } = await recalculatedControlSheet(source, grid, result.analysis);
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(10);
  });

  it("Excel takes the write, which it would refuse with one SUM of 600 arguments", async () => {
    const fake = await fakeFromXlsx(await apartLines());
    const port = createExcelPort(TEST_CLOCK, fake.host());
    const outcome = await analyseWorkbook(port, TEST_CLOCK);
    if (outcome.kind !== "ok") throw new Error(JSON.stringify(outcome));
    await port.applyPlan(outcome.plan);
    await expect(
      port.applyPlan({
        ...outcome.plan,
        controlSheet: {
          ...outcome.plan.controlSheet,
          cells: [
            { cell: "Z1", formula: `=SUM(${Array.from({ length: 600 }, (_, i) => `'Budget 2025'!B${12 + 2 * i}`)})` },
          ],
        },
      }),
    ).rejects.toThrow();
  });
});
