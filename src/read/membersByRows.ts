import {
  type Finding,
  type Member,
  type SourcedAmount,
  type StatedSum,
  UNIT_FACTOR,
  type YearAmounts,
} from "../domain";
import { readCell } from "./amountCells";
import { countsAsAmount } from "./budgetYear";
import type { SheetRead } from "./budgetSheet";
import { address, type SheetView } from "../grid";
import { partAdder, type PartLocation } from "./parts";
import { populationDate, type PopulationTable } from "./population";
import { amountKind, yearIn } from "./swedishNumber";
import { findUnit } from "./units";
import { classifyLabel, columnKind, normalizeLabel, POPULATION_HEADER, type ColumnKind } from "./vocabulary";
import type { YearColumn } from "./yearHeaders";

/** The members' contributions with the years as rows and the parties as columns, and the population row under them. */
export interface MembersByRows {
  readonly read: SheetRead;
  readonly population: PopulationTable;
}

/** A header cell naming a party: its column, name and party. */
interface PartyColumn {
  readonly column: number;
  readonly name: string;
  readonly party: Member["party"];
}

/** A row of the table: its year, and what its label says it holds. */
interface YearRow {
  readonly row: number;
  readonly year: number;
  readonly kind: ColumnKind;
}

/**
 * A table of the members' contributions laid out the other way round:
 * "År | Försäkringskassan | Region … | Motala | Summa" over one row per
 * year. The header names at least two parties, a column to their left holds
 * years, and the cells under the parties hold amounts. A row "Invånare 31/12
 * 2021" under the kommun columns is their population.
 */
export function readMembersByRows(view: SheetView): MembersByRows | undefined {
  for (const row of view.rowNumbers()) {
    const parties = partyColumns(view, row);
    if (parties.length < 2) continue;
    const yearColumn = findYearColumn(view, row, parties[0]!.column);
    if (yearColumn === undefined) continue;
    const rows = yearRows(view, row, yearColumn);
    const years = amountRows(view, rows);
    if (!years.some((y) => parties.filter((p) => hasAmount(view, y.row, p.column)).length >= 2)) continue;
    return readTable(view, row, yearColumn, parties, years, rows);
  }
  return undefined;
}

function partyColumns(view: SheetView, row: number): PartyColumn[] {
  const out: PartyColumn[] = [];
  for (const col of view.columnNumbers(row)) {
    const name = view.text(row, col);
    if (!name || yearIn(name) !== undefined) continue;
    const role = classifyLabel(name);
    if (role.kind === "member") out.push({ column: col, name, party: role.party });
  }
  return out;
}

/** The column left of the parties whose first cell below the header (past blank rows) is a year. */
function findYearColumn(view: SheetView, headerRow: number, firstParty: number): number | undefined {
  for (let col = firstParty - 1; col >= view.sheet.left; col--) {
    for (let row = headerRow + 1; row <= Math.min(view.bottom, headerRow + 3); row++) {
      const value = view.value(row, col);
      // A population row may stand between the header and the years.
      if (value === null || value === "" || (typeof value === "string" && POPULATION_HEADER.test(value.toLowerCase())))
        continue;
      if (yearOfRow(value) !== undefined) return col;
      break;
    }
  }
  return undefined;
}

/** A row label that is a year: 2025, "2025", "Budget 2025", "Plan 2026"; not "Invånare 31/12 2021". */
function yearOfRow(value: unknown): number | undefined {
  if (typeof value === "number") return yearIn(value);
  if (typeof value !== "string" || POPULATION_HEADER.test(value.toLowerCase())) return undefined;
  // A date says when, not which year ("Budget 2022 (förslag 2021-09-20)" is of 2022).
  return yearIn(value.replace(/\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}(\s*\d{4})?/g, " "));
}

/** The year rows under the header, to the first row that is neither a year nor blank nor the population. */
function yearRows(view: SheetView, headerRow: number, yearColumn: number): YearRow[] {
  const out: YearRow[] = [];
  for (const row of view.rowNumbers(headerRow + 1)) {
    const value = view.value(row, yearColumn);
    const year = yearOfRow(value);
    if (year !== undefined) {
      out.push({ row, year, kind: typeof value === "string" ? columnKind(value) : "year" });
      continue;
    }
    const population = typeof value === "string" && POPULATION_HEADER.test(value.toLowerCase());
    if (value === null || value === "" || (population && out.length === 0)) continue;
    break;
  }
  return out;
}

/**
 * The rows of the budget year and the years after it: outcome, forecast and
 * history of earlier years are not amounts of the budget, but a forecast of a
 * year to come ("Prognos 2024" after "Budget 2022") is a plan year. A hidden
 * row of a year a visible row also states is superseded.
 */
function amountRows(view: SheetView, rows: readonly YearRow[]): YearRow[] {
  const visible = new Set(rows.filter((r) => !view.isHiddenRow(r.row)).map((r) => r.year));
  const kept = rows.filter((r) => !(view.isHiddenRow(r.row) && visible.has(r.year)));
  const budgets = kept.filter((r) => r.kind === "budget");
  const budgetYear = budgets.length > 0 ? budgets[budgets.length - 1]!.year : undefined;
  return kept.filter((r) => countsAsAmount(r.kind, r.year, budgetYear));
}

