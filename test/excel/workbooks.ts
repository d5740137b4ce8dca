/**
 * Fake Excel workbooks for the tests: built from .xlsx files with ExcelJS
 * (independently of src/xlsx/readGrid.ts, so comparing the two Grids means
 * something), and generated budgets of any length.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { address } from "../../src/grid";
import { EXAMPLE, fixture } from "../support/paths";
import { emptySheet, FakeExcel, type FakeCell, type FakeSheet, type FakeWorkbook } from "./fakeExcel";

export const FIXTURES = {
  "samo-2023": fixture("samo-2023"),
  "vastra-2025": fixture("vastra-2025"),
  "ornskoldsvik-2024": fixture("ornskoldsvik-2024"),
  "exempel-budget": EXAMPLE,
} as const;

/** Excel's serial number of a date (what Office.js reports for a date cell). */
function serial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

/** An ExcelJS value as Excel holds it: what Office.js's values would report. */
function excelValue(v: unknown): FakeCell["value"] {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string") return v === "" ? null : v;
  if (v instanceof Date) return serial(v);
  if (typeof v === "object") {
    if ("error" in v) return String((v as { error: unknown }).error);
    if ("richText" in v) return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join("");
    if ("text" in v) return excelValue((v as { text: unknown }).text);
    if ("result" in v) return excelValue((v as { result: unknown }).result);
  }
  return null;
}

/** The workbook a file holds, as Excel would have it open. */
export async function fakeFromXlsx(data: Uint8Array, version = 20): Promise<FakeExcel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const sheets: FakeSheet[] = wb.worksheets.map((ws) => {
    const sheet = emptySheet(ws.name);
    sheet.visibility = ws.state === "hidden" ? "Hidden" : ws.state === "veryHidden" ? "VeryHidden" : "Visible";
    sheet.merges = Object.values((ws as unknown as { _merges: Record<string, { range: string }> })._merges).map(
      (m) => m.range,
    );
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      if (row.hidden) sheet.hiddenRows.add(r);
      if (typeof row.numFmt === "string") sheet.rowFormats.set(r, row.numFmt);
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const raw: unknown = cell.value;
        const isFormula = typeof raw === "object" && raw !== null && ("formula" in raw || "sharedFormula" in raw);
        const f = isFormula ? (cell.formula as string | undefined) : undefined;
        const entry: FakeCell = {
          value: excelValue(raw),
          formula: f ? `=${f.replace(/^=/, "").replace(/_xl(?:fn|ws|pm)\./g, "")}` : null,
        };
        if (typeof cell.numFmt === "string" && cell.numFmt !== "") entry.numberFormat = cell.numFmt;
        if (entry.value !== null || entry.formula !== null || entry.numberFormat) sheet.cells.set(`${r}:${c}`, entry);
      });
    });
    // columnCount walks every row each time it is read: once, not once per column.
    for (let c = 1, columns = ws.columnCount; c <= columns; c++) {
      const fmt = ws.getColumn(c).numFmt;
      if (typeof fmt === "string" && fmt !== "") sheet.columnFormats.set(c, fmt);
    }
    return sheet;
  });
  const names = (wb.definedNames.model as { name: string; ranges: string[] }[])
    .filter((d) => d.ranges.length > 0)
    .map((d) => ({ name: d.name, formula: `=${d.ranges.join(",")}` }));
  const workbook: FakeWorkbook = { sheets, names, comments: [], protected: false };
  return new FakeExcel(workbook, version);
}

export async function fakeFromFile(path: string, version = 20): Promise<FakeExcel> {
  return fakeFromXlsx(readFileSync(path), version);
}

/**
 * A budget sheet of `rows` rows (10 at the least: a header, the state, the
 * region, three kommuner, the cost lines, their sum and the opening equity),
 * straight into a fake workbook: the shape of scripts/bench.ts's large
 * workbook, any size.
 */
export function generatedBudget(rows: number, version = 20): FakeExcel {
  const costLines = Math.max(1, rows - 9);
  const sheet = emptySheet("Budget 2026");
  const population = emptySheet("Befolkning");
  const put = (s: FakeSheet, row: number, values: (string | number | null)[], format?: string) =>
    values.forEach((v, i) => {
      if (v === null) return;
      const numeric = typeof v === "number";
      s.cells.set(`${row}:${i + 1}`, {
        value: v,
        formula: null,
        ...(numeric && format ? { numberFormat: format } : {}),
      });
    });
  const pops = [21889, 13000, 4500];
  const kommuner = ["Finspång", "Motala", "Vadstena"];
  put(population, 1, ["Kommun", "Invånare 2024-12-31"]);
  kommuner.forEach((k, i) => put(population, i + 2, [k, pops[i]!], "#,##0"));
  const state = 2_000_000;
  const quarter = state / 2;
  const total = pops.reduce((a, b) => a + b, 0);
  let row = 1;
  put(sheet, row++, ["Medlemsavgifter", "Budget 2026", "Plan 2027", "Plan 2028"]);
  put(sheet, row++, ["Staten genom FK", state, state, state], "#,##0");
  put(sheet, row++, ["Region Exempel", quarter, quarter, quarter], "#,##0");
  kommuner.forEach((k, i) => {
    const amount = Math.round((quarter * pops[i]!) / total) + (i === 0 ? 7 : 0);
    put(sheet, row++, [`${k} kommun`, amount, amount, amount], "#,##0");
  });
  put(sheet, row++, ["Kostnader"]);
  const first = row;
  const per = Math.floor((2 * state) / Math.max(1, costLines));
  for (let i = 0; i < costLines; i++) put(sheet, row++, [`Insats ${i + 1}`, per, per, per], "#,##0");
  const last = row - 1;
  ["B", "C", "D"].forEach((col, i) => {
    sheet.cells.set(`${row}:${i + 2}`, {
      value: per * costLines,
      formula: `=SUM(${col}${first}:${col}${last})`,
      numberFormat: "#,##0",
    });
  });
  sheet.cells.set(`${row}:1`, { value: "Summa kostnader", formula: null });
  row++;
  put(sheet, row++, ["Eget kapital 2025-12-31", 600_000], "#,##0");
  return new FakeExcel({ sheets: [sheet, population], names: [], comments: [], protected: false }, version);
}

export { address };
