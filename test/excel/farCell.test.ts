/**
 * A used range that claims more than the sheet holds: one value in XFD1048576
 * makes Excel's used range A1:XFD1048576. The port reads such a sheet by the
 * cells that exist (Range.getSpecialCellsOrNullObject), in a bounded number
 * of round trips, into the Grid the .xlsx reader gives for the same file.
 */
import ExcelJS from "exceljs";
import { createExcelPort } from "../../src/excel";
import { MAX_RANGES_PER_SYNC, SPARSE_ABOVE_CELLS } from "../../src/excel/readWorkbook";
import { GRID_LIMITS, type GridSheet, storedCells } from "../../src/grid";
import { readGridFromBuffer } from "../../src/xlsx/readGrid";
import { TEST_CLOCK } from "../support/clock";
import { emptySheet, FakeExcel, PAYLOAD_LIMIT_BYTES } from "./fakeExcel";
import { fakeFromXlsx, generatedBudget } from "./workbooks";

/** Values in A1:C10 (a label, two amounts, a sum formula in row 10) and one value in XFD1048576. */
async function farCellWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Budget 2026");
  for (let r = 1; r <= 9; r++) {
    ws.getCell(r, 1).value = `Rad ${r}`;
    ws.getCell(r, 2).value = r * 1000;
    ws.getCell(r, 3).value = r * 10;
    ws.getCell(r, 3).numFmt = "#,##0";
  }
  ws.getCell(10, 1).value = "Summa";
  ws.getCell(10, 2).value = { formula: "SUM(B1:B9)", result: 45000 };
  ws.getCell(10, 3).value = { formula: "SUM(C1:C9)", result: 450 };
  ws.getCell(1048576, 16384).value = "långt bort";
  const other = wb.addWorksheet("Befolkning");
  other.getCell("A1").value = "Kommun";
  other.getCell("B1").value = 21889;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The cells a sheet stores, each with its value, formula and format: what readers see of it. */
function cellsOf(sheet: GridSheet): [number, number, unknown, unknown, unknown][] {
  const out: [number, number, unknown, unknown, unknown][] = [];
  for (const [row, r] of sheet.rows) {
    r.columns.forEach((column, i) => {
      if (r.values[i] !== null || r.formulas[i] !== null)
        out.push([row, column, r.values[i], r.formulas[i], r.numberFormats[i]]);
    });
  }
  return out;
}

describe("a sheet whose used range is A1:XFD1048576 for two blocks of cells", () => {
  it("is read by the cells that exist: both blocks, in 4 round trips, 33 cells after what step 2 read at once", async () => {
    const data = await farCellWorkbook();
    const fake = await fakeFromXlsx(data);
    const port = createExcelPort(TEST_CLOCK, fake.host());
    const grid = await port.readGrid();

    const sheet = grid.sheets.find((s) => s.name === "Budget 2026")!;
    expect([sheet.top, sheet.left, sheet.bottom, sheet.right]).toEqual([1, 1, 1048576, 16384]);
    expect(storedCells(sheet)).toBe(31); // A1:C10 and XFD1048576
    expect(sheet.rows.get(1048576)?.values).toEqual(["långt bort"]);
    expect(sheet.rows.get(10)?.formulas).toEqual([null, "=SUM(B1:B9)", "=SUM(C1:C9)"]);
    expect(sheet.rows.get(10)?.values).toEqual(["Summa", 45000, 450]);
    // 1 sheets and names; 2 every sheet at once, where this one's used range passes AT_ONCE; 2b its
    // constants and formulas counted; 3 their areas.
    expect(fake.syncs).toBe(4);
    expect(port.stats.read).toMatchObject({ syncs: 4, further: "large" });
    // Not 17 billion: AT_ONCE's 262 144 cells (empty but for A1:C10) and the other sheet's 2 at once, then
    // the cells that exist, 29 constants and 2 formulas; every response under Excel on the web's 5 MB.
    expect(fake.cellsRead).toBe(32 * 8192 + 2 + 31);
    expect(port.stats.read.cells).toBe(fake.cellsRead);
    expect(fake.largestResponse).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
  });

  it("gives the Grid the .xlsx reader gives for the same file", async () => {
    const data = await farCellWorkbook();
    const fromExcel = await createExcelPort(TEST_CLOCK, (await fakeFromXlsx(data)).host()).readGrid();
    const fromFile = await readGridFromBuffer(data, "far.xlsx");
    expect(fromExcel.sheets.map((s) => s.name)).toEqual(fromFile.sheets.map((s) => s.name));
    fromExcel.sheets.forEach((s, i) => {
      const f = fromFile.sheets[i]!;
      expect([s.top, s.left, s.bottom, s.right]).toEqual([f.top, f.left, f.bottom, f.right]);
      expect(cellsOf(s)).toEqual(cellsOf(f));
      expect(s.hiddenRows).toEqual(f.hiddenRows);
      expect(s.merges).toEqual(f.merges);
    });
  });

  it("an ordinary sheet next to it still takes the usual round trips", async () => {
    const fake = generatedBudget(10);
    const port = createExcelPort(TEST_CLOCK, fake.host());
    await port.readGrid();
    expect(fake.syncs).toBe(2);
    // The same workbook with a stray value far down one sheet: two round trips more, not 130 000.
    const stray = generatedBudget(10);
    stray.workbook.sheets[0]!.cells.set("1048576:16384", { value: 1, formula: null });
    const strayPort = createExcelPort(TEST_CLOCK, stray.host());
    const grid = await strayPort.readGrid();
    expect(stray.syncs).toBe(4);
    expect(storedCells(grid.sheets[0]!)).toBe(storedCells((await port.readGrid()).sheets[0]!) + 1);
  });
});

