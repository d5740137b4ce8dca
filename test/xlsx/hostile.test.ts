/**
 * Workbooks that claim more than they hold (issue 13): each is analysed, with
 * the limit it passes as an INPUT_* finding on its cell, never a hang.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { analyzeGrid } from "../../src/app/analyzeGrid";
import { GRID_LIMITS, SheetView, storedCells } from "../../src/grid";
import { buildWritePlan } from "../../src/plan/writePlan";
import { createFilePort } from "../../src/xlsx/filePort";
import { readGridFromBuffer } from "../../src/xlsx/readGrid";
import { writeAnnotated } from "../../src/xlsx/writeAnnotated";
import { readXlsxParts } from "../../src/xlsx/xlsxParts";
import { changePackage } from "../../src/xlsx/package/changes";
import { resavedByLibreOffice } from "../support/libreoffice";
import { EXAMPLE } from "../support/paths";
import {
  sheetPart,
  withDataValidations,
  withDefinedName,
  withDefinedNameFlood,
  withExtensions,
  withFarCell,
  withLabel,
  withManyRows,
  withMerge,
} from "../support/mutate";

const example = readFileSync(EXAMPLE);

async function analyse(bytes: Uint8Array) {
  const grid = await readGridFromBuffer(bytes, "fientlig.xlsx");
  const result = analyzeGrid(grid);
  if (!result.ok) throw new Error(result.reason.sv);
  const findings = result.analysis.findings;
  return { grid, result, findings, codes: findings.map((f) => `${f.code} ${f.sheet ?? ""}!${f.cell ?? ""}`) };
}

/** The example's own analysis, which each hostile copy must keep where the change does not touch it. */
let plain: Awaited<ReturnType<typeof analyse>>;
beforeAll(async () => {
  plain = await analyse(example);
});

/** The pane's download of a file after flags, their removal and an undo. */
async function downloadAfterFlagsAndUndo(bytes: Uint8Array): Promise<Uint8Array> {
  const port = await createFilePort(bytes, "fientlig.xlsx");
  const result = analyzeGrid(await port.readGrid());
  if (!result.ok) throw new Error(result.reason.sv);
  await port.applyPlan(buildWritePlan(result.analysis));
  await port.removeFlags();
  await port.undo();
  return port.download();
}

const memberAmounts = (r: Awaited<ReturnType<typeof analyse>>) =>
  r.result.ok ? r.result.analysis.members.map((m) => `${m.name} ${m.year} ${m.computedAmount.toString()}`) : [];

describe("names, merges and cells over a whole sheet are clipped to the cells that exist", () => {
  it("a Finsam_* name over 'Budget 2025'!$A$1:$XFD$1048576: read, clipped to the sheet, the analysis runs", async () => {
    const bytes = await withDefinedName(example, "Finsam_Befolkning", "'Budget 2025'!$A$1:$XFD$1048576");
    const r = await analyse(bytes);
    expect(r.grid.definedNames).toContainEqual({
      name: "Finsam_Befolkning",
      ref: "'Budget 2025'!$A$1:$XFD$1048576",
    });
    expect(r.grid.sheets.find((s) => s.name === "Budget 2025")!.bottom).toBe(28);
    // Column A holds no numbers, so the clipped name gives no kommun a population: each says so on its cell.
    expect(r.codes.filter((c) => c.startsWith("INPUT_POPULATION"))).toEqual(
      ["A7", "A8", "A9", "A10", "A11"].map((cell) => `INPUT_POPULATION Budget 2025!${cell}`),
    );
  });

  it("a merge A1:XFD1048576: clipped to A1:F28, every value still read", async () => {
    const r = await analyse(await withMerge(example, "A1:XFD1048576"));
    const budget = r.grid.sheets.find((s) => s.name === "Budget 2025")!;
    expect(budget.merges).toEqual(["A1:F1", "A1:F28"]);
    expect(memberAmounts(r)).toEqual(memberAmounts(plain));
  });

  it("one value in XFD1048576: read as the one cell it is, the budget analysed as before", async () => {
    const r = await analyse(await withFarCell(example));
    const budget = r.grid.sheets.find((s) => s.name === "Budget 2025")!;
    const before = plain.grid.sheets.find((s) => s.name === "Budget 2025")!;
    const view = new SheetView(budget);
    expect([view.top, view.left, view.bottom, view.right]).toEqual([1, 1, 1_048_576, 16_384]);
    expect(view.value(1_048_576, 16_384)).toBe(1);
    // The sparse Grid: one row and one cell more than the example, not the 17 billion of the rectangle.
    expect(budget.rows.size).toBe(before.rows.size + 1);
    expect(storedCells(budget)).toBe(storedCells(before) + 1);
    expect(budget.merges).toEqual(before.merges);
    expect(r.codes).toEqual(plain.codes);
    expect(memberAmounts(r)).toEqual(memberAmounts(plain));
  });

  it("a label of a million characters is shortened to GRID_LIMITS.text, an INPUT_LONG_TEXT on its cell", async () => {
    const r = await analyse(await withLabel(example, "Fontänhus 6.1", "Fontänhus 6.1 ".repeat(75_000)));
    const long = r.findings.find((f) => f.code === "INPUT_LONG_TEXT")!;
    expect([long.sheet, long.cell, long.severity]).toEqual(["Budget 2025", "A21", "info"]);
    expect(long.message.sv).toBe("Texten i cellen är 1 050 000 tecken lång; tillägget läser de första 1 000.");
    for (const f of r.findings) expect(f.message.sv.length).toBeLessThan(GRID_LIMITS.text + 400);
    expect(memberAmounts(r)).toEqual(memberAmounts(plain));
  });

  it("a sheet of 250 000 rows beside the budget is read whole and analysed", async () => {
    const r = await analyse(await withManyRows(example, 40, 250_000));
    const budget = r.grid.sheets.find((s) => s.name === "Budget 2025")!;
    expect(new SheetView(budget).bottom).toBe(250_039);
    expect(new SheetView(budget).value(250_039, 9)).toBe(250_039);
    expect(memberAmounts(r)).toEqual(memberAmounts(plain));
  }, 120_000);
});