function hasAmount(view: SheetView, row: number, column: number): boolean {
  return amountKind(view.value(row, column)).kind === "amount";
}

function readTable(
  view: SheetView,
  headerRow: number,
  yearColumn: number,
  parties: readonly PartyColumn[],
  years: readonly YearRow[],
  all: readonly YearRow[],
): MembersByRows {
  const findings: Finding[] = [];
  const unit = findUnit(view, headerRow);
  const factor = UNIT_FACTOR[unit.unit];
  const members: Member[] = parties.map((p) => {
    const amounts = new Map<number, SourcedAmount>();
    for (const y of years) {
      const amount = readCell(view, y.row, p.column, factor, findings);
      if (amount && !amounts.has(y.year)) amounts.set(y.year, amount);
    }
    return {
      name: p.name,
      party: p.party,
      amounts,
      nameRef: { sheet: view.name, cell: address(headerRow, p.column) },
    };
  });
  const total = totalColumn(view, headerRow, yearColumn, parties);
  const stated = new Map<number, SourcedAmount>();
  const sums: StatedSum[] = [];
  if (total !== undefined) {
    for (const y of years) {
      const amount = readCell(view, y.row, total, factor, findings);
      if (!amount) continue;
      stated.set(y.year, amount);
      const parts = members.flatMap((m) => (m.amounts.get(y.year) ? [m.amounts.get(y.year)!] : []));
      sums.push({ label: view.text(headerRow, total), year: y.year, stated: amount, parts });
    }
  }
  const budgetYear = (years.find((y) => y.kind === "budget") ?? years[0]!).year;
  const kindOf = (y: YearRow): YearColumn["kind"] => (y.kind === "forecast" && y.year > budgetYear ? "plan" : y.kind);
  const planYears = [...new Set(years.map((y) => y.year).filter((y) => y > budgetYear))].sort((a, b) => a - b);
  const header = {
    row: headerRow,
    columns: years.map((y): YearColumn => ({
      column: yearColumn,
      year: y.year,
      kind: kindOf(y),
      header: { sheet: view.name, cell: address(y.row, yearColumn) },
    })),
    evidence: "årtal som rader under partsnamnen",
  };
  const statedContributionTotal: YearAmounts | undefined = stated.size > 0 ? stated : undefined;
  const read: SheetRead = {
    sheet: view.name,
    budget: {
      unit: unit.unit,
      budgetYear,
      planYears,
      ...(statedContributionTotal ? { statedContributionTotal } : {}),
      otherIncome: [],
      equityDrawdowns: [],
      costs: [],
      sums,
      followUp: [],
    },
    members,
    labelColumn: yearColumn,
    header,
    parts: partsOf(header.columns, members, unit.evidence, statedContributionTotal),
    findings,
  };
  return { read, population: populationRow(view, headerRow, all.at(-1)?.row ?? headerRow, yearColumn, parties) };
}

/** A "Summa"/"Totalt" column right of the parties: the members' total per year. */
function totalColumn(
  view: SheetView,
  headerRow: number,
  yearColumn: number,
  parties: readonly PartyColumn[],
): number | undefined {
  const last = parties[parties.length - 1]!.column;
  for (let col = last + 1; col <= Math.min(view.right, last + 2); col++) {
    if (col !== yearColumn && classifyLabel(view.text(headerRow, col)).kind === "total") return col;
  }
  return undefined;
}

/** "Invånare 31/12 2021" in the year column under the years, or just above the header: the kommun columns' population. */
function populationRow(
  view: SheetView,
  headerRow: number,
  lastYearRow: number,
  yearColumn: number,
  parties: readonly PartyColumn[],
): PopulationTable {
  const below = [1, 2, 3].map((n) => lastYearRow + n).filter((r) => r <= view.bottom);
  const above = [1, 2, 3].map((n) => headerRow - n).filter((r) => r >= view.top);
  const between = [1, 2].map((n) => headerRow + n).filter((r) => r < lastYearRow);
  for (const row of [...below, ...above, ...between]) {
    const label = view.text(row, yearColumn);
    if (!POPULATION_HEADER.test(normalizeLabel(label))) continue;
    const entries = parties.flatMap((p) => {
      const amount = p.party === "kommun" ? readCell(view, row, p.column, 1, []) : undefined;
      const ref = { sheet: view.name, cell: address(row, p.column) };
      return amount
        ? [{ name: p.name, value: amount.value, ref, ...(amount.typedAsText ? { typedAsText: true } : {}) }]
        : [];
    });
    // A note that says "befolkning" over no numbers is no population row.
    if (entries.length === 0) continue;
    const date = populationDate(label);
    return { entries, ...(date ? { date } : {}) };
  }
  return { entries: [] };
}

function partsOf(
  years: readonly YearColumn[],
  members: readonly Member[],
  unitEvidence: string,
  total: YearAmounts | undefined,
): PartLocation[] {
  const parts: PartLocation[] = [];
  const add = partAdder(parts);
  add(
    "years",
    years.map((y) => y.header),
    "årtal som rader under partsnamnen",
  );
  add("unit", [years[0]?.header], unitEvidence);
  add(
    "members",
    members.map((m) => m.nameRef),
    "partsnamn som kolumnrubriker, ett år per rad",
  );
  if (total)
    add("contributionTotal", [total.values().next().value?.ref], "summakolumnen till höger om parterna, per år");
  return parts;
}