describe("the threshold", () => {
  it("is the most cells a sheet is read for", () => {
    expect(SPARSE_ABOVE_CELLS).toBe(GRID_LIMITS.cells);
  });

  it("a used range of exactly that many cells is read as one used range; one row more, by its cells", async () => {
    const at = (rows: number) => {
      const sheet = emptySheet("Data");
      sheet.cells.set("1:1", { value: "Start", formula: null });
      sheet.cells.set(`${rows}:1`, { value: "Slut", formula: null });
      return new FakeExcel({ sheets: [sheet], names: [], comments: [], protected: false });
    };
    const dense = at(SPARSE_ABOVE_CELLS);
    const denseGrid = await createExcelPort(TEST_CLOCK, dense.host()).readGrid();
    // Step 2's 8 192 rows at once (AT_ONCE), then 8 chunks of rows, the usual way.
    expect(dense.cellsRead).toBe(SPARSE_ABOVE_CELLS + 8192);
    expect(dense.syncs).toBe(2 + 8);
    const sparse = at(SPARSE_ABOVE_CELLS + 1);
    const sparseGrid = await createExcelPort(TEST_CLOCK, sparse.host()).readGrid();
    expect(sparse.cellsRead).toBe(8192 + 2);
    expect(sparse.syncs).toBe(4);
    expect(storedCells(denseGrid.sheets[0]!)).toBe(2);
    expect(storedCells(sparseGrid.sheets[0]!)).toBe(2);
  });
});

describe("special cells beyond one payload", () => {
  it("a block of 250 000 rows and a far cell: addresses first, then the block in chunks of rows", async () => {
    const sheet = emptySheet("Data");
    const rows = 250_000;
    for (let r = 1; r <= rows; r++) {
      sheet.cells.set(`${r}:1`, { value: r, formula: null });
      sheet.cells.set(`${r}:2`, { value: r * 2, formula: null });
    }
    sheet.cells.set("1048576:16384", { value: "långt bort", formula: null });
    const fake = new FakeExcel({ sheets: [sheet], names: [], comments: [], protected: false });
    const port = createExcelPort(TEST_CLOCK, fake.host());
    const grid = await port.readGrid();
    const data = grid.sheets[0]!;
    expect(storedCells(data)).toBe(2 * rows + 1);
    expect(data.rows.get(rows)?.values).toEqual([rows, rows * 2]);
    // AT_ONCE (32 × 8 192 cells) in step 2, then the cells that exist.
    expect(fake.cellsRead).toBe(32 * 8192 + 2 * rows + 1);
    // 500 001 cells × 32 bytes: 4 chunks of 4 MB; each response stays under Excel on the web's 5 MB.
    // 1, 2, 2b counts, 2c the areas' addresses, 3 four chunks.
    expect(fake.syncs).toBe(2 + 1 + 1 + 4);
    expect(fake.largestResponse).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
  });

  it("many small areas: their addresses first, then at most MAX_RANGES_PER_SYNC ranges a round trip", async () => {
    const sheet = emptySheet("Data");
    // 40 000 single cells, every other row: with their addresses more than one response holds.
    const cells = 40_000;
    for (let i = 0; i < cells; i++) sheet.cells.set(`${2 * i + 1}:1`, { value: i, formula: null });
    sheet.cells.set("1048576:16384", { value: "långt bort", formula: null });
    const fake = new FakeExcel({ sheets: [sheet], names: [], comments: [], protected: false });
    const grid = await createExcelPort(TEST_CLOCK, fake.host()).readGrid();
    expect(storedCells(grid.sheets[0]!)).toBe(cells + 1);
    expect(grid.sheets[0]!.rows.get(2 * cells - 1)?.values).toEqual([cells - 1]);
    // 1, 2, 2b, 2c the 40 001 addresses, 3 the cells, 5 000 ranges a round trip.
    expect(fake.syncs).toBe(4 + Math.ceil((cells + 1) / MAX_RANGES_PER_SYNC));
    expect(fake.syncs).toBe(13);
    expect(fake.largestResponse).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
  });
});

describe("hidden rows and merged areas of a sheet read by its cells", () => {
  it("reports the hidden rows that hold cells and clips merged areas to the cells that exist", async () => {
    const sheet = emptySheet("Budget");
    for (let r = 1; r <= 6; r++) {
      sheet.cells.set(`${r}:1`, { value: `Rad ${r}`, formula: null });
      sheet.cells.set(`${r}:2`, { value: r, formula: null });
    }
    sheet.hiddenRows.add(3);
    sheet.hiddenRows.add(500_000); // hidden, but empty
    sheet.merges.push("D1:XFD1048576");
    sheet.cells.set("1048576:16384", { value: "långt bort", formula: null });
    const fake = new FakeExcel({ sheets: [sheet], names: [], comments: [], protected: false });
    const grid = await createExcelPort(TEST_CLOCK, fake.host()).readGrid();
    const read = grid.sheets[0]!;
    expect(read.hiddenRows).toEqual([3]);
    // The far cell is under the merge but not its top-left cell, so it holds nothing, as in the .xlsx reader.
    expect(storedCells(read)).toBe(12);
    // Clipped to the cells that exist (A1:B6), nothing of the merge is left.
    expect(read.merges).toEqual([]);
    // 1, 2, 2b, 3, and 4: the visible rows of the area that has a hidden row.
    expect(fake.syncs).toBe(5);
  });
});
