import { roundKronor, toKronor, type Decimal } from "../domain";
import { parseSwedishNumber } from "../read/swedishNumber";

/** Why a typed text is not an amount the pane takes. */
export type TypedAmountError = "notAnAmount" | "negative";

/**
 * An amount the user typed in the pane (a forecast: "1 250 000", "1 250 000 kr", "1 250 tkr", "1,25 Mkr"), read as
 * the reader reads the sheet's amounts, in whole kronor; or why it is not one.
 */
export function typedKronor(text: string): { readonly amount: Decimal } | { readonly error: TypedAmountError } {
  const read = parseSwedishNumber(text);
  if (!read) return { error: "notAnAmount" };
  const kronor = toKronor(read.value, read.unit ?? "kr");
  if (kronor.isNegative()) return { error: "negative" };
  return { amount: roundKronor(kronor) };
}
