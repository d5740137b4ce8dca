import { costsIn, otherIncomeIn, sheetYears, statedContributions } from "./budgetQueries";
import {
  splitContributions,
  stateHalfIn,
  totalFromStateHalf,
  yearTotal,
  type ContributionSplit,
} from "./contributionSplit";
import { finding, type Finding } from "./findings";
import { formatKr, formatPercent, message } from "./format";
import { maxEquity, rollEquity } from "./equity";
import { FinsamInputError } from "./errors";
import { largestRemainder } from "./largestRemainder";
import { Decimal, ZERO, roundKronor } from "./money";
import type { Budget, Member, Scenario, Settings } from "./types";

/** The cap in the state's allocation model: at most 10 % less a year (tioprocentsspärren). */
export const WORST_CASE_RATE = new Decimal("0.10");

/** Rule 3's default scenario: the state's half falls by the most it can, 10 % a year. */
export const WORST_CASE: Scenario = {
  id: "worst-case",
  name: "Värsta fall (−10 % per år)",
  contributions: { kind: "reduction", rate: WORST_CASE_RATE },
  costs: { kind: "sheet" },
};

/** The plan as the workbook states it. */
export const SHEET_PLAN: Scenario = {
  id: "sheet",
  name: "Enligt arket",
  contributions: { kind: "sheet" },
  costs: { kind: "sheet" },
};

export interface PlanYear {
  readonly year: number;
  readonly scenario: string;
  /** The members' contributions T. */
  readonly contributions: Decimal;
  readonly split: ContributionSplit;
  /** Each kommun's whole-krona share of the quarter, where the key is usable. */
  readonly kommunAmounts: readonly { readonly name: string; readonly amount: Decimal }[];
  /** The fall in the state's half applied this year (0.10 = −10 %); none for the budget year. */
  readonly stateRate?: Decimal;
  readonly otherIncome: Decimal;
  /** All the year's costs, the planned drawdown included. */
  readonly costs: Decimal;
  /** The part of costs that is extra spending planned from equity (Scenario.plannedDrawdown). */
  readonly plannedDrawdown: Decimal;
  /** contributions + other income − costs. */
  readonly result: Decimal;
  readonly openingEquity: Decimal;
  readonly closingEquity: Decimal;
  readonly maxEquity: Decimal;
}

/**
 * The state's half next year: this year's less the rate, in whole kronor,
 * and not below the floor. A half already at or under the floor is held
 * there: the model cuts towards the floor, it does not raise to it.
 */
export function nextStateHalf(current: Decimal, rate: Decimal, floor?: Decimal): Decimal {
  if ((rate.isNegative() && !rate.isZero()) || rate.greaterThan(1)) {
    throw new FinsamInputError("INPUT_SETTING", `Förändringstakten måste ligga mellan 0 och 100 %: ${rate.toFixed()}`);
  }
  const reduced = roundKronor(current.times(new Decimal(1).minus(rate)));
  if (floor === undefined) return reduced;
  if (current.lessThanOrEqualTo(floor)) return current;
  return Decimal.max(reduced, floor);
}

/** The rate a reduction scenario applies in a given year. */
export function rateFor(scenario: Scenario, year: number): Decimal | undefined {
  const c = scenario.contributions;
  return c.kind === "reduction" ? (c.rateByYear?.[year] ?? c.rate) : undefined;
}

/** The budget year and the plan years the projection covers. */
export function planYears(budget: Budget, planLength: number): number[] {
  return Array.from({ length: planLength + 1 }, (_, i) => budget.budgetYear + i);
}

/**
 * Rule 3: projects the budget year and the plan years under a scenario.
 * Contributions follow the scenario (the sheet's, or the state's half falling
 * by the rate with the others matching it); costs follow the sheet where it
 * has them, else the budget year's; equity rolls forward from the opening.
 *
 * Needs the budget year's contributions and costs; validateBudget reports
 * their absence as INPUT_* findings before this is called.
 */
