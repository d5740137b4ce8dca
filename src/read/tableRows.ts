import {
  finding,
  message,
  type Finding,
  type Member,
  type SourcedAmount,
  type StatedSum,
  type YearAmounts,
} from "../domain";
import { address, type SheetView } from "../grid";
import { readCell, SheetLine } from "./amountCells";
import { equityCell } from "./equity";
import { memberSign, type RowInfo, type Section } from "./rowRoles";
import { NO_FORMULAS, type Item } from "./tables";
import { arithmeticSubtotalOf, coveredRows, isSubtotalAbove, skipsHidden, withoutCovered } from "./totals";
import { addsUpTo, blockOrSection, sumOf } from "./totalsAddUp";
import { normalizeLabel } from "./vocabulary";
import type { YearColumn } from "./yearHeaders";

/** What the rows of one table add up to, as the loop over them collects it. */
export interface Collected {
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

/** A line read as the subtotal of the lines above it (values only), until a total says whether it counts it. */
interface PendingSubtotal {
  readonly item: Item;
  readonly section: Section;
  readonly sums: StatedSum[];
  readonly finding: Finding;
}

/** The loop over a table's rows: each row to the part its role says, totals against the lines they cover. */
export function collect(
  view: SheetView,
  rows: readonly RowInfo[],
  signs: Readonly<Record<Section, number>>,
  labelColumn: number,
  columns: readonly YearColumn[],
  unitFactor: number,
  findings: Finding[],
): Collected {
  const table = new TableRows(view, signs, labelColumn, columns, unitFactor, findings);
  for (const info of rows) table.read(info);
  return table.finish();
}

/** A table read row by row: what each row's role makes it, and the blocks and sections its totals cover. */
class TableRows {
  readonly got: Collected = { members: [], otherIncome: [], drawdowns: [], costs: [], sums: [] };
  private section: Section = "none";
  /** The lines since the section's last heading or total. */
  private block: Item[] = [];
  /** The section's earlier blocks and totals. */
  private sectionItems: Item[] = [];
  /** Lines outside any section, until a total (or the table's end) says what they are. */
  private unknown: Item[] = [];
  private subtotals: PendingSubtotal[] = [];
  /** The rows of the members read so far: a total asks of each of its parts. */
  private readonly memberRows = new Set<number>();
  /** A total of members only ("Summa kommuner") and the member rows it covers. */
  private readonly membersUnder = new Map<number, readonly number[]>();
  /** The rows of lines each total covers, through the totals it adds; and those the costs' total covers. */
  private readonly linesUnder = new Map<number, readonly number[]>();
  private costTotalCovers: ReadonlySet<number> | undefined;
  /** The rows read so far, by row number: what a SUM's range picks its parts from. */
  private readonly seen: (Item | undefined)[] = [];

  constructor(
    private readonly view: SheetView,
    private readonly signs: Readonly<Record<Section, number>>,
    private readonly labelColumn: number,
    private readonly columns: readonly YearColumn[],
    private readonly unitFactor: number,
    private readonly findings: Finding[],
  ) {}

  read(info: RowInfo): void {
    if (info.section !== this.section) this.startSection(info.section);
    if (!info.hasAmounts) {
      this.startBlock();
      return;
    }
    const item = this.amountsOf(info);
    const { role } = info;
    switch (role.kind) {
      case "member":
        this.member(info, role.party, item);
        break;
      case "contributions":
        this.contributions(info, item);
        break;
      case "drawdown":
        this.got.drawdowns.push(this.lineOf(item));
        this.block.push(item);
        break;
      case "openingEquity":
        this.openingEquity(info.row, role.date);
        break;
      case "closingEquity":
        this.got.closingEquityRow ??= info.row;
        break;
      case "result":
      case "derived":
        break;
      case "frame":
        this.got.statedFrame ??= item.amounts;
        break;
      case "total":
        this.total(info, item);
        break;
      case "incomeHeader":
      case "costHeader":
      case "line":
        this.line(info, item);
        break;
    }
  }

