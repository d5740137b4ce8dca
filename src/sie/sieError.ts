import type { Message } from "../domain/format";

export type SieErrorKind = "NOT_SIE" | "ENCODING" | "NO_RAR" | "UNBALANCED_VOUCHER" | "PERIOD_OUTSIDE_YEAR" | "SYNTAX";

/** A SIE file that cannot be read: what is wrong, on which line, in Swedish and English. Nothing is written. */
export class SieError extends Error {
  readonly kind: SieErrorKind;
  /** 1-based; undefined where the fault is the whole file (no #RAR). */
  readonly line?: number;
  readonly userMessage: Message;

  constructor(kind: SieErrorKind, line: number | undefined, sv: string, en: string) {
    const where = (text: string, word: string) => (line === undefined ? text : `${word} ${line}: ${text}`);
    const userMessage = { sv: where(sv, "Rad"), en: where(en, "Line") };
    super(userMessage.sv);
    this.name = "SieError";
    this.kind = kind;
    if (line !== undefined) this.line = line;
    this.userMessage = userMessage;
  }
}
