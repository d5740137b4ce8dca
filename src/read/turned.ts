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
import { readMapping, type Mapping } from "./mapping";
import type { PartLocation } from "./parts";
import { yearIn } from "./swedishNumber";
import { findUnit } from "./units";

/** How the evidence of a turned read ends. */
export const TURNED = ", årtal som rader";

const NO_NAMES = readMapping({ sheets: [], definedNames: [] });

/**
 * A table with the years as rows ("År | Staten | Region | … | Kostnader |
 * Eget kapital", one row per year) is the usual table turned on its diagonal:
 * read turned, by the same evidence as any other, and every cell it names
 * turned back. The evidence it is one: a column of two or more years that
 * follow each other under a header row of labels.
 */
export function readTurned(view: SheetView, mapping: Mapping): SheetRead | undefined {
  if (namesCellsOn(mapping, view.name)) return undefined;
  const table = yearsAsRows(view);
  if (!table) return undefined;
  const turned = new SheetView(transposeSheet(cropped(view.sheet, table.headerRow)));
  const unit = mapping.unit ? { unit: mapping.unit, evidence: "namnet Finsam_Enhet" } : findUnit(view, table.headerRow);
  const read = readBudgetSheet(turned, NO_NAMES, undefined, unit);
  return read && turnedBack(read, table.headerRow);
}

/** Names say where things stand on the sheet as it is: a sheet with named cells is read as it is, not turned. */
function namesCellsOn(mapping: Mapping, sheet: string): boolean {
  return [
    mapping.yearHeader?.sheet,
    mapping.yearColumns?.sheet,
    mapping.memberSheet,
    mapping.costSheet,
    mapping.openingEquity?.sheet,
  ].includes(sheet);
}

/** The header row and the years' column of a table with one row per year, if the sheet holds one. */
export function yearsAsRows(view: SheetView): { headerRow: number; yearColumn: number } | undefined {
  for (let column = view.left; column <= Math.min(view.right, view.left + 2); column++) {
    const rows = view.rowNumbers().filter((r) => yearOfCell(view.value(r, column)) !== undefined);
    const years = rows.map((r) => yearOfCell(view.value(r, column))!);
    if (years.length < 2 || !years.every((y, i) => i === 0 || y === years[i - 1]! + 1)) continue;
    const headerRow = [...view.rowNumbers(view.top, rows[0]! - 1)]
      .reverse()
      .find((r) => labelsRightOf(view, r, column) >= 2);
    if (headerRow !== undefined) return { headerRow, yearColumn: column };
  }
  return undefined;
}

function yearOfCell(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) ? yearIn(value) : undefined;
  return typeof value === "string" && /^\s*\d{4}\s*$/.test(value) ? yearIn(value) : undefined;
}

function labelsRightOf(view: SheetView, row: number, column: number): number {
  return view.columnNumbers(row, column + 1).filter((c) => {
    const v = view.value(row, c);
    return typeof v === "string" && v.trim() !== "" && yearIn(v) === undefined;
  }).length;
}

/** The sheet from the header row down: the titles above it would be read, turned, as labels. */
function cropped(sheet: GridSheet, fromRow: number): GridSheet {
  const rows = new Map([...sheet.rows].filter(([r]) => r >= fromRow));
  return { ...sheet, rows, top: Math.max(sheet.top, fromRow), hiddenRows: [] };
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