  /** Lines in a sheet with no sections and no total: costs, which is what such a list usually is. */
  finish(): Collected {
    this.costsOrIncome(this.unknown);
    // A group's "Summa" that leaves cost lines out is no total of the costs (nor a frame for them).
    const covers = this.costTotalCovers;
    if (covers && this.got.costs.some((line) => !covers.has(line.row))) delete this.got.costTotal;
    return this.got;
  }

  private startSection(section: Section): void {
    this.sectionItems = [];
    this.block = [];
    this.subtotals = [];
    this.section = section;
  }

  /** A heading inside a section starts a new block of lines. */
  private startBlock(): void {
    this.sectionItems.push(...this.block);
    this.block = [];
  }

  /** The row's amounts, signed as its role and section say; kept for the SUMs below it, and said when hidden. */
  private amountsOf(info: RowInfo): Item {
    const { row, role } = info;
    const isContribution = role.kind === "member" || role.kind === "contributions";
    // A drawdown is on the income side wherever it stands (below the result, under the costs): its own sign.
    const sign = isContribution
      ? memberSign(this.view, row, this.columns, this.signs[info.section])
      : role.kind === "drawdown"
        ? memberSign(this.view, row, this.columns, this.signs.income)
        : role.kind === "openingEquity" || role.kind === "closingEquity"
          ? 1
          : this.signs[info.section];
    const item = readRow(this.view, row, this.labelColumn, this.columns, this.unitFactor * sign, this.findings);
    if (role.kind !== "result" && role.kind !== "derived") this.seen[row] = item;
    if (this.view.isHiddenRow(row)) this.findings.push(hiddenRow(this.view, row, this.labelColumn, item.label));
    return item;
  }

  /** A member's contributions; a member's name under the costs is a cost line. */
  private member(info: RowInfo, party: Member["party"], item: Item): void {
    if (info.section === "costs") {
      this.got.costs.push(this.lineOf(item));
      this.block.push(item);
      return;
    }
    this.got.members.push({
      name: item.label,
      party,
      amounts: item.amounts,
      nameRef: { sheet: this.view.name, cell: address(info.row, this.labelColumn) },
    });
    this.memberRows.add(info.row);
    this.block.push(item);
  }

  /** The stated total of the contributions, the first one; under the costs, a cost line. */
  private contributions(info: RowInfo, item: Item): void {
    if (info.section === "costs") {
      // "Medlemsavgifter" under the costs: the förbund's own fees (to Nationella rådet), a cost line.
      const cost = readRow(this.view, info.row, this.labelColumn, this.columns, this.unitFactor * this.signs.costs, []);
      this.got.costs.push(this.lineOf(cost));
      this.block.push(item);
      return;
    }
    this.got.statedContributionTotal ??= item.amounts;
    this.block.push(item);
  }

  /** The opening equity: the first such row with an amount, and the date its label gives. */
  private openingEquity(row: number, date: string | undefined): void {
    const budgetColumn = this.columns.reduce<YearColumn | undefined>(
      (a, c) => (!a || c.year < a.year ? c : a),
      undefined,
    );
    const column = equityCell(this.view, row, this.labelColumn, budgetColumn?.column);
    const amount = column === undefined ? undefined : readCell(this.view, row, column, this.unitFactor, this.findings);
    if (amount && !this.got.openingEquity) this.got.openingEquity = { amount, row, ...(date ? { date } : {}) };
  }

