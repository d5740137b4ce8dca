import { equityOutcome, MAX_COMPARED, type Analysis, type ScenarioPlan, type Unit, WORST_CASE } from "../domain";
import { columnLetters, sheetRef } from "../grid";
import { BOARD_SHEET, CONTROL_SHEET } from "../read/addinSheets";
import type { PlanCell } from "./controlSheet";
import { headerText, isoDay, onePageLandscape } from "./pageSetup";
import { KR, SheetBuilder } from "./sheetBuilder";
import type { BoardSheet, CellWrite, ChartSpec } from "./types";

export interface BoardOptions {
  /** The scenarios' ids, in order; all the analysis has (at most three) when undefined. Värsta fall is always among them. */
  readonly scenarioIds?: readonly string[] | undefined;
  /** The day the underlag was made, for its header; the entry point reads the clock. */
  readonly madeOn: Date;
  /** The förbund's name, where the workbook says it. */
  readonly forbund?: string | undefined;
  /** The unit the amounts are shown in; the sheet's own when undefined. The cells hold kronor either way. */
  readonly unit?: Unit | undefined;
}

/** The number format of an amount in kronor, shown in kr, in tkr with one decimal or in Mkr with two (Excel's trailing comma divides by 1 000). */
export function moneyFormat(unit: Unit): string {
  if (unit === "tkr") return '#,##0.0, "tkr";"−"#,##0.0, "tkr"';
  if (unit === "Mkr") return '#,##0.00,, "Mkr";"−"#,##0.00,, "Mkr"';
  return KR;
}

/** The chart axis's format: the unit's, negative amounts with the minus of the texts. */
const AXIS_FORMAT: Readonly<Record<Unit, string>> = {
  kr: '#,##0;"−"#,##0',
  tkr: '#,##0, "tkr";"−"#,##0, "tkr"',
  Mkr: '#,##0.0,, "Mkr";"−"#,##0.0,, "Mkr"',
};

const UNIT_IN_WORDS: Readonly<Record<Unit, string>> = {
  kr: "kronor",
  tkr: "tusental kronor (tkr)",
  Mkr: "miljoner kronor (Mkr)",
};

/** Column A's width, in characters: the table's longest label within these bounds. */
const LABEL_WIDTH = { min: 34, max: 52 };
/**
 * The chart: right of the table, this many columns wide and at least this many rows tall, so the page's
 * content is about as wide as an A4 landscape page is (1,4 : 1) and fills it when fitted.
 */
const CHART = { columns: 8, columnWidth: 11, rows: 36 };

/**
 * Styrelseunderlag, one A4 landscape page a board member reads in a minute: the conclusion first (a
 * sentence a scenario), then closing equity side by side with the recommended maximum and the
 * differences, and a large chart of it beside them. Every amount is a formula on the Finsam-kontroll
 * cell that computes it, so the calculation stands there, once, cell by cell.
 */
export function buildBoardSheet(analysis: Analysis, options: BoardOptions, planCell: PlanCell): BoardSheet {
  const unit = options.unit ?? analysis.budget.unit;
  const plans = chosenPlans(analysis, options.scenarioIds);
  const years = plans[0]?.years.map((y) => y.year) ?? [];
  const madeOn = isoDay(options.madeOn);
  const s = new SheetBuilder();
  heading(s, analysis, plans, years, { madeOn, unit, forbund: options.forbund });
  const tableTop = s.row + 2;
  s.row = tableTop - 1;
  const table = comparison(s, plans, years, planCell);
  s.next();
  s.next();
  s.label(`Beräkningen, cell för cell: bladet ${CONTROL_SHEET}. Varje belopp här är en formel på det bladet.`);

  const money = moneyFormat(unit);
  const cells = s.cells.map((c) => (c.numberFormat === KR ? { ...c, numberFormat: money } : c));
  const chartLeft = 1 + years.length + 1; // 0-based: after the label, the years and a narrow gap
  return {
    name: BOARD_SHEET,
    cells,
    columnWidths: [
      labelWidth(cells, tableTop),
      ...years.map(() => (unit === "kr" ? 15 : 13)),
      2,
      ...Array.from({ length: CHART.columns }, () => CHART.columnWidth),
    ],
    scenarios: plans.map((p) => p.scenario.id),
    pageSetup: onePageLandscape({
      left: headerText(options.forbund ?? ""),
      center: headerText(`Styrelseunderlag, budgetår ${analysis.budget.budgetYear}`),
      right: headerText(`Upprättat ${madeOn}`),
    }),
    chart: {
      title: "Eget kapital vid årets slut per scenario",
      source: table.source,
      categories: table.categories,
      series: table.series,
      from: { column: chartLeft, row: tableTop - 1 },
      to: { column: chartLeft + CHART.columns, row: Math.max(s.row, tableTop - 1 + CHART.rows) },
      axisFormat: AXIS_FORMAT[unit],
    },
  };
}

/**
 * The scenarios asked for, in order, at most MAX_COMPARED, all the analysis has when none are named;
 * Värsta fall is always on the page: where it was not asked for, it takes the last place.
 */
function chosenPlans(analysis: Analysis, ids: readonly string[] | undefined): ScenarioPlan[] {
  const chosen = (ids ? ids.map((id) => analysis.plans.find((p) => p.scenario.id === id)) : analysis.plans)
    .filter((p): p is ScenarioPlan => p !== undefined)
    .slice(0, MAX_COMPARED);
  const worst = analysis.plans.find((p) => p.scenario.id === WORST_CASE.id);
  if (!worst || chosen.includes(worst)) return chosen;
  return [...chosen.slice(0, MAX_COMPARED - 1), worst];
}

