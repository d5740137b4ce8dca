import { readFileSync } from "node:fs";
import { analyseWorkbook } from "../../src/app/analyseWorkbook";
import { createExcelPort } from "../../src/excel";
import { readGridFromFile } from "../../src/xlsx/readGrid";
import { fakeFromFile, FIXTURES, fakeFromXlsx, generatedBudget } from "./workbooks";

describe("reading through Excel gives the Grid the .xlsx reader gives", () => {
  for (const [name, path] of Object.entries(FIXTURES)) {
    it(`${name}: equal Grids, in at most 3 round trips`, async () => {
      const fake = await fakeFromFile(path);
      const port = createExcelPort(fake.host());
      const fromExcel = await port.readGrid();
      const fromFile = await readGridFromFile(path);
      expect(fromExcel).toEqual(fromFile);
      expect(fake.syncs).toBeLessThanOrEqual(3);
      expect(port.stats.read.syncs).toBe(fake.syncs);
    });
  }

  it("on an older Excel (ExcelApi 1.7) the same values and formulas, without merged areas (ExcelApi 1.13)", async () => {
    const fake = await fakeFromFile(FIXTURES["vastra-2025"], 7);
    const grid = await createExcelPort(fake.host()).readGrid();
    const fromFile = await readGridFromFile(FIXTURES["vastra-2025"]);
    const cells = (g: typeof grid) => g.sheets.map((s) => [s.name, s.top, s.left, s.values, s.formulas, s.hiddenRows]);
    expect(cells(grid)).toEqual(cells(fromFile));
    expect(grid.sheets[0]!.merges).toEqual([]);
    expect(fake.syncs).toBe(3);
  });

  it("an analysis of the example workbook reads it once, in 3 round trips", async () => {
    const fake = await fakeFromXlsx(readFileSync(FIXTURES["exempel-budget"]));
    const outcome = await analyseWorkbook(createExcelPort(fake.host()));
    expect(outcome.kind).toBe("ok");
    expect(fake.syncs).toBe(3);
  });
});

describe("round trips of an analysis, whatever the size", () => {
  it.each([
    [10, 3],
    [20_000, 3],
  ])("%i rows: %i round trips", async (rows, syncs) => {
    const fake = generatedBudget(rows);
    const port = createExcelPort(fake.host());
    const outcome = await analyseWorkbook(port);
    expect(outcome.kind).toBe("ok");
    expect(fake.syncs).toBe(syncs);
    expect(fake.cellsRead).toBe(port.stats.read.cells);
  });
});
