import { checkFollowUp } from "./budgetCeiling";
import { otherIncomeIn, statedContributions } from "./budgetQueries";
import { checkEquity, maxEquity, rollEquity } from "./equity";
import { sortFindings, type Finding } from "./findings";
import { Decimal, roundKronor, sum, ZERO } from "./money";
import type { Budget, CellRef, FollowUpLine, Settings, SourcedAmount } from "./types";

/**
 * How a line's full-year forecast was made (Rule 6): typed by the
 * ekonomistöd, the utfall scaled to the year (utfall × 12 / months elapsed),
 * or the budget itself where nothing has been spent yet.
 */
export type ForecastMethod = "typed" | "scaled" | "budget";

/** A line's forecast as the user chose it in the pane: an amount typed, or one of the computed methods. */
export type ForecastChoice =
  { readonly method: "typed"; readonly amount: Decimal } | { readonly method: "scaled" | "budget" };

export interface FollowUpInput {
  /** Utfall to date per cost line label, costs positive. */
  readonly outcomes: ReadonlyMap<string, Decimal>;
  /** Months of the year the utfall covers (8 for January–August). */
  readonly monthsElapsed: number;
  /** Forecasts the ekonomistöd typed, by line label; they win over the computed ones. */
  readonly typedForecasts?: ReadonlyMap<string, Decimal>;
  /** The user's choice per line label; it wins over typedForecasts and the default. */
  readonly choices?: ReadonlyMap<string, ForecastChoice>;
  /** Income to date, for the board's information; the forecast's income is the budget's. */
  readonly incomeOutcome?: Decimal;
  /** Where the sheet holds a line's utfall and typed forecast: a finding on them stands there, else on the budget cell. */
  readonly cells?: {
    readonly outcomes?: ReadonlyMap<string, CellRef>;
    readonly typedForecasts?: ReadonlyMap<string, CellRef>;
  };
}

export interface FollowUpRow {
  readonly label: string;
  readonly budget: SourcedAmount;
  readonly outcome: Decimal;
  readonly forecast: Decimal;
  readonly method: ForecastMethod;
  /** forecast − budget: above zero is over budget. */
  readonly deviation: Decimal;
  /** deviation / budget; undefined for a budget of zero. */
  readonly deviationPercent?: Decimal;
}

export interface FollowUp {
  readonly year: number;
  readonly monthsElapsed: number;
  readonly rows: readonly FollowUpRow[];
  readonly total: {
    readonly budget: Decimal;
    readonly outcome: Decimal;
    readonly forecast: Decimal;
    readonly deviation: Decimal;
    readonly deviationPercent?: Decimal;
  };
  /** The budget frame the total forecast is held against (Rule 5); the cost total where none is stated. */
  readonly frame?: SourcedAmount;
  /** Members' contributions and other income as budgeted: the forecast's income. */
  readonly income: { readonly contributions: Decimal; readonly other: Decimal; readonly outcome?: Decimal };
  /** Income − forecast costs. */
  readonly result: Decimal;
  readonly openingEquity?: Decimal;
  /** Opening equity + result (Rule 4), where the budget states the opening equity. */
  readonly closingEquity?: Decimal;
  readonly maxEquity: Decimal;
  /** Outcome on labels that are not cost lines of the budget: listed, never dropped. */
  readonly withoutLine: readonly { readonly label: string; readonly outcome: Decimal }[];
  readonly findings: readonly Finding[];
}

/** The scenario id follow-up findings carry, so they are told apart from the plan's. */
export const FOLLOW_UP_SCENARIO = "prognos";

/**
 * One line's forecast: the user's choice where there is one, else typed, else
 * scaled from the utfall, else the budget. Scaling with no months elapsed gives the budget.
 */
export function lineForecast(
  budget: Decimal,
  outcome: Decimal,
  monthsElapsed: number,
  typed?: Decimal,
  choice?: ForecastChoice,
): { forecast: Decimal; method: ForecastMethod } {
  if (choice?.method === "typed") return { forecast: choice.amount, method: "typed" };
  if (choice?.method === "budget") return { forecast: budget, method: "budget" };
  if (typed && !choice) return { forecast: typed, method: "typed" };
  if ((outcome.isZero() && !choice) || monthsElapsed <= 0) return { forecast: budget, method: "budget" };
  return { forecast: roundKronor(outcome.times(12).dividedBy(monthsElapsed)), method: "scaled" };
}

