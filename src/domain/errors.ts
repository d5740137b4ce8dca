import type { InputCode } from "./findings";

/**
 * Thrown by a rule when its input breaks the rule's contract (a share of no
 * kommuner, a population of zero). analyzeBudget validates first and turns bad
 * input into INPUT_* findings, so in an analysis this is only a safety net:
 * it carries a code, never a stack trace for the user.
 */
export class FinsamInputError extends Error {
  readonly code: InputCode;

  constructor(code: InputCode, message: string) {
    super(message);
    this.name = "FinsamInputError";
    this.code = code;
  }
}
