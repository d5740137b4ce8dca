import {
  finding,
  message,
  sum,
  type Budget,
  type BudgetLine,
  type Finding,
  type Member,
  type YearAmounts,
} from "../domain";
import type { SheetRead } from "./budgetSheet";
import { spanOf, type PartLocation } from "./parts";
import { joinPlanSheets } from "./planSheets";
import { populationIndex, withPopulation, type PopulationTable } from "./population";

/** The parts read on each sheet, put together into one budget. */
export interface Composed {
  readonly budget: Budget;
  /** The sheet of the result budget (years, lines, totals). */
  readonly main: SheetRead;
  /** The read the members came from: main, or another sheet's. */
  readonly membersFrom: SheetRead;
  /** Sheets of plan years only that joined the budget (planSheets.ts). */
  readonly joined: readonly SheetRead[];
  readonly parts: readonly PartLocation[];
  readonly findings: readonly Finding[];
}

const memberScore = (r: SheetRead) => r.members.length;
const resultScore = (r: SheetRead) =>
  r.budget.costs.length + r.budget.otherIncome.length + r.budget.equityDrawdowns.length;

/**
 * One sheet may hold the whole budget; else the members' contributions
 * stand on one sheet ("Medlemsavgifter 2025"), the result budget on another
 * ("Resultatbudget"), the population on a third. The sheet with both wins;
 * else the members come from the sheet with most members and the rest from
 * the sheet with most lines. Where both state the members' total, they are
 * checked against each other.
 */
export function composeBudget(
  reads: readonly SheetRead[],
  population: PopulationTable,
  formulasOf: (sheet: string) => readonly string[] = () => [],
): Composed | undefined {
  // A sheet of plan years only ("Plan 2026 | Plan 2027") follows a budget; where a sheet states a budget year, it is not the budget.
  const states = (r: SheetRead) => r.header.columns.some((c) => c.kind !== "plan");
  const candidates = reads.some(states) ? reads.filter(states) : reads;
  const both = best(
    candidates.filter((r) => memberScore(r) > 0 && resultScore(r) > 0),
    (r) => memberScore(r) * 10 + r.budget.costs.length,
  );
  const withMembers = best(candidates, memberScore);
  const withLines = best(candidates, resultScore);
  const main = both ?? withLines ?? withMembers;
  if (!main) return undefined;
  const membersFrom = both ?? withMembers ?? main;
  const index = populationIndex(population.entries);
  const members = membersFrom.members.map((m) => withPopulation(m, index));
  const years = [...new Set([...main.budget.planYears, ...(membersFrom === main ? [] : membersFrom.budget.planYears)])];
  const findings = membersFrom === main ? [] : disagreements(members, membersFrom, main);
  // Where the two sheets disagree, the members' rows decide (the result budget's cell is flagged, not used).
  const { statedContributionTotal: ownTotal, ...ownBudget } = main.budget;
  // Read as income, or as a cost where no heading said which (a list under "Finansiella intäkter" and its sum).
  const paid =
    membersFrom === main
      ? undefined
      : (contributionLine(ownBudget.otherIncome, members) ??
        // Among the costs only where its label says so: a balanced budget's one cost line equals the members' sum too.
        contributionLine(
          ownBudget.costs.filter((l) => SAYS_CONTRIBUTIONS.test(l.label)),
          members,
        ));
  const mainTotal = ownTotal ?? paid?.amounts;
  const mainBudget = paid
    ? {
        ...ownBudget,
        otherIncome: ownBudget.otherIncome.filter((l) => l !== paid),
        costs: ownBudget.costs.filter((l) => l !== paid),
      }
    : ownBudget;
  // The members' own sheet's total first; the result budget's where that sheet has none.
  const statedTotal = membersFrom.budget.statedContributionTotal ?? (findings.length > 0 ? undefined : mainTotal);
  const composed: Budget = {
    ...mainBudget,
    planYears: years.filter((y) => y > main.budget.budgetYear).sort((a, b) => a - b),
    // The members' sheet's own totals are checked too.
    sums: membersFrom === main ? main.budget.sums : [...main.budget.sums, ...membersFrom.budget.sums],
    ...(statedTotal ? { statedContributionTotal: statedTotal } : {}),
    members,
    ...(population.date ? { populationDate: population.date } : {}),
  };
  const others = reads.filter((r) => r !== main && r !== membersFrom);
  const { budget: withPlans, joined } = joinPlanSheets(composed, main.sheet, others, formulasOf);
  // The opening equity may stand on another sheet of the same budget year (a summary beside an export).
  const sameYear = others.filter((r) => r.budget.budgetYear === withPlans.budgetYear && r.members.length === 0);
  const equityFrom = withPlans.openingEquity ? undefined : sameYear.find((r) => r.budget.openingEquity);
  // Likewise a total of the members on a summary of them, where the members' own sheets state none.
  const totalFrom = withPlans.statedContributionTotal
    ? undefined
    : sameYear.find((r) => r.budget.statedContributionTotal);
  const budget: Budget = {
    ...withPlans,
    ...(equityFrom ? { openingEquity: equityFrom.budget.openingEquity! } : {}),
    ...(totalFrom ? { statedContributionTotal: totalFrom.budget.statedContributionTotal! } : {}),
  };
  const parts = [
    ...main.parts.filter((p) => membersFrom === main || p.part !== "members"),
    ...(membersFrom === main ? [] : membersFrom.parts.filter((p) => p.part === "members")),
    ...joined.flatMap((r) => r.parts),
    ...(equityFrom ? equityFrom.parts.filter((p) => p.part === "openingEquity") : []),
    ...populationPart(population),
  ];
  return { budget, main, membersFrom, joined, parts, findings };
}

