import {
  amountIn,
  type Budget,
  type Decimal,
  type EquityStep,
  type FollowUp,
  type ForecastMethod,
  type SourcedAmount,
} from "../domain";
import { amountExpr, sumExpr, type Spill } from "./formulas";
import { FOLLOW_UP_SHEET } from "../read/addinSheets";
import { headerText, pagesPortrait } from "./pageSetup";
import { staircaseTable } from "./planFormulas";
import { abs, KR, PERCENT, SheetBuilder } from "./sheetBuilder";
import type { CellWrite, ChartSpec, FollowUpSheet } from "./types";

/** What was read from the bookkeeping, named on the sheet so the revisor can tell exactly which file it was. */
export interface FollowUpSource {
  /** The SIE file's name; for the sheet's own columns, their range. */
  readonly fileName: string;
  /** CRC-32 of the file's bytes, hex; none for the sheet's own columns. */
  readonly checksum?: string;
  /** The last month included, "2025-08". */
  readonly period?: string | undefined;
  /** Result accounts that map to no budget line: listed, never dropped. */
  readonly unmapped: readonly {
    readonly account: string;
    readonly name: string;
    readonly amount: { toNumber(): number };
  }[];
  /**
   * Where the utfall and the sheet's forecasts stand in the workbook itself
   * (its follow-up columns): referenced by formula rather than copied, so the revisor can trace them.
   */
  readonly cells?: {
    readonly outcomes: ReadonlyMap<string, SourcedAmount>;
    readonly forecasts: ReadonlyMap<string, SourcedAmount>;
  };
}

export interface FollowUpSheetInput {
  readonly followUp: FollowUp;
  readonly source: FollowUpSource;
  readonly staircase: readonly EquityStep[];
  readonly forbund?: string | undefined;
}

export const METHOD_TEXT: Record<ForecastMethod, string> = {
  typed: "inskriven",
  scaled: "utfall × 12 / månader",
  budget: "budgeten",
};

/** The header row: the lines' columns. The chart reads A:C of it. */
const HEADER_ROW = 4;
const MONTHS_CELL = "$B$3";

/**
 * Finsam-uppföljning: the utfall as values (with the file, period and
 * checksum it came from), and every figure computed from it a live formula on
 * those values and on the budget's own cells: each line's forecast by its
 * method, the deviations, the totals, the forecast's result and closing
 * equity against Rule 4's maximum. Below them, the bars of budget against forecast.
 */
export function buildFollowUpSheet(budget: Budget, input: FollowUpSheetInput): FollowUpSheet {
  const { followUp: f, source } = input;
  const s = new SheetBuilder();
  heading(s, input);
  const first = HEADER_ROW + 1;
  lineRows(s, f, source);
  const last = s.row;
  const totalRow = totalRowOf(s, f, first, last);
  frameRows(s, f, totalRow);
  const { contributions, maxRow } = resultRows(s, budget, input, totalRow);
  looseOutcomes(s, f, source);
  const staircase = staircaseTable(s, input.staircase);
  const T = abs(contributions);
  // The maximum's row stands in the result block; its formula needs the staircase laid out below.
  s.cells.push({
    cell: `B${maxRow}`,
    formula: `=ROUND(${T}*LOOKUP(${T},${staircase.from},${staircase.percent})/100,0)`,
    numberFormat: KR,
    expected: f.maxEquity.toNumber(),
  });
  s.finish();
  return {
    name: FOLLOW_UP_SHEET,
    cells: s.cells,
    columnWidths: [labelWidth(s.cells), 15, 15, 15, 14, source.period ? 22 : 15, 22],
    pageSetup: pagesPortrait(
      { first: 1, last: HEADER_ROW },
      headerText(input.forbund ? `${FOLLOW_UP_SHEET}, ${input.forbund}` : FOLLOW_UP_SHEET),
    ),
    chart: budgetAgainstForecast(f, first, last, s.row + 1),
  };
}

/** The title, where the utfall came from, the months it covers, and the lines' header row. */
function heading(s: SheetBuilder, { followUp: f, source, forbund }: FollowUpSheetInput): void {
  s.next();
  s.label(`Finsam-uppföljning: budgetår ${f.year}${forbund ? `, ${forbund}` : ""}`, true);
  s.next();
  s.label(
    source.cells
      ? `Utfall ur arbetsbokens uppföljningskolumner ${source.fileName}. Utfallet och arkets prognoser är formler på de cellerna; budget, prognos, avvikelser, resultat och eget kapital är formler på dem och på budgetens celler.`
      : `Utfall t.o.m. ${source.period ?? "–"} ur ${source.fileName} (CRC-32 ${source.checksum ?? "–"}). Utfallet är värden ur bokföringen; budget, prognos, avvikelser, resultat och eget kapital är formler på dem och på budgetens celler.`,
  );
  s.next();
  s.label("Månader av året som utfallet omfattar");
  s.put(2, { value: f.monthsElapsed });
  s.next();
  const through = source.period ? `Utfall t.o.m. ${source.period}` : "Utfall";
  ["Budgetrad", "Budget", "Helårsprognos", "Avvikelse (kr)", "Avvikelse (%)", through, "Prognosmetod"].forEach((h, i) =>
    s.put(1 + i, { value: h, bold: true }),
  );
}

