import type {
  BudgetLine,
  CellRef,
  Finding,
  FollowUpLine,
  Member,
  SourcedAmount,
  StatedSum,
  YearAmounts,
} from "../domain";
import { SheetView, transposeSheet, transposedAddress, type GridSheet } from "../grid";
import { readBudgetSheet, type SheetRead } from "./budgetSheet";
import { type LabelsAcross, namedTableSheets, readMapping, type Mapping } from "./mapping";
import type { NamedYearColumns } from "./namedYears";
import type { PartLocation } from "./parts";
import { amountKind, yearIn } from "./swedishNumber";
import { findUnit } from "./units";

/** How the evidence of a turned read ends. */
export const TURNED = ", årtal som rader";

const NO_NAMES = readMapping({ sheets: [], definedNames: [] });

/**
 * A table with the years as rows ("År | Staten | Region | … | Kostnader |
 * Eget kapital", one row per year) is the usual table turned on its diagonal:
 * read turned, by the same evidence as any other, and every cell it names
 * turned back. The evidence it is one: a column of two or more years that
 * follow each other under a header row of labels. A sheet may stack two such
 * tables (the members', then the result budget's): each is read on its own.
 */
export function readTurned(view: SheetView, mapping: Mapping): SheetRead[] {
  const across = namedAcross(mapping, view.name);
  if (across.length > 0) return readNamedTurned(view, mapping, across);
  if (namesCellsOn(mapping, view.name)) return [];
  return yearsAsRows(view).flatMap((table) => {
    const turned = new SheetView(transposeSheet(cropped(view, table)));
    const unit = mapping.unit
      ? { unit: mapping.unit, evidence: "namnet Finsam_Enhet" }
      : findUnit(view, table.headerRow);
    const read = readBudgetSheet(turned, NO_NAMES, undefined, unit);
    return read ? [turnedBack(read, table.headerRow)] : [];
  });
}

/** The tables of year rows the names say on the sheet (years as rows, named across), in the turned sheet's places. */
export function namedAcross(mapping: Mapping, sheet: string): NamedYearColumns[] {
  return (mapping.yearColumns ?? []).filter((n) => n.sheet === sheet && n.across);
}

/**
 * A sheet whose years the names say across its rows: each table of year
 * rows read turned, with the names turned too (a member's column is the
 * turned sheet's row). A table runs from the named labels above its years
 * (or the end of the table before) to its last named year.
 */
function readNamedTurned(view: SheetView, mapping: Mapping, tables: readonly NamedYearColumns[]): SheetRead[] {
  const sheet = view.name;
  const labels = [...(mapping.memberAcross?.get(sheet) ?? []), ...(mapping.costAcross?.get(sheet) ?? [])];
  let top = view.top;
  return tables.flatMap((table) => {
    const [first, last] = table.rows!;
    const labelRow = Math.max(top, ...labels.filter((l) => l.row >= top && l.row < first).map((l) => l.row));
    const within = (l: LabelsAcross) => l.row >= labelRow && l.row <= last;
    const turnedRows = (list: readonly LabelsAcross[] | undefined) => {
      const rows = new Set((list ?? []).filter(within).flatMap((l) => [...l.columns]));
      return rows.size > 0 ? new Map([[sheet, rows]]) : undefined;
    };
    const [memberRows, costRows] = [
      turnedRows(mapping.memberAcross?.get(sheet)),
      turnedRows(mapping.costAcross?.get(sheet)),
    ];
    const eq = mapping.openingEquity;
    const equity = eq?.sheet === sheet && eq.row >= labelRow && eq.row <= last ? eq : undefined;
    const names: Mapping = {
      findings: [],
      yearColumns: [{ sheet, row: table.row, columns: table.columns }],
      ...(memberRows ? { memberRows } : {}),
      ...(costRows ? { costRows } : {}),
      labelColumns: new Map([[sheet, labelRow]]),
      ...(equity
        ? { openingEquity: { sheet, cell: transposedAddress(equity.cell), row: equity.column, column: equity.row } }
        : {}),
      ...(mapping.unit ? { unit: mapping.unit } : {}),
    };
    top = last + 1;
    const turned = new SheetView(transposeSheet(rowsOf(view, labelRow, last)));
    const unit = mapping.unit ? { unit: mapping.unit, evidence: "namnet Finsam_Enhet" } : findUnit(view, view.top);
    const read = readBudgetSheet(turned, names, undefined, unit);
    return read ? [turnedBack(read, read.labelColumn)] : [];
  });
}

/** The sheet's rows from first to last only. */
function rowsOf(view: SheetView, first: number, last: number): GridSheet {
  const { sheet } = view;
  const rows = new Map([...sheet.rows].filter(([r]) => r >= first && r <= last));
  return { ...sheet, rows, top: Math.max(sheet.top, first), bottom: Math.min(sheet.bottom, last), hiddenRows: [] };
}

/** Names say where things stand on the sheet as it is: a sheet with named cells is read as it is, not turned. */
function namesCellsOn(mapping: Mapping, sheet: string): boolean {
  return namedTableSheets(mapping).has(sheet) || mapping.openingEquity?.sheet === sheet;
}

