import { sheetYears, type Budget, type BudgetLine, type Member, type SourcedAmount, type YearAmounts } from "../domain";
import { refersToSheet } from "../grid";
import { NAMED_EQUITY, type SheetRead } from "./budgetSheet";
import { memberKey as keyOf } from "./kommunNames";

/** How far after the budget year a plan sheet's years may reach (the budget year plus at most three). */
const PLAN_REACH = 3;

/**
 * A sheet of plan years ("Flerårsplan", "Plan 2026–2027", an overview that
 * repeats the budget year beside them) belongs to the budget when its later
 * years follow the budget year, the budget states none of them, and either
 * its members are the budget's own (the same parties and kommuner) or, with
 * no members of its own, its formulas point at the budget's sheet. Its members' amounts, lines and totals for those years join the budget.
 * A sheet with other kommuner is another förbund's and never joins.
 */
export function joinPlanSheets(
  budget: Budget,
  mainSheet: string,
  others: readonly SheetRead[],
  formulasOf: (sheet: string) => readonly string[],
): { readonly budget: Budget; readonly joined: readonly SheetRead[] } {
  let joined: SheetRead[] = [];
  let result = budget;
  for (const read of others) {
    const years = addedYears(result, read);
    if (years.length === 0) continue;
    const matches = matchMembers(result.members, read.members);
    const linked = read.members.length === 0 && formulasOf(read.sheet).some((f) => refersToSheet(f, mainSheet));
    if (!matches && !linked) continue;
    result = join(result, read, matches ?? new Map(), new Set(years));
    joined = [...joined, read];
  }
  return { budget: result, joined };
}

/**
 * The years the read adds: those after the budget year, within reach, that
 * the budget does not state; none unless every later year of the read is such
 * a year. Its budget year may be the budget's own (an overview that repeats
 * the budget year beside the plan years); that column is the budget's.
 */
function addedYears(budget: Budget, read: SheetRead): number[] {
  if (read.budget.budgetYear < budget.budgetYear) return [];
  const stated = new Set(sheetYears(budget));
  const later = [read.budget.budgetYear, ...read.budget.planYears].filter((y) => y > budget.budgetYear);
  const fits = (y: number) => y <= budget.budgetYear + PLAN_REACH && !stated.has(y);
  return later.length > 0 && later.every(fits) ? later : [];
}

const memberKey = (m: Member) => keyOf(m.party, m.name);

/** Each of the plan sheet's members paired with the budget's; undefined where any has no pair. */
function matchMembers(own: readonly Member[], theirs: readonly Member[]): Map<Member, Member> | undefined {
  if (theirs.length === 0) return undefined;
  const byKey = new Map(own.map((m) => [memberKey(m), m]));
  const pairs = new Map<Member, Member>();
  for (const m of theirs) {
    const mine = byKey.get(memberKey(m));
    if (!mine) return undefined;
    pairs.set(mine, m);
  }
  return pairs;
}

function join(budget: Budget, read: SheetRead, pairs: ReadonlyMap<Member, Member>, years: ReadonlySet<number>): Budget {
  const plan = read.budget;
  const only = (amounts: YearAmounts | undefined): YearAmounts | undefined => {
    const kept = amounts && new Map([...amounts].filter(([y]) => years.has(y)));
    return kept && kept.size > 0 ? kept : undefined;
  };
  const lines = (list: readonly BudgetLine[]): BudgetLine[] =>
    list.flatMap((l) => {
      const amounts = only(l.amounts);
      return amounts ? [{ ...l, amounts }] : [];
    });
  const contributions = merged(budget.statedContributionTotal, only(plan.statedContributionTotal));
  const costTotal = merged(budget.costTotal, only(plan.costTotal));
  // The overview's own budget-year column may state what the budget sheet lacks: the opening equity.
  // So may the cell the user named, wherever it stands.
  const named = read.parts.some((p) => p.part === "openingEquity" && p.evidence === NAMED_EQUITY);
  const opening =
    budget.openingEquity ?? (plan.budgetYear === budget.budgetYear || named ? plan.openingEquity : undefined);
  return {
    ...budget,
    planYears: [...new Set([...budget.planYears, ...years])].sort((a, b) => a - b),
    members: budget.members.map((m) => {
      const theirs = pairs.get(m);
      return theirs ? { ...m, amounts: merged(m.amounts, only(theirs.amounts))! } : m;
    }),
    otherIncome: [...budget.otherIncome, ...lines(plan.otherIncome)],
    equityDrawdowns: [...budget.equityDrawdowns, ...lines(plan.equityDrawdowns)],
    costs: [...budget.costs, ...lines(plan.costs)],
    sums: [...budget.sums, ...plan.sums.filter((s) => years.has(s.year))],
    ...(contributions ? { statedContributionTotal: contributions } : {}),
    ...(costTotal ? { costTotal } : {}),
    ...(opening ? { openingEquity: opening } : {}),
  };
}

function merged(a: YearAmounts | undefined, b: YearAmounts | undefined): YearAmounts | undefined {
  if (!a || !b) return a ?? b;
  return new Map<number, SourcedAmount>([...a, ...b]);
}
