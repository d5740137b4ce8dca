import { UNIT_FACTOR, type BudgetLine, type Finding, type Member, type SourcedAmount } from "../domain";
import { address, type SheetView } from "../grid";
import { readCell } from "./amountCells";
import { countsAsAmount } from "./budgetYear";
import type { SheetRead } from "./budgetSheet";
import { memberKey } from "./kommunNames";
import { partAdder, type PartLocation } from "./parts";
import { yearIn } from "./swedishNumber";
import { findUnit } from "./units";
import { classifyLabel, columnKind, normalizeLabel, type ColumnKind } from "./vocabulary";
import { titleYear, type YearColumn } from "./yearHeaders";

/** The columns of an export from the finance system, by their headers. */
interface ExportColumns {
  readonly headerRow: number;
  readonly year: number;
  readonly account: number;
  readonly amount: number;
  readonly label?: number;
  readonly part?: number;
  /** "Utfall", "Budget", "Plan": what a row's amount is. */
  readonly version?: number;
}

/** One row of the export. */
interface ExportRow {
  readonly row: number;
  readonly year: number;
  readonly account: number;
  readonly label: string;
  readonly part: string;
  readonly amount: SourcedAmount;
  readonly kind: ColumnKind;
  /** The row's other texts (Ansvar, Projekt …): what tells two rows of one account apart. */
  readonly detail: string;
}

const HEADERS = {
  year: /^(år|budgetår|räkenskapsår)$/,
  account: /^(konto|kontonr\.?|kontonummer|baskonto)$/,
  amount: /^(belopp|budget|budgetbelopp|belopp,? (kr|tkr))$/,
  label: /^(benämning|kontobenämning|kontonamn|kontotext|text)$/,
  part: /^(part|motpart|medlem|projekt|insats)$/,
  version: /^(version|budgetversion|avser|typ|scenario)$/,
};

/**
 * An export from the finance system: a long table "År | Konto | Benämning |
 * Part | Belopp", one row per year and account. It is the budget, read by the
 * BAS account class: 3xxx is income (the members' contributions where the
 * part or the text names a member), 4xxx–7xxx costs, 80–83xx financial
 * income, 84–89xx financial costs. The signs are the system's (credit
 * negative, or income positive): whichever makes the income positive.
 */
export function readLedgerExport(view: SheetView): SheetRead | undefined {
  const columns = exportColumns(view);
  if (!columns) return undefined;
  const findings: Finding[] = [];
  const unit = findUnit(view, columns.headerRow);
  const rows = budgetRows(exportRows(view, columns, UNIT_FACTOR[unit.unit], findings));
  const income = rows.filter((r) => isIncome(r.account));
  if (rows.length < 3 || income.length === 0) return undefined;
  // Whichever sign makes the income, 3xxx, positive; costs the other way.
  const incomeSign = income.reduce((s, r) => s + r.amount.value.toNumber(), 0) < 0 ? -1 : 1;
  // Built anew, not spread: a number cell's amount keeps its value and address in getters.
  const signed = (r: ExportRow, sign: number): SourcedAmount =>
    sign === 1
      ? r.amount
      : {
          value: r.amount.value.negated(),
          factor: -(r.amount.factor ?? 1),
          ...(r.amount.ref ? { ref: r.amount.ref } : {}),
          ...(r.amount.typedAsText ? { typedAsText: true } : {}),
        };

  const members = new Map<string, Member & { amounts: Map<number, SourcedAmount> }>();
  const otherIncome = new Map<string, BudgetLine & { amounts: Map<number, SourcedAmount> }>();
  const costs = new Map<string, BudgetLine & { amounts: Map<number, SourcedAmount> }>();
  const line = (into: typeof costs, key: string, label: string, r: ExportRow, amount: SourcedAmount) => {
    const held = into.get(key) ?? {
      label,
      amounts: new Map<number, SourcedAmount>(),
      labelRef: { sheet: view.name, cell: address(r.row, columns.label ?? columns.account) },
    };
    if (!held.amounts.has(r.year)) held.amounts.set(r.year, amount);
    into.set(key, held);
  };
  for (const r of rows) {
    const who = classifyLabel(r.part || r.label);
    if (isIncome(r.account) && r.account < 4000 && who.kind === "member") {
      const name = r.part || r.label;
      const key = memberKey(who.party, name);
      const member = members.get(key) ?? {
        name,
        party: who.party,
        amounts: new Map<number, SourcedAmount>(),
        nameRef: {
          sheet: view.name,
          cell: address(r.row, columns.part && r.part ? columns.part : (columns.label ?? columns.account)),
        },
      };
      if (!member.amounts.has(r.year)) member.amounts.set(r.year, signed(r, incomeSign));
      members.set(key, member);
    } else if (isIncome(r.account)) {
      const label = [r.label, r.part, r.detail].filter((t) => t !== "").join(" – ");
      line(otherIncome, `${r.account} ${label}`, label, r, signed(r, incomeSign));
    } else if (isCost(r.account)) {
      const label = [r.label, r.part, r.detail].filter((t) => t !== "").join(" – ");
      line(costs, `${r.account} ${label}`, label, r, signed(r, -incomeSign));
    }
  }
  if (members.size < 2) return undefined;
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const stated = titleYear(view, columns.headerRow)?.year;
  const budgetYear = stated !== undefined && years.includes(stated) ? stated : years[0]!;
  const headerColumns = years.map((year): YearColumn => ({
    column: columns.amount,
    year,
    kind: year === budgetYear ? "budget" : "plan",
    header: { sheet: view.name, cell: address(rows.find((r) => r.year === year)!.row, columns.year) },
  }));
  const memberList = [...members.values()];
  const parts: PartLocation[] = [];
  const add = partAdder(parts);
  add(
    "years",
    headerColumns.map((c) => c.header),
    EVIDENCE,
  );
  add(
    "members",
    memberList.map((m) => m.nameRef),
    "medlemmar på intäktskonton (3xxx) med part eller benämning",
  );
  add(
    "costs",
    [...costs.values()].map((l) => l.labelRef),
    "kostnadskonton 4xxx–7xxx och 84xx–89xx",
  );
  return {
    sheet: view.name,
    budget: {
      unit: unit.unit,
      budgetYear,
      planYears: years.filter((y) => y > budgetYear),
      otherIncome: [...otherIncome.values()],
      equityDrawdowns: [],
      costs: [...costs.values()],
      sums: [],
      followUp: [],
    },
    members: memberList,
    labelColumn: columns.label ?? columns.account,
    header: { row: columns.headerRow, columns: headerColumns, evidence: EVIDENCE },
    parts,
    findings,
  };
}

