import JSZip from "jszip";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { followUpFromLedger } from "../../src/app/followUpFromLedger";
import { followUpFromSheet, sheetColumns } from "../../src/app/followUpFromSheet";
import { followUpSheetInput, withFollowUpSheet } from "../../src/app/writeFollowUp";
import { Decimal, followUp } from "../../src/domain";
import { analyzeGrid } from "../../src/app/analyzeGrid";
import { buildWritePlan } from "../../src/plan/writePlan";
import { readSie } from "../../src/sie/readSie";
import { readGridFromBuffer } from "../../src/xlsx/readGrid";
import { writeAnnotated } from "../../src/xlsx/writeAnnotated";
import { recalculatedSheet, valueAt } from "../support/libreoffice";
import { EXAMPLE } from "../support/paths";
import { FOLLOW_UP_SHEET } from "../../src/read/addinSheets";
import type { CellWrite } from "../../src/plan/types";

const SIE = resolve(__dirname, "../../assets/exempel-bokforing.se");

/** The example bookkeeping's utfall January–August 2025 per line (as in test/domain/followUp.test.ts). */
const EXAMPLE_OUTCOME = new Map<string, Decimal>([
  ["Kansli 1.0", new Decimal(1200000)],
  ["Nätverk 2.4.1", new Decimal(2000000)],
  ["Försteg 4.0", new Decimal(1900000)],
  ["Digitaliseringscenter 4.2", new Decimal(780000)],
  ["Utbildning 11.1", new Decimal(40000)],
  ["Utveckling-struktur 11.7", new Decimal(240000)],
]);

/** A number as LibreOffice's CSV gives it: a percentage cell comes with its per cent sign. */
const numberOf = (text: string | undefined) => (text?.endsWith("%") ? Number(text.slice(0, -1)) / 100 : Number(text));

async function example(path: string = EXAMPLE) {
  const source = await readFile(path);
  const grid = await readGridFromBuffer(source);
  const result = analyzeGrid(grid);
  if (!result.ok) throw new Error(result.reason.sv);
  return { source, grid, analysis: result.analysis };
}

/** Every formula with an expected number, recalculated by LibreOffice with no cached results. */
async function mismatches(source: Uint8Array, plan: ReturnType<typeof buildWritePlan>, sheetNumber: number) {
  const written = await writeAnnotated(source, plan, { cachedResults: false });
  const rows = await recalculatedSheet(written, sheetNumber);
  const checked = plan.followUpSheet!.cells.filter((c) => c.formula !== undefined && c.expected !== undefined);
  return {
    rows,
    written,
    checked,
    wrong: checked
      .map((c) => ({ cell: c.cell, formula: c.formula, expected: c.expected, actual: numberOf(valueAt(rows, c.cell)) }))
      .filter((c) => !(Math.abs(c.actual - c.expected!) < 1e-6)),
  };
}

const at = (cells: readonly CellWrite[], cell: string) => cells.find((c) => c.cell === cell);

