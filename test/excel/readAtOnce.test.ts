/**
 * Step 2 of the Excel reader (src/excel/readWorkbook.ts): every sheet at once, within AT_ONCE, so an
 * ordinary workbook takes two round trips; and where Excel refuses that batch, the workbook read in
 * steps, into the same Grid.
 */
import { createExcelPort } from "../../src/excel";
import { AT_ONCE } from "../../src/excel/readWorkbook";
import type { Grid } from "../../src/grid";
import { TEST_CLOCK } from "../support/clock";
import { emptySheet, FakeExcel, PAYLOAD_LIMIT_BYTES, READ_LIMIT_CELLS } from "./fakeExcel";
import { generatedBudget } from "./workbooks";

async function read(fake: FakeExcel) {
  const port = createExcelPort(TEST_CLOCK, fake.host());
  const grid = await port.readGrid();
  return { grid, stats: port.stats.read };
}

/** What a reader sees of a sheet: where it stands, its cells, its hidden rows and merges. */
const seen = (grid: Grid) =>
  grid.sheets.map((s) => ({
    name: s.name,
    corners: [s.top, s.left, s.bottom, s.right],
    rows: [...s.rows].map(([r, row]) => [r, row.columns, row.values, row.formulas, row.numberFormats]),
    hidden: s.hiddenRows,
    merges: s.merges,
  }));

test("AT_ONCE is 32 columns by 8 192 rows", () => {
  expect(AT_ONCE).toBe("A1:AF8192");
});

test("hidden rows and merged areas come with step 2: still two round trips", async () => {
  const fake = generatedBudget(12);
  const sheet = fake.workbook.sheets[0]!;
  sheet.hiddenRows.add(3);
  sheet.merges.push("A1:B1");
  const { grid, stats } = await read(fake);
  expect(stats).toEqual({ syncs: 2, cells: fake.cellsRead });
  expect(grid.sheets[0]!.hiddenRows).toEqual([3]);
  expect(grid.sheets[0]!.merges).toEqual(["A1:B1"]);
  // Every row hidden: Range.rowHidden says so, without the visible rows.
  const allHidden = generatedBudget(12);
  const population = allHidden.workbook.sheets[1]!;
  for (let r = 1; r <= 4; r++) population.hiddenRows.add(r);
  const hidden = await read(allHidden);
  expect(hidden.grid.sheets[1]!.hiddenRows).toEqual([1, 2, 3, 4]);
  expect(hidden.stats.syncs).toBe(2);
});

test("a blank sheet (its used range is A1, with nothing in it) is an empty sheet, as before", async () => {
  const fake = generatedBudget(12);
  fake.workbook.sheets.push(emptySheet("Tom"));
  const { grid, stats } = await read(fake);
  const blank = grid.sheets.find((s) => s.name === "Tom")!;
  expect(blank.rows.size).toBe(0);
  expect(stats.syncs).toBe(2);
  // A1 alone, with a value, is no blank sheet.
  const one = generatedBudget(12);
  const a1 = emptySheet("En cell");
  a1.cells.set("1:1", { value: "Anteckning", formula: null });
  one.workbook.sheets.push(a1);
  expect((await read(one)).grid.sheets.find((s) => s.name === "En cell")!.rows.get(1)?.values).toEqual(["Anteckning"]);
});

test("four sheets that each fit AT_ONCE but together pass Excel on the web's 5 MB: Excel refuses step 2, and the workbook is read in steps into the same Grid", async () => {
  const sheets = () =>
    ["Export 1", "Export 2", "Export 3", "Export 4"].map((name) => {
      const sheet = emptySheet(name);
      for (let r = 1; r <= 8000; r++) {
        for (let c = 1; c <= 8; c++) sheet.cells.set(`${r}:${c}`, { value: r * 10 + c, formula: null });
      }
      return sheet;
    });
  const fake = generatedBudget(12);
  fake.workbook.sheets.push(...sheets());
  const { grid, stats } = await read(fake);
  expect(stats.further).toBe("payload");
  // 1 the sheets; 2 refused (ResponsePayloadSizeLimitExceeded); 2′ the used ranges; 3 their cells, in chunks.
  expect(stats.syncs).toBeGreaterThanOrEqual(4);
  expect(stats.syncs).toBe(fake.syncs);
  expect(stats.cells).toBe(fake.cellsRead);
  expect(fake.largestResponse).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
  // The same Grid as where each sheet is read on its own, in two round trips.
  for (const [i, sheet] of sheets().entries()) {
    const alone = new FakeExcel({ sheets: [sheet], names: [], comments: [], protected: false });
    const one = await read(alone);
    expect(one.stats.syncs).toBe(2);
    expect(seen(one.grid)).toEqual(seen({ ...grid, sheets: [grid.sheets[2 + i]!] }));
  }
});

test("a sheet whose cells all lie outside AT_ONCE: Range.getIntersection finds none, and the workbook is read in steps", async () => {
  const fake = generatedBudget(12);
  const far = emptySheet("Längst ned");
  far.cells.set("9000:1", { value: "Not", formula: null });
  far.cells.set("9001:2", { value: 12, formula: null });
  fake.workbook.sheets.push(far);
  const { grid, stats } = await read(fake);
  expect(stats.further).toBe("payload");
  // 1, 2 refused (ItemNotFound), 2′ the used ranges, 3 the cells.
  expect(stats.syncs).toBe(4);
  expect(grid.sheets.find((s) => s.name === "Längst ned")!.rows.get(9001)?.values).toEqual([12]);
});

test("Excel refuses a read of more than 5 000 000 cells (RangeExceedsLimit)", async () => {
  const fake = new FakeExcel({ sheets: [emptySheet("Data")], names: [], comments: [], protected: false });
  await expect(
    fake.run(undefined, async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1:E1000001").load("values");
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: "RangeExceedsLimit" });
  expect(5 * 1_000_001).toBeGreaterThan(READ_LIMIT_CELLS);
});
