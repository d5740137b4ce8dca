import {
  type Budget,
  type Finding,
  type FollowUpLine,
  type Member,
  type SourcedAmount,
  sum,
  UNIT_FACTOR,
  type YearAmounts,
} from "../domain";
import { address, type SheetView } from "../grid";
import { readCell } from "./amountCells";
import { checkEquityDate } from "./equity";
import { followUpOf } from "./followUpColumns";
import { yearColumnName, type Mapping } from "./mapping";
import { partAdder, type PartLocation } from "./parts";
import { rowRoles, sectionSigns } from "./rowRoles";
import { collect, type Collected } from "./tableRows";
import { findLabelColumn } from "./tables";
import { withoutSuperseded } from "./superseded";
import { findUnit, type UnitReading } from "./units";
import { chooseBudgetYear, columnRoles, weakBudgetYear } from "./budgetYear";
import { findYearHeader, mappedHeader, type WorkbookYear, type YearColumn, type YearHeader } from "./yearHeaders";

/** What one sheet holds, read as the parts of a budget. */
export interface SheetRead {
  readonly sheet: string;
  readonly budget: Omit<Budget, "members" | "populationDate">;
  readonly members: readonly Member[];
  readonly labelColumn: number;
  readonly header: YearHeader;
  readonly parts: readonly PartLocation[];
  readonly findings: readonly Finding[];
}

/** The opening equity's evidence where the user named it: the budget year's, on whichever sheet it stands. */
export const NAMED_EQUITY = "namnet Finsam_EgetKapital";

/** Reads one sheet as the parts of a budget, or undefined when it has no year columns. */
export function readBudgetSheet(
  view: SheetView,
  mapping: Mapping,
  workbookYear?: WorkbookYear,
  /** The unit where another view of the sheet has read it (a turned sheet's title is cropped away). */
  knownUnit?: UnitReading,
): SheetRead | undefined {
  const labelColumn = mapping.labelColumns?.get(view.name) ?? findLabelColumn(view);
  const named = mapping.yearColumns?.find((n) => n.sheet === view.name && !n.across);
  const header = named
    ? { ...named, evidence: `namnen ${named.columns.map(yearColumnName).join(", ")}` }
    : mapping.yearHeader?.sheet === view.name
      ? mappedHeader(view, mapping.yearHeader.row)
      : findYearHeader(view, labelColumn, workbookYear);
  if (!header || header.columns.length === 0) return undefined;
  const unit = mapping.unit
    ? { unit: mapping.unit, evidence: "namnet Finsam_Enhet" }
    : (knownUnit ?? findUnit(view, header.row));
  const unitFactor = UNIT_FACTOR[unit.unit];
  const findings: Finding[] = [];
  const namedBudget = named?.columns.find((c) => c.kind === "budget");
  const budgetYearChoice = namedBudget
    ? { year: namedBudget.year, evidence: `namnet Finsam_Budget_${namedBudget.year}` }
    : chooseBudgetYear(view, header);
  const budgetYear = budgetYearChoice.year;
  const roles = columnRoles(header.columns, budgetYear);
  const amountColumns = roles.amounts;
  findings.push(...weakBudgetYear(budgetYearChoice, header));
  const rows = rowRoles(view, mapping, header.row, labelColumn, amountColumns);
  const signs = sectionSigns(view, rows, amountColumns);
  const got = collect(view, rows, signs, labelColumn, amountColumns, unitFactor, findings);
  const counted = withoutSuperseded(view, got.members, got.statedContributionTotal, findings);
  got.members.splice(0, got.members.length, ...counted);

  const costs = got.costs;
  const planYears = [...new Set(amountColumns.map((c) => c.year).filter((y) => y > budgetYear))].sort((a, b) => a - b);
  const mappedEquity =
    mapping.openingEquity?.sheet === view.name
      ? readCell(view, mapping.openingEquity.row, mapping.openingEquity.column, unitFactor, findings)
      : undefined;
  const closedWith =
    mappedEquity || got.openingEquity
      ? undefined
      : closingOfYearBefore(view, got, roles.history, unitFactor, budgetYear, findings);
  const equity = mappedEquity ?? got.openingEquity?.amount ?? closedWith?.amount;
  if (got.openingEquity && !mappedEquity)
    findings.push(...checkEquityDate(view, got.openingEquity, budgetYear, labelColumn));
  const costSign = signs.costs;
  const followUp = followUpOf(view, roles.followUp, costs, unitFactor, costSign, findings);
  // The budget is the frame: stated ("Budgetram"), as the costs' total, or else the lines' budgets added up.
  const frame = (got.statedFrame ?? got.costTotal)?.get(budgetYear) ?? linesFrame(followUp, budgetYear, header.columns);

  const budget: SheetRead["budget"] = {
    unit: unit.unit,
    budgetYear,
    planYears,
    ...(got.statedContributionTotal ? { statedContributionTotal: got.statedContributionTotal } : {}),
    otherIncome: got.otherIncome,
    equityDrawdowns: got.drawdowns,
    costs,
    ...(got.costTotal ? { costTotal: got.costTotal } : {}),
    ...(equity ? { openingEquity: equity } : {}),
    sums: got.sums,
    followUp,
    ...(frame ? { budgetFrame: frame } : {}),
  };
  const equityEvidence = mappedEquity
    ? NAMED_EQUITY
    : closedWith
      ? `utgående eget kapital i kolumnen ${closedWith.header} (året före budgetåret)`
      : "etikett om ingående eget kapital";
  const parts = partsOf(view.name, header, unit, budget, got, labelColumn, equityEvidence);
  return { sheet: view.name, budget, members: got.members, labelColumn, header, parts, findings };
}

