import {
  compareScenarios,
  equityOutcome,
  MAX_COMPARED,
  stateHalfIn,
  type Analysis,
  type ScenarioPlan,
  type Unit,
} from "../domain";
import { columnLetters, columnNumber, sheetRef } from "../grid";
import { headerText, isoDay, onePageLandscape } from "./pageSetup";
import { planBlock, staircaseTable, stateHalfExpr, totalExpr, type PlanRows } from "./planFormulas";
import { KR, SheetBuilder } from "./sheetBuilder";
import { BOARD_SHEET } from "../read/addinSheets";
import type { BoardSheet, CellWrite, ChartSpec } from "./types";

export interface BoardOptions {
  /** The scenarios' ids, in order; all the analysis has (at most three) when undefined. */
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
  if (unit === "tkr") return '#,##0.0, "tkr";-#,##0.0, "tkr"';
  if (unit === "Mkr") return '#,##0.00,, "Mkr";-#,##0.00,, "Mkr"';
  return KR;
}

/** The chart axis's format, where not whole kronor. */
const AXIS_FORMAT: Readonly<Partial<Record<Unit, string>>> = { tkr: '#,##0, "tkr"', Mkr: '#,##0.0,, "Mkr"' };

const UNIT_IN_WORDS: Readonly<Record<Unit, string>> = {
  kr: "kronor",
  tkr: "tusental kronor (tkr)",
  Mkr: "miljoner kronor (Mkr)",
};

/** The left part's label column: wide enough for the longest label that has amounts beside it. */
const LABEL_WIDTH = { min: 40, max: 64 };

/**
 * The board's basis: the chosen scenarios (at most three) as live formulas on
 * the budget's input cells, the same way as Finsam-kontroll. On top the title,
 * the förbund, the day it was made and each scenario's outcome in words; below,
 * on the left the scenarios' plans, and on the right the closing equity side
 * by side with the differences and the chart, so that it all fits one
 * landscape page and the chart never covers a number.
 */
export function buildBoardSheet(analysis: Analysis, options: BoardOptions): BoardSheet {
  const { budget } = analysis;
  const unit = options.unit ?? budget.unit;
  const plans = chosenPlans(analysis, options.scenarioIds);
  const years = plans[0]?.years.map((y) => y.year) ?? [];
  const madeOn = isoDay(options.madeOn);
  const s = new SheetBuilder();
  const top = heading(s, analysis, plans, years, { madeOn, unit, forbund: options.forbund });
  const blocks = scenarioPlans(s, analysis, plans);
  const leftEnd = s.row;
  // Right, from the same row as the plans: the closing equity side by side, then the chart below it.
  s.row = top;
  const right = comparison(s, blocks, years);
  // The chart below the comparison, on the right, as far down as the plans on the left (at least 16 rows).
  const chartTop = s.row + 1;
  const chartBottom = Math.max(leftEnd, chartTop + 16);
  s.row = Math.max(leftEnd, s.row);
  // Sums past Excel's limits, in partial sums below the plans and the chart.
  if (s.spilled) {
    s.row = Math.max(s.row, chartBottom);
    s.finish();
  }

  const money = moneyFormat(unit);
  const cells = s.cells.map((c) => (c.numberFormat === KR ? { ...c, numberFormat: money } : c));
  const yearWidth = unit === "kr" ? 15 : 13;
  const rightLabelWidth = Math.max(
    22,
    ...cells.filter((c) => columnOf(c.cell) === right.labelCol && !c.bold).map((c) => String(c.value ?? "").length + 2),
  );
  return {
    name: BOARD_SHEET,
    cells,
    columnWidths: [
      labelWidth(cells, top),
      ...years.map(() => yearWidth),
      3,
      Math.min(rightLabelWidth, 40),
      ...years.map(() => yearWidth),
    ],
    scenarios: plans.map((p) => p.scenario.id),
    pageSetup: onePageLandscape({
      left: headerText(options.forbund ?? ""),
      center: headerText(`Styrelseunderlag, budgetår ${budget.budgetYear}`),
      right: headerText(`Upprättat ${madeOn}`),
    }),
    chart: {
      title: "Eget kapital vid årets slut per scenario",
      source: right.source,
      categories: right.categories,
      series: right.series,
      from: { column: right.labelCol - 1, row: chartTop },
      to: { column: right.labelCol + years.length, row: chartBottom },
      ...(AXIS_FORMAT[unit] ? { axisFormat: AXIS_FORMAT[unit] } : {}),
    },
  };
}