  /** A total: checked against the lines it covers, and read as the total of what those lines are. */
  private total(info: RowInfo, item: Item): void {
    // A SUM or an addition says exactly which rows a total covers; else the block above it, else its section.
    const hiddenOut = this.columns.some((c) => skipsHidden(item.formulas[c.year]));
    const summed = coveredRows(item, this.columns)?.flatMap((r) =>
      hiddenOut && this.view.isHiddenRow(r) ? [] : (this.seen[r] ?? []),
    );
    if (!summed && this.subtotals.length > 0 && this.countsSubtotals(item)) this.reinstateSubtotals();
    this.subtotals = [];
    const parts = summed ?? blockOrSection(item, this.block, this.sectionItems, this.columns);
    const leaves = withoutCovered(parts, this.columns);
    // A total with no lines here ("Summa medlemsavgifter" linked from the members' sheet) has nothing to be checked against.
    if (leaves.length > 0) for (const col of this.columns) this.got.sums.push(...sumOf(item, leaves, col.year));
    this.totalOf(info, item, parts);
    this.endBlockWith(item, parts);
  }

  /** A total that adds up only with the pending subtotals counts them: they were lines equal, by chance, to lines above. */
  private countsSubtotals(item: Item): boolean {
    const adds = (parts: readonly Item[]) => addsUpTo(item, parts, this.columns);
    const section = [...this.sectionItems, ...this.block];
    const pending = this.subtotals.map((s) => s.item);
    return !adds(this.block) && !adds(section) && (adds([...this.block, ...pending]) || adds([...section, ...pending]));
  }

  /** The total counts them as lines: they are lines, with no subtotal finding and no sums of their own. */
  private reinstateSubtotals(): void {
    for (const s of this.subtotals) {
      this.findings.splice(this.findings.indexOf(s.finding), 1);
      for (const sum of s.sums) this.got.sums.splice(this.got.sums.indexOf(sum), 1);
      this.seen[s.item.row] = s.item;
      this.block.push(s.item);
      if (s.section === "income") insertByRow(this.got.otherIncome, this.lineOf(s.item));
      else if (s.section === "costs") insertByRow(this.got.costs, this.lineOf(s.item));
      else if (s.section === "none") this.unknown.push(s.item);
    }
    this.block.sort((a, b) => a.row - b.row);
    this.unknown.sort((a, b) => a.row - b.row);
  }

  /** What a total is the total of: the contributions, the costs, or (outside any section) income or a list of costs. */
  private totalOf(info: RowInfo, item: Item, parts: readonly Item[]): void {
    const inNone = info.section === "none";
    const label = normalizeLabel(item.label);
    // The members' total sums every member so far ("Summa kommuner" sums only some), or says so.
    const memberRows = this.memberRowsIn(parts);
    if (memberRows) this.membersUnder.set(item.row, memberRows);
    const covered = new Set(memberRows);
    const lineRows = parts.flatMap((p) => this.linesUnder.get(p.row) ?? [p.row]);
    this.linesUnder.set(item.row, lineRows);
    // A hidden row it leaves out is no member it misses (superseded.ts).
    const allMembers =
      memberRows !== undefined && [...this.memberRows].every((row) => covered.has(row) || this.view.isHiddenRow(row));
    if ((parts.length > 0 && allMembers) || (info.section !== "costs" && /^summa medlems(avgift|bidrag)/.test(label))) {
      this.got.statedContributionTotal ??= item.amounts;
    } else if (info.section === "costs" || (inNone && /kostnad/.test(label))) {
      // Outside any section, a negative costs' total says its lines are negative too (costs with a minus sign).
      const turn = inNone && item.numbers.some((n) => n < 0) && item.numbers.every((n) => n <= 0);
      this.got.costTotal = turn ? this.reread(item, -1).amounts : item.amounts;
      this.costTotalCovers = new Set(lineRows);
      if (inNone) this.costsOrIncome(turn ? this.unknown.map((u) => this.reread(u, -1)) : this.unknown);
    } else if (inNone && (/intäkt/.test(label) || parts.some(this.isMemberRow))) {
      this.got.otherIncome.push(...withoutCovered(this.unknown, this.columns).map((u) => this.lineOf(u)));
    } else if (inNone && this.got.members.length === 0) {
      // A list of lines and its sum, with no members and no sections (a follow-up per insats): costs.
      this.got.costTotal = item.amounts;
      this.costTotalCovers = new Set(lineRows);
      this.costsOrIncome(this.unknown);
    }
    if (inNone) this.unknown = [];
  }

