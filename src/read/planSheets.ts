import { sheetYears, type Budget, type Member, type SourcedAmount, type YearAmounts } from "../domain";
import type { SheetRead } from "./budgetSheet";
import { memberKey as keyOf } from "./kommunNames";

/** How far after the budget year a plan sheet's years may reach (the budget year plus at most three). */
const PLAN_REACH = 3;

/**
 * A sheet of plan years only ("Flerårsplan", "Plan 2026–2027") belongs to the
 * budget when its years follow the budget year, the budget states none of
 * them, and either its members are the budget's own (the same parties and
 * kommuner) or, with no members of its own, its formulas point at the budget's
 * sheet. Its members' amounts, lines and totals for those years join the budget.
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
    if (!follows(result, read)) continue;
    const matches = matchMembers(result.members, read.members);
    const linked = read.members.length === 0 && linksTo(formulasOf(read.sheet), mainSheet);
    if (!matches && !linked) continue;
    result = join(result, read, matches ?? new Map());
    joined = [...joined, read];
  }
  return { budget: result, joined };
}

/** Every year of the read is a plan year of the budget, and one the budget does not state yet. */
function follows(budget: Budget, read: SheetRead): boolean {
  const years = [read.budget.budgetYear, ...read.budget.planYears];
  const stated = new Set(sheetYears(budget));
  return years.every((y) => y > budget.budgetYear && y <= budget.budgetYear + PLAN_REACH && !stated.has(y));
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

function linksTo(formulas: readonly string[], sheet: string): boolean {
  const quoted = `'${sheet.replace(/'/g, "''")}'!`;
  return formulas.some((f) => f.includes(quoted) || f.includes(`${sheet}!`));
}

function join(budget: Budget, read: SheetRead, pairs: ReadonlyMap<Member, Member>): Budget {
  const plan = read.budget;
  const contributions = merged(budget.statedContributionTotal, plan.statedContributionTotal);
  const costTotal = merged(budget.costTotal, plan.costTotal);
  return {
    ...budget,
    planYears: [...new Set([...budget.planYears, plan.budgetYear, ...plan.planYears])].sort((a, b) => a - b),
    members: budget.members.map((m) => {
      const theirs = pairs.get(m);
      return theirs ? { ...m, amounts: merged(m.amounts, theirs.amounts)! } : m;
    }),
    otherIncome: [...budget.otherIncome, ...plan.otherIncome],
    equityDrawdowns: [...budget.equityDrawdowns, ...plan.equityDrawdowns],
    costs: [...budget.costs, ...plan.costs],
    sums: [...budget.sums, ...plan.sums],
    ...(contributions ? { statedContributionTotal: contributions } : {}),
    ...(costTotal ? { costTotal } : {}),
  };
}

function merged(a: YearAmounts | undefined, b: YearAmounts | undefined): YearAmounts | undefined {
  if (!a || !b) return a ?? b;
  return new Map<number, SourcedAmount>([...a, ...b]);
}