export function projectPlan(
  budget: Budget,
  scenario: Scenario,
  settings: Settings,
  kommuner: readonly Member[] = [],
  kommunWeights?: readonly Decimal[],
): PlanYear[] {
  const anchor = yearTotal(budget, budget.budgetYear);
  const baseCosts = costsIn(budget, budget.budgetYear);
  if (!anchor) throw new FinsamInputError("INPUT_MISSING_YEAR", `Medlemsavgifter saknas för ${budget.budgetYear}.`);
  if (baseCosts === undefined)
    throw new FinsamInputError("INPUT_MISSING_YEAR", `Kostnader saknas för ${budget.budgetYear}.`);

  const years: PlanYear[] = [];
  let stateHalf = anchor.total.dividedBy(2);
  let contributions =
    scenario.contributions.kind === "sheet"
      ? (statedContributions(budget, budget.budgetYear) ?? anchor.total)
      : anchor.total;
  let costs = baseCosts;
  let opening = budget.openingEquity?.value ?? ZERO;

  const stated = new Set(sheetYears(budget));
  for (const year of planYears(budget, settings.planLength)) {
    let stateRate: Decimal | undefined;
    if (year > budget.budgetYear) {
      if (scenario.contributions.kind === "sheet") {
        contributions = statedContributions(budget, year) ?? contributions;
      } else {
        stateRate = rateFor(scenario, year)!;
        stateHalf = nextStateHalf(stateHalf, stateRate, scenario.contributions.stateFloor);
        contributions = totalFromStateHalf(stateHalf);
      }
      costs = nextCosts(budget, scenario, year, costs, baseCosts);
    }
    const split = splitContributions(roundKronor(contributions));
    // Like costs (Rule 3), a plan year the sheet does not have holds the budget year's other income.
    const otherIncome =
      otherIncomeIn(budget, year) ?? (stated.has(year) ? ZERO : (otherIncomeIn(budget, budget.budgetYear) ?? ZERO));
    const plannedDrawdown = year > budget.budgetYear ? (scenario.plannedDrawdown?.[year] ?? ZERO) : ZERO;
    const allCosts = costs.plus(plannedDrawdown);
    const result = contributions.plus(otherIncome).minus(allCosts);
    const closing = rollEquity(opening, contributions.plus(otherIncome), allCosts);
    years.push({
      year,
      scenario: scenario.id,
      contributions,
      split,
      kommunAmounts: kommunWeights ? kommunAmountsOf(split.kommuner, kommuner, kommunWeights) : [],
      ...(stateRate ? { stateRate } : {}),
      otherIncome,
      costs: allCosts,
      plannedDrawdown,
      result,
      openingEquity: opening,
      closingEquity: closing,
      maxEquity: maxEquity(settings.equityStaircase, contributions),
    });
    opening = closing;
  }
  return years;
}

function nextCosts(budget: Budget, scenario: Scenario, year: number, previous: Decimal, base: Decimal): Decimal {
  switch (scenario.costs.kind) {
    case "sheet":
      return costsIn(budget, year) ?? base;
    case "flat":
      return base;
    case "change":
      return roundKronor(previous.times(new Decimal(1).plus(scenario.costs.rate)));
  }
}

function kommunAmountsOf(quarter: Decimal, kommuner: readonly Member[], weights: readonly Decimal[]) {
  const amounts = largestRemainder(quarter, weights);
  return kommuner.map((k, i) => ({ name: k.name, amount: amounts[i]! }));
}

/** The first year whose closing equity is below zero, if any: the year the money runs out. */
export function yearEquityRunsOut(years: readonly PlanYear[]): number | undefined {
  return years.find((y) => y.closingEquity.isNegative() && !y.closingEquity.isZero())?.year;
}

/**
 * Plan years in the sheet that do not survive the worst case: where the
 * sheet counts on more from the state than the worst case leaves, the
 * state's cell for that year is flagged (PLAN_ABOVE_WORST_CASE).
 */
export function checkPlanAgainstWorstCase(budget: Budget, worst: readonly PlanYear[]): Finding[] {
  const findings: Finding[] = [];
  for (const year of budget.planYears) {
    const stated = stateHalfIn(budget, year);
    const worstYear = worst.find((y) => y.year === year);
    if (!stated || !worstYear || !stated.value.greaterThan(worstYear.split.state)) continue;
    const rate = worstYear.stateRate ? formatPercent(worstYear.stateRate.negated()) : "";
    findings.push(
      finding({
        code: "PLAN_ABOVE_WORST_CASE",
        severity: "warning",
        ...(stated.ref ? { ref: stated.ref } : {}),
        year,
        scenario: WORST_CASE.id,
        expected: worstYear.split.state,
        actual: stated.value,
        message: message(
          `Plan ${year}: arket räknar med ${formatKr(stated.value)} från staten, men i värsta fall (${rate} per år) blir det ${formatKr(worstYear.split.state)}, och medlemsavgifterna ${formatKr(worstYear.contributions)}.`,
          `Plan ${year}: the sheet counts on ${formatKr(stated.value, "en")} from the state, but in the worst case (${formatPercent(worstYear.stateRate?.negated() ?? ZERO, "en")} a year) it is ${formatKr(worstYear.split.state, "en")}, and the contributions ${formatKr(worstYear.contributions, "en")}.`,
        ),
      }),
    );
  }
  return findings;
}