  /** The member rows the parts are or cover; undefined where a part is no member and no members' subtotal. */
  private memberRowsIn(parts: readonly Item[]): number[] | undefined {
    const rows: number[] = [];
    for (const p of parts) {
      const under = this.isMemberRow(p) ? [p.row] : this.membersUnder.get(p.row);
      if (!under) return undefined;
      rows.push(...under);
    }
    return rows;
  }

  /**
   * The total closes its block: it joins the section's items with the lines of
   * the block it does not cover (state and region above "Summa kommuner"), or
   * after no lines is all the section has.
   */
  private endBlockWith(item: Item, parts: readonly Item[]): void {
    if (this.block.length > 0) {
      // Usually it covers the whole block: a set only where it does not, since a block may hold thousands of lines.
      const covered = parts.length === this.block.length && parts.every((p, i) => p === this.block[i]);
      const inParts = covered ? undefined : new Set(parts);
      this.sectionItems.push(...(inParts ? this.block.filter((b) => !inParts.has(b)) : []), item);
      this.block = [];
    } else {
      this.sectionItems = [item];
    }
  }

  /** A line: income, a cost or not yet known by its section, unless it is a subtotal of the lines above it. */
  private line(info: RowInfo, item: Item): void {
    if (isSubtotalAbove(item, this.columns)) {
      this.block.push(item);
      return;
    }
    if (this.setAsideAsSubtotal(info, item)) return;
    if (info.section === "costs" && saysIncome(item.label)) {
      // "Finansiella intäkter" under the costs is income, whatever the costs' sign.
      const income = readRow(this.view, info.row, this.labelColumn, this.columns, this.unitFactor, []);
      this.got.otherIncome.push(this.lineOf(income));
      return;
    }
    if (info.section === "income") this.got.otherIncome.push(this.lineOf(item));
    else if (info.section === "costs") this.got.costs.push(this.lineOf(item));
    else if (info.section === "none") this.unknown.push(item);
    if (info.section !== "equity") this.block.push(item);
  }

  /**
   * A line by its label (no formula) that equals the sum of a group of lines above it: a subtotal,
   * checked against its group and left out of the block so the section's total does not count it twice.
   */
  private setAsideAsSubtotal(info: RowInfo, item: Item): boolean {
    const group =
      info.evidence === "label" && !hasFormulas(item)
        ? arithmeticSubtotalOf(item, this.block, this.columns)
        : undefined;
    if (!group) return false;
    const weak = arithmeticSubtotal(this.view, info.row, this.labelColumn, item.label);
    const sums = this.columns.flatMap((c) => sumOf(item, group, c.year));
    this.findings.push(weak);
    this.seen[info.row] = undefined;
    this.got.sums.push(...sums);
    this.subtotals.push({ item, section: info.section, sums, finding: weak });
    return true;
  }

  /** Lines outside any section are costs, but for "Finansiella intäkter" and the like, read as income. */
  private costsOrIncome(items: readonly Item[]): void {
    for (const u of withoutCovered(items, this.columns)) {
      if (!saysIncome(u.label)) this.got.costs.push(this.lineOf(u));
      else {
        const sign = memberSign(this.view, u.row, this.columns, 1);
        const income = readRow(this.view, u.row, this.labelColumn, this.columns, this.unitFactor * sign, []);
        this.got.otherIncome.push(this.lineOf(income));
      }
    }
  }

  /** A row outside any section read again with its sign turned (× −1). */
  private reread(item: Item, turn: number): Item {
    return readRow(this.view, item.row, this.labelColumn, this.columns, this.unitFactor * this.signs.none * turn, []);
  }

  private lineOf(item: Item): SheetLine {
    return new SheetLine(item.label, item.amounts, this.view.name, item.row, this.labelColumn);
  }

  private readonly isMemberRow = (item: Item): boolean => this.memberRows.has(item.row);
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
