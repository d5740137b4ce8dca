import { checkBudgetCeiling, checkDrawdown, checkFollowUp, checkTotals } from "./budgetCeiling";
import { amountIn, costsRef, linesTotal, membersOf, sheetYears } from "./budgetQueries";
import {
  checkPartySplit,
  splitContributions,
  yearTotal,
  type ContributionSplit,
  type YearTotal,
} from "./contributionSplit";
import { checkEquity } from "./equity";
import { FinsamInputError } from "./errors";
import { finding, oneFindingPerFact, sortFindings, type Finding } from "./findings";
import { formatKr, message } from "./format";
import { checkKommunShares, kommunShares, kommunWeights } from "./kommunKey";
import type { Decimal } from "./money";
import {
  checkPlanAgainstWorstCase,
  projectPlan,
  SHEET_PLAN,
  WORST_CASE,
  yearEquityRunsOut,
  type PlanYear,
} from "./plan";
import { defaultSettings } from "./settings";
import type { Budget, CellRef, Member, Party, Scenario, Settings, SourcedAmount } from "./types";
import { validateBudget, validateKommunKey, validateSettings } from "./validate";

/** A member's share in one year: what the sheet says and what the rules give. */
export interface MemberShare {
  readonly name: string;
  readonly party: Party;
  readonly year: number;
  readonly population?: Decimal;
  /** The weight under the key (population or fixed per cent), kommuner only. */
  readonly weight?: Decimal;
  readonly sheetAmount?: SourcedAmount;
  /** Whole kronor (Rules 1–2) of the year's total as the sheet states it. */
  readonly computedAmount: Decimal;
  /** The unrounded share. */
  readonly exactAmount: Decimal;
  readonly ref?: CellRef;
}

export interface ScenarioPlan {
  readonly scenario: Scenario;
  readonly years: readonly PlanYear[];
  /** The first year that ends with equity below zero. */
  readonly equityRunsOut?: number;
}

export interface Analysis {
  readonly budget: Budget;
  readonly settings: Settings;
  readonly members: readonly MemberShare[];
  /** The split of each year's total T that the members were checked against. */
  readonly splits: readonly { readonly year: number; readonly split: ContributionSplit }[];
  readonly plans: readonly ScenarioPlan[];
  /** Errors first, then warnings, then information. */
  readonly findings: readonly Finding[];
}

/**
 * The whole engine on one budget: validate, check each year's shares
 * (Rules 1–2), project each scenario's plan (Rule 3) and check its equity
 * and ceiling (Rules 4–5), and check the sheet's totals and follow-up.
 */
export function analyzeBudget(budget: Budget, settings: Settings = defaultSettings()): Analysis {
  const findings: Finding[] = [...validateBudget(budget), ...validateSettings(settings)];
  const members: MemberShare[] = [];
  const splits: { year: number; split: ContributionSplit }[] = [];
  const plans: ScenarioPlan[] = [];
  const blocked = (code: string) => findings.some((f) => f.code === code && f.severity === "error");
  if (budget.members.length === 0 && budget.followUp.length > 0) {
    // A follow-up workbook: Rule 5 on the lines and the forecast, nothing to split.
    findings.push(...checkTotals(budget), ...checkFollowUp(budget));
    return { budget, settings, members, splits, plans, findings: sortFindings(findings) };
  }
  if (blocked("INPUT_NO_MEMBERS") || !yearTotal(budget, budget.budgetYear)) {
    return { budget, settings, members, splits, plans, findings: sortFindings(findings) };
  }

  const kommuner = membersOf(budget, "kommun");
  const keyFindings = kommuner.length > 0 ? validateKommunKey(budget, settings) : [];
  findings.push(...keyFindings);
  const weights =
    kommuner.length > 0 && keyFindings.length === 0
      ? (kommunWeights(kommuner, settings.kommunKey) as Decimal[])
      : undefined;

  for (const year of sheetYears(budget)) {
    const anchor = yearTotal(budget, year);
    if (!anchor || anchor.total.isNegative()) continue;
    if (!anchor.total.isInteger()) {
      findings.push(notWholeKronor(year, anchor));
      continue;
    }
    const split = splitContributions(anchor.total);
    splits.push({ year, split });
    findings.push(...checkPartySplit(budget, year, anchor));
    members.push(...partyShares(budget, year, split));
    if (weights) {
      const shares = kommunShares(split.kommuner, kommuner, weights);
      findings.push(...checkKommunShares(budget, year, split.kommuner, shares, settings.kommunKey));
      for (const share of shares)
        members.push(memberShare(share.member, year, share.amount, share.exact, share.weight));
    }
  }

  if (!blocked("INPUT_SETTING") && !blocked("INPUT_MISSING_YEAR")) {
    for (const scenario of settings.scenarios) {
      try {
        const years = projectPlan(budget, scenario, settings, kommuner, weights);
        const runsOut = yearEquityRunsOut(years);
        plans.push({ scenario, years, ...(runsOut !== undefined ? { equityRunsOut: runsOut } : {}) });
        findings.push(...planFindings(budget, settings, years, scenario));
      } catch (error) {
        if (!(error instanceof FinsamInputError)) throw error;
        findings.push({
          code: error.code,
          severity: "error",
          scenario: scenario.id,
          message: message(error.message, error.message),
        });
      }
    }
  }

  const worst = plans.find((p) => p.scenario.id === WORST_CASE.id);
  if (worst) findings.push(...checkPlanAgainstWorstCase(budget, worst.years));
  findings.push(...checkTotals(budget), ...checkFollowUp(budget));
  return { budget, settings, members, splits, plans, findings: sortFindings(oneFindingPerFact(findings)) };
}

