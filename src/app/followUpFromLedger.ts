import {
  finding,
  followUp,
  formatKr,
  message,
  sortFindings,
  type Analysis,
  type Finding,
  type FollowUp,
  type ForecastChoice,
} from "../domain";
import type { Ledger } from "../sie/ledger";
import { applyMapping, proposeMapping, type LedgerMapping, type MappedOutcome } from "../sie/ledgerMapping";
import { SieError } from "../sie/sieError";
import type { Grid } from "../grid";
import { mappingFromGrid } from "../memory/ledgerMappingSetting";

/** The follow-up of a budget on a ledger: what was read, how it was mapped, and Rule 6's numbers. */
export interface LedgerFollowUp {
  readonly fileName: string;
  readonly ledger: Ledger;
  readonly mapping: LedgerMapping;
  /** The workbook's Finsam_Kontomappning, or one proposed from names and numbers. */
  readonly mappingSource: "workbook" | "proposed";
  readonly outcome: MappedOutcome;
  readonly followUp: FollowUp;
  /** The mapping's, the ledger's and the follow-up's findings, errors first. */
  readonly findings: readonly Finding[];
}

/**
 * The use case behind `check --sie` and the pane's Uppföljning: map the
 * ledger to the budget's lines (the workbook's mapping, else a proposal),
 * through `period` ("2025-08"; the file's last period when absent), and follow up.
 */
export function followUpFromLedger(
  grid: Grid,
  analysis: Analysis,
  ledger: Ledger,
  fileName: string,
  period?: string,
): LedgerFollowUp {
  const kept = mappingFromGrid(grid);
  const mapping =
    kept.mapping ??
    proposeMapping(
      ledger,
      analysis.budget.costs.map((l) => l.label),
    );
  return followUpOnMapping(analysis, ledger, fileName, {
    mapping,
    source: kept.mapping ? "workbook" : "proposed",
    findings: kept.findings,
    ...(period !== undefined ? { period } : {}),
  });
}

/**
 * The same on a mapping the caller holds (the pane's, as the user edits it): the ledger through
 * `period` (the file's last period when absent) mapped to the budget's lines, and Rule 6's numbers.
 */
export function followUpOnMapping(
  analysis: Analysis,
  ledger: Ledger,
  fileName: string,
  options: {
    readonly mapping: LedgerMapping;
    readonly source: LedgerFollowUp["mappingSource"];
    readonly period?: string;
    /** Findings about the mapping itself (a kept mapping that could not be read). */
    readonly findings?: readonly Finding[];
    /** The user's forecasts per line (typed, scaled or the budget), over the defaults. */
    readonly choices?: ReadonlyMap<string, ForecastChoice>;
  },
): LedgerFollowUp {
  const { mapping, period } = options;
  if (period !== undefined && !ledger.periods.includes(period)) {
    throw new SieError(
      "PERIOD_OUTSIDE_YEAR",
      undefined,
      `Perioden ${period} ligger utanför filens räkenskapsår ${ledger.year.start}–${ledger.year.end}.`,
      `The period ${period} lies outside the file's financial year ${ledger.year.start}–${ledger.year.end}.`,
    );
  }
  const { budget, settings } = analysis;
  const outcome = applyMapping(ledger, mapping, period);
  const result = followUp(budget, settings, {
    outcomes: outcome.lines,
    monthsElapsed: outcome.monthsElapsed,
    incomeOutcome: outcome.income,
    ...(options.choices ? { choices: options.choices } : {}),
  });
  const findings: Finding[] = [...(options.findings ?? []), ...result.findings];
  const years = [ledger.year.start, ledger.year.end].map((d) => Number(d.slice(0, 4)));
  if (!years.includes(budget.budgetYear)) {
    findings.push(
      finding({
        code: "INPUT_LEDGER_YEAR",
        severity: "error",
        year: budget.budgetYear,
        message: message(
          `${fileName} gäller räkenskapsåret ${ledger.year.start}–${ledger.year.end}, inte budgetåret ${budget.budgetYear}.`,
          `${fileName} is for the financial year ${ledger.year.start}–${ledger.year.end}, not the budget year ${budget.budgetYear}.`,
        ),
      }),
    );
  }
  const loose = [
    ...outcome.unmapped.map((u) => `${u.account} ${u.name} ${formatKr(u.amount)}`),
    ...result.withoutLine.map((w) => `${w.label} ${formatKr(w.outcome)}`),
  ];
  if (loose.length > 0) {
    findings.push(
      finding({
        code: "INPUT_LEDGER_UNMAPPED",
        severity: "warning",
        year: budget.budgetYear,
        message: message(
          `Utfall som inte hör till någon budgetrad (ingår inte i prognosen): ${loose.join("; ")}. Komplettera ${"Finsam_Kontomappning"}.`,
          `Outcome that belongs to no budget line (not in the forecast): ${loose.join("; ")}. Complete Finsam_Kontomappning.`,
        ),
      }),
    );
  }
  return {
    fileName,
    ledger,
    mapping,
    mappingSource: options.source,
    outcome,
    followUp: result,
    findings: sortFindings(findings),
  };
}