const percentOf = (deviation: Decimal, base: Decimal) => (base.isZero() ? undefined : deviation.dividedBy(base));

/**
 * Rule 6 on the budget year: each cost line's budget, utfall and forecast,
 * the totals, the forecast's result and closing equity, and the findings of
 * Rules 4–5 on them (LINE_OVER_BUDGET, CEILING_EXCEEDED, EQUITY_*).
 */
export function followUp(budget: Budget, settings: Settings, input: FollowUpInput): FollowUp {
  const year = budget.budgetYear;
  const rows: FollowUpRow[] = budget.costs.flatMap((line) => {
    const amount = line.amounts.get(year);
    if (!amount) return [];
    const outcome = input.outcomes.get(line.label) ?? ZERO;
    const { forecast, method } = lineForecast(
      amount.value,
      outcome,
      input.monthsElapsed,
      input.typedForecasts?.get(line.label),
      input.choices?.get(line.label),
    );
    const deviation = forecast.minus(amount.value);
    const percent = percentOf(deviation, amount.value);
    return [
      {
        label: line.label,
        budget: amount,
        outcome,
        forecast,
        method,
        deviation,
        ...(percent ? { deviationPercent: percent } : {}),
      },
    ];
  });
  const labels = new Set(rows.map((r) => r.label));
  const total = {
    budget: sum(rows.map((r) => r.budget.value)),
    outcome: sum(rows.map((r) => r.outcome)),
    forecast: sum(rows.map((r) => r.forecast)),
  };
  const totalDeviation = total.forecast.minus(total.budget);
  const totalPercent = percentOf(totalDeviation, total.budget);
  const contributions = statedContributions(budget, year) ?? ZERO;
  const other = otherIncomeIn(budget, year) ?? ZERO;
  const result = contributions.plus(other).minus(total.forecast);
  const ceiling = maxEquity(settings.equityStaircase, contributions);
  const opening = budget.openingEquity?.value;
  const closing = opening === undefined ? undefined : rollEquity(opening, contributions.plus(other), total.forecast);

  // Rule 5 through the existing check, on the sheet's utfall and typed forecast cells where it has them,
  // else on the line's budget cell (utfall from SIE, a forecast computed or typed in the pane).
  const lines: FollowUpLine[] = rows.map((r) => {
    const at = (ref: CellRef | undefined) => (ref ? { ref } : {});
    const typedCell =
      r.method === "typed" && !input.choices?.has(r.label) ? input.cells?.typedForecasts?.get(r.label) : undefined;
    return {
      label: r.label,
      year,
      budget: r.budget,
      outcome: { value: r.outcome, ...at(input.cells?.outcomes?.get(r.label) ?? r.budget.ref) },
      forecast: { value: r.forecast, ...at(typedCell ?? r.budget.ref) },
    };
  });
  const findings = [
    ...checkFollowUp({ ...budget, followUp: lines }),
    ...(closing === undefined
      ? []
      : checkEquity(
          { year, contributions, closingEquity: closing, maxEquity: ceiling },
          settings.equityTarget,
          FOLLOW_UP_SCENARIO,
          // About the forecast, computed on Finsam-uppföljning: not on the opening equity, a number typed right.
          undefined,
        )),
  ];
  return {
    year,
    monthsElapsed: input.monthsElapsed,
    rows,
    total: { ...total, deviation: totalDeviation, ...(totalPercent ? { deviationPercent: totalPercent } : {}) },
    ...(budget.budgetFrame ? { frame: budget.budgetFrame } : {}),
    income: { contributions, other, ...(input.incomeOutcome ? { outcome: input.incomeOutcome } : {}) },
    result,
    ...(opening !== undefined ? { openingEquity: opening } : {}),
    ...(closing !== undefined ? { closingEquity: closing } : {}),
    maxEquity: ceiling,
    withoutLine: [...input.outcomes.entries()]
      .filter(([label, value]) => !labels.has(label) && !value.isZero())
      .map(([label, outcome]) => ({ label, outcome })),
    findings: sortFindings(findings),
  };
}
