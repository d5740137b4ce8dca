/**
 * Compares what the pipeline read (readGridFromBuffer → analyzeGrid) with a
 * fixture's expected report, and lists the differences in Swedish, first
 * ones first. Used by `npm run corpus` and test/layouts/corpus.test.ts.
 */
import type { Finding } from "../../src/domain";
import type { GridAnalysis } from "../../src/app/analyzeGrid";
import { kommunOf } from "../../src/read/kommunNames";
import { RULE_CODES, type ExpectedPlanYear } from "./expected";

export interface ExpectedFindingAt {
  readonly code: string;
  readonly year?: number;
  readonly scenario?: string;
  readonly sheet?: string;
  readonly cell?: string;
}

/** The JSON beside each fixture. Amounts in kronor. */
export interface FixtureExpectation {
  readonly fixture: string;
  readonly description: string;
  readonly exercises: readonly string[];
  /** Where the numbers come from (a seed, or a förbund made up for the layout). */
  readonly source: string;
  readonly kind: "budget" | "follow-up";
  readonly unit: string;
  readonly budgetYear: number;
  readonly members: readonly {
    readonly party: string;
    /** The kommun's own name ("Kungälv"), or the party for the others. */
    readonly name: string;
    readonly year: number;
    readonly computedAmount: number;
    readonly sheetAmount: number;
    readonly sheet?: string;
    readonly cell?: string;
  }[];
  readonly plan?: { readonly sheet: readonly ExpectedPlanYear[]; readonly "worst-case": readonly ExpectedPlanYear[] };
  readonly findings: {
    /** Exactly these findings of the rule codes (RULE_CODES) must appear, and no other of those codes. */
    readonly expected: readonly ExpectedFindingAt[];
    /** Codes that must not appear at all (false errors on a sound budget). */
    readonly mustNotAppear: readonly string[];
    /** Cells that must carry some finding, whatever its code (a check whose code is not settled yet). */
    readonly mustFlag?: readonly { readonly sheet: string; readonly cell: string; readonly why: string }[];
  };
}

const RULES = new Set<string>(RULE_CODES);

/** "Medlemsbidrag KUNGÄLVS KOMMUN" → "kungälvs". */
const bare = (name: string) =>
  name
    .toLowerCase()
    .replace(/medlemsbidrag|medlemsavgift|kommun/g, "")
    .replace(/\s+/g, " ")
    .trim();

/** The same kommun: by its bare name, or by the register where the genitive is not name + s ("Falu kommun", Falun). */
const sameKommun = (actual: string, expected: string) => {
  const a = bare(actual);
  const e = expected.toLowerCase();
  return a === e || a === `${e}s` || kommunOf(actual)?.name === expected;
};

const show = (f: { code: string; year?: number; scenario?: string; sheet?: string; cell?: string }) =>
  [f.code, f.year, f.scenario, f.sheet ? `${f.sheet}!${f.cell}` : undefined].filter((x) => x !== undefined).join(" ");

