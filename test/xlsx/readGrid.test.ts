import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { type Grid, type GridSheet, SheetView, parseAddress, parseRangeRef } from "../../src/grid";
import { readGridFromBuffer, readGridFromFile, WorkbookReadError } from "../../src/xlsx/readGrid";
import { dense } from "../grid/dense";
import { WORKBOOKS } from "../support/paths";

const FIXTURES = WORKBOOKS;
const fixture = (name: string) => path.join(FIXTURES, name);

function sheet(grid: Grid, name: string): GridSheet {
  const s = grid.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}; have ${grid.sheets.map((x) => x.name).join(", ")}`);
  return s;
}

/** value, formula and number format of one cell, by its address. */
function cell(grid: Grid, sheetName: string, a1: string) {
  const at = parseAddress(a1);
  if (!at) throw new Error(a1);
  const view = new SheetView(sheet(grid, sheetName));
  return {
    value: view.value(at.row, at.column),
    formula: view.formula(at.row, at.column),
    format: view.numberFormat(at.row, at.column),
  };
}

/** Every sheet holds its cells sparsely: rows and columns ascending, all inside the used range, arrays parallel. */
function expectSparse(s: GridSheet) {
  const rows = [...s.rows.keys()];
  expect(rows).toEqual([...rows].sort((a, b) => a - b));
  for (const [r, row] of s.rows) {
    expect(r >= s.top && r <= s.bottom).toBe(true);
    expect(row.columns).toEqual([...row.columns].sort((a, b) => a - b));
    for (const c of row.columns) expect(c >= s.left && c <= s.right).toBe(true);
    for (const parallel of [row.values, row.formulas, row.numberFormats])
      expect(parallel).toHaveLength(row.columns.length);
  }
}

/** [top, left, rows, columns] of the used range. */
const usedRange = (s: GridSheet) => [s.top, s.left, s.bottom - s.top + 1, s.right - s.left + 1];

async function readError(p: Promise<unknown>): Promise<WorkbookReadError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(WorkbookReadError);
    return e as WorkbookReadError;
  }
  throw new Error("expected a WorkbookReadError");
}

function expectSwedishOneLine(e: WorkbookReadError, fileName: string) {
  expect(e.message).toContain(fileName);
  expect(e.message).not.toMatch(/\n/);
  expect(e.message).toMatch(/^(Filen|Arbetsboken) /);
  expect(e.name).toBe("WorkbookReadError");
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "finsam-readgrid-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function writeWorkbook(name: string, wb: ExcelJS.Workbook): Promise<string> {
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

// ---------------------------------------------------------------------------

describe("the fixtures in test/fixtures/workbooks (from shared/fixtures)", () => {
  let samo: Grid;
  let vastra: Grid;
  let ornskoldsvik: Grid;
  beforeAll(async () => {
    [samo, vastra, ornskoldsvik] = await Promise.all([
      readGridFromFile(fixture("samo-2023.xlsx")),
      readGridFromFile(fixture("vastra-2025.xlsx")),
      readGridFromFile(fixture("ornskoldsvik-2024.xlsx")),
    ]);
  });

  it("samo-2023: sheets in workbook order, all visible, sparse", () => {
    expect(samo.sheets.map((s) => s.name)).toEqual(["Budget 2023", "Långtidsbudget", "Befolkning"]);
    for (const s of samo.sheets) {
      expect(s.visible).toBe(true);
      expect(s.hiddenRows).toEqual([]);
      expectSparse(s);
    }
    const lt = sheet(samo, "Långtidsbudget");
    expect(usedRange(lt)).toEqual([1, 1, 27, 4]);
    expect(samo.definedNames).toEqual([]);
  });

  it("samo-2023 Långtidsbudget: amounts with their format, formulas with cached results", () => {
    expect(cell(samo, "Långtidsbudget", "B5")).toEqual({ value: 501227, formula: null, format: '#,##0 "kr"' });
    expect(cell(samo, "Långtidsbudget", "B14")).toEqual({
      value: 18861000,
      formula: "=SUM(B5:B13)",
      format: '#,##0 "kr"',
    });
    expect(cell(samo, "Långtidsbudget", "D24").formula).toBe("=SUM(D17:D23)");
    expect(cell(samo, "Långtidsbudget", "A5").value).toBe("Finspångs kommun");
    expect(cell(samo, "Långtidsbudget", "B3").value).toBe(2023);
  });

  it("samo-2023: a merged title keeps its text in the top-left cell only", () => {
    const lt = sheet(samo, "Långtidsbudget");
    expect(lt.merges).toEqual(["A1:D1"]);
    expect(cell(samo, "Långtidsbudget", "A1").value).toBe("Långtidsbudget 2023 - 2025");
    for (const a of ["B1", "C1", "D1"]) {
      expect(cell(samo, "Långtidsbudget", a)).toEqual({ value: null, formula: null, format: null });
    }
    expect(sheet(samo, "Budget 2023").merges).toEqual(["A1:B1"]);
    expect(sheet(samo, "Befolkning").merges).toEqual([]);
  });

  it("samo-2023 Befolkning and Budget 2023", () => {
    expect(cell(samo, "Befolkning", "B6")).toEqual({ value: 188680, formula: "=SUM(B2:B5)", format: "#,##0" });
    expect(cell(samo, "Befolkning", "B2").value).toBe(21889);
    expect(cell(samo, "Budget 2023", "B18")).toEqual({ value: 18861, formula: "=B4+SUM(B12:B17)", format: "#,##0" });
    expect(cell(samo, "Budget 2023", "B22").formula).toBe("=-B19-B20+B21");
  });

  it("samo-2023: an empty string cell is null, a cell without a format has a null format", () => {
    expect(cell(samo, "Långtidsbudget", "A3")).toEqual({ value: null, formula: null, format: null });
    expect(cell(samo, "Långtidsbudget", "A5").format).toBeNull();
  });

  it("vastra-2025: the kommun share formula with absolute references", () => {
    expect(cell(vastra, "Budget 2025", "B16")).toEqual({
      value: 1045924,
      formula: "=ROUND($B$21*0.25*C5/100,0)",
      format: '#,##0 "kr"',
    });
    expect(cell(vastra, "Budget 2025", "C5")).toEqual({ value: 48.4, formula: null, format: "0.0" });
    expect(cell(vastra, "Budget 2025", "B5")).toEqual({ value: 43674, formula: null, format: null });
    expect(sheet(vastra, "Budget 2025").merges).toEqual(["A1:C1"]);
  });

  it("ornskoldsvik-2024: amounts in tkr with a decimal, negative costs", () => {
    const name = ornskoldsvik.sheets[0]!.name;
    expect(cell(ornskoldsvik, name, "B5")).toEqual({ value: 1255.5, formula: null, format: "#,##0.0" });
    expect(cell(ornskoldsvik, name, "B11")).toEqual({ value: -785, formula: null, format: "#,##0.0" });
    expect(cell(ornskoldsvik, name, "B31")).toEqual({ value: -5022, formula: "=B18+B30", format: "#,##0.0" });
  });

  it("reads the same Grid from a Buffer, a Uint8Array and an ArrayBuffer", async () => {
    const bytes = readFileSync(fixture("samo-2023.xlsx"));
    const copy = new Uint8Array(bytes.length);
    copy.set(bytes);
    expect(await readGridFromBuffer(bytes)).toEqual(samo);
    expect(await readGridFromBuffer(copy)).toEqual(samo);
    expect(await readGridFromBuffer(copy.buffer)).toEqual(samo);
    // A view into a larger buffer: only the view's bytes count.
    const padded = new Uint8Array(bytes.length + 16);
    padded.set(bytes, 8);
    expect(await readGridFromBuffer(padded.subarray(8, 8 + bytes.length))).toEqual(samo);
  });
});

// ---------------------------------------------------------------------------

describe("small workbooks built with ExcelJS", () => {
  let grid: Grid;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();

    const lt = wb.addWorksheet("Långtidsbudget");
    lt.getCell("A1").value = "Långtidsbudget";
    lt.mergeCells("A1:D1");
    lt.getCell("B3").value = 2023;
    lt.getCell("A5").value = "Finspångs kommun";
    lt.getCell("B5").value = "1 386 000 kr"; // a number typed as text
    lt.getCell("A6").value = "Norrköpings kommun";
    lt.getCell("B6").value = 3307880;
    lt.getCell("B6").numFmt = '#,##0 "kr"';
    lt.getCell("A7").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
    lt.getCell("B7").value = { formula: "B6/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
    lt.getCell("C7").value = "#N/A";
    lt.getCell("A8").value = new Date(Date.UTC(2024, 2, 15));
    lt.getCell("B8").value = new Date(Date.UTC(2024, 2, 15, 8, 30));
    lt.getCell("B8").numFmt = "yyyy-mm-dd hh:mm";
    lt.getCell("A9").value = { richText: [{ text: "Hej " }, { font: { bold: true }, text: "där" }] };
    lt.getCell("B9").value = { text: "Länk", hyperlink: "https://example.se" };
    lt.getCell("C9").value = true;
    lt.getCell("D5").value = "anm.";
    lt.getCell("A10").value = 1;
    lt.getCell("A11").value = 2;
    lt.getCell("A12").value = 3;
    lt.getCell("B10").value = {
      formula: "$A10*2+A$10",
      result: 4,
      shareType: "shared",
      ref: "B10:B12",
    } as ExcelJS.CellFormulaValue;
    lt.getCell("B11").value = { sharedFormula: "B10", result: 6 } as ExcelJS.CellSharedFormulaValue;
    lt.getCell("B12").value = { sharedFormula: "B10", result: 8 } as ExcelJS.CellSharedFormulaValue;
    lt.getCell("C10").value = {
      formula: "SUM(A10:A12)",
      result: 6,
      shareType: "array",
      ref: "C10",
    } as ExcelJS.CellFormulaValue;
    lt.getCell("C11").value = { formula: "A10*3" } as ExcelJS.CellFormulaValue; // no cached result
    lt.getCell("C12").value = { formula: "_xlfn.XLOOKUP(1,A10:A12,B10:B12)", result: 4 } as ExcelJS.CellFormulaValue;
    lt.getCell("C3").value = "x";
    lt.mergeCells("C3:D4");
    lt.getRow(6).hidden = true;
    lt.getColumn(4).numFmt = "0%";
    lt.getCell("F20").numFmt = "0.00"; // formatting only: does not widen the used range
    lt.pageSetup.printArea = "A1:D12"; // written as _xlnm.Print_Area: not a name of ours

    const offset = wb.addWorksheet("Förskjuten");
    offset.getCell("C4").value = "start";
    offset.getCell("E9").value = 9;

    const hidden = wb.addWorksheet("Gömd", { state: "hidden" });
    hidden.getCell("A1").value = "gömd";
    const veryHidden = wb.addWorksheet("Mycket gömd", { state: "veryHidden" });
    veryHidden.getCell("A1").value = "mycket gömd";
    wb.addWorksheet("Tom");

    // ExcelJS keeps only cell references among defined names; to write constant and
    // sheet-level names the way Excel does, the names' model is replaced when writing.
    const names = [
      { name: "Finsam_Befolkning", ranges: ["'Långtidsbudget'!$B$5:$B$8"] },
      { name: "Finsam_Sats", ranges: ["0.1"] },
      { name: "Finsam_Enhet", ranges: ['"tkr"'] },
      { name: "Lokal", localSheetId: 2, ranges: ["'Gömd'!$A$1"] },
      { name: "Två_områden", ranges: ["Förskjuten!$C$4,Förskjuten!$E$9"] },
      { name: "Hela_kolumnen", ranges: ["Förskjuten!$C:$C"] },
    ];
    (wb as unknown as { _definedNames: { model: unknown } })._definedNames = { model: names };

    grid = await readGridFromFile(await writeWorkbook("small.xlsx", wb));
  });

  it("hidden and very hidden sheets are not visible", () => {
    expect(grid.sheets.map((s) => [s.name, s.visible])).toEqual([
      ["Långtidsbudget", true],
      ["Förskjuten", true],
      ["Gömd", false],
      ["Mycket gömd", false],
      ["Tom", true],
    ]);
  });

  it("an empty sheet beside filled ones has no cells", () => {
    expect(sheet(grid, "Tom")).toMatchObject({ top: 1, left: 1, bottom: 0, right: 0, rows: new Map() });
  });

  it("hidden rows", () => {
    expect(sheet(grid, "Långtidsbudget").hiddenRows).toEqual([6]);
  });

  it("the used range starts at the first filled cell and ignores formatting-only cells", () => {
    const s = sheet(grid, "Förskjuten");
    expect(usedRange(s)).toEqual([4, 3, 6, 3]);
    expect(dense(s).values[0]).toEqual(["start", null, null]);
    expect(dense(s).values[5]).toEqual([null, null, 9]);
    const lt = sheet(grid, "Långtidsbudget");
    expectSparse(lt);
    expect(usedRange(lt)).toEqual([1, 1, 12, 4]); // D5 widens it, F20 does not
  });

  it("a number typed as text stays a string", () => {
    expect(cell(grid, "Långtidsbudget", "B5").value).toBe("1 386 000 kr");
    expect(cell(grid, "Långtidsbudget", "B6")).toEqual({ value: 3307880, formula: null, format: '#,##0 "kr"' });
  });

  it("error values, also as formula results and as exact error text", () => {
    expect(cell(grid, "Långtidsbudget", "A7").value).toEqual({ error: "#REF!" });
    expect(cell(grid, "Långtidsbudget", "B7")).toEqual({ value: { error: "#DIV/0!" }, formula: "=B6/0", format: null });
    expect(cell(grid, "Långtidsbudget", "C7").value).toEqual({ error: "#N/A" });
  });

  it("dates become ISO strings", () => {
    expect(cell(grid, "Långtidsbudget", "A8").value).toBe("2024-03-15");
    expect(cell(grid, "Långtidsbudget", "B8")).toEqual({
      value: "2024-03-15T08:30:00",
      formula: null,
      format: "yyyy-mm-dd hh:mm",
    });
  });

  it("rich text, hyperlinks and booleans", () => {
    expect(cell(grid, "Långtidsbudget", "A9").value).toBe("Hej där");
    expect(cell(grid, "Långtidsbudget", "B9").value).toBe("Länk");
    expect(cell(grid, "Långtidsbudget", "C9").value).toBe(true);
  });

  it("shared formulas are translated to each cell; array formulas and missing results", () => {
    expect(cell(grid, "Långtidsbudget", "B10")).toMatchObject({ value: 4, formula: "=$A10*2+A$10" });
    expect(cell(grid, "Långtidsbudget", "B11")).toMatchObject({ value: 6, formula: "=$A11*2+A$10" });
    expect(cell(grid, "Långtidsbudget", "B12")).toMatchObject({ value: 8, formula: "=$A12*2+A$10" });
    expect(cell(grid, "Långtidsbudget", "C10")).toMatchObject({ value: 6, formula: "=SUM(A10:A12)" });
    expect(cell(grid, "Långtidsbudget", "C11")).toMatchObject({ value: null, formula: "=A10*3" });
    expect(cell(grid, "Långtidsbudget", "C12")).toMatchObject({ value: 4, formula: "=XLOOKUP(1,A10:A12,B10:B12)" });
  });

  it("merged areas: only the top-left cell keeps its content", () => {
    const lt = sheet(grid, "Långtidsbudget");
    expect(lt.merges).toEqual(["A1:D1", "C3:D4"]);
    expect(cell(grid, "Långtidsbudget", "C3").value).toBe("x");
    for (const a of ["B1", "D1", "D3", "C4", "D4"]) {
      expect(cell(grid, "Långtidsbudget", a)).toEqual({ value: null, formula: null, format: null });
    }
  });

  it("empty cells in the used range show their column's format", () => {
    expect(cell(grid, "Långtidsbudget", "D8")).toEqual({ value: null, formula: null, format: "0%" });
    expect(cell(grid, "Långtidsbudget", "C8")).toEqual({ value: null, formula: null, format: null });
  });

  it("defined names: references as stored, constants, several areas; built-in names left out", () => {
    expect(grid.definedNames).toEqual([
      { name: "Finsam_Befolkning", ref: "'Långtidsbudget'!$B$5:$B$8" },
      { name: "Finsam_Sats", ref: "0.1" },
      { name: "Finsam_Enhet", ref: '"tkr"' },
      { name: "Två_områden", ref: "Förskjuten!$C$4,Förskjuten!$E$9" },
      { name: "Hela_kolumnen", ref: "Förskjuten!$C:$C" },
      { name: "Lokal", ref: "'Gömd'!$A$1" }, // sheet-level names come after the workbook's
    ]);
  });

  it("without DecompressionStream, defined names are still read as stored (the XML is parsed through JSZip)", async () => {
    const g = globalThis as { DecompressionStream?: unknown };
    const saved = g.DecompressionStream;
    g.DecompressionStream = undefined;
    let fallback: Grid;
    try {
      fallback = await readGridFromFile(path.join(dir, "small.xlsx"));
    } finally {
      g.DecompressionStream = saved;
    }
    expect(fallback.sheets).toEqual(grid.sheets);
    const byName = new Map(fallback.definedNames.map((d) => [d.name, d.ref]));
    expect(parseRangeRef(byName.get("Finsam_Befolkning") ?? "")).toEqual(parseRangeRef("'Långtidsbudget'!$B$5:$B$8"));
    expect(fallback.definedNames).toEqual(grid.definedNames);
  });

  it("a defined name added the ordinary ExcelJS way", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Befolkning").getCell("B2").value = 21889;
    wb.definedNames.add("Befolkning!$B$2:$B$5", "Finsam_Befolkning");
    const g = await readGridFromFile(await writeWorkbook("name.xlsx", wb));
    expect(g.definedNames).toEqual([{ name: "Finsam_Befolkning", ref: "Befolkning!$B$2:$B$5" }]);
  });
});

// ---------------------------------------------------------------------------

describe("files that cannot be read give a WorkbookReadError", () => {
  it("a missing file: NOT_FOUND", async () => {
    const e = await readError(readGridFromFile(path.join(dir, "finns-inte.xlsx")));
    expect(e.code).toBe("NOT_FOUND");
    expectSwedishOneLine(e, "finns-inte.xlsx");
    expect(e.message).toBe("Filen finns-inte.xlsx finns inte.");
    expect(e.file).toBe(path.join(dir, "finns-inte.xlsx"));
  });

  it("a zero-byte file: EMPTY_FILE", async () => {
    const file = path.join(dir, "tom.xlsx");
    writeFileSync(file, "");
    const e = await readError(readGridFromFile(file));
    expect(e.code).toBe("EMPTY_FILE");
    expectSwedishOneLine(e, "tom.xlsx");
  });

  it("a text file renamed .xlsx: NOT_XLSX", async () => {
    const file = path.join(dir, "exempel.xlsx");
    writeFileSync(file, "Kommun;Invånare\nFinspång;21889\n");
    const e = await readError(readGridFromFile(file));
    expect(e.code).toBe("NOT_XLSX");
    expect(e.message).toBe("Filen exempel.xlsx är inte en Excel-arbetsbok (.xlsx eller .xlsm).");
  });

  it("an old .xls (OLE) file: NOT_XLSX with a hint", async () => {
    const file = path.join(dir, "gammal.xlsx");
    writeFileSync(file, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const e = await readError(readGridFromFile(file));
    expect(e.code).toBe("NOT_XLSX");
    expectSwedishOneLine(e, "gammal.xlsx");
    expect(e.message).toMatch(/\.xls-fil/);
  });

  it("a folder: NOT_XLSX", async () => {
    const folder = path.join(dir, "mapp.xlsx");
    mkdirSync(folder);
    const e = await readError(readGridFromFile(folder));
    expect(e.code).toBe("NOT_XLSX");
    expect(e.message).toContain("mapp.xlsx");
  });

  it("a real workbook cut in half: CORRUPT", async () => {
    const bytes = readFileSync(fixture("samo-2023.xlsx"));
    const file = path.join(dir, "halv.xlsx");
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const e = await readError(readGridFromFile(file));
    expect(e.code).toBe("CORRUPT");
    expectSwedishOneLine(e, "halv.xlsx");
  });

  it("'PK' followed by random bytes: CORRUPT", async () => {
    const file = path.join(dir, "slump.xlsx");
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 251;
    bytes.write("PK\x03\x04", 0, "latin1");
    writeFileSync(file, bytes);
    const e = await readError(readGridFromFile(file));
    expect(e.code).toBe("CORRUPT");
    expectSwedishOneLine(e, "slump.xlsx");
  });

  it("a sound zip with other content than a workbook: CORRUPT", async () => {
    const file = path.join(dir, "annat.xlsx");
    writeFileSync(file, storedZip({ "hej.txt": "slumpmässigt innehåll 8f3a1c", "data/x.bin": "\u0001\u0002\u0003" }));
    const e = await readError(readGridFromFile(file));
    expect(e.code).toBe("CORRUPT");
    expectSwedishOneLine(e, "annat.xlsx");
  });

  it("a workbook whose parts are damaged inside a sound zip: CORRUPT", async () => {
    const bytes = Buffer.from(readFileSync(fixture("samo-2023.xlsx")));
    // Overwrite the compressed data of every entry, keeping the zip's headers and directory.
    for (let p = 0; p + 30 < bytes.length;) {
      if (bytes.readUInt32LE(p) !== 0x04034b50) break;
      const size = bytes.readUInt32LE(p + 18);
      const start = p + 30 + bytes.readUInt16LE(p + 26) + bytes.readUInt16LE(p + 28);
      for (let i = start; i < start + size; i++) bytes[i] = 0xff;
      p = start + size;
    }
    const file = path.join(dir, "skadad.xlsx");
    writeFileSync(file, bytes);
    const e = await readError(readGridFromFile(file));
    expect(e.code).toBe("CORRUPT");
    expectSwedishOneLine(e, "skadad.xlsx");
  });

  it("a workbook with one empty sheet: EMPTY_WORKBOOK", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Blad1");
    ws.getCell("B2").numFmt = "0.00"; // formatting is not content
    ws.getCell("C3").value = "";
    const e = await readError(readGridFromFile(await writeWorkbook("tomt-blad.xlsx", wb)));
    expect(e.code).toBe("EMPTY_WORKBOOK");
    expect(e.message).toBe("Arbetsboken tomt-blad.xlsx innehåller inga ifyllda celler.");
  });

  it("a workbook with no sheets: EMPTY_WORKBOOK", async () => {
    const e = await readError(readGridFromFile(await writeWorkbook("inga-blad.xlsx", new ExcelJS.Workbook())));
    expect(e.code).toBe("EMPTY_WORKBOOK");
    expectSwedishOneLine(e, "inga-blad.xlsx");
  });

  it("from a buffer: the given name, or none", async () => {
    const named = await readError(readGridFromBuffer(new TextEncoder().encode("hej"), "C:\\Budget\\hej.xlsx"));
    expect(named.code).toBe("NOT_XLSX");
    expect(named.message).toBe("Filen hej.xlsx är inte en Excel-arbetsbok (.xlsx eller .xlsm).");
    const anonymous = await readError(readGridFromBuffer(new ArrayBuffer(0)));
    expect(anonymous.code).toBe("EMPTY_FILE");
    expect(anonymous.message).toBe("Filen är tom (0 byte).");
  });
});

// ---------------------------------------------------------------------------

describe("a large workbook", () => {
  it("reads ~6 000 rows × 4 columns and 290 kommuner", async () => {
    const wb = new ExcelJS.Workbook();
    const budget = wb.addWorksheet("Budget");
    budget.addRow(["Rad", "2025", "2026", "2027"]);
    for (let r = 2; r <= 6000; r++)
      budget.addRow([`Rad ${r}`, r * 100, r * 101, { formula: `B${r}+C${r}`, result: r * 201 }]);
    const population = wb.addWorksheet("Befolkning");
    for (let r = 1; r <= 290; r++) population.addRow([`Kommun ${r}`, 1000 + r]);
    const file = await writeWorkbook("stor.xlsx", wb);

    const started = performance.now();
    const g = await readGridFromFile(file);
    const ms = performance.now() - started;

    const b = sheet(g, "Budget");
    expectSparse(b);
    expect(usedRange(b)).toEqual([1, 1, 6000, 4]);
    expect(cell(g, "Budget", "D6000")).toEqual({ value: 6000 * 201, formula: "=B6000+C6000", format: null });
    expect(usedRange(sheet(g, "Befolkning"))[2]).toBe(290);
    expect(ms).toBeLessThan(10_000);
  });
});

// ---------------------------------------------------------------------------

/** A zip of stored (uncompressed) entries, to make a sound zip that is not a workbook. */
function storedZip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const nameBytes = Buffer.from(name, "utf8");
    const data = Buffer.from(content, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