/** Each budget line: its budget, the forecast by its method, the deviation, the utfall. */
function lineRows(s: SheetBuilder, f: FollowUp, source: FollowUpSource): void {
  for (const row of f.rows) {
    s.next();
    const r = s.row;
    s.label(row.label);
    s.put(2, { formula: `=${amountExpr(row.budget)}`, numberFormat: KR, expected: row.budget.value.toNumber() });
    const forecast =
      row.method === "typed"
        ? cellOrValue(source.cells?.forecasts.get(row.label), row.forecast)
        : row.method === "scaled"
          ? { formula: `=ROUND(F${r}*12/${MONTHS_CELL},0)` }
          : { formula: `=B${r}` };
    s.put(3, { ...forecast, numberFormat: KR, expected: row.forecast.toNumber() });
    s.put(4, { formula: `=C${r}-B${r}`, numberFormat: KR, expected: row.deviation.toNumber() });
    percentCell(s, r, row.deviationPercent?.toNumber());
    s.put(6, { ...cellOrValue(source.cells?.outcomes.get(row.label), row.outcome), numberFormat: KR });
    s.put(7, { value: METHOD_TEXT[row.method] });
  }
}

/** The lines' sums; returns the row. */
function totalRowOf(s: SheetBuilder, f: FollowUp, first: number, last: number): number {
  s.next();
  const totalRow = s.row;
  s.label("Summa kostnader", true);
  const column = (c: string, expected: number) =>
    s.put(" ABCDEFG".indexOf(c), {
      formula: last >= first ? `=SUM(${c}${first}:${c}${last})` : "=0",
      numberFormat: KR,
      expected,
    });
  column("B", f.total.budget.toNumber());
  column("C", f.total.forecast.toNumber());
  s.put(4, { formula: `=C${totalRow}-B${totalRow}`, numberFormat: KR, expected: f.total.deviation.toNumber() });
  percentCell(s, totalRow, f.total.deviationPercent?.toNumber());
  column("F", f.total.outcome.toNumber());
  return totalRow;
}

/** Rule 5 on the year: the budget's frame and how far the forecast goes over it. */
function frameRows(s: SheetBuilder, f: FollowUp, totalRow: number): void {
  s.next();
  if (!f.frame) return;
  s.next();
  s.label("Budgetens ram");
  const frame = s.put(2, {
    formula: `=${amountExpr(f.frame)}`,
    numberFormat: KR,
    expected: f.frame.value.toNumber(),
  });
  s.next();
  s.label("Helårsprognosen över ramen");
  s.put(2, {
    formula: `=C${totalRow}-${frame}`,
    numberFormat: KR,
    expected: f.total.forecast.minus(f.frame.value).toNumber(),
  });
}

/** Rule 4 on the forecast: the year's result and closing equity, and the row the maximum goes in. */
function resultRows(
  s: SheetBuilder,
  budget: Budget,
  { followUp: f, source }: FollowUpSheetInput,
  totalRow: number,
): { contributions: string; maxRow: number } {
  s.next();
  s.next();
  s.label("Prognosens resultat och eget kapital vid årets slut", true);
  s.next();
  s.label("Medlemsavgifter enligt budgeten");
  const contributions = s.put(2, {
    formula: `=${contributionsExpr(budget, f.year, s.spill)}`,
    numberFormat: KR,
    expected: f.income.contributions.toNumber(),
  });
  s.next();
  s.label("Övriga intäkter enligt budgeten");
  const lines = budget.otherIncome.map((l) => l.amounts.get(f.year)).filter((a): a is SourcedAmount => !!a);
  const other = s.put(2, {
    formula: `=${sumExpr(lines, s.spill)}`,
    numberFormat: KR,
    expected: f.income.other.toNumber(),
  });
  if (f.income.outcome) {
    s.next();
    s.label(`Intäkter ${source.period ? `t.o.m. ${source.period} ` : ""}enligt bokföringen`);
    s.put(2, { value: f.income.outcome.toNumber(), numberFormat: KR });
  }
  s.next();
  s.label("Resultat = avgifter + övriga intäkter − prognos");
  const result = s.put(2, {
    formula: `=${contributions}+${other}-C${totalRow}`,
    numberFormat: KR,
    expected: f.result.toNumber(),
  });
  if (f.openingEquity && budget.openingEquity) {
    s.next();
    s.label("Ingående eget kapital");
    const opening = s.put(2, {
      formula: `=${amountExpr(budget.openingEquity)}`,
      numberFormat: KR,
      expected: f.openingEquity.toNumber(),
    });
    s.next();
    s.label("Utgående eget kapital = ingående + resultat");
    s.put(2, { formula: `=${opening}+${result}`, numberFormat: KR, expected: f.closingEquity!.toNumber() });
  }
  s.next();
  s.label("Högsta rekommenderade eget kapital (trappan)");
  return { contributions, maxRow: s.row };
}

