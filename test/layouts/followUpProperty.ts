/**
 * The follow-up-only workbook (issue 20, kind 8) as a property: one
 * follow-up (per insats: budget, outcome so far, full-year forecast, and a
 * budget frame) rendered under any combination of the variations förbund use
 * reads as its canonical rendering does, and that as Rule 5's follow-up
 * checks expect, computed here from the follow-up alone.
 */
import DecimalBase from "decimal.js";
import ExcelJS from "exceljs";
import fc from "fast-check";
import type { Finding } from "../../src/domain";
import { analyzeGrid } from "../../src/app/analyzeGrid";
import { readGridFromBuffer } from "../../src/xlsx/readGrid";
import { blankWorkbook, swedishText, unitOf } from "./generator";
import { sumsLinesAbove } from "./layoutProperty";

const D = DecimalBase.clone({ precision: 50 });

export interface FollowUpLine {
  readonly label: string;
  readonly account: number;
  /** Whole kronor. */
  readonly budget: number;
  readonly outcome: number;
  readonly forecast: number;
}

export interface AbstractFollowUp {
  readonly forbund: string;
  readonly year: number;
  /** The months the outcome covers: 4 (jan–apr), 6, 8 or 10. */
  readonly months: 4 | 6 | 8 | 10;
  readonly groups: readonly { readonly name: string; readonly lines: readonly FollowUpLine[] }[];
  /** The board's budget frame for the year, where the sheet states one. */
  readonly frame?: number;
}

export const FOLLOW_UP_VARIATIONS = [
  "tkr",
  "Mkr",
  /** Costs as negative numbers, budget, outcome and forecast alike. */
  "negativeCosts",
  /** Amounts typed as text, "1 386 000" with no-break spaces. */
  "textAmounts",
  /** "Utfall i % av budget" after the outcome, as a formula. */
  "percentColumn",
  /** "Avvikelse budget–prognos" after the forecast, as a formula. */
  "deviationColumn",
  /** A heading and a "Summa …" row (SUM formulas) per group of lines. */
  "subtotals",
  /** "Summa kostnader" under the lines, SUM formulas. */
  "totalRow",
  /** An account-number column before the labels. */
  "accountColumn",
  /** An earlier period's outcome ("Utfall jan–apr") before the current one: the latest counts. */
  "earlierOutcome",
  /** A comment column of text after the amounts. */
  "commentColumn",
] as const;

export type FollowUpVariation = (typeof FOLLOW_UP_VARIATIONS)[number];

const MONTH = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
const FACTOR = { kr: 1, tkr: 1000, Mkr: 1_000_000 } as const;
const LABELS = [
  "Kansli",
  "Styrelse och revision",
  "Resursteam",
  "Kartläggning och vägledning",
  "Hälsofrämjande insatser",
  "Plattform Finspång",
  "Utvärdering",
  "Information",
];

/** An arbitrary follow-up: lines near their budget, some over, and a frame at, above or below the budget's total. */
export const followUpArbitrary: fc.Arbitrary<AbstractFollowUp> = fc
  .record({
    year: fc.integer({ min: 2022, max: 2029 }),
    months: fc.constantFrom(4 as const, 6 as const, 8 as const, 10 as const),
    lines: fc.array(
      fc.record({
        budget: fc.integer({ min: 50, max: 9000 }).map((x) => x * 1000),
        pace: fc.integer({ min: 40, max: 140 }),
        outlook: fc.integer({ min: 80, max: 125 }),
      }),
      { minLength: 2, maxLength: 8 },
    ),
    grouped: fc.boolean(),
    frame: fc.option(fc.integer({ min: -3, max: 3 }).map((x) => x * 50_000)),
  })
  // A line equal to the sum of the lines just above it, with no formula to say otherwise, reads as their subtotal
  // (the budget property's rule, layoutProperty.ts): such a follow-up is not the one drawn.
  .filter(
    (a) =>
      !a.lines.some((_, i) =>
        sumsLinesAbove(
          a.lines.map((l) => [l.budget]),
          i,
          1,
        ),
      ),
  )
  .map((a) => {
    const lines = a.lines.map((l, i): FollowUpLine => {
      // The outcome so far at its pace of the year's share, to the hundred kronor; the forecast to the thousand.
      const outcome = Math.round((l.budget * a.months * l.pace) / (12 * 100 * 100)) * 100;
      const forecast = Math.round((l.budget * l.outlook) / (100 * 1000)) * 1000;
      return { label: LABELS[i]!, account: 4010 + 10 * i, budget: l.budget, outcome, forecast };
    });
    const cut = Math.ceil(lines.length / 2);
    const groups =
      a.grouped && lines.length > 2
        ? [
            { name: "Förbundsgemensamt", lines: lines.slice(0, cut) },
            { name: "Insatser", lines: lines.slice(cut) },
          ]
        : [{ name: "Verksamhet", lines }];
    const total = lines.reduce((s, l) => s + l.budget, 0);
    return {
      forbund: "Samordningsförbundet Prov",
      year: a.year,
      months: a.months,
      groups,
      ...(a.frame !== null ? { frame: total + a.frame } : {}),
    };
  });