describe("xl/workbook.xml is read by a parser", () => {
  it("a comment holding 30 000 unclosed <definedName tags is a comment: the names are the example's", async () => {
    const r = await analyse(await withDefinedNameFlood(example, 30_000));
    expect(r.grid.definedNames).toEqual(plain.grid.definedNames);
    expect(r.codes).toEqual(plain.codes);
  });
});

describe("data validations, over whole columns or the whole sheet too, are taken out for ExcelJS and kept in a copy", () => {
  // The example's budget sheet with what real budgets carry: a whole column of amounts (≥ 0), an input
  // message on everything right of the budget (to the last cell, as test-issue-1842.xlsx), and a small list
  // of two areas. They do not overlap: a cell has one validation.
  const COLUMN = `<dataValidation type="decimal" operator="greaterThanOrEqual" allowBlank="1" showErrorMessage="1" errorTitle="Belopp" error="Skriv ett belopp i kronor" sqref="B1:B1048576"><formula1>0</formula1></dataValidation>`;
  const SHEET = `<dataValidation allowBlank="1" showInputMessage="1" promptTitle="Budget" prompt="Belopp &amp; kommentar" sqref="K1:XFD1048576"/>`;
  const LIST = `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="H3:H20 J3"><formula1>"Ja,Nej"</formula1></dataValidation>`;
  let validated: Uint8Array;
  beforeAll(async () => {
    validated = await withDataValidations(example, [COLUMN, SHEET, LIST]);
  });

  const sheetXml = async (bytes: Uint8Array, sheet = "Budget 2025") => {
    const zip = await JSZip.loadAsync(bytes);
    return zip.file(await sheetPart(zip, sheet))!.async("string");
  };
  const validationsOf = (xml: string) => /<dataValidations\b.*<\/dataValidations>/.exec(xml)?.[0];

  it("the budget reads and analyses exactly as without them", async () => {
    const r = await analyse(validated);
    expect(r.grid).toEqual(plain.grid);
    expect(r.codes).toEqual(plain.codes);
    expect(memberAmounts(r)).toEqual(memberAmounts(plain));
  });

  it("ExcelJS is given the sheet without them, nothing else in it changed; they are kept as in the file", async () => {
    const parts = await readXlsxParts(validated);
    if ("kind" in parts) throw new Error(parts.kind);
    expect(parts.largeValidations).toEqual(new Map([["Budget 2025", [COLUMN, SHEET, LIST]]]));
    const before = await sheetXml(validated);
    const after = await sheetXml(parts.bytes);
    expect(after).toBe(before.replace(validationsOf(before)!, ""));
    // The sheets without validations are the file's own.
    expect(await sheetXml(parts.bytes, "Inställningar")).toBe(await sheetXml(validated, "Inställningar"));
  });

  it("the --out copy keeps the user's validations, and LibreOffice opens it with them", async () => {
    const result = analyzeGrid(await readGridFromBuffer(validated));
    if (!result.ok) throw new Error(result.reason.sv);
    const written = await writeAnnotated(validated, buildWritePlan(result.analysis));
    // As in the file (ExcelJS, given them, wrote "H3:H20 J3" as H10:H20, H3:H20 and J3).
    expect(validationsOf(await sheetXml(written))).toBe(
      `<dataValidations count="3">${COLUMN}${SHEET}${LIST}</dataValidations>`,
    );
    // The copy is read again as the budget it was: putting them back changed no cell.
    expect((await analyse(written)).grid.sheets[0]!.rows).toEqual(
      (await analyse(await writeAnnotated(example, buildWritePlan(result.analysis)))).grid.sheets[0]!.rows,
    );

    const resaved = validationsOf(await sheetXml(await resavedByLibreOffice(written)))!;
    // LibreOffice keeps each on its cells (it saves them down to the last row it uses, 1028).
    expect(resaved).toMatch(/error="Skriv ett belopp i kronor"[^>]*sqref="B1:B\d+" type="decimal"/);
    expect(resaved).toMatch(/prompt="Belopp &amp; kommentar"[^>]*sqref="K1:XFD\d+"/);
    expect(resaved).toMatch(/sqref="H3:H4 J3 H5:H20" type="list"><formula1>&quot;Ja,Nej&quot;/);
  }, 180_000);

  it("the file port's download keeps them too, once, after flags and an undo", async () => {
    expect(validationsOf(await sheetXml(await downloadAfterFlagsAndUndo(validated)))).toBe(
      `<dataValidations count="3">${COLUMN}${SHEET}${LIST}</dataValidations>`,
    );
  });

  it("ExcelJS's test-issue-1842.xlsx (one validation over A1:XFD1048576, no cells) reads to its Swedish answer", async () => {
    const bytes = readFileSync(join(__dirname, "../fixtures/hostile/test-issue-1842.xlsx"));
    await expect(readGridFromBuffer(bytes, "test-issue-1842.xlsx")).rejects.toMatchObject({
      code: "EMPTY_WORKBOOK",
      message: "Arbetsboken test-issue-1842.xlsx innehåller inga ifyllda celler.",
    });
    // A copy is the file's own package with only the add-in's parts changed: the validation stands as it did.
    const written = await changePackage(bytes, { cells: [{ sheet: "Sheet1", cell: "A1", fill: "FFC7CE" }] });
    expect(validationsOf(await sheetXml(written, "Sheet1"))).toBe(validationsOf(await sheetXml(bytes, "Sheet1")));
    expect(validationsOf(await sheetXml(written, "Sheet1"))).toMatch(/sqref="A1:XFD1048576"/);
  });
});

