import type { CellRef } from "../domain";
import { address, parseAddress, type CellValue, type SheetView } from "../grid";
import { amountKind, yearIn } from "./swedishNumber";
import {
  classifyLabel,
  columnKind,
  normalizeLabel,
  PERIOD_HEADER,
  POPULATION_HEADER,
  type ColumnKind,
} from "./vocabulary";

/** A column of amounts for one year, as its header says. */
export interface YearColumn {
  readonly column: number;
  readonly year: number;
  readonly kind: ColumnKind;
  readonly header: CellRef;
}

export interface YearHeader {
  readonly row: number;
  readonly columns: readonly YearColumn[];
  /** What said the years: the header row itself, or a title or sheet name over a lone column. */
  readonly evidence: string;
}

/**
 * The first row with year headers above amounts: "2025", "Budget 2025",
 * "Plan 2026". A population header ("Invånare 31/12 2023") names the
 * population's date, not a year of amounts.
 */
/** A year the rest of the workbook states, for a sheet that states none of its own. */
export interface WorkbookYear {
  readonly year: number;
  readonly evidence: string;
}

export function findYearHeader(
  view: SheetView,
  labelColumn: number,
  workbookYear?: WorkbookYear,
): YearHeader | undefined {
  for (const row of view.rowNumbers()) {
    const columns: YearColumn[] = [];
    for (const col of view.columnNumbers(row, labelColumn + 1)) {
      const v = view.value(row, col);
      const year = yearIn(v);
      if (year === undefined || isPopulationHeader(v) || !hasAmountBelow(view, row, col)) continue;
      columns.push({
        column: col,
        year,
        kind: typeof v === "string" ? columnKind(v) : "year",
        header: { sheet: view.name, cell: address(row, col) },
      });
    }
    if (columns.length > 0 && !isAmountRow(view, row, labelColumn, columns))
      return withLoneBudget(
        view,
        row,
        labelColumn,
        withYearlessFollowUp(view, row, onYearTotals(view, row, withKindWords(view, row, columns))),
      );
  }
  return loneBudgetColumn(view, labelColumn, workbookYear);
}

/**
 * A bare year with its kind in a cell of its own just above or below it
 * ("2024 | 2025 | 2026" over "Utfall | Budget | Plan"): the year is of that kind.
 */
const WORD_KINDS: ReadonlySet<string> = new Set(["budget", "plan", "outcome", "forecast", "history"]);

function withKindWords(view: SheetView, row: number, columns: YearColumn[]): YearColumn[] {
  return columns.map((c) => {
    if (c.kind !== "year") return c;
    for (const r of [row + 1, row - 1]) {
      const word = view.value(r, c.column);
      if (typeof word !== "string" || yearIn(word) !== undefined) continue;
      const kind = columnKind(word);
      if (WORD_KINDS.has(kind)) return { ...c, kind };
    }
    return c;
  });
}

/**
 * "Finansiella intäkter | 2000": a labelled row whose only year-like cells
 * are plain numbers that do not run year after year, formatted as amounts
 * ("#,##0") or unlike the year the title or sheet name states, is a row of
 * amounts, and so is a member's row and a row labelled by a year alone (years as rows). A header's
 * years are words ("Budget 2025"), numbers in a row with no label or under a section heading
 * ("Intäkter/tilldelning | 2025"), or numbers that follow each other (2025 | 2026 | 2027).
 */
