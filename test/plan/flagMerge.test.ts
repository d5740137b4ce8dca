/**
 * Two findings on one cell are merged once, in the WritePlan, and both shells
 * only apply it (issue 13): the example's C7 carries SHARE_SUM (on C7:C11) and
 * SHARE_DEVIATION (on C7), and keeps both messages in the .xlsx and in Excel.
 */
import { TEST_CLOCK } from "../support/clock";
import ExcelJS from "exceljs";
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
  return buildWritePlan({ ...result.analysis, findings: [...result.readFindings, ...result.analysis.findings] });
}

describe("flagsOf merges findings that meet on a cell", () => {
  const at = (cell: string, severity: "error" | "warning" | "info", text: string) =>
    finding({ code: "SHARE_SUM", severity, ref: { sheet: "B", cell }, message: message(text, text) });

  it("a range and a cell with the same first cell: one flag over the range, the worst severity, both messages", () => {
    expect(flagsOf([at("C7:C11", "info", "summan"), at("C7", "warning", "andelen")])).toEqual([
      { sheet: "B", cell: "C7:C11", severity: "warning", codes: ["SHARE_SUM"], note: `${NOTE_PREFIX}summan\nandelen` },
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
