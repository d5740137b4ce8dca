/**
 * A constant as Range.formulas must be given it to come back the same: a
 * text that Excel would read as a number, a date, a truth value or a formula
 * gets the apostrophe that keeps it text.
 */
export function asEntered(constant: unknown): unknown {
  if (typeof constant !== "string" || constant === "") return constant;
  const looksTyped =
    /^[=+\-@']/.test(constant) ||
    /^\s*[\d.,\s\u00a0\u202f]+%?\s*$/.test(constant) ||
    /^(true|false|sant|falskt)$/i.test(constant.trim()) ||
    /^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?$/.test(constant.trim()) ||
    /^#[A-Z/0!?]+[!?A]?$/.test(constant.trim());
  return looksTyped ? `'${constant}` : constant;
}