function isAmountRow(view: SheetView, row: number, labelColumn: number, columns: readonly YearColumn[]): boolean {
  const label = view.text(row, labelColumn);
  const years = columns.map((c) => c.year);
  // "2028 | 2 044 | 2 044 | …" (tkr): a row labelled by its year holds that year's amounts (years as rows),
  // unless its years run on from the label's (a header starting in the label column).
  const labelValue = view.value(row, labelColumn);
  const labelYear = typeof labelValue === "number" || /^\s*\d{4}\s*$/.test(label) ? yearIn(labelValue) : undefined;
  if (labelYear !== undefined && !years.every((y, i) => y === labelYear + i + 1)) return true;
  if (label === "") return false;
  const role = classifyLabel(label).kind;
  if (role === "incomeHeader" || role === "costHeader") return false;
  if (years.length >= 2 && years.every((y, i) => i === 0 || y === years[i - 1]! + 1)) return false;
  // A member's row ("Partille | 2006" under "Invånare", "Försäkringskassan | ”2056”" in tkr) holds amounts or
  // population, never years; a bare party word over years ("Kommun | 2025") is a column's header.
  const words = columns.map((c) => view.value(row, c.column));
  if (role === "member" && !BARE_PARTY.test(normalizeLabel(label)) && words.every((v) => !/\D/.test(String(v).trim())))
    return true;
  if (words.some((v) => typeof v === "string")) return false;
  // "Kansli | 2029" (tkr) under a lone "Budget" with amounts between: a line of that column, not its header.
  if (columns.every((c) => underLoneBudget(view, row, c.column))) return true;
  const asAmount = columns.every((c) => /#,##|0[.,]0/.test(view.numberFormat(row, c.column) ?? ""));
  const stated = titleYear(view, row)?.year;
  return asAmount || (stated !== undefined && !years.includes(stated));
}

/**
 * "Budget | Plan 2026 | Plan 2027": the budget column's year from the title
 * or the sheet name, else the year before the plan years to its right. The
 * "Budget" may stand in the row above, over a cell with no year ("Budget |
 * Plan | Plan" over "Belopp i tkr | 2026 | 2027").
 */
function withLoneBudget(view: SheetView, row: number, labelColumn: number, columns: YearColumn[]): YearHeader {
  const evidence = "årtal i rubrikraden";
  const isBudget = (col: number) =>
    normalizeLabel(view.text(row, col)) === "budget" ||
    (normalizeLabel(view.text(row - 1, col)) === "budget" && yearIn(view.value(row, col)) === undefined);
  const candidates = new Set([
    ...view.columnNumbers(row, labelColumn + 1),
    ...view.columnNumbers(row - 1, labelColumn + 1),
  ]);
  for (const col of [...candidates].sort((a, b) => a - b)) {
    if (columns.some((c) => c.column === col) || !isBudget(col) || !hasAmountBelow(view, row, col)) continue;
    const title = titleYear(view, row) ?? yearBeforePlans(col, columns) ?? yearAfterHistory(col, columns);
    if (title === undefined || columns.some((c) => c.year === title.year)) break;
    const budget: YearColumn = {
      column: col,
      year: title.year,
      kind: "budget",
      header: { sheet: view.name, cell: address(row, col) },
    };
    return {
      row,
      columns: withKinds([budget, ...columns]),
      evidence: `${evidence}; budgetåret från ${title.evidence}`,
    };
  }
  return { row, columns: withKinds(columns), evidence };
}

/** The year before the first of the plan years right of a budget column: plan years follow the budget year. */
function yearBeforePlans(
  budgetColumn: number,
  columns: readonly YearColumn[],
): { year: number; evidence: string } | undefined {
  // The years right of the budget column; history left of it says nothing against them.
  const plans = columns.filter((c) => c.column > budgetColumn);
  if (plans.length === 0 || plans.some((c) => c.kind !== "plan" && c.kind !== "year")) return undefined;
  const first = Math.min(...plans.map((c) => c.year));
  return { year: first - 1, evidence: "året före det första planåret" };
}

/** "Bokslut 2021 | Budget": the year after the last closed year left of a budget column, where only history stands there. */
function yearAfterHistory(
  budgetColumn: number,
  columns: readonly YearColumn[],
): { year: number; evidence: string } | undefined {
  const closed = columns.filter((c) => c.column < budgetColumn);
  if (closed.length === 0 || closed.some((c) => c.kind !== "history" && c.kind !== "outcome")) return undefined;
  return { year: Math.max(...closed.map((c) => c.year)) + 1, evidence: "året efter det senaste bokslutet" };
}

/** A column's header naming a kind of party, not a party: "Kommun", "Region", "Staten". */
const BARE_PARTY = /^(kommun|kommunerna|region|regionen|staten|stat|part|parter|medlem|medlemmar)$/;

/** "Budget", "Belopp", "kr", "Budget, tkr", "Belopp i kr", "Budget (tkr)": a column of amounts that names no year. */
const LONE_BUDGET_HEADER =
  /^(budget|belopp|kr|tkr|mkr)(,? ?\(?(i )?(kr|tkr|mkr|kronor|tusental kronor|miljoner kronor)\)?)?$/;

/** Above the cell, its column holds amounts and then a lone "Budget" header: the cell is one of that column's amounts. */
function underLoneBudget(view: SheetView, row: number, col: number): boolean {
  let amountsBetween = false;
  for (let r = row - 1; r >= view.sheet.top; r--) {
    const v = view.value(r, col);
    if (v === null || v === "") continue;
    if (amountKind(v).kind === "amount") {
      amountsBetween = true;
      continue;
    }
    return amountsBetween && LONE_BUDGET_HEADER.test(normalizeLabel(view.text(r, col)));
  }
  return false;
}

/** A lone "Budget" column; the year in the sheet's title ("Verksamhets- och budgetplan 2022") or its name. */
function loneBudgetColumn(view: SheetView, labelColumn: number, workbookYear?: WorkbookYear): YearHeader | undefined {
  for (let row = view.sheet.top; row <= Math.min(view.bottom, view.sheet.top + 5); row++) {
    for (const col of view.columnNumbers(row, labelColumn + 1)) {
      if (!LONE_BUDGET_HEADER.test(normalizeLabel(view.text(row, col)))) continue;
      if (!hasAmountBelow(view, row, col)) continue;
      const title = titleYear(view, row) ?? workbookYear;
      if (title === undefined) continue;
      const budget: YearColumn = {
        column: col,
        year: title.year,
        kind: "budget",
        header: { sheet: view.name, cell: address(row, col) },
      };
      // A follow-up beside it: "Utfall", "Helårsprognos" with no year of their own.
      return { row, columns: withYearlessFollowUp(view, row, [budget]), evidence: title.evidence };
    }
  }
  return undefined;
}

export function mappedHeader(view: SheetView, row: number): YearHeader {
  const columns: YearColumn[] = [];
  for (const col of view.columnNumbers(row)) {
    const v = view.value(row, col);
    const year = yearIn(v);
    if (year !== undefined)
      columns.push({
        column: col,
        year,
        kind: typeof v === "string" ? columnKind(v) : "year",
        header: { sheet: view.name, cell: address(row, col) },
      });
  }
  return { row, columns: withKinds(columns), evidence: "namnet Finsam_Ar" };
}

/**
 * "Budget 2025 | Utfall jan–aug | Helårsprognos": follow-up columns that
 * state no year of their own are of the year left of them. A share or a
 * deviation ("Utfall i % av budget", "Avvikelse") is derived (columnKind), no follow-up.
 */
function withYearlessFollowUp(view: SheetView, row: number, columns: readonly YearColumn[]): YearColumn[] {
  const added: YearColumn[] = [];
  for (const col of view.columnNumbers(row)) {
    if (columns.some((c) => c.column === col)) continue;
    const kind = columnKind(view.text(row, col));
    if (kind !== "outcome" && kind !== "forecast") continue;
    const left = columns.filter((c) => c.column < col).at(-1);
    if (!left || !hasAmountBelow(view, row, col)) continue;
    added.push({ column: col, year: left.year, kind, header: { sheet: view.name, cell: address(row, col) } });
  }
  return added.length === 0 ? [...columns] : [...columns, ...added].sort((a, b) => a.column - b.column);
}

const YEAR_TOTAL = /^(totalt?|summa|helår|hela året|år|året)\b/;

/**
 * A year header over periods ("2026", merged over Kv1 … Kv4 | Totalt): the
 * year's amounts are its total column, not its first period. Without a total
 * the year keeps its column, whose period the kinds below say is no year.
 */
function onYearTotals(view: SheetView, row: number, columns: readonly YearColumn[]): YearColumn[] {
  return columns.map((c, i) => {
    if (!PERIOD_HEADER.test(normalizeLabel(view.text(row + 1, c.column)))) return c;
    const end = columns[i + 1]?.column ?? view.right + 1;
    for (const col of view.columnNumbers(row + 1, c.column + 1, end - 1)) {
      if (YEAR_TOTAL.test(normalizeLabel(view.text(row + 1, col))))
        return { ...c, column: col, header: { sheet: view.name, cell: address(row + 1, col) } };
    }
    return { ...c, kind: "period" };
  });
}

/** Plain year columns: the first is the budget year, the rest plan years. */
function withKinds(columns: YearColumn[]): YearColumn[] {
  if (columns.some((c) => c.kind === "budget"))
    return columns.map((c) => (c.kind === "year" ? { ...c, kind: "plan" } : c));
  const first = Math.min(...columns.filter((c) => c.kind === "year" || c.kind === "plan").map((c) => c.year));
  return columns.map((c) => (c.kind === "year" ? { ...c, kind: c.year === first ? "budget" : "plan" } : c));
}

const TITLE_YEAR = /(?:budget|budgetplan|verksamhetsplan|plan|medlemsavgifter|medlemsbidrag)\s*(\d{4})\b/gi;

/** The budget year a title states: "Budget 2026 med plan 2027–2028"; a plan after an earlier year is a plan year. */
function yearOfTitle(text: string): number | undefined {
  for (const m of text.matchAll(TITLE_YEAR)) {
    const before = text.slice(0, m.index);
    if (/^plan/i.test(m[0]) && /\b\d{4}\b/.test(before)) continue;
    return Number(m[1]);
  }
  return undefined;
}

/** The year a title near the top says ("Budget 2023 (tkr)", "Verksamhets- och budgetplan 2022"), else the sheet's name. */
export function titleYear(view: SheetView, headerRow: number): { year: number; evidence: string } | undefined {
  for (let row = view.sheet.top; row <= Math.min(view.bottom, view.sheet.top + 2, headerRow - 1); row++) {
    for (const col of view.columnNumbers(row)) {
      const year = yearOfTitle(view.text(row, col));
      if (year !== undefined) return { year, evidence: `årtalet i rubriken ${address(row, col)}` };
    }
  }
  const named = yearIn(view.name);
  return named === undefined ? undefined : { year: named, evidence: "årtalet i bladets namn" };
}

function isPopulationHeader(v: unknown): boolean {
  return typeof v === "string" && POPULATION_HEADER.test(v.toLowerCase());
}

/**
 * Amounts stand under the cell: numbers that are not years, or year-like
 * numbers on a member's row ("Försäkringskassan | 2 056" in tkr, typed as a
 * number or as text). A year under a header is a second header row ("Budget"
 * over "2025").
 */
export function hasAmountBelow(view: SheetView, row: number, col: number): boolean {
  for (let r = row + 1; r <= Math.min(view.bottom, row + 40); r++) {
    const v = view.value(r, col);
    if (amountKind(v).kind !== "amount") continue;
    if (yearIn(v) === undefined || namesMemberLeftOf(view, r, col)) return true;
  }
  return false;
}

function namesMemberLeftOf(view: SheetView, row: number, col: number): boolean {
  return view
    .columnNumbers(row, view.sheet.left, col - 1)
    .some((c) => typeof view.value(row, c) === "string" && classifyLabel(view.text(row, c)).kind === "member");
}

/**
 * A row that repeats the year headers as they stand ("Planerade kostnader |
 * 2025" under "Intäkter/tilldelning | 2025", seed 001) is a header, not
 * amounts. A number under a header in words ("2022" under "Budget 2022") or
 * under a header that states no year (a lone "Budget" with the year in the
 * title) repeats nothing: it is 2 022 tkr.
 */
export function isHeaderRow(view: SheetView, row: number, columns: readonly YearColumn[]): boolean {
  return columns.every((c) => {
    const v = view.value(row, c.column);
    return v === null || v === "" || repeatsHeader(view, c, v);
  });
}

function repeatsHeader(view: SheetView, c: YearColumn, v: CellValue): boolean {
  const at = parseAddress(c.header.cell);
  const header = at && view.value(at.row, at.column);
  if (typeof v === "number") return v === c.year && header === v;
  // A text year in words ("Budget 2025") is never an amount; digits alone ("2025") repeat only a header of them.
  if (typeof v !== "string") return false;
  return yearIn(v) === c.year && (/[^\d\s]/.test(v) || (typeof header === "string" && v.trim() === header.trim()));
}