/** A subset of the variations, one unit at most. */
export const followUpVariationsArbitrary: fc.Arbitrary<FollowUpVariation[]> = fc
  .subarray([...FOLLOW_UP_VARIATIONS])
  .filter((vs) => !(vs.includes("tkr") && vs.includes("Mkr")));

export interface FollowUpRendering {
  readonly workbook: ExcelJS.Workbook;
  /** "outcome:2", "forecast:2", "frame" → the cell it stands in. */
  readonly cells: ReadonlyMap<string, string>;
}

const SHEET = "Uppföljning";

/** Renders the follow-up under the variations. Deterministic. */
export function renderFollowUp(f: AbstractFollowUp, variations: Iterable<FollowUpVariation>): FollowUpRendering {
  const v = new Set(variations);
  const unit = unitOf(v);
  const sign = v.has("negativeCosts") ? -1 : 1;
  const wb = blankWorkbook();
  const ws = wb.addWorksheet(SHEET);
  const cells = new Map<string, string>();
  const inUnit = (kr: number) => new D(sign * kr).dividedBy(FACTOR[unit]).toNumber();
  const amount = (kr: number): number | string => (v.has("textAmounts") ? swedishText(inUnit(kr)) : inUnit(kr));
  const put = (row: number, col: number, value: ExcelJS.CellValue, key?: string) => {
    const cell = ws.getCell(row, col);
    cell.value = value;
    if (key) cells.set(key, cell.address);
    return cell.address;
  };
  const month = MONTH[f.months - 1]!;
  put(1, 1, `${f.forbund} – uppföljning januari–${month} ${f.year}${unit === "kr" ? "" : ` (belopp i ${unit})`}`);
  // The columns, left to right.
  const columns: string[] = [];
  if (v.has("accountColumn")) columns.push("account");
  columns.push("label", "budget");
  if (v.has("earlierOutcome")) columns.push("earlier");
  columns.push("outcome");
  if (v.has("percentColumn")) columns.push("percent");
  columns.push("forecast");
  if (v.has("deviationColumn")) columns.push("deviation");
  if (v.has("commentColumn")) columns.push("comment");
  const col = (name: string) => columns.indexOf(name) + 1;
  const letter = (name: string) => String.fromCharCode(64 + col(name));
  const headers: Record<string, string> = {
    account: "Konto",
    label: "Insats",
    budget: `Budget ${f.year}`,
    earlier: `Utfall jan–${MONTH[f.months / 2 - 1]}`,
    outcome: `Utfall jan–${month}`,
    percent: "Utfall i % av budget",
    forecast: `Helårsprognos ${f.year}`,
    deviation: "Avvikelse budget–prognos",
    comment: "Kommentar",
  };
  // Where the sheet states no frame, the budget is one: its total, or its column's header where none is written.
  columns.forEach((c) => put(3, col(c), headers[c]!, c === "budget" ? "frame:header" : undefined));
  let row = 4;
  let index = 0;
  const totals: { budget: string[]; outcome: string[]; forecast: string[] } = { budget: [], outcome: [], forecast: [] };
  const sumOf = (what: "budget" | "outcome" | "forecast", lines: readonly FollowUpLine[]) =>
    lines.reduce((s, l) => s + l[what], 0);
  for (const group of f.groups) {
    if (v.has("subtotals")) put(row++, col("label"), group.name);
    const first = row;
    for (const line of group.lines) {
      if (v.has("accountColumn")) put(row, col("account"), line.account);
      put(row, col("label"), line.label);
      put(row, col("budget"), amount(line.budget));
      if (v.has("earlierOutcome")) put(row, col("earlier"), amount(Math.round(line.outcome / 200) * 100));
      put(row, col("outcome"), amount(line.outcome), `outcome:${index}`);
      put(row, col("forecast"), amount(line.forecast), `forecast:${index}`);
      if (v.has("percentColumn") && !v.has("textAmounts"))
        put(row, col("percent"), {
          formula: `${letter("outcome")}${row}/${letter("budget")}${row}`,
          result: line.outcome / line.budget,
        });
      if (v.has("deviationColumn") && !v.has("textAmounts"))
        put(row, col("deviation"), {
          formula: `${letter("budget")}${row}-${letter("forecast")}${row}`,
          result: inUnit(line.budget - line.forecast),
        });
      if (v.has("commentColumn") && line.forecast > line.budget) put(row, col("comment"), "Fler deltagare än planerat");
      row++;
      index++;
    }
    if (v.has("subtotals")) {
      put(row, col("label"), `Summa ${group.name.toLowerCase()}`);
      for (const what of ["budget", "outcome", "forecast"] as const) {
        // A lone group's sum is the total of every line: the budget's total, the frame.
        const key = what === "budget" && f.groups.length === 1 ? "frame:total" : undefined;
        const value = sumFormula(letter(what), first, row - 1, inUnit(sumOf(what, group.lines)));
        const at = put(row, col(what), value, key);
        totals[what].push(at);
      }
      row++;
    }
  }
  if (v.has("totalRow")) {
    put(row, col("label"), "Summa kostnader");
    for (const what of ["budget", "outcome", "forecast"] as const) {
      const all = f.groups.flatMap((g) => g.lines);
      const value = inUnit(sumOf(what, all));
      put(
        row,
        col(what),
        v.has("subtotals")
          ? { formula: totals[what].join("+"), result: value }
          : sumFormula(letter(what), 4, row - 1, value),
        what === "budget" ? "frame:total" : undefined,
      );
    }
    row++;
  }
  if (f.frame !== undefined) {
    row++;
    put(row, col("label"), `Budgetram ${f.year}`);
    put(row, col("budget"), amount(f.frame), "frame");
  }
  return { workbook: wb, cells };
}

