import { equityOutcome, type Analysis, type Decimal, type Party, type Severity, type Unit } from "../domain";
import type { ReportFollowUp } from "./followUpReport";
import { reportFinding, type ReportFinding } from "./reportFinding";

/** The report of DESIGN.md: amounts in kronor as JSON numbers, whatever unit the sheet uses. */
export interface ReportMember {
  readonly name: string;
  readonly party: Party;
  readonly year: number;
  readonly population?: number;
  readonly sheet?: string;
  readonly cell?: string;
  readonly sheetAmount?: number;
  readonly computedAmount: number;
  readonly difference?: number;
}

export interface ReportPlanYear {
  readonly year: number;
  readonly scenario: string;
  readonly contributions: number;
  readonly otherIncome: number;
  readonly costs: number;
  readonly result: number;
  readonly openingEquity: number;
  readonly closingEquity: number;
  readonly maxEquity: number;
  /** The fall in the state's half applied that year (0.1 = −10 %). */
  readonly stateRate?: number;
}

/** Where each part of the budget was read from, and why (src/read/parts.ts). */
export interface ReportLocation {
  readonly sheet: string;
  readonly parts: readonly {
    readonly part: string;
    readonly sheet: string;
    readonly range: string;
    readonly evidence: string;
  }[];
}

export interface Report {
  readonly file: string;
  readonly unit: Unit;
  readonly budgetYear: number;
  readonly sheet: string;
  readonly members: readonly ReportMember[];
  readonly plan: readonly ReportPlanYear[];
  /** The first year whose closing equity is below zero, by scenario. */
  readonly equityRunsOut: Readonly<Record<string, number>>;
  /** Each scenario's equity over the plan, in words for the board. */
  readonly outcomes: readonly {
    readonly scenario: string;
    readonly name: string;
    readonly message: string;
    readonly messageEn: string;
  }[];
  readonly findings: readonly ReportFinding[];
  readonly summary: Readonly<Record<Severity, number>>;
  readonly location?: ReportLocation;
  /** With --sie: the follow-up of the budget year on the bookkeeping (Rule 6). */
  readonly followUp?: ReportFollowUp;
}

const kr = (d: Decimal): number => d.toNumber();

/** The analysis as the report: members per year, the plan per scenario, and every finding. */
export function buildReport(file: string, sheet: string, analysis: Analysis, location?: ReportLocation): Report {
  // Every finding once, as the analysis holds them: reading's and the rules', errors first.
  const findings = analysis.findings.map((f) => reportFinding(f, analysis.settings.scenarios));
  return {
    file,
    unit: analysis.budget.unit,
    budgetYear: analysis.budget.budgetYear,
    sheet,
    members: analysis.members.map((m) => ({
      name: m.name,
      party: m.party,
      year: m.year,
      ...(m.population ? { population: kr(m.population) } : {}),
      ...(m.ref ? { sheet: m.ref.sheet, cell: m.ref.cell } : {}),
      ...(m.sheetAmount
        ? { sheetAmount: kr(m.sheetAmount.value), difference: kr(m.sheetAmount.value.minus(m.computedAmount)) }
        : {}),
      computedAmount: kr(m.computedAmount),
    })),
    plan: analysis.plans.flatMap((p) =>
      p.years.map((y) => ({
        year: y.year,
        scenario: y.scenario,
        contributions: kr(y.contributions),
        otherIncome: kr(y.otherIncome),
        costs: kr(y.costs),
        result: kr(y.result),
        openingEquity: kr(y.openingEquity),
        closingEquity: kr(y.closingEquity),
        maxEquity: kr(y.maxEquity),
        ...(y.stateRate ? { stateRate: kr(y.stateRate) } : {}),
      })),
    ),
    outcomes: analysis.plans.map((p) => {
      const outcome = equityOutcome(p);
      return { scenario: p.scenario.id, name: p.scenario.name, message: outcome.sv, messageEn: outcome.en };
    }),
    equityRunsOut: Object.fromEntries(
      analysis.plans.flatMap((p) => (p.equityRunsOut ? [[p.scenario.id, p.equityRunsOut]] : [])),
    ),
    findings,
    summary: {
      error: findings.filter((f) => f.severity === "error").length,
      warning: findings.filter((f) => f.severity === "warning").length,
      info: findings.filter((f) => f.severity === "info").length,
    },
    ...(location
      ? {
          location: {
            sheet: location.sheet,
            parts: location.parts.map(({ part, sheet, range, evidence }) => ({ part, sheet, range, evidence })),
          },
        }
      : {}),
  };
}