describe("names and merges over whole columns, rows or sheets are taken out for ExcelJS and kept in a copy", () => {
  // A name a SUMIF would use over a whole column, the budget sheet's print titles over rows 1 to 3 (a
  // sheet-level name: localSheetId 0), and a merge over what lies below and right of the budget.
  const KONTON = `<definedName name="Konton">'Budget 2025'!$A:$A</definedName>`;
  const TITLES = `<definedName name="_xlnm.Print_Titles" localSheetId="0">'Budget 2025'!$1:$3</definedName>`;
  let marked: Uint8Array;
  beforeAll(async () => {
    marked = await withMerge(
      await withDefinedName(
        await withDefinedName(example, "Konton", "'Budget 2025'!$A:$A"),
        "_xlnm.Print_Titles",
        "'Budget 2025'!$1:$3",
        0,
      ),
      "H30:K1048576",
    );
  });
  const part = async (bytes: Uint8Array, path?: string) => {
    const zip = await JSZip.loadAsync(bytes);
    return zip.file(path ?? (await sheetPart(zip, "Budget 2025")))!.async("string");
  };
  const namesOf = async (bytes: Uint8Array) =>
    /<definedNames>.*<\/definedNames>/.exec(await part(bytes, "xl/workbook.xml"))?.[0] ?? "";
  const mergesOf = async (bytes: Uint8Array) => /<mergeCells\b.*<\/mergeCells>/.exec(await part(bytes))?.[0] ?? "";

  it("ExcelJS is given the file without them; they are kept as the file has them", async () => {
    const parts = await readXlsxParts(marked);
    if ("kind" in parts) throw new Error(parts.kind);
    expect(parts.largeNames).toEqual([
      { name: "_xlnm.Print_Titles", sheet: "Budget 2025", element: TITLES.replace(' localSheetId="0"', "") },
      { name: "Konton", element: KONTON },
    ]);
    expect(parts.largeMerges).toEqual(new Map([["Budget 2025", ["H30:K1048576"]]]));
    expect(await namesOf(parts.bytes)).not.toContain("Konton");
  });

  it("the --out copy keeps them, once, beside the add-in's own print titles; LibreOffice opens it with them", async () => {
    const result = analyzeGrid(await readGridFromBuffer(marked));
    if (!result.ok) throw new Error(result.reason.sv);
    const written = await writeAnnotated(marked, buildWritePlan(result.analysis));
    const names = await namesOf(written);
    expect(names).toContain(KONTON);
    expect(names).toContain(TITLES);
    // Finsam-kontroll, the fourth sheet, has print titles of its own, on its own position.
    expect(names).toMatch(
      /<definedName name="_xlnm.Print_Titles" localSheetId="3">(?:'|&apos;)Finsam-kontroll(?:'|&apos;)!\$1:\$2<\/definedName>/,
    );
    expect((await mergesOf(written)).match(/H30:K1048576/g)).toHaveLength(1);

    const resaved = await resavedByLibreOffice(written);
    const resavedNames = await namesOf(resaved);
    expect(resavedNames).toMatch(/<definedName[^>]*name="Konton"[^>]*>&apos;Budget 2025&apos;!\$A:\$A<\/definedName>/);
    expect(resavedNames).toMatch(
      /<definedName[^>]*localSheetId="0"[^>]*>&apos;Budget 2025&apos;!\$1:\$3<\/definedName>/,
    );
    expect(await mergesOf(resaved)).toMatch(/ref="H30:K\d+"/);
  }, 180_000);

  it("the file port's download keeps them too, once, after flags and an undo", async () => {
    const downloaded = await downloadAfterFlagsAndUndo(marked);
    expect((await namesOf(downloaded)).match(/name="Konton"/g)).toHaveLength(1);
    expect(await namesOf(downloaded)).toContain(TITLES);
    expect((await mergesOf(downloaded)).match(/H30:K1048576/g)).toHaveLength(1);
  });
});

