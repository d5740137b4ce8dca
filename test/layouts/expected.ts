/**
 * The expected report of a budget, computed from the abstract budget alone
 * with decimal.js and nothing of src/: the rules of DOMAIN.md written out a
 * second time, small enough to check by hand (expected.test.ts reproduces
 * DOMAIN.md's worked numbers with it).
 */
import DecimalBase from "decimal.js";
import { costLines, linesIn, memberAmounts, type AbstractBudget, type LayoutUnit } from "./model";

const D = DecimalBase.clone({ precision: 50, rounding: DecimalBase.ROUND_HALF_UP });
type Dec = InstanceType<typeof D>;

export interface ExpectedMember {
  readonly party: "stat" | "fk" | "af" | "region" | "kommun";
  /** The member as the abstract budget names it: the kommun's own name, or the party. */
  readonly name: string;
  readonly year: number;
  readonly computedAmount: number;
  readonly sheetAmount: number;
  /** The abstract cell of the sheet amount (see generator.ts), mapped to sheet/cell in the fixture's JSON. */
  readonly key: string;
}

export interface ExpectedPlanYear {
  readonly year: number;
  readonly contributions: number;
  readonly otherIncome: number;
  readonly costs: number;
  readonly openingEquity: number;
  readonly closingEquity: number;
}

export interface ExpectedFinding {
  readonly code: string;
  readonly year?: number;
  readonly scenario?: string;
  /** The abstract cell the finding stands on, where the rule puts it on one input cell. */
  readonly key?: string;
}

export interface ExpectedBudget {
  readonly unit: LayoutUnit;
  readonly budgetYear: number;
  readonly members: readonly ExpectedMember[];
  readonly plan: { readonly sheet: readonly ExpectedPlanYear[]; readonly "worst-case": readonly ExpectedPlanYear[] };
  readonly findings: readonly ExpectedFinding[];
}

/** The codes whose presence the corpus checks exactly: every one expected, none other. */
export const RULE_CODES = [
  "SHARE_DEVIATION",
  "SHARE_SUM",
  "PARTY_SPLIT",
  "EQUITY_NEGATIVE",
  "EQUITY_ABOVE_MAX",
  "EQUITY_OUTSIDE_TARGET",
  "DEFICIT_UNJUSTIFIED",
  "DEFICIT_JUSTIFIED",
  "CEILING_EXCEEDED",
  "LINE_OVER_BUDGET",
  "TOTAL_MISMATCH",
  "DRAWDOWN_MISMATCH",
  "PLAN_ABOVE_WORST_CASE",
] as const;

/** Whole kronor by largest remainder: floors, then one krona each to the largest remainders (ties: larger weight, then order). */
export function largestRemainder(total: Dec, weights: readonly Dec[]): Dec[] {
  const sum = weights.reduce((s, w) => s.plus(w), new D(0));
  // Remainders as exact numerators over the one denominator Σw: a quotient rounded at its last digit
  // would break a true tie (1 150 018,421… and 224 048,421… are equal fractions, not two different ones).
  const numerators = weights.map((w) => total.times(w));
  const floors = numerators.map((n) => n.dividedToIntegerBy(sum));
  const remainders = numerators.map((n, i) => n.minus(floors[i]!.times(sum)));
  const left = total.minus(floors.reduce((s, f) => s.plus(f), new D(0))).toNumber();
  const order = weights
    .map((_, i) => i)
    .sort((a, b) => {
      const byFraction = remainders[b]!.comparedTo(remainders[a]!);
      return byFraction !== 0 ? byFraction : weights[b]!.comparedTo(weights[a]!) || a - b;
    });
  for (const i of order.slice(0, left)) floors[i] = floors[i]!.plus(1);
  return floors;
}

/** Rule 1: T split 2:1:1, the state's half into FK and AF. */
export function split(total: number) {
  const [state, region, kommuner] = largestRemainder(new D(total), [new D(2), new D(1), new D(1)]);
  const [fk, af] = largestRemainder(state!, [new D(1), new D(1)]);
  return {
    state: state!.toNumber(),
    fk: fk!.toNumber(),
    af: af!.toNumber(),
    region: region!.toNumber(),
    kommuner: kommuner!.toNumber(),
  };
}

export function stateHalf(b: AbstractBudget, year: number): number | undefined {
  if (b.state.kind === "one") return b.state.amounts[year];
  const fk = b.state.fk[year];
  const af = b.state.af[year];
  return fk === undefined || af === undefined ? undefined : fk + af;
}

/** Rule 2: each kommun's whole-krona share of the quarter, by population. */
export function kommunShares(b: AbstractBudget, quarter: number): number[] {
  return largestRemainder(
    new D(quarter),
    b.kommuner.map((k) => new D(k.population)),
  ).map((d) => d.toNumber());
}

const severityOf = (difference: number) =>
  difference === 0 ? undefined : Math.abs(difference) <= 1 ? "info" : "warning";

