import { Decimal, formatKr, formatKrDiff, formatNumber, type Lang } from "../domain";
import type { Report } from "./jsonReport";
import type { ReportFinding } from "./reportFinding";
import { table } from "./textColumns";

/** The report as a plain table for the terminal, Swedish first. */
export function reportTable(report: Report, lang: Lang = "sv"): string {
  const t = lang === "sv" ? SV : EN;
  const kr = (n: number) => formatKr(new Decimal(n), lang);
  const lines: string[] = [];
  lines.push(
    `${t.title}: ${report.file} (${t.sheet} ${report.sheet}, ${t.unit} ${report.unit}, ${t.budgetYear} ${report.budgetYear})`,
  );

  const years = [...new Set(report.members.map((m) => m.year))].sort();
  for (const year of years) {
    lines.push("", `${t.contributions} ${year}`);
    const rows = report.members
      .filter((m) => m.year === year)
      .map((m) => [
        m.name,
        m.population !== undefined ? formatNumber(new Decimal(m.population), lang) : "",
        m.sheetAmount !== undefined ? kr(m.sheetAmount) : "–",
        kr(m.computedAmount),
        m.difference ? formatKrDiff(new Decimal(m.difference), lang) : "",
        m.cell ? `${m.sheet}!${m.cell}` : "",
      ]);
    lines.push(
      ...table([t.member, t.population, t.sheetAmount, t.computed, t.difference, t.cell], rows, [
        false,
        true,
        true,
        true,
        true,
        false,
      ]),
    );
  }

  for (const scenario of [...new Set(report.plan.map((p) => p.scenario))]) {
    lines.push("", `${t.plan}: ${t.scenarios[scenario] ?? scenario}`);
    const rows = report.plan
      .filter((p) => p.scenario === scenario)
      .map((p) => [
        String(p.year),
        kr(p.contributions),
        kr(p.otherIncome),
        kr(p.costs),
        kr(p.result),
        kr(p.closingEquity),
        kr(p.maxEquity),
      ]);
    lines.push(
      ...table([t.year, t.contributionsShort, t.otherIncome, t.costs, t.result, t.closingEquity, t.maxEquity], rows, [
        false,
        true,
        true,
        true,
        true,
        true,
        true,
      ]),
    );
    const outcome = report.outcomes.find((o) => o.scenario === scenario);
    if (outcome) lines.push(`  ${lang === "sv" ? outcome.message : outcome.messageEn}`);
  }

  const s = report.summary;
  lines.push("", `${t.findings}: ${s.error} ${t.errors}, ${s.warning} ${t.warnings}, ${s.info} ${t.infos}`);
  for (const f of report.findings) lines.push(findingLine(f, lang));
  return lines.join("\n");
}

function findingLine(f: ReportFinding, lang: Lang): string {
  const severity = (
    lang === "sv"
      ? { error: "FEL", warning: "VARNING", info: "INFO" }
      : { error: "ERROR", warning: "WARNING", info: "INFO" }
  )[f.severity];
  const where = f.cell ? `${f.sheet}!${f.cell}` : "";
  const names = lang === "sv" ? f.scenarioNames : f.scenarioNamesEn;
  const title = lang === "sv" ? f.title : f.titleEn;
  return `  ${severity.padEnd(8)} ${title}${names ? ` (${names})` : ""}${where ? `, ${where}` : ""}: ${lang === "sv" ? f.message : f.messageEn}`;
}

const SV = {
  title: "Finsam-budget",
  sheet: "blad",
  unit: "belopp i",
  budgetYear: "budgetår",
  contributions: "Medlemsavgifter",
  member: "Medlem",
  population: "Befolkning",
  sheetAmount: "Arket",
  computed: "Beräknat",
  difference: "Skillnad",
  cell: "Cell",
  plan: "Flerårsplan",
  scenarios: { sheet: "enligt arket", "worst-case": "värsta fall (statens del −10 % per år)" } as Record<
    string,
    string
  >,
  year: "År",
  contributionsShort: "Medlemsavgifter",
  otherIncome: "Övriga intäkter",
  costs: "Kostnader",
  result: "Resultat",
  closingEquity: "Eget kapital 31/12",
  maxEquity: "Högsta rekommenderat",
  findings: "Avvikelser",
  errors: "fel",
  warnings: "varningar",
  infos: "information",
};

const EN: typeof SV = {
  title: "Finsam-budget",
  sheet: "sheet",
  unit: "amounts in",
  budgetYear: "budget year",
  contributions: "Member contributions",
  member: "Member",
  population: "Population",
  sheetAmount: "Sheet",
  computed: "Computed",
  difference: "Difference",
  cell: "Cell",
  plan: "Three-year plan",
  scenarios: { sheet: "as the sheet states it", "worst-case": "worst case (state's half −10 % a year)" },
  year: "Year",
  contributionsShort: "Contributions",
  otherIncome: "Other income",
  costs: "Costs",
  result: "Result",
  closingEquity: "Equity 31 Dec",
  maxEquity: "Recommended max",
  findings: "Findings",
  errors: "errors",
  warnings: "warnings",
  infos: "information",
};
