import type { BudgetLine, Finding, FollowUpLine } from "../domain";
import { readCell } from "./amountCells";
import type { SheetView } from "../grid";
import { outcomeMonths } from "./outcomeMonths";
import type { YearColumn } from "./yearHeaders";

/** Follow-up: a cost line's budget against its outcome (utfall) and forecast (prognos) for the same year. */
export function followUpOf(
  view: SheetView,
  columns: readonly YearColumn[],
  costs: readonly BudgetLine[],
  unitFactor: number,
  sign: number,
  findings: Finding[],
): FollowUpLine[] {
  const lines: FollowUpLine[] = [];
  for (const col of columns.filter((c) => c.kind === "outcome" || c.kind === "forecast")) {
    for (const cost of costs) {
      const budget = cost.amounts.get(col.year);
      const row = Number(cost.labelRef?.cell.replace(/^[A-Z]+/, ""));
      if (!budget || !row) continue;
      // Read with the sign the line's budget was read with: a follow-up's lines stand under no cost heading.
      const lineSign = budget.factor !== undefined && budget.factor !== 0 ? Math.sign(budget.factor) : sign;
      const value = readCell(view, row, col.column, unitFactor * lineSign, findings);
      if (!value) continue;
      const existing = lines.find((l) => l.label === cost.label && l.year === col.year);
      const months = col.kind === "outcome" ? outcomeMonths(view.text(headerRow(col), col.column)) : undefined;
      const entry: FollowUpLine = {
        ...(existing ?? { label: cost.label, year: col.year, budget }),
        ...(col.kind === "outcome" ? { outcome: value } : { forecast: value }),
        ...(months ? { monthsElapsed: months } : {}),
      };
      if (existing) lines[lines.indexOf(existing)] = entry;
      else lines.push(entry);
    }
  }
  return lines;
}

const headerRow = (col: YearColumn) => Number(col.header.cell.replace(/^\$?[A-Z]+\$?/, ""));
