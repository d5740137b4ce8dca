import { typedKronor } from "../app/typedAmount";
import type { Decimal } from "../domain";
import { type Lang, t } from "./strings/withFollowUp";

/**
 * A forecast the user typed, read as Swedish amounts are written
 * ("1 250 000", "1 250 000 kr", "1 250 tkr"), in whole kronor; or why it is not one.
 */
export function parseForecast(text: string, lang: Lang): { readonly amount: Decimal } | { readonly error: string } {
  const read = typedKronor(text);
  if ("amount" in read) return read;
  return {
    error:
      read.error === "negative"
        ? t(lang, "followUp.negativeAmount")
        : t(lang, "followUp.badAmount", { text: text.trim() }),
  };
}

/** An amount as the user would type it back: whole kronor with spaces between thousands. */
export function forecastText(amount: Decimal): string {
  return amount.toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}