describe("Excel 2010's data validations and sparklines, which ExcelJS does not write, are kept in a copy", () => {
  // A list from another sheet is stored as x14:dataValidations; a sparkline as x14:sparklineGroups, its
  // `xm` prefix declared on the worksheet as Excel does.
  const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
  const XM = "http://schemas.microsoft.com/office/excel/2006/main";
  const LIST = `<ext uri="{CCE6A557-97BC-4b89-ADB0-7E1A1C5D3A7B}" xmlns:x14="${X14}"><x14:dataValidations count="1" xmlns:xm="${XM}"><x14:dataValidation type="list" allowBlank="1" showErrorMessage="1"><x14:formula1><xm:f>Inställningar!$A$3:$A$7</xm:f></x14:formula1><xm:sqref>H3:H20</xm:sqref></x14:dataValidation></x14:dataValidations></ext>`;
  const SPARKLINE = `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="${X14}"><x14:sparklineGroups><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>'Budget 2025'!B24:D24</xm:f><xm:sqref>H24</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext>`;
  let extended: Uint8Array;
  beforeAll(async () => {
    extended = await withExtensions(example, [LIST, SPARKLINE], { xm: XM });
  });
  const extensionsOf = async (bytes: Uint8Array) => {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file(await sheetPart(zip, "Budget 2025"))!.async("string");
    return /<extLst>.*<\/extLst>(?=<\/worksheet>)/.exec(xml)?.[0] ?? "";
  };
  /** In a copy the sheet is the file's own, its xm declared on the worksheet as before. */
  const asWritten = `<extLst>${LIST}${SPARKLINE}</extLst>`;

  it("the reader reads past them", async () => {
    const parts = await readXlsxParts(extended);
    if ("kind" in parts) throw new Error(parts.kind);
    expect((await analyse(extended)).codes).toEqual(plain.codes);
  });

  it("the --out copy keeps them, once; LibreOffice opens it with the list and the sparkline", async () => {
    const result = analyzeGrid(await readGridFromBuffer(extended));
    if (!result.ok) throw new Error(result.reason.sv);
    const written = await writeAnnotated(extended, buildWritePlan(result.analysis));
    expect(await extensionsOf(written)).toBe(asWritten);
    expect(await extensionsOf(written)).toBe(await extensionsOf(extended));

    const resaved = await resavedByLibreOffice(written);
    const zip = await JSZip.loadAsync(resaved);
    const sheet = await zip.file(await sheetPart(zip, "Budget 2025"))!.async("string");
    expect(sheet).toMatch(/sqref="H3:H20" type="list"><formula1>Inställningar!\$A\$3:\$A\$7<\/formula1>/);
    expect(sheet).toMatch(/<xm:f>&apos;Budget 2025&apos;!B24:D24<\/xm:f><xm:sqref>H24<\/xm:sqref>/);
  }, 180_000);

  it("the file port's download keeps them too, once, after flags and an undo", async () => {
    expect(await extensionsOf(await downloadAfterFlagsAndUndo(extended))).toBe(asWritten);
  });
});