/**
 * An income line of the result budget equal, in every year it states, to the
 * members' contributions on their own sheet ("Tilldelning från
 * förbundsmedlemmarna"): the contributions, not other income.
 */
function contributionLine(lines: readonly BudgetLine[], members: readonly Member[]): BudgetLine | undefined {
  return lines.find((line) => {
    const years = [...line.amounts.keys()];
    return (
      years.length > 0 &&
      years.every((y) => {
        const amounts = members.flatMap((m) => (m.amounts.get(y) ? [m.amounts.get(y)!.value] : []));
        return amounts.length > 0 && sum(amounts).equals(line.amounts.get(y)!.value);
      })
    );
  });
}

const SAYS_CONTRIBUTIONS = /medlems(bidrag|avgift|insats)|tilldelning/i;

function best(reads: readonly SheetRead[], score: (r: SheetRead) => number): SheetRead | undefined {
  let top: SheetRead | undefined;
  for (const r of reads) if (score(r) > 0 && (!top || score(r) > score(top))) top = r;
  return top;
}

function populationPart(population: PopulationTable): PartLocation[] {
  const span = spanOf(population.entries.map((e) => e.ref));
  return span
    ? [
        {
          part: "population",
          ...span,
          evidence: `rubrik om befolkning${population.date ? ` per ${population.date}` : ""} med kommunnamn till vänster`,
        },
      ]
    : [];
}

/** The members' total on their own sheet against "Medlemsavgifter" in the result budget, year by year. */
function disagreements(members: readonly Member[], membersFrom: SheetRead, main: SheetRead): Finding[] {
  const stated: YearAmounts | undefined = main.budget.statedContributionTotal;
  if (!stated || members.length === 0) return [];
  return [...stated].flatMap(([year, amount]) => {
    const amounts = members.flatMap((m) => (m.amounts.get(year) ? [m.amounts.get(year)!.value] : []));
    if (amounts.length === 0) return [];
    const total = sum(amounts);
    if (total.equals(amount.value)) return [];
    return [
      finding({
        code: "INPUT_SOURCES_DISAGREE",
        severity: "warning",
        ...(amount.ref ? { ref: amount.ref } : {}),
        year,
        expected: total,
        actual: amount.value,
        message: message(
          `Medlemsavgifterna ${year} är ${amount.value.toFixed()} kr på bladet ”${main.sheet}” men summan av medlemmarna på bladet ”${membersFrom.sheet}” är ${total.toFixed()} kr.`,
          `The contributions for ${year} are ${amount.value.toFixed()} kr on the sheet "${main.sheet}" but the members on the sheet "${membersFrom.sheet}" add up to ${total.toFixed()} kr.`,
        ),
      }),
    ];
  });
}