/** The board's and the revisor's promise: every figure on Finsam-uppföljning is a live formula LibreOffice agrees with. */
describe("Finsam-uppföljning recalculated in LibreOffice", () => {
  jest.setTimeout(180_000);

  it("the example on the example bookkeeping through August: forecast 9 740 000, result −1 081 000, equity 1 969 000", async () => {
    const { source, grid, analysis } = await example();
    const ledger = readSie(new Uint8Array(await readFile(SIE)));
    const f = followUpFromLedger(grid, analysis, ledger, "exempel-bokforing.se", "2025-08");
    const plan = withFollowUpSheet(
      buildWritePlan(analysis, { forbund: "Exempelförbundet" }),
      analysis,
      followUpSheetInput(f),
      "Exempelförbundet",
    );
    const sheet = plan.followUpSheet!;
    const { rows, written, checked, wrong } = await mismatches(source, plan, grid.sheets.length + 2);
    expect(wrong).toEqual([]);
    // 7 lines × (budget, forecast, deviation, %) + 5 totals + frame 2 + income 2 + result, opening, closing, max.
    expect(checked.length).toBe(7 * 4 + 5 + 2 + 2 + 4);

    expect(valueAt(rows, "A1")).toBe("Finsam-uppföljning: budgetår 2025, Exempelförbundet");
    expect(valueAt(rows, "A2")).toContain(`ur exempel-bokforing.se (CRC-32 ${ledger.checksum})`);
    expect(valueAt(rows, "A2")).toContain("t.o.m. 2025-08");
    expect(valueAt(rows, "B3")).toBe("8");
    // The utfall is a value, the forecast a formula on it; Fontänhus (nothing spent) the budget.
    expect(at(sheet.cells, "F5")).toMatchObject({ value: 1200000 });
    expect(at(sheet.cells, "C5")).toMatchObject({ formula: "=ROUND(F5*12/$B$3,0)", expected: 1800000 });
    expect(at(sheet.cells, "B5")!.formula).toBe("='Budget 2025'!B17");
    expect(at(sheet.cells, "C9")).toMatchObject({ formula: "=B9", expected: 500000 });
    expect(valueAt(rows, "E5")).toMatch(/^12\.5\d*%$/);
    const total = rows.findIndex((r) => r[0] === "Summa kostnader") + 1;
    expect([`B${total}`, `C${total}`, `D${total}`, `F${total}`].map((c) => Number(valueAt(rows, c)))).toEqual([
      9800000, 9740000, -60000, 6160000,
    ]);
    const labelled = (label: string) => Number(rows.find((r) => r[0]?.startsWith(label))?.[1]);
    expect(labelled("Resultat =")).toBe(-1081000);
    expect(labelled("Utgående eget kapital")).toBe(1969000);
    expect(labelled("Högsta rekommenderade")).toBe(1728800);
    expect(labelled("Helårsprognosen över ramen")).toBe(-60000);
    expect(rows.find((r) => r[0] === "4010 Köpta tjänster insatser")?.[5]).toBe("12500");

    // The chart: clustered columns of budget and forecast per line, reading the sheet's own cells.
    const zip = await JSZip.loadAsync(written);
    const charts = await Promise.all(
      Object.keys(zip.files)
        .filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))
        .map((p) => zip.file(p)!.async("string")),
    );
    const bar = charts.find((x) => x.includes("<c:barChart>"))!;
    expect(bar).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(bar).toContain(`<c:f>'${FOLLOW_UP_SHEET}'!$B$5:$B$11</c:f>`);
    expect(bar).toContain(`<c:f>'${FOLLOW_UP_SHEET}'!$C$5:$C$11</c:f>`);
    expect(bar).toContain("<c:v>Nätverk 2.4.1</c:v>");
    expect(sheet.pageSetup).toMatchObject({
      orientation: "portrait",
      fitToPagesWide: 1,
      titleRows: { first: 1, last: 4 },
    });
    expect(sheet.pageSetup.footer?.right).toBe("Sida &P av &N");
  });

  it("a typed forecast stays a value; a forecast over the frame and below zero equity evaluate as the engine says", async () => {
    const { source, grid, analysis } = await example();
    const outcomes = new Map(EXAMPLE_OUTCOME);
    outcomes.set("Nätverk 2.4.1", new Decimal(5000000));
    const f = followUp(analysis.budget, analysis.settings, {
      outcomes,
      monthsElapsed: 8,
      typedForecasts: new Map([["Utbildning 11.1", new Decimal(95000)]]),
    });
    expect([f.total.forecast.toNumber(), f.closingEquity?.toNumber()]).toEqual([14275000, -2566000]);
    const plan = withFollowUpSheet(buildWritePlan(analysis), analysis, {
      followUp: f,
      source: { fileName: "hand.se", checksum: "0badf00d", period: "2025-08", unmapped: [] },
    });
    const { wrong, rows } = await mismatches(source, plan, grid.sheets.length + 2);
    expect(wrong).toEqual([]);
    expect(at(plan.followUpSheet!.cells, "C10")).toMatchObject({ value: 95000 });
    expect(valueAt(rows, "G10")).toBe("inskriven");
    expect(Number(rows.find((r) => r[0]?.startsWith("Helårsprognosen över ramen"))?.[1])).toBe(4475000);
  });

  it("on the workbook's own follow-up columns: utfall and the sheet's forecasts reference its cells, a typed and a scaled forecast recalculate", async () => {
    const { source, grid, analysis } = await example(
      resolve(__dirname, "../fixtures/layouts/30-vastra-follow-up-over.xlsx"),
    );
    const columns = sheetColumns(analysis)!;
    expect([columns.range, columns.monthsElapsed]).toEqual(["'Uppföljning aug 2025'!C4:D10", 8]);
    const f = followUpFromSheet(analysis, columns, {
      monthsElapsed: 8,
      choices: new Map([
        ["Nätverk 2.4.1", { method: "typed" as const, amount: new Decimal(3200000) }],
        ["Kansli 1.0", { method: "scaled" as const }],
      ]),
    });
    // Kansli 1 050 000 × 12 / 8 = 1 575 000; Nätverk typed 3 200 000; the rest the sheet's forecasts.
    expect(f.followUp.total.forecast.toNumber()).toBe(9960000 - 200000 - 5000);
    // Försteg is over budget on the sheet's own utfall and forecast cells, where the user reads them; Nätverk's
    // 3 400 000 on D5 is replaced by the 3 200 000 typed in the pane, under its budget of 3 260 000.
    expect(f.findings.map((x) => [x.code, x.cell, x.actual?.toNumber()])).toEqual([
      ["LINE_OVER_BUDGET", "C6", 2750000],
      ["LINE_OVER_BUDGET", "D6", 2900000],
    ]);
    const plan = withFollowUpSheet(buildWritePlan(analysis), analysis, followUpSheetInput(f));
    const sheet = plan.followUpSheet!;
    const { wrong, rows, checked } = await mismatches(source, plan, grid.sheets.length + 2);
    expect(wrong).toEqual([]);
    // 7 utfall and 5 of the sheet's forecasts are formulas on the sheet's cells, checked like the rest.
    expect(checked.filter((c) => /^='Uppföljning aug 2025'![CD]\d+$/.test(c.formula!)).length).toBe(7 + 5);
    expect(at(sheet.cells, "F5")).toMatchObject({ formula: "='Uppföljning aug 2025'!C4", expected: 1050000 });
    expect(at(sheet.cells, "C5")).toMatchObject({ formula: "=ROUND(F5*12/$B$3,0)", expected: 1575000 });
    expect(at(sheet.cells, "C6")).toMatchObject({ value: 3200000 });
    expect(at(sheet.cells, "C7")).toMatchObject({ formula: "='Uppföljning aug 2025'!D6", expected: 2900000 });
    expect(valueAt(rows, "F7")).toBe("2750000");
    const total = rows.findIndex((r) => r[0] === "Summa kostnader") + 1;
    expect([`B${total}`, `C${total}`, `D${total}`, `F${total}`].map((c) => Number(valueAt(rows, c)))).toEqual([
      9800000, 9755000, -45000, 7670000,
    ]);
    expect(Number(rows.find((r) => r[0]?.startsWith("Helårsprognosen över ramen"))?.[1])).toBe(-45000);
    expect(Number(rows.find((r) => r[0]?.startsWith("Resultat ="))?.[1])).toBe(-9755000);
  });
});
