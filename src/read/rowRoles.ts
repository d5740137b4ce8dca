import type { Member } from "../domain";
import type { SheetView } from "../grid";
import type { Mapping } from "./mapping";
import { amountKind } from "./swedishNumber";
import { equityCell } from "./equity";
import { isComputedFromRows, referencedRows, sumRows } from "./totals";
import { classifyLabel, normalizeLabel, POPULATION_HEADER, type LabelRole } from "./vocabulary";
import { isHeaderRow, type YearColumn } from "./yearHeaders";

export type Section = "none" | "income" | "costs" | "equity";

/** A row of a table: its role, the section it stands in, and what decided the role. */
export interface RowInfo {
  readonly row: number;
  readonly role: LabelRole;
  readonly section: Section;
  readonly hasAmounts: boolean;
  /** "formel", "etikett", "namnet Finsam_…": what decided the role. */
  readonly evidence: "formula" | "label" | "mapping" | "format";
}

/**
 * Each row's role from evidence, strongest first: the user's names, then the
 * row's formulas (a row computed from other rows is a total or a result,
 * never a line), then its label; a row of percentages is never a line.
 */
export function rowRoles(
  view: SheetView,
  mapping: Mapping,
  headerRow: number,
  labelColumn: number,
  columns: readonly YearColumn[],
): RowInfo[] {
  const rows: RowInfo[] = [];
  // The header row's own label may open a section ("Intäkter, kr | Budget 2022").
  const headerRole = classifyLabel(view.text(headerRow, labelColumn)).kind;
  let section: Section = headerRole === "incomeHeader" ? "income" : headerRole === "costHeader" ? "costs" : "none";
  let afterResult = false;
  const namedLines = mapping.costRows?.get(view.name);
  for (const row of view.rowsAndGaps(headerRow + 1)) {
    const label = view.text(row, labelColumn);
    const { role, evidence } = roleOf(view, mapping, row, label, labelColumn, columns);
    // A row whose year cells hold only text is a note ("20 % av årlig medelstilldelning"), unless it names a member.
    let numeric = false;
    let filled = false;
    for (const c of columns) {
      const kind = amountKind(view.value(row, c.column)).kind;
      numeric ||= kind === "amount" || kind === "error";
      filled ||= kind !== "empty";
    }
    // A population table below the budget ("Invånare 2024-12-31" over the year columns) ends it: its numbers are no costs.
    if (!numeric && rows.length > 0 && headsPopulation(view, row, labelColumn, columns)) break;
    const readable = numeric || (role.kind === "member" && filled);
    const hasAmounts =
      // A member's row holds amounts, never repeated headers (2 029 tkr in the year 2029).
      (readable && (role.kind === "member" || !isHeaderRow(view, row, columns))) ||
      (role.kind === "openingEquity" && equityCell(view, row, labelColumn) !== undefined);
    if (role.kind === "incomeHeader") section = "income";
    else if (role.kind === "costHeader") section = "costs";
    else if (!hasAmounts && /^eget kapital$/.test(normalizeLabel(label))) section = "equity";
    else if (namedLines?.has(row)) section = "costs";
    // The equity's roll after the year's result ("Förändring av eget kapital") is no income and no cost.
    else if (afterResult && (role.kind === "openingEquity" || role.kind === "closingEquity")) section = "equity";
    afterResult ||= role.kind === "result" && hasAmounts;
    rows.push({ row, role, section, hasAmounts, evidence });
  }
  return rows;
}

function headsPopulation(view: SheetView, row: number, labelColumn: number, columns: readonly YearColumn[]): boolean {
  const says = (column: number) => POPULATION_HEADER.test(view.text(row, column).toLowerCase());
  return says(labelColumn) || columns.some((c) => says(c.column));
}