function members(b: AbstractBudget): { members: ExpectedMember[]; findings: ExpectedFinding[] } {
  const out: ExpectedMember[] = [];
  const findings: ExpectedFinding[] = [];
  for (const year of b.years) {
    const half = stateHalf(b, year);
    if (half === undefined) continue;
    const s = split(2 * half);
    const push = (
      party: ExpectedMember["party"],
      name: string,
      computed: number,
      sheet: number | undefined,
      key: string,
    ) => {
      if (sheet === undefined) return;
      out.push({ party, name, year, computedAmount: computed, sheetAmount: sheet, key });
      if (party !== "kommun" && severityOf(sheet - computed)) findings.push({ code: "PARTY_SPLIT", year, key });
    };
    if (b.state.kind === "one") push("stat", "stat", s.state, b.state.amounts[year], `member:stat:${year}`);
    else {
      push("fk", "fk", s.fk, b.state.fk[year], `member:fk:${year}`);
      push("af", "af", s.af, b.state.af[year], `member:af:${year}`);
    }
    push("region", "region", s.region, b.region.amounts[year], `member:region:${year}`);
    const shares = b.kommuner.length > 1 ? kommunShares(b, s.kommuner) : [s.kommuner];
    b.kommuner.forEach((k, i) => {
      const key = `member:${k.name}:${year}`;
      out.push({ party: "kommun", name: k.name, year, computedAmount: shares[i]!, sheetAmount: k.amounts[year]!, key });
      if (severityOf(k.amounts[year]! - shares[i]!)) findings.push({ code: "SHARE_DEVIATION", year, key });
    });
    const kommunSum = b.kommuner.reduce((t, k) => t + k.amounts[year]!, 0);
    if (severityOf(kommunSum - s.kommuner)) findings.push({ code: "SHARE_SUM", year });
  }
  return { members: out, findings };
}

const roundKr = (d: Dec) => d.toDecimalPlaces(0, D.ROUND_HALF_UP);

/** Rules 3–5: the plan of a scenario over the budget year and two plan years, and its findings. */
function plan(b: AbstractBudget, scenario: "sheet" | "worst-case") {
  const years = [b.budgetYear, b.budgetYear + 1, b.budgetYear + 2];
  const costsOf = (y: number) => linesIn(costLines(b), y);
  const baseCosts = costsOf(b.budgetYear)!;
  let half = new D(stateHalf(b, b.budgetYear)!);
  let contributions = new D(
    scenario === "sheet" ? memberAmounts(b, b.budgetYear).reduce((s, a) => s + a, 0) : half.times(2).toNumber(),
  );
  let opening = new D(b.openingEquity);
  const out: ExpectedPlanYear[] = [];
  const findings: ExpectedFinding[] = [];
  for (const year of years) {
    if (year > b.budgetYear) {
      if (scenario === "sheet") {
        const stated = memberAmounts(b, year);
        if (stated.length > 0) contributions = new D(stated.reduce((s, a) => s + a, 0));
      } else {
        half = roundKr(half.times("0.9"));
        contributions = half.times(2);
        const sheetHalf = stateHalf(b, year);
        if (sheetHalf !== undefined && b.years.includes(year) && new D(sheetHalf).greaterThan(half)) {
          const key = b.state.kind === "one" ? `member:stat:${year}` : `member:fk:${year}`;
          findings.push({ code: "PLAN_ABOVE_WORST_CASE", year, scenario, key });
        }
      }
    }
    const costs = new D(costsOf(year) ?? baseCosts);
    const other = new D(
      linesIn(b.otherIncome, year) ?? (b.years.includes(year) ? 0 : (linesIn(b.otherIncome, b.budgetYear) ?? 0)),
    );
    const income = contributions.plus(other);
    const closing = opening.plus(income).minus(costs);
    const max = contributions.times(20).dividedBy(100);
    const where = { year, scenario };
    if (closing.isNegative() && !closing.isZero()) findings.push({ code: "EQUITY_NEGATIVE", ...where });
    if (closing.greaterThan(max)) findings.push({ code: "EQUITY_ABOVE_MAX", ...where });
    if (b.equityTarget) {
      const c = new D(b.equityTarget.centre);
      const t = new D(b.equityTarget.tolerance);
      if (closing.lessThan(c.times(new D(1).minus(t))) || closing.greaterThan(c.times(new D(1).plus(t))))
        findings.push({ code: "EQUITY_OUTSIDE_TARGET", ...where });
    }
    if (costs.greaterThan(income.plus(opening))) findings.push({ code: "CEILING_EXCEEDED", ...where });
    else if (costs.greaterThan(income))
      findings.push({ code: opening.greaterThan(max) ? "DEFICIT_JUSTIFIED" : "DEFICIT_UNJUSTIFIED", ...where });
    const drawdown = b.drawdown?.[year];
    if (
      scenario === "sheet" &&
      drawdown !== undefined &&
      severityOf(new D(drawdown).minus(costs.minus(income)).toNumber())
    )
      findings.push({ code: "DRAWDOWN_MISMATCH", year, key: `drawdown:${year}` });
    out.push({
      year,
      contributions: contributions.toNumber(),
      otherIncome: other.toNumber(),
      costs: costs.toNumber(),
      openingEquity: opening.toNumber(),
      closingEquity: closing.toNumber(),
    });
    opening = closing;
  }
  return { years: out, findings };
}

/** The expected report of a budget in a unit (the unit changes nothing but how the sheet shows it). */
export function expectedBudget(b: AbstractBudget, unit: LayoutUnit): ExpectedBudget {
  const m = members(b);
  const sheet = plan(b, "sheet");
  const worst = plan(b, "worst-case");
  return {
    unit,
    budgetYear: b.budgetYear,
    members: m.members,
    plan: { sheet: sheet.years, "worst-case": worst.years },
    findings: [...m.findings, ...sheet.findings, ...worst.findings],
  };
}