/** The scenarios asked for, in order, at most MAX_COMPARED; all the analysis has when none are named. */
function chosenPlans(analysis: Analysis, ids: readonly string[] | undefined): ScenarioPlan[] {
  return (ids ? ids.map((id) => analysis.plans.find((p) => p.scenario.id === id)) : analysis.plans)
    .filter((p): p is ScenarioPlan => p !== undefined)
    .slice(0, MAX_COMPARED);
}

/** The title, what the sheet is, and each scenario's outcome in words; returns the first row below them. */
function heading(
  s: SheetBuilder,
  analysis: Analysis,
  plans: readonly ScenarioPlan[],
  years: readonly number[],
  about: { readonly madeOn: string; readonly unit: Unit; readonly forbund?: string | undefined },
): number {
  const span = `${years[0] ?? ""}–${years[years.length - 1] ?? ""}`;
  s.next();
  s.label(`Styrelseunderlag: flerårsplan ${span}${about.forbund ? `, ${about.forbund}` : ""}`, true);
  s.next();
  s.label(
    `Budgetår ${analysis.budget.budgetYear}. Upprättat ${about.madeOn}. Belopp i ${UNIT_IN_WORDS[about.unit]}; varje belopp är en formel på budgetens egna celler och diagrammet följer dem.`,
  );
  // The outcome in words first, across the whole width: what the board reads before the numbers.
  s.next();
  s.next();
  s.label("Utfallet i ord", true);
  for (const plan of plans) {
    s.next();
    s.label(equityOutcome(plan).sv);
  }
  return s.row + 1;
}

/** Left: the settings, the state's half in the budget year and each scenario's plan. */
function scenarioPlans(
  s: SheetBuilder,
  analysis: Analysis,
  plans: readonly ScenarioPlan[],
): { plan: ScenarioPlan; rows: PlanRows }[] {
  const { budget, settings } = analysis;
  const budgetYear = budget.budgetYear;
  const staircase = staircaseTable(s, settings.equityStaircase, settings.sources);
  const stateCells = new Map<number, string>();
  s.next();
  s.next();
  s.label(`Statens hälft enligt arket ${budgetYear}`);
  const half = stateHalfIn(budget, budgetYear);
  const anchor = analysis.splits.find((x) => x.year === budgetYear)?.split;
  if (anchor) {
    stateCells.set(
      budgetYear,
      s.put(2, {
        formula: half ? `=${stateHalfExpr(budget, budgetYear)}` : `=(${totalExpr(budget, budgetYear, s.spill)})/2`,
        numberFormat: KR,
        expected: anchor.total.dividedBy(2).toNumber(),
      }),
    );
  }
  return plans.map((plan) => ({
    plan,
    rows: planBlock(s, budget, plan.scenario, plan.years, stateCells, staircase, plan.scenario.name, settings.sources),
  }));
}

/**
 * Right: closing equity side by side, the maximum and zero (the chart's data), and each scenario's
 * difference from the first; where the chart takes its data from.
 */
