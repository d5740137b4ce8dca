/**
 * Two findings on one cell are merged once, in the WritePlan, and both shells
 * only apply it (issue 13): the example's C7 carries SHARE_SUM (on C7:C11) and
 * SHARE_DEVIATION (on C7), and keeps both messages in the .xlsx and in Excel.
 */
import { TEST_CLOCK } from "../support/clock";
import ExcelJS from "exceljs";
import { noteText } from "../support/cellNote";
import { readFileSync } from "node:fs";
import { analyseWorkbook } from "../../src/app/analyseWorkbook";
import { finding, message } from "../../src/domain";
import { createExcelPort } from "../../src/excel";
import { analyzeGrid } from "../../src/app/analyzeGrid";
import { buildWritePlan } from "../../src/plan/writePlan";
import { readGridFromBuffer } from "../../src/xlsx/readGrid";
import { writeAnnotated } from "../../src/xlsx/writeAnnotated";
import { fakeFromFile, FIXTURES } from "../excel/workbooks";
import { EXAMPLE } from "../support/paths";
import { flagsOf, SEVERITY_FILL } from "../../src/plan/flags";
import { NOTE_PREFIX } from "../../src/plan/notes";

const SHARE_SUM_2026 =
  "Kommunernas belopp 2026 summerar till 2 161 001 kr, men kommunernas fjärdedel av 8 644 000 kr är 2 161 000 kr. Skillnad +1 kr.";

/** The messages' thousands separators are narrow no-break spaces. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

async function examplePlan() {
  const result = analyzeGrid(await readGridFromBuffer(readFileSync(EXAMPLE)));
  if (!result.ok) throw new Error("not analysed");
  return buildWritePlan(result.analysis);
}

describe("flagsOf merges findings that meet on a cell", () => {
  const at = (cell: string, severity: "error" | "warning" | "info", text: string) =>
    finding({ code: "SHARE_SUM", severity, ref: { sheet: "B", cell }, message: message(text, text) });

  it("a range and a cell with the same first cell: one flag over the range, the worst severity, both messages", () => {
    const note = `${NOTE_PREFIX}summan\nandelen`;
    const fill = SEVERITY_FILL.warning;
    expect(flagsOf([at("C7:C11", "info", "summan"), at("C7", "warning", "andelen")])).toEqual([
      {
        sheet: "B",
        cell: "C7:C11",
        severity: "warning",
        codes: ["SHARE_SUM"],
        note,
        cells: [{ cell: "C7", fill, note }, ...["C8", "C9", "C10", "C11"].map((cell) => ({ cell, fill }))],
      },
    ]);
  });

  it("overlapping flags come mildest first, so the worse fill is applied last", () => {
    const flags = flagsOf([at("A1", "error", "fel"), at("A1:A3", "info", "info"), at("A2", "warning", "varning")]);
    expect(flags.map((f) => [f.cell, f.severity])).toEqual([
      ["A2", "warning"],
      ["A1:A3", "error"],
    ]);
  });
});

describe("where flags overlap, the plan resolves each cell: the shells write it as it stands", () => {
  const at = (cell: string, severity: "error" | "warning" | "info", text: string) =>
    finding({ code: "SHARE_SUM", severity, ref: { sheet: "B", cell }, message: message(text, text) });
  /** Every cell the plan writes, across all flags, as [sheet!cell, fill, note]. */
  const written = (flags: ReturnType<typeof flagsOf>) =>
    flags.flatMap((f) => f.cells.map((c) => [`${f.sheet}!${c.cell}`, c.fill, c.note]));

  it("a range and a worse single cell inside it: that cell the worse fill and its own note, once", () => {
    const flags = flagsOf([at("B5:B8", "info", "summan"), at("B6", "error", "fel")]);
    expect(flags.map((f) => f.cell)).toEqual(["B5:B8", "B6"]);
    expect(written(flags)).toEqual([
      ["B!B5", SEVERITY_FILL.info, `${NOTE_PREFIX}summan`],
      ["B!B7", SEVERITY_FILL.info, undefined],
      ["B!B8", SEVERITY_FILL.info, undefined],
      ["B!B6", SEVERITY_FILL.error, `${NOTE_PREFIX}fel`],
    ]);
  });

  it("a worse range over a milder single cell: the range's fill there too, the cell's own note kept", () => {
    const flags = flagsOf([at("B5:B8", "error", "fel"), at("B7", "info", "info")]);
    expect(written(flags)).toEqual([
      ["B!B7", SEVERITY_FILL.error, `${NOTE_PREFIX}info`],
      ["B!B5", SEVERITY_FILL.error, `${NOTE_PREFIX}fel`],
      ["B!B6", SEVERITY_FILL.error, undefined],
      ["B!B8", SEVERITY_FILL.error, undefined],
    ]);
  });

  it("two ranges that cross: the shared cells written once, with the worse fill", () => {
    const flags = flagsOf([at("B5:C6", "warning", "varning"), at("C6:D7", "info", "info"), at("A1", "info", "annat")]);
    const cells = written(flags);
    expect(new Set(cells.map(([cell]) => cell)).size).toBe(cells.length);
    expect(cells).toContainEqual(["B!C6", SEVERITY_FILL.warning, `${NOTE_PREFIX}info`]);
    expect(cells).toContainEqual(["B!D7", SEVERITY_FILL.info, undefined]);
    expect(cells).toContainEqual(["B!B5", SEVERITY_FILL.warning, `${NOTE_PREFIX}varning`]);
    expect(cells.filter(([, , note]) => note !== undefined)).toHaveLength(3);
  });
});

