import type { Message } from "./format";
import type { Decimal } from "./money";
import type { CellRef } from "./types";

export type Severity = "error" | "warning" | "info";

/** The finding codes of DESIGN.md, plus the ones our rules needed. */
export type FindingCode =
  | "SHARE_DEVIATION"
  | "SHARE_SUM"
  | "PARTY_SPLIT"
  | "EQUITY_NEGATIVE"
  | "EQUITY_ABOVE_MAX"
  | "EQUITY_OUTSIDE_TARGET"
  | "DEFICIT_UNJUSTIFIED"
  | "DEFICIT_JUSTIFIED"
  | "CEILING_EXCEEDED"
  | "LINE_OVER_BUDGET"
  | "TOTAL_MISMATCH"
  | "DRAWDOWN_MISMATCH"
  | "PLAN_ABOVE_WORST_CASE"
  | InputCode;

/** What could not be read or used, with the cell and why. Closed: a misspelt code does not compile. */
export type InputCode =
  | "INPUT_NO_MEMBERS"
  | "INPUT_NO_STATE"
  | "INPUT_NO_KOMMUN"
  | "INPUT_NO_EQUITY"
  | "INPUT_POPULATION"
  | "INPUT_KEY"
  | "INPUT_NEGATIVE_AMOUNT"
  | "INPUT_MISSING_YEAR"
  | "INPUT_SETTING"
  | "INPUT_AMOUNT"
  | "INPUT_DUPLICATE_PARTY"
  | "INPUT_EQUITY_DATE"
  | "INPUT_ERROR_VALUE"
  | "INPUT_HIDDEN_ROW"
  | "INPUT_HIDDEN_SHEET"
  | "INPUT_SEVERAL_BUDGETS"
  | "INPUT_MAPPING"
  | "INPUT_TEXT_AMOUNT"
  | "INPUT_TEXT_IN_AMOUNT"
  /** The ledger's year is not the budget's (SIE follow-up). */
  | "INPUT_LEDGER_YEAR"
  /** Ledger accounts no insats was mapped to (SIE follow-up). */
  | "INPUT_LEDGER_UNMAPPED"
  /** Two sheets state the same thing and disagree (the members' total on two sheets). */
  | "INPUT_SOURCES_DISAGREE"
  /** A part was read on weak evidence, or two readings competed; the cell says which was taken. */
  | "INPUT_WEAK_EVIDENCE"
  /** A workbook past the reader's limits (GRID_LIMITS): too many cells, a very long text. */
  | "INPUT_TOO_MANY_CELLS"
  | "INPUT_LONG_TEXT";

/**
 * The figure of a plan year that a finding is about: the costs (the ceiling), the result (a deficit) or
 * the closing equity. Where the sheet states no cell for that year, src/plan shows the finding on the
 * Finsam-kontroll cell that computes the figure.
 */
export type PlanFigure = "costs" | "result" | "closingEquity";

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly sheet?: string;
  readonly cell?: string;
  readonly year?: number;
  /** The scenario whose plan the finding is about; absent for the sheet itself. */
  readonly scenario?: string;
  /**
   * Every scenario whose plan holds the same fact (oneFindingPerFact), `scenario` first: the budget
   * year is the same in each, so its findings are said once and name them all.
   */
  readonly scenarios?: readonly string[];
  /** The plan figure it is about (Rules 4–5 on a plan year). */
  readonly figure?: PlanFigure;
  /** Kronor. */
  readonly expected?: Decimal;
  /** Kronor. */
  readonly actual?: Decimal;
  readonly message: Message;
}

export interface FindingInput {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly ref?: CellRef;
  readonly year?: number;
  readonly scenario?: string;
  readonly figure?: PlanFigure;
  readonly expected?: Decimal;
  readonly actual?: Decimal;
  readonly message: Message;
}

/** The scenarios a finding holds in, `scenario` first; none for a finding about the sheet itself. */
export function scenariosOf(f: Finding): readonly string[] {
  return f.scenarios ?? (f.scenario ? [f.scenario] : []);
}

/** Builds a finding, spreading the cell reference into sheet and cell. */
export function finding(input: FindingInput): Finding {
  const { ref, ...rest } = input;
  return ref ? { ...rest, sheet: ref.sheet, cell: ref.cell } : { ...rest };
}

/**
 * A difference that rounding alone explains (at most 1 kr) is information;
 * anything larger is a warning. Zero is no finding.
 */
export function deviationSeverity(difference: Decimal): Severity | undefined {
  if (difference.isZero()) return undefined;
  return difference.abs().lessThanOrEqualTo(1) ? "info" : "warning";
}

/** The one severity order of the add-in (findings, flags, fills, reports): lower is worse. */
export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** The worse of two severities. */
export function worseSeverity(a: Severity, b: Severity): Severity {
  return SEVERITY_ORDER[b] < SEVERITY_ORDER[a] ? b : a;
}

/** Errors first, then warnings, then information; otherwise in the order found. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}

/**
 * One finding per fact: a finding that several scenarios' plans give in the same words (same kind, same
 * year, same numbers) is said once, where the first gave it, naming every scenario in `scenarios`.
 */
export function oneFindingPerFact(findings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, number>();
  for (const f of findings) {
    if (f.scenario === undefined) {
      out.push(f);
      continue;
    }
    const key = [f.code, f.year ?? "", f.figure ?? "", f.message.sv].join("\u0000");
    const at = seen.get(key);
    if (at === undefined) {
      seen.set(key, out.length);
      out.push({ ...f, scenarios: [f.scenario] });
      continue;
    }
    const first = out[at]!;
    if (!first.scenarios!.includes(f.scenario)) out[at] = { ...first, scenarios: [...first.scenarios!, f.scenario] };
  }
  return out;
}
