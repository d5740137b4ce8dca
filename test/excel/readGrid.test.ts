import { readFileSync } from "node:fs";
import { dense } from "../grid/dense";
import { analyseWorkbook } from "../../src/app/analyseWorkbook";
import { createExcelPort } from "../../src/excel";
import { readGridFromFile } from "../../src/xlsx/readGrid";
import type { Grid } from "../../src/grid";
import { BYTES_PER_CELL, PAYLOAD_BUDGET_BYTES } from "../../src/excel/readWorkbook";
import { emptySheet, PAYLOAD_LIMIT_BYTES } from "./fakeExcel";
import { fakeFromFile, FIXTURES, fakeFromXlsx, generatedBudget } from "./workbooks";
import { TEST_CLOCK } from "../support/clock";

/**
 * A Grid as a reader sees it through SheetView: Office.js reports a format on
 * every cell, a file on whole columns too, so the stored cells may differ
 * where what they show does not.
 */
const asRead = (g: Grid) => ({
  ...g,
  sheets: g.sheets.map((s) => {
    const { name, visible, bottom, right, hiddenRows, merges } = s;
    return { name, visible, bottom, right, hiddenRows, merges, ...dense(s) };
  }),
});

describe("reading through Excel gives the Grid the .xlsx reader gives", () => {
  for (const [name, path] of Object.entries(FIXTURES)) {
    it(`${name}: equal Grids, in at most 3 round trips`, async () => {
      const fake = await fakeFromFile(path);
      const port = createExcelPort(TEST_CLOCK, fake.host());
      const fromExcel = await port.readGrid();
      const fromFile = await readGridFromFile(path);
      expect(asRead(fromExcel)).toEqual(asRead(fromFile));
      expect(fake.syncs).toBeLessThanOrEqual(2);
      expect(port.stats.read.syncs).toBe(fake.syncs);
    });
  }

  it("on the oldest Excel the add-in runs in (ExcelApi 1.14) the same values, formulas and merged areas", async () => {
    const fake = await fakeFromFile(FIXTURES["vastra-2025"], 14);
    const grid = await createExcelPort(TEST_CLOCK, fake.host()).readGrid();
    const fromFile = await readGridFromFile(FIXTURES["vastra-2025"]);
    const cells = (g: typeof grid) =>
      g.sheets.map((s) => [s.name, s.top, s.left, dense(s).values, dense(s).formulas, s.hiddenRows]);
    expect(cells(grid)).toEqual(cells(fromFile));
    expect(grid.sheets.map((s) => s.merges)).toEqual(fromFile.sheets.map((s) => s.merges));
    expect(fake.syncs).toBe(2);
  });

  it("an analysis of the example workbook reads it once, in 2 round trips: the sheets, then every sheet at once", async () => {
    const fake = await fakeFromXlsx(readFileSync(FIXTURES["exempel-budget"]));
    const port = createExcelPort(TEST_CLOCK, fake.host());
    const outcome = await analyseWorkbook(port, TEST_CLOCK);
    expect(outcome.kind).toBe("ok");
    expect(fake.syncs).toBe(2);
    expect(port.stats.read).toEqual({ syncs: 2, cells: fake.cellsRead });
  });
});

describe("round trips of an analysis, whatever the size", () => {
  // A sheet taller than AT_ONCE (8 192 rows) is read again after step 2, in one round trip more.
  it.each([
    [10, 2],
    [8192, 2],
    [20_000, 3],
  ])("%i rows: %i round trips", async (rows, syncs) => {
    const fake = generatedBudget(rows);
    const port = createExcelPort(TEST_CLOCK, fake.host());
    const outcome = await analyseWorkbook(port, TEST_CLOCK);
    expect(outcome.kind).toBe("ok");
    expect(fake.syncs).toBe(syncs);
    expect(fake.cellsRead).toBe(port.stats.read.cells);
    const grid = await port.readGrid();
    expect(dense(grid.sheets[0]!).values).toHaveLength(rows);
  });
});

describe("a workbook beyond Excel's payload limit", () => {
  it("is read in chunks of rows, one round trip each, into the same Grid", async () => {
    const fake = generatedBudget(10);
    const wide = emptySheet("Data");
    const rows = 20_000;
    const columns = 8; // 160 000 cells: more than one response of 4 MB holds
    for (let r = 1; r <= rows; r++) {
      for (let c = 1; c <= columns; c++) wide.cells.set(`${r}:${c}`, { value: r * 10 + c, formula: null });
    }
    fake.workbook.sheets.push(wide);
    const port = createExcelPort(TEST_CLOCK, fake.host());
    const grid = await port.readGrid();
    const data = grid.sheets.find((s) => s.name === "Data")!;
    const { values } = dense(data);
    expect(values).toHaveLength(rows);
    expect(values[0]).toEqual([11, 12, 13, 14, 15, 16, 17, 18]);
    expect(values[rows - 1]![columns - 1]).toBe(rows * 10 + columns);
    const cells = port.stats.read.cells;
    expect(cells).toBe(fake.cellsRead);
    expect(cells).toBeGreaterThan(rows * columns);
    // Step 2 takes the budget and Data's first 8 192 rows (AT_ONCE); Data's used range, over it, is then
    // read in chunks of rows.
    expect(port.stats.read.further).toBe("large");
    const chunks = Math.ceil((rows * columns * BYTES_PER_CELL) / PAYLOAD_BUDGET_BYTES);
    expect(chunks).toBe(2);
    expect(fake.syncs).toBe(2 + chunks);
    // Each response stays under Excel on the web's 5 MB, which the fake enforces.
    expect(fake.largestResponse).toBeGreaterThan(PAYLOAD_LIMIT_BYTES / 4);
    expect(fake.largestResponse).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
  });

  it("the fake refuses a response over 5 MB, as Excel on the web does", async () => {
    const fake = generatedBudget(10);
    const wide = emptySheet("Data");
    for (let r = 1; r <= 60_000; r++) {
      for (let c = 1; c <= 8; c++) wide.cells.set(`${r}:${c}`, { value: `text ${r} ${c}`, formula: null });
    }
    fake.workbook.sheets.push(wide);
    await expect(
      fake.run(undefined, async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1:H60000").load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });
});