/** A follow-up's frame where the sheet states none: its lines' budgets added up, on the budget column's header. */
function linesFrame(
  followUp: readonly FollowUpLine[],
  budgetYear: number,
  columns: readonly YearColumn[],
): SourcedAmount | undefined {
  const lines = followUp.filter((l) => l.year === budgetYear);
  const header = columns.find((c) => c.year === budgetYear && c.kind !== "outcome" && c.kind !== "forecast")?.header;
  if (lines.length === 0 || !header) return undefined;
  return { value: sum(lines.map((l) => l.budget.value)), ref: header };
}

/** Each part's range and the evidence that decided it, for the report and the pane. */
function partsOf(
  sheet: string,
  header: YearHeader,
  unit: { evidence: string },
  budget: SheetRead["budget"],
  got: Collected,
  labelColumn: number,
  equityEvidence: string,
): PartLocation[] {
  const parts: PartLocation[] = [];
  const add = partAdder(parts);
  add(
    "years",
    header.columns.map((c) => c.header),
    header.evidence,
  );
  add("unit", [header.columns[0]?.header], unit.evidence);
  add(
    "members",
    got.members.map((m) => m.nameRef),
    "partsnamn i etiketterna (staten, regionen, kommunerna)",
  );
  const firstYear = (amounts: YearAmounts | undefined) => amounts?.values().next().value?.ref;
  add(
    "contributionTotal",
    [firstYear(got.statedContributionTotal)],
    "summa över medlemsraderna eller etiketten Medlemsavgifter",
  );
  add("income", got.otherIncome, "rader under intäkterna som inte är medlemmar");
  add("drawdowns", got.drawdowns, "etikett om ianspråktaget eget kapital");
  add("costs", got.costs, "rader under kostnaderna; summor, resultat och härledda rader borttagna");
  add("costTotal", [firstYear(got.costTotal)], "summaraden under kostnaderna (SUM-formel eller etikett)");
  if (budget.openingEquity) add("openingEquity", [budget.openingEquity.ref], equityEvidence);
  if (got.closingEquityRow)
    add(
      "closingEquity",
      [{ sheet, cell: address(got.closingEquityRow, labelColumn) }],
      "etikett om utgående eget kapital; kontrolleras, räknas inte",
    );
  if (budget.budgetFrame)
    add(
      "frame",
      [budget.budgetFrame.ref],
      got.statedFrame
        ? "etiketten Budgetram"
        : got.costTotal
          ? "summa kostnader för budgetåret"
          : "radernas budget summerade (ingen budgetram eller summa på bladet)",
    );
  if (budget.followUp.length > 0)
    add(
      "followUp",
      header.columns.filter((c) => c.kind === "outcome" || c.kind === "forecast").map((c) => c.header),
      "kolumnrubriker Utfall/Prognos",
    );
  return parts;
}

/** Bokslut before Utfall before Prognos before a budget: what the year before most surely closed with. */
const CLOSED_FIRST: readonly YearColumn["kind"][] = ["history", "outcome", "forecast", "year", "budget", "plan"];

/**
 * With history beside the budget, the opening equity is the closing equity
 * of the year before the budget year: "Eget kapital vid årets slut" under
 * Bokslut 2024 (or Utfall, Prognos 2024) opens 2025.
 */
function closingOfYearBefore(
  view: SheetView,
  got: Collected,
  history: readonly YearColumn[],
  unitFactor: number,
  budgetYear: number,
  findings: Finding[],
): { amount: SourcedAmount; header: string } | undefined {
  const row = got.closingEquityRow;
  if (row === undefined) return undefined;
  const before = history
    .filter((c) => c.year === budgetYear - 1)
    .sort((a, b) => CLOSED_FIRST.indexOf(a.kind) - CLOSED_FIRST.indexOf(b.kind));
  for (const column of before) {
    const amount = readCell(view, row, column.column, unitFactor, findings);
    if (amount) return { amount, header: column.header.cell };
  }
  return undefined;
}