function roleOf(
  view: SheetView,
  mapping: Mapping,
  row: number,
  label: string,
  labelColumn: number,
  columns: readonly YearColumn[],
): { role: LabelRole; evidence: RowInfo["evidence"] } {
  const byLabel = classifyLabel(label);
  if (mapping.memberRows?.get(view.name)?.has(row)) {
    const party: Member["party"] = byLabel.kind === "member" ? byLabel.party : "kommun";
    return { role: { kind: "member", party }, evidence: "mapping" };
  }
  if (mapping.costRows?.get(view.name)?.has(row)) return { role: { kind: "line" }, evidence: "mapping" };
  if (mapping.openingEquity?.sheet === view.name && mapping.openingEquity.row === row)
    return { role: { kind: "openingEquity" }, evidence: "mapping" };
  if (byLabel.kind === "total" && !SAYS_SUM.test(normalizeLabel(label)) && addsTotals(view, row, labelColumn, columns))
    return { role: { kind: "result" }, evidence: "formula" };
  if (byLabel.kind !== "line") return { role: byLabel, evidence: "label" };
  if (columns.some((c) => view.numberFormat(row, c.column)?.includes("%")))
    return { role: { kind: "derived" }, evidence: "format" };
  if (isComputedFromRows(view, row, columns)) return { role: formulaRole(view, row, columns), evidence: "formula" };
  return { role: byLabel, evidence: "label" };
}

/** A label that says it is a sum ("Summa totala kostnader" = B18 + B30 is one), unlike "Verksamhetens nettokostnader". */
const SAYS_SUM = /^(summa|totalt?|s:a|delsumma)\b|\b(totalt|summa)$/;

/** "=B8+B13+B14" over a row labelled as a total: a result of totals ("Verksamhetens nettokostnader"), not a total of lines. */
function addsTotals(view: SheetView, row: number, labelColumn: number, columns: readonly YearColumn[]): boolean {
  return columns.some((c) => {
    const formula = view.formula(row, c.column);
    if (!formula || sumRows(formula, c.column)) return false;
    return referencedRows(formula, c.column).some(
      (r) => r !== row && classifyLabel(view.text(r, labelColumn)).kind === "total",
    );
  });
}

/** A SUM of the rows above is a total of them (checked against them); below, a group's subtotal; else a result. */
function formulaRole(view: SheetView, row: number, columns: readonly YearColumn[]): LabelRole {
  for (const c of columns) {
    const range = sumRows(view.formula(row, c.column), c.column);
    if (range && range[1] < row) return { kind: "total" };
    if (range && range[0] > row) return { kind: "line" };
  }
  return { kind: "result" };
}

/** Per section, −1 when most of its lines are negative (costs shown as −785), else 1; one pass over the rows. */
export function sectionSigns(
  view: SheetView,
  rows: readonly RowInfo[],
  columns: readonly YearColumn[],
): Record<Section, number> {
  const balance: Record<Section, number> = { none: 0, income: 0, costs: 0, equity: 0 };
  for (const r of rows) {
    // A heading with amounts ("Kostnader | −5 022 000") is read as a line of its section, so it counts too.
    const asLine = r.role.kind === "line" || r.role.kind === "incomeHeader" || r.role.kind === "costHeader";
    if (!r.hasAmounts || !asLine || r.section === "equity") continue;
    for (const c of columns) balance[r.section] -= amountKind(view.value(r.row, c.column)).sign;
  }
  const sign = (b: number) => (b > 0 ? -1 : 1);
  return { none: sign(balance.none), income: sign(balance.income), costs: sign(balance.costs), equity: 1 };
}

/** Member rows are positive contributions; a sheet that books income as negative ("(107) Driftsbidrag −17 282") is turned. */
export function memberSign(view: SheetView, row: number, columns: readonly YearColumn[], sectionSign: number): number {
  const amounts = columns.map((c) => amountKind(view.value(row, c.column))).filter((r) => r.kind === "amount");
  const allNegative = amounts.length > 0 && amounts.every((r) => r.sign <= 0);
  return allNegative ? -1 : sectionSign === -1 && amounts.length === 0 ? -1 : 1;
}
