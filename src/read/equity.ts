import { finding, message, type Finding } from "../domain";
import { address, type SheetView } from "../grid";
import { amountKind } from "./swedishNumber";

/**
 * Where an equity balance stands: the budget year's own column when it holds an amount (history beside the
 * budget fills the row), else the first cell right of the label that does.
 */
export function equityCell(view: SheetView, row: number, labelColumn: number, own?: number): number | undefined {
  if (own !== undefined && amountKind(view.value(row, own)).kind === "amount") return own;
  for (const col of view.columnNumbers(row, labelColumn + 1)) {
    if (amountKind(view.value(row, col)).kind === "amount") return col;
  }
  return undefined;
}

/** Opening equity should be dated the end of the year before the budget year, or its first day. */
export function checkEquityDate(
  view: SheetView,
  at: { readonly row: number; readonly date?: string } | undefined,
  budgetYear: number,
  labelColumn: number,
): Finding[] {
  if (!at?.date) return [];
  const date = at.date;
  if (date === `${budgetYear - 1}-12-31` || date === `${budgetYear}-01-01`) return [];
  return [
    finding({
      code: "INPUT_EQUITY_DATE",
      severity: "warning",
      ref: { sheet: view.name, cell: address(at.row, labelColumn) },
      message: message(
        `Eget kapital är daterat ${date}, men budgetåret ${budgetYear} börjar med eget kapital per ${budgetYear - 1}-12-31. Beloppet används som ingående eget kapital.`,
        `Equity is dated ${date}, but the budget year ${budgetYear} opens with equity at ${budgetYear - 1}-12-31. The amount is used as opening equity.`,
      ),
    }),
  ];
}