const sumFormula = (letter: string, from: number, to: number, result: number): ExcelJS.CellFormulaValue => ({
  formula: `SUM(${letter}${from}:${letter}${to})`,
  result,
});

export interface FollowUpReading {
  readonly ok: boolean;
  readonly lines: readonly string[];
  readonly findings: readonly string[];
}

/** What a follow-up must read as whatever its layout: its lines in kronor and its findings on abstract cells. */
export async function readFollowUpRendering(r: FollowUpRendering): Promise<FollowUpReading> {
  const grid = await readGridFromBuffer(new Uint8Array(await r.workbook.xlsx.writeBuffer()), "uppfoljning.xlsx");
  const result = analyzeGrid(grid);
  if (!result.ok) return { ok: false, lines: [], findings: [result.reason.sv] };
  const inverse = new Map([...r.cells].map(([key, cell]) => [cell, key]));
  const a = result.analysis;
  // The frame's cell, whichever this layout has: the stated frame, the budget's total, its column's header.
  const key = (cell: string | undefined) => inverse.get(cell ?? "")?.replace(/^frame:.*/, "frame") ?? `?${cell}`;
  const findingLine = (f: Finding) => `${f.code} ${f.year ?? ""} ${f.sheet === SHEET ? key(f.cell) : `?${f.sheet}`}`;
  return {
    ok: true,
    lines: a.budget.followUp
      .map((l) => `${l.label} ${l.year} ${l.budget.value} ${l.outcome?.value ?? "-"} ${l.forecast?.value ?? "-"}`)
      .sort(),
    findings: a.findings
      .filter((f) => !f.code.startsWith("INPUT_") || f.severity === "error")
      .map(findingLine)
      .sort(),
  };
}

/** Rule 5's follow-up checks, computed from the follow-up alone. */
export function expectedFollowUp(f: AbstractFollowUp): FollowUpReading {
  const lines = f.groups.flatMap((g) => g.lines);
  const findings = lines.flatMap((l, i) => [
    ...(l.outcome > l.budget ? [`LINE_OVER_BUDGET ${f.year} outcome:${i}`] : []),
    ...(l.forecast > l.budget ? [`LINE_OVER_BUDGET ${f.year} forecast:${i}`] : []),
  ]);
  // "The total forecast above the total budget frame is an error": the frame stated, else the budget's total.
  const forecast = lines.reduce((s, l) => s + l.forecast, 0);
  const frame = f.frame ?? lines.reduce((s, l) => s + l.budget, 0);
  if (forecast > frame) findings.push(`CEILING_EXCEEDED ${f.year} frame`);
  return {
    ok: true,
    lines: lines.map((l) => `${l.label} ${f.year} ${l.budget} ${l.outcome} ${l.forecast}`).sort(),
    findings: findings.sort(),
  };
}