describe("the example's C7 keeps SHARE_SUM's message", () => {
  it("in the plan: one flag on C7:C11 holding both messages", async () => {
    const plan = await examplePlan();
    const c7 = plan.flags.filter((f) => f.sheet === "Budget 2025" && f.cell.split(":")[0] === "C7");
    expect(c7).toHaveLength(1);
    expect(c7[0]!.cell).toBe("C7:C11");
    expect(c7[0]!.codes).toEqual(["SHARE_SUM", "SHARE_DEVIATION"]);
    expect(plain(c7[0]!.note)).toContain(SHARE_SUM_2026);
    expect(c7[0]!.note).toMatch(/Motala kommun 2026/);
  });

  it("in the annotated .xlsx", async () => {
    const plan = await examplePlan();
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load((await writeAnnotated(readFileSync(EXAMPLE), plan)) as unknown as ArrayBuffer);
    const cell = copy.getWorksheet("Budget 2025")!.getCell("C7");
    const note = typeof cell.note === "string" ? cell.note : cell.note!.texts!.map((t) => t.text).join("");
    expect(note).toBe(plan.flags.find((f) => f.cell === "C7:C11")!.note);
    expect(plain(note)).toContain(SHARE_SUM_2026);
    expect(note).toMatch(/Motala kommun 2026/);
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(`FF${SEVERITY_FILL.info}`);
  });

  it("in Excel (the fake), through applyPlan", async () => {
    const fake = await fakeFromFile(FIXTURES["exempel-budget"], 20);
    const port = createExcelPort(TEST_CLOCK, fake.host());
    const outcome = await analyseWorkbook(port, TEST_CLOCK);
    if (outcome.kind !== "ok") throw new Error("not analysed");
    await port.applyPlan(outcome.plan);
    const note = fake.sheet("Budget 2025")!.notes.get("C7")!;
    expect(plain(note)).toContain(SHARE_SUM_2026);
    expect(note).toMatch(/Motala kommun 2026/);
    expect(note).toBe(outcome.plan.flags.find((f) => f.cell === "C7:C11")!.note);
  });
});

describe("both shells write the plan's cells as they stand, overlaps included", () => {
  it("a range and a worse cell inside it: the same fills and notes in the .xlsx and in Excel", async () => {
    const fake = await fakeFromFile(FIXTURES["exempel-budget"], 20);
    const port = createExcelPort(TEST_CLOCK, fake.host());
    const outcome = await analyseWorkbook(port, TEST_CLOCK);
    if (outcome.kind !== "ok") throw new Error("not analysed");
    const at = (cell: string, severity: "error" | "info", text: string) =>
      finding({ code: "SHARE_SUM", severity, ref: { sheet: "Budget 2025", cell }, message: message(text, text) });
    const plan = buildWritePlan({
      ...outcome.analysis,
      findings: [...outcome.analysis.findings, at("H40:H42", "info", "summan"), at("H41", "error", "fel")],
    });
    await port.applyPlan(plan);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load((await writeAnnotated(readFileSync(EXAMPLE), plan)) as unknown as ArrayBuffer);
    const xlsx = copy.getWorksheet("Budget 2025")!;
    const excel = fake.sheet("Budget 2025")!;
    const expected = [
      ["H40", SEVERITY_FILL.info, `${NOTE_PREFIX}summan`],
      ["H41", SEVERITY_FILL.error, `${NOTE_PREFIX}fel`],
      ["H42", SEVERITY_FILL.info, undefined],
    ];
    for (const [cell, fill, note] of expected) {
      const inFile = xlsx.getCell(cell!);
      expect([(inFile.fill as ExcelJS.FillPattern).fgColor?.argb, noteText(inFile.note)]).toEqual([`FF${fill}`, note]);
      const row = Number(cell!.slice(1));
      expect([excel.cells.get(`${row}:8`)?.fill?.color, excel.notes.get(cell!)]).toEqual([`#${fill}`, note]);
    }
  });
});
