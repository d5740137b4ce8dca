import { UNIT_FACTOR, type Budget, type Finding, type Member, type YearAmounts } from "../domain";
import { address, type SheetView } from "../grid";
import { readCell } from "./amountCells";
import { checkEquityDate } from "./equity";
import { followUpOf } from "./followUpColumns";
import type { Mapping } from "./mapping";
import { partAdder, type PartLocation } from "./parts";
import { rowRoles, sectionSigns } from "./rowRoles";
import { collect, type Collected } from "./tableRows";
import { findLabelColumn } from "./tables";
import { findUnit } from "./units";
import { dedupeByYear, findYearHeader, mappedHeader, type WorkbookYear, type YearHeader } from "./yearHeaders";

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

/** Reads one sheet as the parts of a budget, or undefined when it has no year columns. */
export function readBudgetSheet(view: SheetView, mapping: Mapping, workbookYear?: WorkbookYear): SheetRead | undefined {
  const labelColumn = findLabelColumn(view);
  const header =
    mapping.yearHeader?.sheet === view.name
      ? mappedHeader(view, mapping.yearHeader.row)
      : findYearHeader(view, labelColumn, workbookYear);
  if (!header || header.columns.length === 0) return undefined;
  const unit = mapping.unit ? { unit: mapping.unit, evidence: "namnet Finsam_Enhet" } : findUnit(view, header.row);
  const unitFactor = UNIT_FACTOR[unit.unit];
  const findings: Finding[] = [];
  const amountColumns = dedupeByYear(header.columns.filter((c) => c.kind !== "outcome" && c.kind !== "forecast"));
  const rows = rowRoles(view, mapping, header.row, labelColumn, amountColumns);
  const signs = sectionSigns(view, rows, amountColumns);
  const got = collect(view, rows, signs, labelColumn, amountColumns, unitFactor, findings);

  const costs = got.costs;
  const budgetColumn = amountColumns.find((c) => c.kind === "budget") ?? amountColumns[0]!;
  const budgetYear = budgetColumn.year;
  const planYears = [...new Set(amountColumns.map((c) => c.year).filter((y) => y > budgetYear))].sort((a, b) => a - b);
  const mappedEquity =
    mapping.openingEquity?.sheet === view.name
      ? readCell(view, mapping.openingEquity.row, mapping.openingEquity.column, unitFactor, findings)
      : undefined;
  const equity = mappedEquity ?? got.openingEquity?.amount;
  if (got.openingEquity && !mappedEquity)
    findings.push(...checkEquityDate(view, got.openingEquity, budgetYear, labelColumn));
  const costSign = signs.costs;
  const frame = (got.statedFrame ?? got.costTotal)?.get(budgetYear);

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
    followUp: followUpOf(view, header.columns, costs, unitFactor, costSign, findings),
    ...(frame ? { budgetFrame: frame } : {}),
  };
  const parts = partsOf(view.name, header, unit, budget, got, labelColumn, mappedEquity !== undefined);
  return { sheet: view.name, budget, members: got.members, labelColumn, header, parts, findings };
}

/** Each part's range and the evidence that decided it, for the report and the pane. */
function partsOf(
  sheet: string,
  header: YearHeader,
  unit: { evidence: string },
  budget: SheetRead["budget"],
  got: Collected,
  labelColumn: number,
  mappedEquity: boolean,
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
  if (budget.openingEquity)
    add(
      "openingEquity",
      [budget.openingEquity.ref],
      mappedEquity ? "namnet Finsam_EgetKapital" : "etikett om ingående eget kapital",
    );
  if (got.closingEquityRow)
    add(
      "closingEquity",
      [{ sheet, cell: address(got.closingEquityRow, labelColumn) }],
      "etikett om utgående eget kapital; kontrolleras, räknas inte",
    );
  if (budget.budgetFrame)
    add("frame", [budget.budgetFrame.ref], got.statedFrame ? "etiketten Budgetram" : "summa kostnader för budgetåret");
  if (budget.followUp.length > 0)
    add(
      "followUp",
      header.columns.filter((c) => c.kind === "outcome" || c.kind === "forecast").map((c) => c.header),
      "kolumnrubriker Utfall/Prognos",
    );
  return parts;
}