/** The differences between the analysis and the expected report; empty when it was read right. */
export function differences(result: GridAnalysis, expected: FixtureExpectation): string[] {
  const out: string[] = [];
  if (!result.ok) return [`avvisad: ${result.reason.sv}`];
  const { analysis } = result;
  const budget = analysis.budget;
  if (budget.unit !== expected.unit) out.push(`enhet ${budget.unit}, väntat ${expected.unit}`);
  if (budget.budgetYear !== expected.budgetYear)
    out.push(`budgetår ${budget.budgetYear}, väntat ${expected.budgetYear}`);

  // Members, one per party (or kommun) and year.
  const used = new Set<number>();
  for (const m of expected.members) {
    const i = analysis.members.findIndex(
      (a, j) =>
        !used.has(j) &&
        a.year === m.year &&
        a.party === m.party &&
        (m.party !== "kommun" || sameKommun(a.name, m.name)),
    );
    const where = `${m.party === "kommun" ? m.name : m.party} ${m.year}`;
    if (i < 0) {
      out.push(`medlem saknas: ${where}`);
      continue;
    }
    used.add(i);
    const a = analysis.members[i]!;
    if (!a.computedAmount.equals(m.computedAmount))
      out.push(`${where}: beräknat ${a.computedAmount}, väntat ${m.computedAmount}`);
    const sheet = a.sheetAmount?.value;
    if (!sheet || !sheet.equals(m.sheetAmount))
      out.push(`${where}: arkets belopp ${sheet ?? "saknas"}, väntat ${m.sheetAmount}`);
    if (m.cell && (a.ref?.sheet !== m.sheet || a.ref?.cell !== m.cell))
      out.push(`${where}: cell ${a.ref ? `${a.ref.sheet}!${a.ref.cell}` : "saknas"}, väntat ${m.sheet}!${m.cell}`);
  }
  analysis.members.forEach((a, j) => {
    if (!used.has(j)) out.push(`oväntad medlem: ${a.name} ${a.year}`);
  });

  // The plan of each scenario.
  if (expected.plan) {
    for (const scenario of ["sheet", "worst-case"] as const) {
      const actual = analysis.plans.find((p) => p.scenario.id === scenario);
      if (!actual) {
        out.push(`plan saknas: ${scenario}`);
        continue;
      }
      for (const e of expected.plan[scenario]) {
        const y = actual.years.find((a) => a.year === e.year);
        if (!y) {
          out.push(`plan ${scenario} ${e.year} saknas`);
          continue;
        }
        for (const field of ["contributions", "otherIncome", "costs", "openingEquity", "closingEquity"] as const) {
          if (!y[field].equals(e[field]))
            out.push(`plan ${scenario} ${e.year} ${field}: ${y[field]}, väntat ${e[field]}`);
        }
      }
    }
  }

  // Findings: the rule codes exactly, no unexpected error of any code.
  const all: Finding[] = analysis.findings.flatMap(factsOf);
  const left = all.filter((f) => RULES.has(f.code));
  const specific = [...expected.findings.expected].sort((a, b) => (b.cell ? 1 : 0) - (a.cell ? 1 : 0));
  for (const e of specific) {
    const i = left.findIndex(
      (a) =>
        a.code === e.code &&
        (e.year === undefined || a.year === e.year) &&
        (e.scenario === undefined || a.scenario === e.scenario) &&
        (e.cell === undefined || (a.sheet === e.sheet && a.cell === e.cell)),
    );
    if (i < 0) out.push(`fynd saknas: ${show(e)}`);
    else left.splice(i, 1);
  }
  for (const a of left) out.push(`oväntat fynd: ${show(a)}`);
  for (const a of all)
    if (!RULES.has(a.code) && a.severity === "error") out.push(`oväntat fel: ${show(a)} (${a.message.sv})`);
  for (const code of expected.findings.mustNotAppear)
    if (all.some((a) => a.code === code) && !expected.findings.expected.some((e) => e.code === code))
      out.push(`falskt ${code}`);
  for (const m of expected.findings.mustFlag ?? [])
    if (!all.some((a) => a.sheet === m.sheet && a.cell === m.cell))
      out.push(`ingen markering på ${m.sheet}!${m.cell}: ${m.why}`);
  return [...new Set(out)];
}

/**
 * The facts a finding states, as the expected answers list them: one per scenario it names (a fact the
 * scenarios share is said once), and with a plan year's costs that cannot be financed, the negative
 * equity its words report (one error with both numbers).
 */
function factsOf(f: Finding): Finding[] {
  const each = f.scenarios ? f.scenarios.map((scenario) => ({ ...f, scenario })) : [f];
  return each.flatMap((x) =>
    x.code === "CEILING_EXCEEDED" && x.figure === "costs" ? [x, { ...x, code: "EQUITY_NEGATIVE" as const }] : [x],
  );
}
