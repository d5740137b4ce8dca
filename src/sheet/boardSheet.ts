import {
  compareScenarios,
  equityOutcome,
  MAX_COMPARED,
  stateHalfIn,
  type Analysis,
  type ScenarioPlan,
} from "../domain";
import { columnLetters, sheetRef } from "./grid";
import { planBlock, staircaseTable, stateHalfExpr, totalExpr, type PlanRows } from "./planFormulas";
import { KR, SheetBuilder } from "./sheetBuilder";
import type { CellWrite } from "./writePlan";

/** The sheet "Skapa styrelseunderlag" writes for the board. */
export const BOARD_SHEET = "Styrelseunderlag";

/** A line chart of closing equity per scenario against the recommended maximum and zero. */
export interface ChartSpec {
  readonly title: string;
  /** The chart's data as one block, year headers on top and series names in column A: "A35:D39". */
  readonly source: string;
  /** The year headers, as a range on the sheet: "$B$40:$D$40". */
  readonly categories: string;
  readonly series: readonly {
    /** The cell holding the series' name. */
    readonly nameCell: string;
    readonly name: string;
    /** The row of values: "$B$41:$D$41". */
    readonly values: string;
    /** The engine's numbers, cached in the chart for viewers that do not recalculate. */
    readonly cache: readonly number[];
  }[];
  /** Where the chart stands: top-left and bottom-right cells (0-based column and row). */
  readonly from: { readonly column: number; readonly row: number };
  readonly to: { readonly column: number; readonly row: number };
}

export interface BoardSheet {
  readonly name: string;
  readonly cells: readonly CellWrite[];
  readonly columnWidths: readonly number[];
  readonly chart: ChartSpec;
  /** The scenarios on it, in order. */
  readonly scenarios: readonly string[];
}

/**
 * The board's basis: the chosen scenarios (at most three) as live formulas on
 * the budget's input cells, the same way as Finsam-kontroll, the closing
 * equity side by side with the differences, the outcome in words, and a chart.
 */
export function buildBoardSheet(analysis: Analysis, scenarioIds?: readonly string[]): BoardSheet {
  const { budget, settings } = analysis;
  const plans = (
    scenarioIds ? scenarioIds.map((id) => analysis.plans.find((p) => p.scenario.id === id)) : analysis.plans
  )
    .filter((p): p is ScenarioPlan => p !== undefined)
    .slice(0, MAX_COMPARED);
  const years = plans[0]?.years.map((y) => y.year) ?? [];
  const s = new SheetBuilder();
  s.next();
  s.label(`Styrelseunderlag: flerårsplan ${years[0] ?? ""}–${years[years.length - 1] ?? ""}`, true);
  s.next();
  s.label("Belopp i kronor. Varje belopp är en formel på budgetens egna celler; diagrammet följer dem.");

  const staircase = staircaseTable(s, settings.equityStaircase);
  // The state's half as the sheet states it in the budget year, where the scenarios start from.
  const stateCells = new Map<number, string>();
  const budgetYear = budget.budgetYear;
  s.next();
  s.next();
  s.label(`Statens hälft enligt arket ${budgetYear}`);
  const half = stateHalfIn(budget, budgetYear);
  const anchor = analysis.splits.find((x) => x.year === budgetYear)?.split;
  if (anchor) {
    stateCells.set(
      budgetYear,
      s.put(2, {
        formula: half ? `=${stateHalfExpr(budget, budgetYear)}` : `=(${totalExpr(budget, budgetYear)})/2`,
        numberFormat: KR,
        expected: anchor.total.dividedBy(2).toNumber(),
      }),
    );
  }

  const blocks: { plan: ScenarioPlan; rows: PlanRows }[] = [];
  for (const plan of plans) {
    const rows = planBlock(s, budget, plan.scenario, plan.years, stateCells, staircase, plan.scenario.name);
    s.next();
    s.label(equityOutcome(plan).sv);
    blocks.push({ plan, rows });
  }

  // Closing equity side by side, the differences to the first, the maximum and zero: the chart's data.
  const comparison = compareScenarios(plans);
  s.next();
  s.next();
  s.label("Eget kapital vid årets slut, scenarierna jämförda", true);
  s.next();
  s.label("År");
  const headerRow = s.row;
  years.forEach((y, i) => s.put(2 + i, { value: y, bold: true }));
  const col = (i: number) => columnLetters(2 + i);
  const range = (row: number) => `$${col(0)}$${row}:$${col(years.length - 1)}$${row}`;
  const series: ChartSpec["series"][number][] = [];
  for (const { plan, rows } of blocks) {
    s.next();
    s.label(plan.scenario.name);
    const cache = plan.years.map((y) => y.closingEquity.toNumber());
    plan.years.forEach((y, i) =>
      s.put(2 + i, {
        formula: `=${rows.columns[i]}${rows.closingRow}`,
        numberFormat: KR,
        expected: y.closingEquity.toNumber(),
      }),
    );
    series.push({ nameCell: `$A$${s.row}`, name: plan.scenario.name, values: range(s.row), cache });
  }
  // The maximum and zero right below the scenarios, so the chart's data is one block (A:year … zero).
  const first = blocks[0];
  if (first) {
    s.next();
    s.label("Högsta rekommenderade eget kapital");
    first.plan.years.forEach((y, i) =>
      s.put(2 + i, {
        formula: `=${first.rows.columns[i]}${first.rows.maxEquityRow}`,
        numberFormat: KR,
        expected: y.maxEquity.toNumber(),
      }),
    );
    series.push({
      nameCell: `$A$${s.row}`,
      name: "Högsta rekommenderade",
      values: range(s.row),
      cache: first.plan.years.map((y) => y.maxEquity.toNumber()),
    });
    s.next();
    s.label("Noll");
    years.forEach((_, i) => s.put(2 + i, { value: 0, numberFormat: KR }));
    series.push({ nameCell: `$A$${s.row}`, name: "Noll", values: range(s.row), cache: years.map(() => 0) });
  }
  const dataEnd = s.row;
  if (first) {
    const firstRow = headerRow + 1;
    blocks.slice(1).forEach(({ plan }, k) => {
      s.next();
      s.label(`Skillnad: ${plan.scenario.name} − ${first.plan.scenario.name}`);
      comparison.forEach((c, i) =>
        s.put(2 + i, {
          formula: `=${col(i)}${firstRow + 1 + k}-${col(i)}${firstRow}`,
          numberFormat: KR,
          expected: c.differenceFromFirst[plan.scenario.id]?.toNumber() ?? 0,
        }),
      );
    });
  }
  const chartTop = s.row + 1;
  return {
    name: BOARD_SHEET,
    cells: s.cells,
    columnWidths: [58, 16, 16, 16, 16, 16],
    scenarios: plans.map((p) => p.scenario.id),
    chart: {
      title: "Eget kapital vid årets slut per scenario",
      source: `A${headerRow}:${col(Math.max(0, years.length - 1))}${dataEnd}`,
      categories: range(headerRow),
      series,
      from: { column: 0, row: chartTop },
      to: { column: 6, row: chartTop + 20 },
    },
  };
}

/** A sheet-qualified range for a chart reference: 'Styrelseunderlag'!$B$40:$D$40. */
export function chartRef(sheet: string, range: string): string {
  return sheetRef(sheet, range);
}