/** Each table of one row per year on the sheet: its header row, the years' column and its last row. */
export function yearsAsRows(view: SheetView): { headerRow: number; yearColumn: number; lastRow: number }[] {
  for (let column = view.left; column <= Math.min(view.right, view.left + 2); column++) {
    const rows = view.rowNumbers().filter((r) => yearOfCell(view.value(r, column)) !== undefined);
    // Runs of years that follow each other, row after row (a blank row between is allowed).
    const runs: number[][] = [];
    for (const r of rows) {
      const run = runs[runs.length - 1];
      const last = run?.[run.length - 1];
      const follows =
        last !== undefined &&
        r - last <= 2 &&
        yearOfCell(view.value(r, column)) === yearOfCell(view.value(last, column))! + 1;
      if (run && follows) run.push(r);
      else runs.push([r]);
    }
    const tables = runs
      .filter((run) => run.length >= 2)
      .flatMap((run, i, all) => {
        const above = i > 0 ? all[i - 1]![all[i - 1]!.length - 1]! + 1 : view.top;
        const headerRow = [...view.rowNumbers(above, run[0]! - 1)]
          .reverse()
          .find((r) => labelsRightOf(view, r, column) >= 2);
        return headerRow === undefined ? [] : [{ headerRow, yearColumn: column, lastRow: run[run.length - 1]! }];
      });
    if (tables.length > 0) return tables;
  }
  return [];
}

/** A year as a row's label: 2025, "2025", or a kind and its year ("Budget 2025", "Plan 2026", "Utfall 2024"). */
function yearOfCell(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) ? yearIn(value) : undefined;
  return typeof value === "string" && YEAR_LABEL.test(value) ? yearIn(value) : undefined;
}

const YEAR_LABEL = /^\s*((budget|plan|planår|budgetår|utfall|prognos|bokslut)\s+)?\d{4}\s*$/i;

function labelsRightOf(view: SheetView, row: number, column: number): number {
  return view.columnNumbers(row, column + 1).filter((c) => {
    const v = view.value(row, c);
    // A label, not an amount typed as text ("1 407 510").
    return typeof v === "string" && amountKind(v).kind === "text" && yearIn(v) === undefined;
  }).length;
}

/**
 * The table's rows only: the titles above it, and another table below it,
 * would be read, turned, as its own. A hidden row of a year a visible row
 * states is superseded, and would turn into a column no reader sees hidden.
 */
function cropped(view: SheetView, table: { headerRow: number; yearColumn: number; lastRow: number }): GridSheet {
  const { sheet } = view;
  const yearOf = (r: number) => yearIn(view.value(r, table.yearColumn));
  const inTable = [...sheet.rows.keys()].filter((r) => r >= table.headerRow && r <= table.lastRow);
  const visibleYears = new Set(inTable.filter((r) => !view.isHiddenRow(r)).map(yearOf));
  const superseded = (r: number) => view.isHiddenRow(r) && yearOf(r) !== undefined && visibleYears.has(yearOf(r));
  const rows = new Map(inTable.filter((r) => !superseded(r)).map((r) => [r, sheet.rows.get(r)!]));
  return {
    ...sheet,
    rows,
    top: Math.max(sheet.top, table.headerRow),
    bottom: Math.min(sheet.bottom, table.lastRow),
    hiddenRows: [],
  };
}

/** The read of the turned sheet with every cell it names in the sheet's own places. */
function turnedBack(read: SheetRead, headerRow: number): SheetRead {
  const ref = (r: CellRef): CellRef => ({ sheet: r.sheet, cell: transposedAddress(r.cell) });
  const amount = (a: SourcedAmount): SourcedAmount => ({
    value: a.value,
    ...(a.ref ? { ref: ref(a.ref) } : {}),
    ...(a.factor !== undefined ? { factor: a.factor } : {}),
    ...(a.typedAsText ? { typedAsText: true } : {}),
    ...(a.wholeKronor !== undefined ? { wholeKronor: a.wholeKronor } : {}),
  });
  const amounts = (m: YearAmounts): YearAmounts => new Map([...m].map(([y, a]) => [y, amount(a)]));
  const maybe = (m: YearAmounts | undefined) => (m ? amounts(m) : undefined);
  const line = (l: BudgetLine): BudgetLine => ({
    label: l.label,
    amounts: amounts(l.amounts),
    ...(l.labelRef ? { labelRef: ref(l.labelRef) } : {}),
  });
  const member = (m: Member): Member => ({
    ...m,
    amounts: amounts(m.amounts),
    ...(m.nameRef ? { nameRef: ref(m.nameRef) } : {}),
  });
  const sum = (s: StatedSum): StatedSum => ({ ...s, stated: amount(s.stated), parts: s.parts.map(amount) });
  const followUp = (f: FollowUpLine): FollowUpLine => ({
    ...f,
    budget: amount(f.budget),
    ...(f.outcome ? { outcome: amount(f.outcome) } : {}),
    ...(f.forecast ? { forecast: amount(f.forecast) } : {}),
  });
  const finding = (f: Finding): Finding => (f.cell ? { ...f, cell: transposedAddress(f.cell) } : f);
  const part = (p: PartLocation): PartLocation => ({
    ...p,
    range: transposedAddress(p.range),
    evidence: `${p.evidence}${TURNED}`,
  });
  const b = read.budget;
  const [contributions, costTotal] = [maybe(b.statedContributionTotal), maybe(b.costTotal)];
  return {
    ...read,
    budget: {
      ...b,
      otherIncome: b.otherIncome.map(line),
      equityDrawdowns: b.equityDrawdowns.map(line),
      costs: b.costs.map(line),
      sums: b.sums.map(sum),
      followUp: b.followUp.map(followUp),
      ...(contributions ? { statedContributionTotal: contributions } : {}),
      ...(costTotal ? { costTotal } : {}),
      ...(b.openingEquity ? { openingEquity: amount(b.openingEquity) } : {}),
      ...(b.budgetFrame ? { budgetFrame: amount(b.budgetFrame) } : {}),
    },
    members: read.members.map(member),
    labelColumn: read.header.row,
    header: {
      row: headerRow,
      columns: read.header.columns.map((c) => ({ ...c, header: ref(c.header) })),
      evidence: `${read.header.evidence}${TURNED}`,
    },
    parts: read.parts.map(part),
    findings: read.findings.map(finding),
  };
}
