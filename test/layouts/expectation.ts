/**
 * The expected report of one rendering: the budget's own expected numbers
 * (expected.ts) with each abstract cell mapped to where the rendering put it.
 */
import type { FixtureExpectation } from "./compare";
import { expectedBudget, RULE_CODES } from "./expected";
import type { Rendering } from "./generator";
import type { AbstractBudget } from "./model";

export interface FixtureText {
  readonly fixture: string;
  readonly description: string;
  readonly exercises: readonly string[];
  readonly source: string;
}

export function expectationFor(text: FixtureText, budget: AbstractBudget, rendering: Rendering): FixtureExpectation {
  const e = expectedBudget(budget, rendering.unit);
  const at = (key: string | undefined) => {
    const cell = key ? rendering.cells.get(key) : undefined;
    return cell ? { sheet: cell.sheet, cell: cell.cell } : {};
  };
  const expected = [...e.findings, ...rendering.extraFindings].map(({ key, ...f }) => ({ ...f, ...at(key) }));
  return {
    ...text,
    kind: "budget",
    unit: e.unit,
    budgetYear: e.budgetYear,
    members: e.members.map(({ key, ...m }) => ({ ...m, ...at(key) })),
    plan: e.plan,
    findings: {
      expected,
      mustNotAppear: RULE_CODES.filter((c) => !expected.some((f) => f.code === c)),
    },
  };
}
