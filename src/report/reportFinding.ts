import {
  findingTitle,
  scenarioNames,
  scenariosOf,
  type Decimal,
  type Finding,
  type Scenario,
  type Severity,
} from "../domain";

export interface ReportFinding {
  /** The kind, for programs; people read `title`. */
  readonly code: string;
  readonly title: string;
  readonly titleEn: string;
  readonly severity: Severity;
  readonly sheet?: string;
  readonly cell?: string;
  readonly year?: number;
  readonly scenario?: string;
  /** Every scenario the same fact holds in (ids), and their names in a sentence. */
  readonly scenarios?: readonly string[];
  readonly scenarioNames?: string;
  readonly scenarioNamesEn?: string;
  readonly expected?: number;
  readonly actual?: number;
  readonly message: string;
  readonly messageEn: string;
}

const kr = (d: Decimal): number => d.toNumber();

/**
 * A finding as the report gives it: its kind's title, amounts in kronor as JSON numbers, the message in
 * Swedish and English, and the scenarios it holds in by id and by name.
 */
export function reportFinding(f: Finding, scenarios: readonly Scenario[] = []): ReportFinding {
  const ids = scenariosOf(f);
  return {
    code: f.code,
    title: findingTitle(f.code, "sv"),
    titleEn: findingTitle(f.code, "en"),
    severity: f.severity,
    ...(f.sheet ? { sheet: f.sheet } : {}),
    ...(f.cell ? { cell: f.cell } : {}),
    ...(f.year !== undefined ? { year: f.year } : {}),
    ...(f.scenario ? { scenario: f.scenario } : {}),
    ...(ids.length > 0
      ? {
          scenarios: ids,
          scenarioNames: scenarioNames(ids, scenarios, "sv"),
          scenarioNamesEn: scenarioNames(ids, scenarios, "en"),
        }
      : {}),
    ...(f.expected ? { expected: kr(f.expected) } : {}),
    ...(f.actual ? { actual: kr(f.actual) } : {}),
    message: f.message.sv,
    messageEn: f.message.en,
  };
}