/** The title, the budget year, the day, the scenarios and the unit; then the conclusion, a sentence a scenario. */
function heading(
  s: SheetBuilder,
  analysis: Analysis,
  plans: readonly ScenarioPlan[],
  years: readonly number[],
  about: { readonly madeOn: string; readonly unit: Unit; readonly forbund?: string | undefined },
): void {
  const span = `${years[0] ?? ""}–${years[years.length - 1] ?? ""}`;
  s.next();
  s.label(`Styrelseunderlag: flerårsplan ${span}${about.forbund ? `, ${about.forbund}` : ""}`, true);
  s.next();
  s.label(
    `Budgetår ${analysis.budget.budgetYear} · upprättat ${about.madeOn} · scenarier: ${plans.map((p) => p.scenario.name).join("; ")} · belopp i ${UNIT_IN_WORDS[about.unit]}`,
  );
  s.next();
  s.next();
  s.label("Slutsats", true);
  for (const plan of plans) {
    s.next();
    s.label(equityOutcome(plan).sv);
  }
}

/**
 * Closing equity per scenario and year, each scenario's recommended maximum, zero (the chart's data, one
 * block), then each scenario's difference from the first: every amount a formula on Finsam-kontroll.
 */
function comparison(
  s: SheetBuilder,
  plans: readonly ScenarioPlan[],
  years: readonly number[],
  planCell: PlanCell,
): { source: string; categories: string; series: ChartSpec["series"][number][] } {
  const col = (i: number) => columnLetters(2 + i);
  const range = (row: number) => `$${col(0)}$${row}:$${col(years.length - 1)}$${row}`;
  const series: ChartSpec["series"][number][] = [];
  const linked = (plan: ScenarioPlan, row: "closingEquity" | "maxEquity") => (i: number) => {
    const cell = planCell(plan.scenario.id, years[i]!, row);
    const value = plan.years[i]![row].toNumber();
    return cell
      ? { formula: `=${sheetRef(CONTROL_SHEET, cell)}`, numberFormat: KR, expected: value }
      : { value, numberFormat: KR };
  };
  const dataRow = (
    label: string,
    amount: (i: number) => Omit<CellWrite, "cell">,
    cache: readonly number[],
    look: Pick<ChartSpec["series"][number], "role" | "group">,
  ) => {
    s.next();
    s.label(label);
    years.forEach((_, i) => s.put(2 + i, amount(i)));
    series.push({ nameCell: `$A$${s.row}`, name: label, values: range(s.row), cache, ...look });
  };

  s.next();
  s.label("Eget kapital vid årets slut", true);
  years.forEach((y, i) => s.put(2 + i, { value: y, bold: true }));
  const headerRow = s.row;
  plans.forEach((plan, k) =>
    dataRow(plan.scenario.name, linked(plan, "closingEquity"), closingOf(plan), { role: "value", group: k }),
  );
  // The recommended maximum follows each scenario's contributions: one row a scenario, or one for all alike.
  const maxima = plans.map((p) => p.years.map((y) => y.maxEquity.toNumber()));
  const alike = maxima.every((m) => m.join() === maxima[0]!.join());
  plans.forEach((plan, k) => {
    if (alike && k > 0) return;
    const label = alike ? "Högsta rekommenderade eget kapital" : `Högsta rekommenderade, ${plan.scenario.name}`;
    dataRow(label, linked(plan, "maxEquity"), maxima[k]!, { role: "limit", group: alike ? undefined : k });
  });
  dataRow(
    "Noll",
    () => ({ value: 0, numberFormat: KR }),
    years.map(() => 0),
    { role: "zero" },
  );
  const dataEnd = s.row;

  const first = plans[0];
  if (first && plans.length > 1) {
    s.next();
    s.next();
    s.label(`Skillnad mot ${first.scenario.name}`, true);
    plans.slice(1).forEach((plan, k) => {
      s.next();
      s.label(plan.scenario.name);
      years.forEach((_, i) =>
        s.put(2 + i, {
          formula: `=${col(i)}${headerRow + 2 + k}-${col(i)}${headerRow + 1}`,
          numberFormat: KR,
          expected: plan.years[i]!.closingEquity.minus(first.years[i]!.closingEquity).toNumber(),
        }),
      );
    });
  }
  return {
    source: `A${headerRow}:${col(Math.max(0, years.length - 1))}${dataEnd}`,
    categories: range(headerRow),
    series,
  };
}

const closingOf = (plan: ScenarioPlan) => plan.years.map((y) => y.closingEquity.toNumber());

/** Column A's width: its longest label from the table down (the sentences above may run over). */
function labelWidth(cells: readonly CellWrite[], from: number): number {
  const longest = cells
    .filter((c) => /^A\d+$/.test(c.cell) && Number(c.cell.slice(1)) >= from && typeof c.value === "string")
    .filter((c) => !c.value!.toString().startsWith("Beräkningen"))
    .map((c) => String(c.value).length * (c.bold ? 1.1 : 1) + 2);
  return Math.round(Math.min(LABEL_WIDTH.max, Math.max(LABEL_WIDTH.min, ...longest)));
}
