import { finding, message, type Finding } from "../domain";
import type { SheetView } from "../grid";
import { titleYear, type YearColumn, type YearHeader } from "./yearHeaders";

/** The year a sheet's budget is about, the evidence for it, and the runner-up where the evidence is close. */
export interface BudgetYear {
  readonly year: number;
  readonly evidence: string;
  readonly rival?: { readonly year: number; readonly evidence: string };
}

/**
 * Which of the header's years is the budget year, scored on what the sheet
 * says: the title or sheet name ("Budget 2026 och plan 2027–2028"), a column
 * headed Budget, plan years that follow it, being the last Budget column
 * before them. Columns of earlier years are history (Bokslut 2024, Budget
 * 2025 beside Budget 2026), never the budget: the first Budget column is
 * not the document's year when history stands left of it.
 */
export function chooseBudgetYear(view: SheetView, header: YearHeader): BudgetYear {
  const pool = header.columns.filter((c) => c.kind === "budget" || c.kind === "year" || c.kind === "plan");
  if (pool.length === 0) return { year: header.columns[0]!.year, evidence: "den enda årskolumnen" };
  const title = titleYear(view, header.row);
  const lastBudget = Math.max(...header.columns.filter((c) => c.kind === "budget").map((c) => c.year));
  const scored = [...new Set(pool.map((c) => c.year))].map((year) => {
    const reasons: string[] = [];
    let score = 0;
    const add = (points: number, why: string) => {
      score += points;
      reasons.push(why);
    };
    if (title?.year === year) add(4, title.evidence);
    if (pool.some((c) => c.year === year && c.kind === "budget")) add(2, "kolumnrubriken Budget");
    if (year === lastBudget && header.columns.some((c) => c.kind === "budget" && c.year < year))
      add(1, "den sista Budget-kolumnen");
    const next = header.columns.filter((c) => c.year === year + 1);
    if (next.some((c) => c.kind === "plan")) add(3, `planår ${year + 1} följer`);
    else if (next.some((c) => c.kind === "year")) add(2, `år ${year + 1} följer`);
    return { year, score, evidence: reasons.join(", ") || "den första årskolumnen" };
  });
  // Ties go to the earliest year: plain years 2025 | 2026 | 2027 are a budget and its plan.
  scored.sort((a, b) => b.score - a.score || a.year - b.year);
  const [best, second] = scored;
  const close = second && second.score >= best!.score - 1 && best!.score < 4 && budgetColumns(pool) > 1;
  return {
    year: best!.year,
    evidence: best!.evidence,
    ...(close ? { rival: { year: second.year, evidence: second.evidence } } : {}),
  };
}

const budgetColumns = (columns: readonly YearColumn[]) => columns.filter((c) => c.kind === "budget").length;

/**
 * The header's columns by role once the budget year is known: amounts of the
 * budget year and later (one column a year), follow-up of the budget year
 * (Utfall, Prognos), and history (every earlier year), which is read for
 * nothing but the equity it closed with.
 */
export function columnRoles(columns: readonly YearColumn[], budgetYear: number) {
  const later = columns.filter((c) => c.year >= budgetYear);
  const amounts = new Map<number, YearColumn>();
  for (const c of later) {
    if (!countsAsAmount(c.kind, c.year, budgetYear)) continue;
    const held = amounts.get(c.year);
    // The budget year's Budget column wins over a plain year; a plan year's Plan column over a Budget.
    if (!held || rank(c, budgetYear) > rank(held, budgetYear)) amounts.set(c.year, c);
  }
  return {
    amounts: [...amounts.values()].sort((a, b) => a.column - b.column),
    followUp: columns.filter((c) => c.year === budgetYear && (c.kind === "outcome" || c.kind === "forecast")),
    // A period or a deviation of an earlier year closed no year.
    history: columns.filter((c) => c.year < budgetYear && c.kind !== "period" && c.kind !== "derived"),
  };
}

/**
 * Whether a column or row of this kind and year holds amounts of the budget:
 * a Budget or Plan, a plain year from the budget year on, and a forecast of a
 * year to come ("Prognos 2023" after "Budget 2022"); never outcome, history,
 * periods or deviations. With no budget year known, any plain year.
 */
export function countsAsAmount(kind: YearColumn["kind"], year: number, budgetYear: number | undefined): boolean {
  if (kind === "budget" || kind === "plan") return true;
  if (kind === "year") return budgetYear === undefined || year >= budgetYear;
  return kind === "forecast" && budgetYear !== undefined && year > budgetYear;
}

const rank = (c: YearColumn, budgetYear: number) =>
  c.year === budgetYear
    ? c.kind === "budget"
      ? 2
      : c.kind === "year"
        ? 1
        : 0
    : c.kind === "plan"
      ? 2
      : c.kind === "forecast"
        ? 0
        : 1;

/** Two years have near-equal evidence for being the budget year: said on the chosen column's header. */
export function weakBudgetYear(choice: BudgetYear, header: YearHeader): Finding[] {
  if (!choice.rival) return [];
  const column = header.columns.find((c) => c.year === choice.year)!;
  return [
    finding({
      code: "INPUT_WEAK_EVIDENCE",
      severity: "info",
      ref: column.header,
      year: choice.year,
      message: message(
        `Budgetåret läses som ${choice.year} (${choice.evidence}), men ${choice.rival.year} är nästan lika troligt (${choice.rival.evidence}). Skriv budgetåret i bladets rubrik, eller namnge kolumnen Finsam_Budget, om det är fel.`,
        `The budget year is read as ${choice.year} (${choice.evidence}), but ${choice.rival.year} is almost as likely (${choice.rival.evidence}). Write the budget year in the sheet's title, or name the column Finsam_Budget, if it is wrong.`,
      ),
    }),
  ];
}