function comparison(
  s: SheetBuilder,
  blocks: readonly { plan: ScenarioPlan; rows: PlanRows }[],
  years: readonly number[],
): { labelCol: number; source: string; categories: string; series: ChartSpec["series"][number][] } {
  const labelCol = 2 + Math.max(years.length, 1) + 1;
  const col = (i: number) => columnLetters(labelCol + 1 + i);
  const range = (row: number) => `$${col(0)}$${row}:$${col(years.length - 1)}$${row}`;
  const nameCell = (row: number) => `$${columnLetters(labelCol)}$${row}`;
  const right = (label: string, bold = false) => s.put(labelCol, { value: label, ...(bold ? { bold } : {}) });
  /** One row of the chart's data: a label on the right and an amount per year. */
  const dataRow = (name: string, label: string, amounts: (i: number) => Omit<CellWrite, "cell">, cache: number[]) => {
    s.next();
    right(label);
    years.forEach((_, i) => s.put(labelCol + 1 + i, amounts(i)));
    series.push({ nameCell: nameCell(s.row), name, values: range(s.row), cache });
  };
  const series: ChartSpec["series"][number][] = [];
  s.next();
  right("Eget kapital vid årets slut, scenarierna jämförda", true);
  s.next();
  right("År");
  const headerRow = s.row;
  years.forEach((y, i) => s.put(labelCol + 1 + i, { value: y, bold: true }));
  for (const { plan, rows } of blocks) {
    const closing = plan.years.map((y) => y.closingEquity.toNumber());
    const amount = (i: number) => ({
      formula: `=${rows.columns[i]}${rows.closingRow}`,
      numberFormat: KR,
      expected: closing[i]!,
    });
    dataRow(plan.scenario.name, plan.scenario.name, amount, closing);
  }
  const first = blocks[0];
  if (first) {
    const max = first.plan.years.map((y) => y.maxEquity.toNumber());
    const amount = (i: number) => ({
      formula: `=${first.rows.columns[i]}${first.rows.maxEquityRow}`,
      numberFormat: KR,
      expected: max[i]!,
    });
    dataRow("Högsta rekommenderade", "Högsta rekommenderade eget kapital", amount, max);
    dataRow(
      "Noll",
      "Noll",
      () => ({ value: 0, numberFormat: KR }),
      years.map(() => 0),
    );
  }
  const dataEnd = s.row;
  if (first) {
    const differences = compareScenarios(blocks.map((b) => b.plan));
    const firstRow = headerRow + 1;
    blocks.slice(1).forEach(({ plan }, k) => {
      s.next();
      right(`Skillnad: ${plan.scenario.name} − ${first.plan.scenario.name}`);
      differences.forEach((c, i) =>
        s.put(labelCol + 1 + i, {
          formula: `=${col(i)}${firstRow + 1 + k}-${col(i)}${firstRow}`,
          numberFormat: KR,
          expected: c.differenceFromFirst[plan.scenario.id]?.toNumber() ?? 0,
        }),
      );
    });
  }
  return {
    labelCol,
    source: `${columnLetters(labelCol)}${headerRow}:${col(Math.max(0, years.length - 1))}${dataEnd}`,
    categories: range(headerRow),
    series,
  };
}

/** Column A's width: its longest label with amounts beside it (the long texts on top may run over). */
function labelWidth(cells: readonly CellWrite[], from: number): number {
  const rowsWithAmounts = new Set(
    cells.filter((c) => columnOf(c.cell) === 2 || columnOf(c.cell) === 3).map((c) => rowOf(c.cell)),
  );
  const longest = cells
    .filter((c) => columnOf(c.cell) === 1 && rowOf(c.cell) >= from && rowsWithAmounts.has(rowOf(c.cell)))
    .map((c) => String(c.value ?? "").length * (c.bold ? 1.1 : 1) + 2);
  return Math.round(Math.min(LABEL_WIDTH.max, Math.max(LABEL_WIDTH.min, ...longest)));
}

const columnOf = (cell: string) => columnNumber(/^[A-Z]+/.exec(cell)![0]);
const rowOf = (cell: string) => Number(/\d+$/.exec(cell)![0]);

/** A sheet-qualified range for a chart reference: 'Styrelseunderlag'!$B$40:$D$40. */
export function chartRef(sheet: string, range: string): string {
  return sheetRef(sheet, range);
}