function notWholeKronor(year: number, anchor: YearTotal): Finding {
  return finding({
    code: "INPUT_AMOUNT",
    severity: "warning",
    ...(anchor.ref ? { ref: anchor.ref } : {}),
    year,
    actual: anchor.total,
    message: message(
      `Medlemsavgifterna ${year} (${formatKr(anchor.total)}) är inte hela kronor; andelarna för året kontrolleras inte.`,
      `The contributions for ${year} (${formatKr(anchor.total, "en")}) are not whole kronor; the year's shares are not checked.`,
    ),
  });
}

/**
 * Rules 4–5 on each year of a scenario's plan. A finding about a figure the add-in computes (closing
 * equity; any figure of a scenario other than the sheet's own) names no cell: src/plan places it on the
 * Finsam-kontroll cell that computes it, never on an input that is right as typed. Costs that cannot
 * be financed always leave equity below zero: that is one error, with both numbers.
 */
function planFindings(budget: Budget, settings: Settings, years: readonly PlanYear[], scenario: Scenario): Finding[] {
  const ownPlan = scenario.id === SHEET_PLAN.id;
  return years.flatMap((year) => {
    const ceiling = checkBudgetCeiling(year, ownPlan ? costsRef(budget, year.year) : undefined);
    const unfinanced = ceiling.some((f) => f.code === "CEILING_EXCEEDED");
    const findings = [
      ...ceiling,
      ...checkEquity(year, settings.equityTarget, scenario.id, undefined).filter(
        (f) => !(unfinanced && f.code === "EQUITY_NEGATIVE"),
      ),
    ];
    const drawdown = linesTotal(budget.equityDrawdowns, year.year);
    const drawdownRef = budget.equityDrawdowns.find((l) => l.amounts.get(year.year))?.amounts.get(year.year)?.ref;
    if (scenario.contributions.kind === "sheet" && drawdown !== undefined) {
      findings.push(...checkDrawdown({ value: drawdown, ...(drawdownRef ? { ref: drawdownRef } : {}) }, year));
    }
    return findings;
  });
}

function partyShares(budget: Budget, year: number, split: ContributionSplit): MemberShare[] {
  const expected: Record<Exclude<Party, "kommun">, Decimal> = {
    stat: split.state,
    fk: split.fk,
    af: split.af,
    region: split.region,
  };
  return budget.members
    .filter((m) => m.party !== "kommun")
    .map((m) =>
      memberShare(
        m,
        year,
        expected[m.party as Exclude<Party, "kommun">],
        expected[m.party as Exclude<Party, "kommun">],
      ),
    );
}

function memberShare(member: Member, year: number, computed: Decimal, exact: Decimal, weight?: Decimal): MemberShare {
  const sheetAmount = amountIn(member, year);
  return {
    name: member.name,
    party: member.party,
    year,
    ...(member.population ? { population: member.population.value } : {}),
    ...(weight ? { weight } : {}),
    ...(sheetAmount ? { sheetAmount } : {}),
    computedAmount: computed,
    exactAmount: exact,
    ...(sheetAmount?.ref ? { ref: sheetAmount.ref } : {}),
  };
}