const EVIDENCE = "export från ekonomisystemet: År, Konto och Belopp per rad";

/**
 * The rows of the budget and the plan: where a column says what a row is,
 * outcome and history are not, nor a forecast of the budget year or before.
 */
function budgetRows(rows: readonly ExportRow[]): ExportRow[] {
  const budgets = rows.filter((r) => r.kind === "budget").map((r) => r.year);
  const first = budgets.length > 0 ? Math.min(...budgets) : undefined;
  return rows.filter((r) => countsAsAmount(r.kind, r.year, first));
}

const isIncome = (account: number) => (account >= 3000 && account < 4000) || (account >= 8000 && account < 8400);
const isCost = (account: number) => (account >= 4000 && account < 8000) || (account >= 8400 && account < 9000);

/** The header row naming a year, an account and an amount column, within the first rows of the sheet. */
function exportColumns(view: SheetView): ExportColumns | undefined {
  for (const row of view.rowNumbers(view.top, view.top + 10)) {
    const found: Partial<Record<keyof typeof HEADERS, number>> = {};
    for (const col of view.columnNumbers(row)) {
      const text = normalizeLabel(view.text(row, col));
      for (const [kind, pattern] of Object.entries(HEADERS) as [keyof typeof HEADERS, RegExp][])
        if (found[kind] === undefined && pattern.test(text)) found[kind] = col;
    }
    if (found.year !== undefined && found.account !== undefined && found.amount !== undefined)
      return {
        headerRow: row,
        year: found.year,
        account: found.account,
        amount: found.amount,
        ...(found.label !== undefined ? { label: found.label } : {}),
        ...(found.part !== undefined ? { part: found.part } : {}),
        ...(found.version !== undefined ? { version: found.version } : {}),
      };
  }
  return undefined;
}

function exportRows(view: SheetView, columns: ExportColumns, factor: number, findings: Finding[]): ExportRow[] {
  const rows: ExportRow[] = [];
  for (const row of view.rowNumbers(columns.headerRow + 1)) {
    const year = yearIn(view.value(row, columns.year));
    const account = Number(view.value(row, columns.account));
    if (year === undefined || !Number.isInteger(account) || account < 1000 || account > 9999) continue;
    const amount = readCell(view, row, columns.amount, factor, findings);
    if (!amount) continue;
    rows.push({
      row,
      year,
      account,
      label: columns.label !== undefined ? view.text(row, columns.label) : "",
      part: columns.part !== undefined ? view.text(row, columns.part) : "",
      amount,
      kind: columns.version !== undefined ? columnKind(view.text(row, columns.version)) : "year",
      detail: view
        .columnNumbers(row)
        .filter(
          (c) =>
            ![columns.year, columns.account, columns.amount, columns.label, columns.part, columns.version].includes(c),
        )
        .map((c) => view.text(row, c))
        .filter((t) => t !== "")
        .join(" "),
    });
  }
  return rows;
}
