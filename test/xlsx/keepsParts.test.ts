/**
 * Issue 21's probes on the copy: a macro-enabled workbook keeps its macros, and the user's print setup
 * (manual page breaks, the print area as typed) stands in the copy as in the file. An .xls or .xlsb is
 * told, in Swedish, to be saved as .xlsx first.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { analyzeGrid } from "../../src/app/analyzeGrid";
import { buildWritePlan } from "../../src/plan/writePlan";
import { macroEnabled } from "../../src/xlsx/package/changes";
import { readGridFromBuffer } from "../../src/xlsx/readGrid";
import { writeAnnotated } from "../../src/xlsx/writeAnnotated";
import { runCheck } from "../../src/cli/check";
import { TEST_CLOCK } from "../support/clock";

const MADE = join(__dirname, "../fixtures/roundtrip/made");

async function annotated(file: string): Promise<{ original: Uint8Array; copy: Uint8Array }> {
  const original = new Uint8Array(readFileSync(join(MADE, file)));
  const result = analyzeGrid(await readGridFromBuffer(original, file));
  if (!result.ok) throw new Error(result.reason.sv);
  return { original, copy: await writeAnnotated(original, buildWritePlan(result.analysis)) };
}

const part = async (bytes: Uint8Array, path: string) => (await JSZip.loadAsync(bytes)).file(path)?.async("uint8array");
const text = async (bytes: Uint8Array, path: string) => (await JSZip.loadAsync(bytes)).file(path)!.async("string");

describe("a macro-enabled workbook (.xlsm)", () => {
  it("keeps vbaProject.bin byte for byte, its relationship, the macro content type and the codeNames", async () => {
    const { original, copy } = await annotated("all-parts.xlsm");
    expect(await macroEnabled(original)).toBe(true);
    expect(await macroEnabled(copy)).toBe(true);
    expect(Buffer.from((await part(copy, "xl/vbaProject.bin"))!)).toEqual(
      Buffer.from((await part(original, "xl/vbaProject.bin"))!),
    );
    expect(await text(copy, "xl/_rels/workbook.xml.rels")).toMatch(
      /relationships\/vbaProject" Target="vbaProject\.bin"/,
    );
    expect(await text(copy, "[Content_Types].xml")).toMatch(/application\/vnd\.ms-office\.vbaProject/);
    expect(await text(copy, "xl/workbook.xml")).toMatch(/codeName="ThisWorkbook"/);
    expect(await text(copy, "xl/worksheets/sheet1.xml")).toMatch(/<sheetPr codeName="Sheet1"/);
  });

  it("the command line writes an .xlsm copy of it, and refuses to name it .xlsx", async () => {
    const lines: string[] = [];
    const dir = require("node:fs").mkdtempSync(join(require("node:os").tmpdir(), "finsam-xlsm-"));
    const input = join(MADE, "one-macro.xlsm");
    const wrong = await runCheck(
      [input, "--out", join(dir, "kopia.xlsx")],
      (l) => lines.push(l),
      (l) => lines.push(l),
      TEST_CLOCK,
    );
    expect(wrong).toBe(3);
    expect(lines.at(-1)).toMatch(/^Arbetsboken har makron, så kopian måste heta \.xlsm/);
    const right = await runCheck(
      [input, "--out", join(dir, "kopia.xlsm")],
      () => {},
      () => {},
      TEST_CLOCK,
    );
    expect(right).toBe(0);
    const copy = new Uint8Array(readFileSync(join(dir, "kopia.xlsm")));
    expect(Buffer.from((await part(copy, "xl/vbaProject.bin"))!)).toEqual(readVba(input));
  });
});

function readVba(path: string): Buffer {
  const { execFileSync } = require("node:child_process") as typeof import("node:child_process");
  return execFileSync("unzip", ["-p", path, "xl/vbaProject.bin"]);
}

describe("the user's print setup stands in the copy", () => {
  it("manual page breaks, the print area $A$1:$D$26 and the print titles as the file has them", async () => {
    const { original, copy } = await annotated("mix-print.xlsx");
    const names = (xml: string) => [...xml.matchAll(/<definedName[^>]*>[^<]*<\/definedName>/g)].map((m) => m[0]);
    const before = names(await text(original, "xl/workbook.xml"));
    const after = names(await text(copy, "xl/workbook.xml"));
    expect(before).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="0">'Budget 2025'!$A$1:$D$26</definedName>`,
    );
    for (const name of before) expect(after).toContain(name);
    const breaks = (xml: string) => /<rowBreaks\b.*<\/colBreaks>/.exec(xml)?.[0];
    const sheet = "xl/worksheets/sheet1.xml";
    expect(breaks(await text(copy, sheet))).toBe(breaks(await text(original, sheet)));
    expect(breaks(await text(copy, sheet))).toMatch(/<brk id="15" max="16383" man="1"\/><brk id="24"/);
  });
});

describe("formats the add-in does not read get a Swedish line on saving as .xlsx", () => {
  it("an .xlsb (binary workbook)", async () => {
    const zip = new JSZip();
    zip.file(
      "[Content_Types].xml",
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    );
    zip.file("xl/workbook.bin", new Uint8Array([0x83, 0x01, 0x00]));
    const bytes = await zip.generateAsync({ type: "uint8array" });
    await expect(readGridFromBuffer(bytes, "budget.xlsb")).rejects.toMatchObject({
      code: "NOT_XLSX",
      message: expect.stringMatching(/^Filen budget\.xlsb är en binär arbetsbok \(\.xlsb\).*spara den som \.xlsx/),
    });
  });

  it("an .xls (an OLE file)", async () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(readGridFromBuffer(bytes, "budget.xls")).rejects.toMatchObject({
      code: "NOT_XLSX",
      message: expect.stringMatching(/\.xls-fil.*spara den som \.xlsx i Excel/),
    });
  });
});

describe("a package a copy cannot be written through is refused when read, naming the part", () => {
  it.each([
    ["without its content types", (zip: JSZip) => zip.remove("[Content_Types].xml"), "[Content_Types].xml"],
    [
      "with its workbook's relationships cut short",
      (zip: JSZip) =>
        zip.file("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="x"><Relationship Id="rId1'),
      "xl/_rels/workbook.xml.rels",
    ],
  ])("the example %s", async (_what, damage, part) => {
    const zip = await JSZip.loadAsync(readFileSync(join(__dirname, "../../assets/exempel-budget.xlsx")));
    damage(zip);
    const bytes = await zip.generateAsync({ type: "uint8array" });
    await expect(readGridFromBuffer(bytes, "budget.xlsx")).rejects.toMatchObject({
      code: "CORRUPT",
      message: `Filen budget.xlsx är skadad: delen ${part} i arbetsboken kunde inte läsas.`,
    });
  });
});
