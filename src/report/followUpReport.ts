import { Decimal, formatKr, formatKrDiff, formatPercent, type ForecastMethod, type Lang } from "../domain";
import type { LedgerFollowUp } from "../app/followUpFromLedger";
import { reportFinding, type ReportFinding } from "./reportFinding";
import { table } from "./textColumns";

/** `followUp` in the JSON report (DESIGN.md): kronor as JSON numbers. */
export interface ReportFollowUp {
  readonly file: string;
  readonly checksum: string;
  readonly source: "psaldo" | "vouchers";
  readonly year: number;
  /** The last month included, "2025-08", and how many months of the year that is. */
  readonly period?: string;
  readonly monthsElapsed: number;
  readonly mapping: "workbook" | "proposed";
  readonly lines: readonly {
    readonly label: string;
    readonly sheet?: string;
    readonly cell?: string;
    readonly budget: number;
    readonly utfall: number;
    readonly forecast: number;
    readonly method: ForecastMethod;
    readonly deviation: number;
    readonly deviationPercent?: number;
  }[];
  readonly total: {
    readonly budget: number;
    readonly utfall: number;
    readonly forecast: number;
    readonly deviation: number;
  };
  readonly frame?: number;
  readonly income: { readonly budget: number; readonly utfall?: number };
  readonly result: number;
  readonly openingEquity?: number;
  readonly closingEquity?: number;
  readonly maxEquity: number;
  readonly unmapped: readonly { readonly account: string; readonly name: string; readonly amount: number }[];
  readonly withoutLine: readonly { readonly label: string; readonly utfall: number }[];
  readonly findings: readonly ReportFinding[];
}

const kr = (d: Decimal) => d.toNumber();

export function followUpReport(f: LedgerFollowUp): ReportFollowUp {
  const u = f.followUp;
  return {
    file: f.fileName,
    checksum: f.ledger.checksum,
    source: f.ledger.source,
    year: u.year,
    ...(f.outcome.period ? { period: f.outcome.period } : {}),
    monthsElapsed: u.monthsElapsed,
    mapping: f.mappingSource,
    lines: u.rows.map((r) => ({
      label: r.label,
      ...(r.budget.ref ? { sheet: r.budget.ref.sheet, cell: r.budget.ref.cell } : {}),
      budget: kr(r.budget.value),
      utfall: kr(r.outcome),
      forecast: kr(r.forecast),
      method: r.method,
      deviation: kr(r.deviation),
      ...(r.deviationPercent ? { deviationPercent: kr(r.deviationPercent) } : {}),
    })),
    total: {
      budget: kr(u.total.budget),
      utfall: kr(u.total.outcome),
      forecast: kr(u.total.forecast),
      deviation: kr(u.total.deviation),
    },
    ...(u.frame ? { frame: kr(u.frame.value) } : {}),
    income: {
      budget: kr(u.income.contributions.plus(u.income.other)),
      ...(u.income.outcome ? { utfall: kr(u.income.outcome) } : {}),
    },
    result: kr(u.result),
    ...(u.openingEquity ? { openingEquity: kr(u.openingEquity) } : {}),
    ...(u.closingEquity ? { closingEquity: kr(u.closingEquity) } : {}),
    maxEquity: kr(u.maxEquity),
    unmapped: f.outcome.unmapped.map((x) => ({ account: x.account, name: x.name, amount: kr(x.amount) })),
    withoutLine: u.withoutLine.map((w) => ({ label: w.label, utfall: kr(w.outcome) })),
    findings: f.findings.map((x) => reportFinding(x)),
  };
}

const METHOD: Record<Lang, Record<ForecastMethod, string>> = {
  sv: { typed: "inskriven", scaled: "utfall × 12 / mån", budget: "budget" },
  en: { typed: "typed", scaled: "outcome × 12 / months", budget: "budget" },
};

/** The follow-up as a table for the terminal. */
export function followUpTable(r: ReportFollowUp, lang: Lang = "sv"): string {
  const sv = lang === "sv";
  const k = (n: number) => formatKr(new Decimal(n), lang);
  const diff = (n: number) => formatKrDiff(new Decimal(n), lang);
  const lines = [
    "",
    sv
      ? `Uppföljning ${r.year} från ${r.file} (${r.source === "psaldo" ? "periodsaldon" : "verifikationer"}, t.o.m. ${r.period ?? "–"}, ${r.monthsElapsed} mån, kontrollsumma ${r.checksum}, mappning ${r.mapping === "workbook" ? "från arbetsboken" : "föreslagen"})`
      : `Follow-up ${r.year} from ${r.file} (${r.source === "psaldo" ? "period balances" : "vouchers"}, to ${r.period ?? "–"}, ${r.monthsElapsed} months, checksum ${r.checksum}, mapping ${r.mapping === "workbook" ? "from the workbook" : "proposed"})`,
  ];
  const rows = r.lines.map((l) => [
    l.label,
    k(l.budget),
    k(l.utfall),
    k(l.forecast),
    METHOD[lang][l.method],
    diff(l.deviation),
    l.deviationPercent !== undefined ? formatPercent(new Decimal(l.deviationPercent), lang) : "",
  ]);
  rows.push([
    sv ? "Summa" : "Total",
    k(r.total.budget),
    k(r.total.utfall),
    k(r.total.forecast),
    "",
    diff(r.total.deviation),
    "",
  ]);
  lines.push(
    ...table(
      sv
        ? ["Budgetrad", "Budget", "Utfall", "Helårsprognos", "Metod", "Avvikelse", "%"]
        : ["Budget line", "Budget", "Outcome", "Full-year forecast", "Method", "Deviation", "%"],
      rows,
      [false, true, true, true, false, true, true],
    ),
  );
  lines.push(
    sv
      ? `Prognos: intäkter ${k(r.income.budget)} − kostnader ${k(r.total.forecast)} = resultat ${diff(r.result)}; eget kapital vid årets slut ${r.closingEquity !== undefined ? k(r.closingEquity) : "–"} (högst rekommenderat ${k(r.maxEquity)}).`
      : `Forecast: income ${k(r.income.budget)} − costs ${k(r.total.forecast)} = result ${diff(r.result)}; equity at year end ${r.closingEquity !== undefined ? k(r.closingEquity) : "–"} (recommended maximum ${k(r.maxEquity)}).`,
  );
  for (const u of r.unmapped) lines.push(`${sv ? "Ej mappat" : "Unmapped"}: ${u.account} ${u.name} ${k(u.amount)}`);
  for (const w of r.withoutLine) lines.push(`${sv ? "Ingen budgetrad" : "No budget line"}: ${w.label} ${k(w.utfall)}`);
  for (const f of r.findings)
    lines.push(
      `${f.severity.toUpperCase()} ${f.code}${f.cell ? ` ${f.sheet}!${f.cell}` : ""}: ${sv ? f.message : f.messageEn}`,
    );
  return lines.join("\n");
}