/** Utfall that belongs to no budget line: listed, never in the forecast. */
function looseOutcomes(s: SheetBuilder, f: FollowUp, source: FollowUpSource): void {
  const loose = source.unmapped;
  if (loose.length === 0 && f.withoutLine.length === 0) return;
  s.next();
  s.next();
  s.label("Utfall som inte hör till någon budgetrad (ingår inte i prognosen)", true);
  for (const u of loose) {
    s.next();
    s.label(`${u.account} ${u.name}`);
    s.put(6, { value: u.amount.toNumber(), numberFormat: KR });
  }
  for (const w of f.withoutLine) {
    s.next();
    s.label(w.label);
    s.put(6, { value: w.outcome.toNumber(), numberFormat: KR });
  }
}

/** The bars of budget against forecast per line, below everything else. */
function budgetAgainstForecast(f: FollowUp, first: number, last: number, chartTop: number): ChartSpec {
  const range = (c: string) => `$${c}$${first}:$${c}$${Math.max(first, last)}`;
  return {
    kind: "bar",
    title: `Budget och helårsprognos per budgetrad ${f.year}`,
    source: `A${HEADER_ROW}:C${Math.max(first, last)}`,
    categories: range("A"),
    categoryLabels: f.rows.map((r) => r.label),
    series: [
      {
        nameCell: `$B$${HEADER_ROW}`,
        name: "Budget",
        values: range("B"),
        cache: f.rows.map((r) => r.budget.value.toNumber()),
      },
      {
        nameCell: `$C$${HEADER_ROW}`,
        name: "Helårsprognos",
        values: range("C"),
        cache: f.rows.map((r) => r.forecast.toNumber()),
      },
    ],
    from: { column: 0, row: chartTop },
    to: { column: 7, row: chartTop + 20 },
  };
}

/** Column A: wide enough for every label with an amount beside it in column B (the long texts on top may run over). */
function labelWidth(cells: readonly CellWrite[]): number {
  const withAmount = new Set(cells.filter((c) => /^B\d+$/.test(c.cell)).map((c) => c.cell.slice(1)));
  const longest = cells
    .filter((c) => /^A\d+$/.test(c.cell) && withAmount.has(c.cell.slice(1)) && typeof c.value === "string")
    .map((c) => String(c.value).length + 2);
  return Math.min(64, Math.max(30, ...longest));
}

/**
 * A figure the workbook already holds as a formula on its cell (the sheet's
 * own follow-up columns), else as the value: a forecast typed over the
 * sheet's is the user's, so it is a value.
 */
function cellOrValue(
  cell: SourcedAmount | undefined,
  value: Decimal,
): { formula: string; expected: number } | { value: number } {
  if (cell?.ref && !cell.typedAsText && cell.value.equals(value))
    return { formula: `=${amountExpr(cell)}`, expected: value.toNumber() };
  return { value: value.toNumber() };
}

/** Deviation in per cent of the budget; empty where the budget is zero. */
function percentCell(s: SheetBuilder, r: number, expected: number | undefined): void {
  s.put(5, {
    formula: `=IF(B${r}=0,"",D${r}/B${r})`,
    numberFormat: PERCENT,
    ...(expected !== undefined ? { expected } : {}),
  });
}

/** The members' contributions as the budget states them: its member rows, else its stated total. */
function contributionsExpr(budget: Budget, year: number, spill: Spill): string {
  const amounts = budget.members.map((m) => amountIn(m, year)).filter((a): a is SourcedAmount => !!a);
  if (amounts.length > 0) return sumExpr(amounts, spill);
  const stated = budget.statedContributionTotal?.get(year);
  return stated ? amountExpr(stated) : "0";
}
