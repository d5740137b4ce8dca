import type { Decimal, Finding, Severity } from "../domain";

export interface ReportFinding {
  readonly code: string;
  readonly severity: Severity;
  readonly sheet?: string;
  readonly cell?: string;
  readonly year?: number;
  readonly scenario?: string;
  readonly expected?: number;
  readonly actual?: number;
  readonly message: string;
  readonly messageEn: string;
}

const kr = (d: Decimal): number => d.toNumber();

/** A finding as the report gives it: amounts in kronor as JSON numbers, the message in Swedish and English. */
export function reportFinding(f: Finding): ReportFinding {
  return {
    code: f.code,
    severity: f.severity,
    ...(f.sheet ? { sheet: f.sheet } : {}),
    ...(f.cell ? { cell: f.cell } : {}),
    ...(f.year !== undefined ? { year: f.year } : {}),
    ...(f.scenario ? { scenario: f.scenario } : {}),
    ...(f.expected ? { expected: kr(f.expected) } : {}),
    ...(f.actual ? { actual: kr(f.actual) } : {}),
    message: f.message.sv,
    messageEn: f.message.en,
  };
}
