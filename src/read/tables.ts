import type { YearAmounts } from "../domain";
import type { SheetView } from "../grid";
import { amountKind, yearIn } from "./swedishNumber";

/** A row with amounts by year, as the readers of roles and totals see it. */
export interface Item {
  readonly row: number;
  readonly label: string;
  readonly amounts: YearAmounts;
  /** Formula text by year, for the cells that hold one. */
  readonly formulas: Readonly<Record<number, string | null>>;
  /** The amounts as plain numbers in kronor, one per column of the table (0 where empty): for arithmetic checks only. */
  readonly numbers: readonly number[];
}

export const NO_FORMULAS: Readonly<Record<number, string | null>> = Object.freeze({});

/**
 * The column that holds most of the sheet's text labels, among the first
 * four (an account-number column may stand before the labels).
 */
export function findLabelColumn(view: SheetView): number {
  let best = view.sheet.left;
  let bestCount = -1;
  for (let col = view.sheet.left; col <= Math.min(view.right, view.sheet.left + 3); col++) {
    let count = 0;
    for (const row of view.rowNumbers()) {
      const t = view.text(row, col);
      if (t && amountKind(t).kind === "text" && yearIn(t) === undefined) count++;
    }
    if (count > bestCount) {
      best = col;
      bestCount = count;
    }
  }
  return best;
}
