import {
  finding,
  message,
  type Budget,
  type Finding,
  type Member,
  type SourcedAmount,
  type StatedSum,
  type YearAmounts,
  UNIT_FACTOR,
} from "../domain";
import { readCell, SheetLine } from "./amountCells";
import { checkEquityDate, equityCell } from "./equity";
import { followUpOf } from "./followUpColumns";
import { address, type SheetView } from "../grid";
import type { Mapping } from "./mapping";
import { partAdder, type PartLocation } from "./parts";
import { memberSign, rowRoles, sectionSigns, type RowInfo, type Section } from "./rowRoles";
import { NO_FORMULAS, findLabelColumn, type Item } from "./tables";
import { arithmeticSubtotalOf, coveredRows, isSubtotalAbove, withoutCovered } from "./totals";
import { findUnit } from "./units";
import { normalizeLabel } from "./vocabulary";
import {
  dedupeByYear,
  findYearHeader,
  mappedHeader,
  type WorkbookYear,
  type YearColumn,
  type YearHeader,
} from "./yearHeaders";

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

/** What the rows of one table add up to, as the loop over them collects it. */
interface Collected {
  readonly members: Member[];
  readonly otherIncome: SheetLine[];
  readonly drawdowns: SheetLine[];
  readonly costs: SheetLine[];
  readonly sums: StatedSum[];
  statedContributionTotal?: YearAmounts;
  costTotal?: YearAmounts;
  openingEquity?: { amount: SourcedAmount; row: number; date?: string };
  closingEquityRow?: number;
  statedFrame?: YearAmounts;
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

/** The loop over a table's rows: each row to the part its role says, totals against the lines they cover. */
function collect(
  view: SheetView,
  rows: readonly RowInfo[],
  signs: Readonly<Record<Section, number>>,
  labelColumn: number,
  columns: readonly YearColumn[],
  unitFactor: number,
  findings: Finding[],
): Collected {
  const got: Collected = { members: [], otherIncome: [], drawdowns: [], costs: [], sums: [] };
  const lineOf = (item: Item) => new SheetLine(item.label, item.amounts, view.name, item.row, labelColumn);
  const isMemberRow = (item: Item) => got.members.some((m) => m.nameRef?.cell === address(item.row, labelColumn));
  // Lines outside any section are costs, but for "Finansiella intäkter" and the like, read as income.
  const costsOrIncome = (items: readonly Item[]) => {
    for (const u of withoutCovered(items, columns)) {
      if (!saysIncome(u.label)) got.costs.push(lineOf(u));
      else {
        const sign = memberSign(view, u.row, columns, 1);
        got.otherIncome.push(lineOf(readRow(view, u.row, labelColumn, columns, unitFactor * sign, [])));
      }
    }
  };
  let block: Item[] = [];
  let sectionItems: Item[] = [];
  let unknown: Item[] = [];
  // Lines read as the subtotal of the lines above them (values only), until a total says whether it counts them.
  let subtotals: { item: Item; section: Section; sums: StatedSum[]; finding: Finding }[] = [];
  /** The total counts them as lines: they are lines, with no subtotal finding and no sums of their own. */
  const reinstate = (pending: typeof subtotals) => {
    for (const s of pending) {
      findings.splice(findings.indexOf(s.finding), 1);
      for (const sum of s.sums) got.sums.splice(got.sums.indexOf(sum), 1);
      seen[s.item.row] = s.item;
      block.push(s.item);
      if (s.section === "income") insertByRow(got.otherIncome, lineOf(s.item));
      else if (s.section === "costs") insertByRow(got.costs, lineOf(s.item));
      else if (s.section === "none") unknown.push(s.item);
    }
    block.sort((a, b) => a.row - b.row);
    unknown.sort((a, b) => a.row - b.row);
  };
  // The rows read so far, by row number: what a SUM's range picks its parts from.
  const seen: (Item | undefined)[] = [];
  let currentSection: Section = "none";

  for (const info of rows) {
    if (info.section !== currentSection) {
      sectionItems = [];
      block = [];
      subtotals = [];
      currentSection = info.section;
    }
    const { row, role } = info;
    if (!info.hasAmounts) {
      // A heading inside a section starts a new block of lines.
      sectionItems.push(...block);
      block = [];
      continue;
    }
    const isContribution = role.kind === "member" || role.kind === "contributions";
    const sign = isContribution
      ? memberSign(view, row, columns, signs[info.section])
      : role.kind === "openingEquity" || role.kind === "closingEquity"
        ? 1
        : signs[info.section];
    const item = readRow(view, row, labelColumn, columns, unitFactor * sign, findings);
    if (role.kind !== "result" && role.kind !== "derived") seen[row] = item;
    if (view.isHiddenRow(row)) findings.push(hiddenRow(view, row, labelColumn, item.label));

    switch (role.kind) {
      case "member":
        if (info.section === "costs") {
          got.costs.push(lineOf(item));
          block.push(item);
          break;
        }
        got.members.push({
          name: item.label,
          party: role.party,
          amounts: item.amounts,
          nameRef: { sheet: view.name, cell: address(row, labelColumn) },
        });
        block.push(item);
        break;
      case "contributions":
        if (info.section === "costs") {
          // "Medlemsavgifter" under the costs: the förbund's own fees (to Nationella rådet), a cost line.
          got.costs.push(lineOf(readRow(view, row, labelColumn, columns, unitFactor * signs.costs, [])));
          block.push(item);
          break;
        }
        got.statedContributionTotal ??= item.amounts;
        block.push(item);
        break;
      case "drawdown":
        got.drawdowns.push(lineOf(item));
        block.push(item);
        break;
      case "openingEquity": {
        const column = equityCell(view, row, labelColumn);
        const amount = column === undefined ? undefined : readCell(view, row, column, unitFactor, findings);
        if (amount && !got.openingEquity)
          got.openingEquity = { amount, row, ...(role.date ? { date: role.date } : {}) };
        break;
      }
      case "closingEquity":
        got.closingEquityRow ??= row;
        break;
      case "result":
      case "derived":
        break;
      case "frame":
        got.statedFrame ??= item.amounts;
        break;
      case "total": {
        const inNone = info.section === "none";
        // A SUM or an addition says exactly which rows a total covers; else the block above it, else its section.
        const summed = coveredRows(item, columns)?.flatMap((r) => seen[r] ?? []);
        if (!summed && subtotals.length > 0) {
          // A total that adds up only with them counts them: they were lines equal, by chance, to lines above.
          const adds = (parts: readonly Item[]) => addsUpTo(item, parts, columns);
          const section = [...sectionItems, ...block];
          const pending = subtotals.map((s) => s.item);
          if (!adds(block) && !adds(section) && (adds([...block, ...pending]) || adds([...section, ...pending])))
            reinstate(subtotals);
        }
        subtotals = [];
        const parts = summed ?? blockOrSection(item, block, sectionItems, columns);
        const leaves = withoutCovered(parts, columns);
        for (const col of columns) {
          const stated = item.amounts.get(col.year);
          if (!stated) continue;
          got.sums.push({
            label: item.label,
            year: col.year,
            stated,
            parts: leaves.flatMap((p) => (p.amounts.get(col.year) ? [p.amounts.get(col.year)!] : [])),
          });
        }
        const label = normalizeLabel(item.label);
        // The members' total sums every member so far ("Summa kommuner" sums only some), or says so.
        const allMembers = parts.length >= got.members.length && parts.every(isMemberRow);
        if (
          (parts.length > 0 && allMembers) ||
          (info.section !== "costs" && /^summa medlems(avgift|bidrag)/.test(label))
        ) {
          got.statedContributionTotal ??= item.amounts;
        } else if (info.section === "costs" || (inNone && /kostnad/.test(label))) {
          got.costTotal = item.amounts;
          if (inNone) costsOrIncome(unknown);
        } else if (inNone && (/intäkt/.test(label) || parts.some(isMemberRow))) {
          got.otherIncome.push(...withoutCovered(unknown, columns).map(lineOf));
        } else if (inNone && got.members.length === 0) {
          // A list of lines and its sum, with no members and no sections (a follow-up per insats): costs.
          got.costTotal = item.amounts;
          costsOrIncome(unknown);
        }
        if (inNone) unknown = [];
        if (block.length > 0) {
          sectionItems.push(item);
          block = [];
        } else {
          sectionItems = [item];
        }
        break;
      }
      case "incomeHeader":
      case "costHeader":
      case "line": {
        if (isSubtotalAbove(item, columns)) {
          block.push(item);
          break;
        }
        const group =
          info.evidence === "label" && !hasFormulas(item) ? arithmeticSubtotalOf(item, block, columns) : undefined;
        if (group) {
          // Checked against its group, and left out of the block so the section's total does not count it twice.
          const weak = arithmeticSubtotal(view, row, labelColumn, item.label);
          const sums = columns.flatMap((c) => sumOf(item, group, c.year));
          findings.push(weak);
          seen[row] = undefined;
          got.sums.push(...sums);
          subtotals.push({ item, section: info.section, sums, finding: weak });
          break;
        }
        if (info.section === "costs" && saysIncome(item.label)) {
          // "Finansiella intäkter" under the costs is income, whatever the costs' sign.
          got.otherIncome.push(lineOf(readRow(view, row, labelColumn, columns, unitFactor, [])));
          break;
        }
        if (info.section === "income") got.otherIncome.push(lineOf(item));
        else if (info.section === "costs") got.costs.push(lineOf(item));
        else if (info.section === "none") unknown.push(item);
        if (info.section !== "equity") block.push(item);
        break;
      }
    }
  }
  // Lines in a sheet with no sections and no total: costs, which is what such a list usually is.
  costsOrIncome(unknown);
  return got;
}

function readRow(
  view: SheetView,
  row: number,
  labelColumn: number,
  columns: readonly YearColumn[],
  factor: number,
  findings: Finding[],
): Item {
  // A Map, not a record: years as keys would put a record's elements in a hash table of their own (V8's dictionary mode).
  const amounts = new Map<number, SourcedAmount>();
  const numbers: number[] = [];
  let formulas: Record<number, string | null> | undefined;
  for (const col of columns) {
    const cellAmount = readCell(view, row, col.column, factor, findings);
    const raw = view.value(row, col.column);
    // A number cell's value times the factor is exact enough for the checks, and costs no Decimal conversion.
    numbers.push(cellAmount ? (typeof raw === "number" ? raw * factor : cellAmount.value.toNumber()) : 0);
    if (cellAmount) {
      amounts.set(col.year, cellAmount);
      const formula = view.formula(row, col.column);
      if (formula) (formulas ??= {})[col.year] = formula;
    }
  }
  return { row, label: view.text(row, labelColumn), amounts, formulas: formulas ?? NO_FORMULAS, numbers };
}

/** "Finansiella intäkter" and the like; a cheap test first, since every line is asked. */
const saysIncome = (label: string) => SAYS_INT.test(label) && /intäkt/.test(normalizeLabel(label));
const SAYS_INT = /int/i;

/** Puts a line into a list of lines in row order. */
function insertByRow(lines: SheetLine[], line: SheetLine): void {
  const at = lines.findIndex((l) => l.row > line.row);
  lines.splice(at < 0 ? lines.length : at, 0, line);
}

const hasFormulas = (item: Item) => item.formulas !== NO_FORMULAS;

/**
 * A total with no SUM covers the block just above it, else its section; where
 * the block does not add up to it but the whole section does (lines under
 * sub-headings with no subtotals of their own), the section.
 */
function blockOrSection(item: Item, block: Item[], sectionItems: Item[], columns: readonly YearColumn[]): Item[] {
  if (block.length === 0) return sectionItems;
  if (sectionItems.length === 0 || addsUpTo(item, block, columns)) return block;
  const section = [...sectionItems, ...block];
  return addsUpTo(item, section, columns) ? section : block;
}

function addsUpTo(item: Item, parts: readonly Item[], columns: readonly YearColumn[]): boolean {
  const leaves = withoutCovered(parts, columns);
  return columns.every((_, i) => {
    if (item.numbers[i] === 0) return true;
    const total = leaves.reduce((acc, p) => acc + (p.numbers[i] ?? 0), 0);
    return Math.abs(total - item.numbers[i]!) < 0.005;
  });
}

function sumOf(item: Item, parts: readonly Item[], year: number): StatedSum[] {
  const stated = item.amounts.get(year);
  return stated
    ? [
        {
          label: item.label,
          year,
          stated,
          parts: parts.flatMap((p) => (p.amounts.get(year) ? [p.amounts.get(year)!] : [])),
        },
      ]
    : [];
}

function hiddenRow(view: SheetView, row: number, labelColumn: number, label: string): Finding {
  return finding({
    code: "INPUT_HIDDEN_ROW",
    severity: "info",
    ref: { sheet: view.name, cell: address(row, labelColumn) },
    message: message(
      `Rad ${row} (”${label}”) är dold men räknas med.`,
      `Row ${row} ("${label}") is hidden but is counted.`,
    ),
  });
}

function arithmeticSubtotal(view: SheetView, row: number, labelColumn: number, label: string): Finding {
  return finding({
    code: "INPUT_WEAK_EVIDENCE",
    severity: "info",
    ref: { sheet: view.name, cell: address(row, labelColumn) },
    message: message(
      `Rad ${row} (”${label}”) är lika med summan av raderna ovanför och läses som en delsumma, inte som en egen rad.`,
      `Row ${row} ("${label}") equals the sum of the rows above it and is read as a subtotal, not a line of its own.`,
    ),
  });
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
