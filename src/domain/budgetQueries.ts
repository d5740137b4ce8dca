import { Decimal, sumAmounts } from "./money";
import type { Budget, BudgetLine, CellRef, Member, Party, SourcedAmount } from "./types";

/** Plain look-ups on a Budget, shared by the rules. */

export function membersOf(budget: Budget, ...parties: Party[]): Member[] {
  return budget.members.filter((m) => parties.includes(m.party));
}

export function amountIn(member: Member, year: number): SourcedAmount | undefined {
  return member.amounts.get(year);
}

const totals = new WeakMap<readonly BudgetLine[], Map<number, Decimal | undefined>>();

/**
 * Sum of the lines' amounts in a year; undefined when no line states that
 * year. Remembered per list of lines, since the rules ask for the same year's
 * costs many times and a list can hold thousands of lines.
 */
export function linesTotal(lines: readonly BudgetLine[], year: number): Decimal | undefined {
  let byYear = totals.get(lines);
  if (!byYear) totals.set(lines, (byYear = new Map()));
  if (byYear.has(year)) return byYear.get(year);
  const present = lines.map((l) => l.amounts.get(year)).filter((a): a is SourcedAmount => a !== undefined);
  const total = present.length === 0 ? undefined : sumAmounts(present);
  byYear.set(year, total);
  return total;
}

/** The year's costs: the sum of the cost lines, or the stated total where the sheet has no lines. */
export function costsIn(budget: Budget, year: number): Decimal | undefined {
  return linesTotal(budget.costs, year) ?? budget.costTotal?.get(year)?.value;
}

/** The cell that best stands for a year's costs: the stated total, else the first line. */
export function costsRef(budget: Budget, year: number): CellRef | undefined {
  return budget.costTotal?.get(year)?.ref ?? budget.costs.find((l) => l.amounts.get(year))?.amounts.get(year)?.ref;
}

/** The year's income besides member contributions (0 where the sheet states none). */
export function otherIncomeIn(budget: Budget, year: number): Decimal | undefined {
  return linesTotal(budget.otherIncome, year);
}

/** The members' contributions as the sheet states them: the sum of the member rows, else the stated total. */
export function statedContributions(budget: Budget, year: number): Decimal | undefined {
  const amounts = budget.members.map((m) => m.amounts.get(year)).filter((a): a is SourcedAmount => a !== undefined);
  if (amounts.length > 0) return sumAmounts(amounts);
  return budget.statedContributionTotal?.get(year)?.value;
}

/** Every year the sheet states: the budget year and its plan years, in order. */
export function sheetYears(budget: Budget): number[] {
  return [budget.budgetYear, ...budget.planYears.filter((y) => y > budget.budgetYear)].sort((a, b) => a - b);
}

/**
 * The address that covers a set of cells: "B5:B8" when they stand in one
 * column without gaps, else the first cell's address.
 */
export function spanOf(refs: readonly CellRef[]): CellRef | undefined {
  const first = refs[0];
  if (!first) return undefined;
  if (refs.length === 1) return first;
  const parsed = refs.map((r) => /^([A-Z]+)(\d+)$/.exec(r.cell));
  const columns = new Set(parsed.map((p) => p?.[1]));
  const rows = parsed.map((p) => Number(p?.[2])).sort((a, b) => a - b);
  const sameSheet = refs.every((r) => r.sheet === first.sheet);
  const contiguous = rows.every((row, i) => i === 0 || row === (rows[i - 1] ?? 0) + 1);
  if (!sameSheet || columns.size !== 1 || parsed.some((p) => !p) || !contiguous) return first;
  const column = [...columns][0];
  return { sheet: first.sheet, cell: `${column}${rows[0]}:${column}${rows[rows.length - 1]}` };
}
