import {
  finding,
  message,
  type Budget,
  type BudgetLine,
  type CellRef,
  type Finding,
  type FollowUpLine,
  type Message,
  type Member,
  type SourcedAmount,
  type StatedSum,
  type Unit,
} from "../domain";
import { address, type Grid, SheetView } from "./grid";
import { readMapping, type Mapping } from "./mapping";
import { findPopulation, type PopulationEntry } from "./population";
import { amountKind, readAmount, yearIn } from "./swedishNumber";
import { classifyLabel, columnKind, kommunKey, normalizeLabel, TKR, type ColumnKind } from "./vocabulary";

/** A column of amounts for one year, as its header says. */
export interface YearColumn {
  readonly column: number;
  readonly year: number;
  readonly kind: ColumnKind;
  readonly header: CellRef;
}

/** What the locator found, and where: the mapping it used, so it can be shown and stored. */
export interface Location {
  readonly sheet: string;
  readonly labelColumn: number;
  readonly headerRow: number;
  readonly yearColumns: readonly YearColumn[];
  readonly unit: Unit;
  readonly population: readonly PopulationEntry[];
}

export type LocateResult =
  | { readonly ok: true; readonly budget: Budget; readonly location: Location; readonly findings: readonly Finding[] }
  | { readonly ok: false; readonly reason: Message; readonly findings: readonly Finding[] };

type Section = "none" | "income" | "costs" | "equity";

/** A row with amounts, as the block structure of totals sees it. */
interface Item {
  readonly row: number;
  readonly label: string;
  readonly amounts: Record<number, SourcedAmount>;
  /** Formula text by year, for the cells that hold one. */
  readonly formulas: Readonly<Record<number, string | null>>;
}

const NO_FORMULAS: Readonly<Record<number, string | null>> = Object.freeze({});

/**
 * Finds the budget in a workbook with no configuration: the sheet with the
 * members' contributions by year, its cost lines and totals, opening equity,
 * and the population per kommun wherever it stands. Defined names (mapping.ts)
 * win over detection. Anything it cannot read becomes an INPUT_* finding that
 * names the sheet and cell.
 */
export function locateBudget(grid: Grid): LocateResult {
  const mapping = readMapping(grid);
  const findings: Finding[] = [...mapping.findings];
  const candidates = grid.sheets
    .filter((s) => !mapping.budgetSheet || s.name === mapping.budgetSheet)
    .map((sheet) => ({ sheet, read: readBudgetSheet(new SheetView(sheet), mapping) }))
    .filter((c) => c.read !== undefined);
  const best = candidates.sort((a, b) => score(b.read!) - score(a.read!))[0];
  if (!best || score(best.read!) === 0) {
    return {
      ok: false,
      reason: message(
        "Arbetsboken innehåller ingen budget: inget blad har både årskolumner och medlemmarnas avgifter eller kostnader.",
        "The workbook holds no budget: no sheet has both year columns and the members' contributions or costs.",
      ),
      findings,
    };
  }
  const read = best.read!;
  findings.push(...read.findings);
  if (!best.sheet.visible) {
    findings.push(
      finding({
        code: "INPUT_HIDDEN_SHEET",
        severity: "info",
        ref: { sheet: best.sheet.name, cell: "A1" },
        message: message(
          `Budgeten lästes från det dolda bladet ”${best.sheet.name}”.`,
          `The budget was read from the hidden sheet "${best.sheet.name}".`,
        ),
      }),
    );
  }

  const population = mapping.population ?? findPopulation(grid);
  const byKommun = populationIndex(population.entries);
  const members = read.members.map((m) => withPopulation(m, byKommun));
  const populationDate = population.date;
  const budget: Budget = {
    ...read.budget,
    members,
    ...(populationDate ? { populationDate } : {}),
  };
  return {
    ok: true,
    budget,
    location: { ...read.location, population: population.entries },
    findings,
  };
}

function score(read: SheetRead): number {
  return read.members.length * 10 + read.budget.costs.length;
}

/** Population rows by kommun key, so each member finds its row in one look-up (290 kommuner × 290 rows adds up). */
function populationIndex(entries: readonly PopulationEntry[]): ReadonlyMap<string, PopulationEntry> {
  const index = new Map<string, PopulationEntry>();
  for (const entry of entries) {
    const key = kommunKey(entry.name);
    if (key && !index.has(key)) index.set(key, entry);
  }
  return index;
}

/** "Finspångs kommun" finds "Finspång": the key, or the key without its genitive s, or with one. */
function withPopulation(member: Member, index: ReadonlyMap<string, PopulationEntry>): Member {
  if (member.party !== "kommun") return member;
  const key = kommunKey(member.name);
  const entry = index.get(key) ?? (key.endsWith("s") ? index.get(key.slice(0, -1)) : undefined) ?? index.get(`${key}s`);
  return entry ? { ...member, population: { value: entry.value, ref: entry.ref } } : member;
}

interface SheetRead {
  readonly budget: Omit<Budget, "members" | "populationDate">;
  readonly members: readonly Member[];
  readonly location: Omit<Location, "population">;
  readonly findings: readonly Finding[];
}

/** Reads one sheet as a budget, or undefined when it has no year columns. */
function readBudgetSheet(view: SheetView, mapping: Mapping): SheetRead | undefined {
  const labelColumn = findLabelColumn(view);
  const header =
    mapping.yearHeader?.sheet === view.name
      ? mappedHeader(view, mapping.yearHeader.row)
      : findYearHeader(view, labelColumn);
  if (!header || header.columns.length === 0) return undefined;
  const unit = mapping.unit ?? findUnit(view, header.row);
  const unitFactor = unit === "tkr" ? 1000 : 1;
  const findings: Finding[] = [];
  const planColumns = header.columns.filter((c) => c.kind !== "outcome" && c.kind !== "forecast");
  const amountColumns = dedupeByYear(planColumns);

  const readRow = (row: number, columns: readonly YearColumn[], sign: number): Item => {
    const amounts: Record<number, SourcedAmount> = {};
    let formulas: Record<number, string | null> | undefined;
    for (const col of columns) {
      const cellAmount = readCell(view, row, col.column, unitFactor * sign, findings);
      if (cellAmount) {
        amounts[col.year] = cellAmount;
        const formula = view.formula(row, col.column);
        if (formula) (formulas ??= {})[col.year] = formula;
      }
    }
    return { row, label: view.text(row, labelColumn), amounts, formulas: formulas ?? NO_FORMULAS };
  };

  // First pass: each row's role and section, and the sign each section uses.
  interface RowInfo {
    row: number;
    role: ReturnType<typeof classifyLabel>;
    section: Section;
    hasAmounts: boolean;
  }
  const rows: RowInfo[] = [];
  // The header row's own label may open a section ("Intäkter, kr | Budget 2022").
  const headerRole = classifyLabel(view.text(header.row, labelColumn)).kind;
  let section: Section = headerRole === "incomeHeader" ? "income" : headerRole === "costHeader" ? "costs" : "none";
  for (let row = header.row + 1; row <= view.bottom; row++) {
    const label = view.text(row, labelColumn);
    const role =
      mapping.memberRows?.has(row) && mapping.memberSheet === view.name
        ? ({
            kind: "member",
            party:
              classifyLabel(label).kind === "member"
                ? (classifyLabel(label) as { party: Member["party"] }).party
                : "kommun",
          } as const)
        : mapping.costRows?.has(row) && mapping.costSheet === view.name
          ? ({ kind: "line" } as const)
          : classifyLabel(label);
    // A row whose year cells hold only text is a note ("20 % av årlig medelstilldelning"), unless it names a member.
    const kinds = amountColumns.map((c) => amountKind(view.value(row, c.column)).kind);
    const readable =
      kinds.some((k) => k === "amount" || k === "error") ||
      (role.kind === "member" && kinds.some((k) => k !== "empty"));
    const hasAmounts =
      (readable && !isHeaderRow(view, row, amountColumns)) ||
      (role.kind === "openingEquity" && equityCell(view, row, labelColumn) !== undefined);
    if (role.kind === "incomeHeader") section = "income";
    else if (role.kind === "costHeader") section = "costs";
    else if (!hasAmounts && /^eget kapital$/.test(normalizeLabel(label))) section = "equity";
    else if (mapping.costRows?.has(row) && mapping.costSheet === view.name) section = "costs";
    if (role.kind === "incomeHeader" || role.kind === "costHeader") {
      if (!hasAmounts) {
        rows.push({ row, role, section, hasAmounts });
        continue;
      }
    }
    rows.push({ row, role, section, hasAmounts });
  }
  const signOf = (s: Section) =>
    sectionSign(
      view,
      rows.filter((r) => r.section === s && r.hasAmounts && r.role.kind === "line").map((r) => r.row),
      amountColumns,
    );
  const signs: Record<Section, number> = {
    none: signOf("none"),
    income: signOf("income"),
    costs: signOf("costs"),
    equity: 1,
  };

  const members: Member[] = [];
  const otherIncome: BudgetLine[] = [];
  const drawdowns: BudgetLine[] = [];
  const costs: BudgetLine[] = [];
  const sums: StatedSum[] = [];
  let statedContributionTotal: Record<number, SourcedAmount> | undefined;
  let costTotal: Record<number, SourcedAmount> | undefined;
  let openingEquity: SourcedAmount | undefined;
  let statedFrame: Record<number, SourcedAmount> | undefined;
  let block: Item[] = [];
  let sectionItems: Item[] = [];
  let unknown: Item[] = [];
  let currentSection: Section = "none";

  const closeSection = () => {
    sectionItems = [];
    block = [];
  };

  for (const info of rows) {
    if (info.section !== currentSection) {
      closeSection();
      currentSection = info.section;
    }
    const { row, role } = info;
    if (!info.hasAmounts) {
      // A heading inside a section starts a new block of lines.
      sectionItems.push(...block);
      block = [];
      continue;
    }
    const sign =
      role.kind === "member" ||
      role.kind === "contributions" ||
      role.kind === "openingEquity" ||
      role.kind === "closingEquity"
        ? 1
        : signs[info.section];
    const item = readRow(
      row,
      amountColumns,
      role.kind === "member" || role.kind === "contributions"
        ? memberSign(view, row, amountColumns, signs[info.section])
        : sign,
    );
    if (view.isHiddenRow(row)) {
      findings.push(
        finding({
          code: "INPUT_HIDDEN_ROW",
          severity: "info",
          ref: { sheet: view.name, cell: address(row, labelColumn) },
          message: message(
            `Rad ${row} (”${item.label}”) är dold men räknas med.`,
            `Row ${row} ("${item.label}") is hidden but is counted.`,
          ),
        }),
      );
    }

    switch (role.kind) {
      case "member":
        if (info.section === "costs") {
          costs.push(lineOf(item, view.name, labelColumn));
          block.push(item);
          break;
        }
        members.push({
          name: item.label,
          party: role.party,
          amounts: item.amounts,
          nameRef: { sheet: view.name, cell: address(row, labelColumn) },
        });
        block.push(item);
        break;
      case "contributions":
        statedContributionTotal ??= item.amounts;
        block.push(item);
        break;
      case "drawdown":
        drawdowns.push(lineOf(item, view.name, labelColumn));
        block.push(item);
        break;
      case "openingEquity": {
        const column = equityCell(view, row, labelColumn);
        openingEquity ??= column === undefined ? undefined : readCell(view, row, column, unitFactor, findings);
        break;
      }
      case "closingEquity":
        break;
      case "frame":
        statedFrame ??= item.amounts;
        break;
      case "total": {
        const inNone = info.section === "none";
        const parts = block.length > 0 ? block : sectionItems;
        const leaves = withoutCovered(parts, view, amountColumns);
        for (const col of amountColumns) {
          const stated = item.amounts[col.year];
          if (!stated) continue;
          sums.push({
            label: item.label,
            year: col.year,
            stated,
            parts: leaves.flatMap((p) => (p.amounts[col.year] ? [p.amounts[col.year]!] : [])),
          });
        }
        const label = normalizeLabel(item.label);
        if (
          parts.length > 0 &&
          parts.every((p) => members.some((m) => m.nameRef?.cell === address(p.row, labelColumn)))
        ) {
          statedContributionTotal ??= item.amounts;
        } else if (info.section === "costs" || (inNone && /kostnad/.test(label))) {
          costTotal = item.amounts;
          if (inNone)
            for (const u of withoutCovered(unknown, view, amountColumns))
              costs.push({
                label: u.label,
                amounts: u.amounts,
                labelRef: { sheet: view.name, cell: address(u.row, labelColumn) },
              });
        } else if (
          inNone &&
          (/intäkt/.test(label) ||
            parts.some((p) => members.some((m) => m.nameRef?.cell === address(p.row, labelColumn))))
        ) {
          for (const u of withoutCovered(unknown, view, amountColumns))
            otherIncome.push({
              label: u.label,
              amounts: u.amounts,
              labelRef: { sheet: view.name, cell: address(u.row, labelColumn) },
            });
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
      case "line":
        if (isSubtotal(item, view, amountColumns)) {
          block.push(item);
          break;
        }
        if (info.section === "income") otherIncome.push(lineOf(item, view.name, labelColumn));
        else if (info.section === "costs") costs.push(lineOf(item, view.name, labelColumn));
        else if (info.section === "none") unknown.push(item);
        if (info.section !== "equity") block.push(item);
        break;
    }
  }
  // Lines in a sheet with no sections and no total: costs, which is what such a list usually is.
  for (const u of withoutCovered(unknown, view, amountColumns)) {
    costs.push({
      label: u.label,
      amounts: u.amounts,
      labelRef: { sheet: view.name, cell: address(u.row, labelColumn) },
    });
  }
  // Subtotal rows (a SUM of the lines below them) are not cost lines of their own.
  const leafCosts = costs.filter((c) => !isSubtotalRow(c, view, amountColumns));

  const years = amountColumns.map((c) => c.year);
  const budgetColumn = amountColumns.find((c) => c.kind === "budget") ?? amountColumns[0]!;
  const budgetYear = budgetColumn.year;
  const planYears = [...new Set(years.filter((y) => y > budgetYear))].sort((a, b) => a - b);
  const mappedEquity =
    mapping.openingEquity?.sheet === view.name
      ? readCell(view, mapping.openingEquity.row, mapping.openingEquity.column, unitFactor, findings)
      : undefined;
  const equity = mappedEquity ?? openingEquity;
  if (equity && openingEquity && !mappedEquity) checkEquityDate(view, rows, budgetYear, labelColumn, findings);

  return {
    budget: {
      unit,
      budgetYear,
      planYears,
      ...(statedContributionTotal ? { statedContributionTotal } : {}),
      otherIncome,
      equityDrawdowns: drawdowns,
      costs: leafCosts,
      ...(costTotal ? { costTotal } : {}),
      ...(equity ? { openingEquity: equity } : {}),
      sums,
      followUp: followUpOf(view, header.columns, leafCosts, unitFactor, signs.costs, findings),
      ...((statedFrame ?? costTotal)?.[budgetYear] ? { budgetFrame: (statedFrame ?? costTotal)![budgetYear]! } : {}),
    },
    members,
    location: { sheet: view.name, labelColumn, headerRow: header.row, yearColumns: header.columns, unit },
    findings,
  };
}

function lineOf(item: Item, sheet: string, labelColumn: number): BudgetLine {
  return { label: item.label, amounts: item.amounts, labelRef: { sheet, cell: address(item.row, labelColumn) } };
}

/** One column per year for amounts: the budget or plan column wins over a plain year. */
function dedupeByYear(columns: readonly YearColumn[]): YearColumn[] {
  const byYear = new Map<number, YearColumn>();
  for (const c of columns) if (!byYear.has(c.year)) byYear.set(c.year, c);
  return [...byYear.values()];
}

/** The column that holds most of the sheet's text labels, among the first three. */
function findLabelColumn(view: SheetView): number {
  let best = view.sheet.left;
  let bestCount = -1;
  for (let col = view.sheet.left; col <= Math.min(view.right, view.sheet.left + 2); col++) {
    let count = 0;
    for (let row = view.sheet.top; row <= view.bottom; row++) {
      const t = view.text(row, col);
      if (t && amountKind(t).kind === "text" && yearIn(t) === undefined) count++;
    }
    if (count > bestCount) {
      best = col;
      bestCount = count;
    }
  }
  return best;
}

/** The first row with year headers above amounts: "2025", "Budget 2025", "Plan 2026". */
function findYearHeader(view: SheetView, labelColumn: number): { row: number; columns: YearColumn[] } | undefined {
  for (let row = view.sheet.top; row <= view.bottom; row++) {
    const columns: YearColumn[] = [];
    for (let col = labelColumn + 1; col <= view.right; col++) {
      const v = view.value(row, col);
      const year = yearIn(v);
      if (year === undefined || !hasAmountBelow(view, row, col)) continue;
      columns.push({
        column: col,
        year,
        kind: typeof v === "string" ? columnKind(v) : "year",
        header: { sheet: view.name, cell: address(row, col) },
      });
    }
    if (columns.length > 0) return { row, columns: withKinds(columns) };
  }
  // A lone "Budget" column, the year in the sheet's title ("Budget 2023 (tkr)").
  for (let row = view.sheet.top; row <= Math.min(view.bottom, view.sheet.top + 5); row++) {
    for (let col = labelColumn + 1; col <= view.right; col++) {
      if (normalizeLabel(view.text(row, col)) !== "budget" || !hasAmountBelow(view, row, col)) continue;
      const year = titleYear(view);
      if (year !== undefined)
        return {
          row,
          columns: [{ column: col, year, kind: "budget", header: { sheet: view.name, cell: address(row, col) } }],
        };
    }
  }
  return undefined;
}

function mappedHeader(view: SheetView, row: number): { row: number; columns: YearColumn[] } | undefined {
  const columns: YearColumn[] = [];
  for (let col = view.sheet.left; col <= view.right; col++) {
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
  return { row, columns: withKinds(columns) };
}

/** Plain year columns: the first is the budget year, the rest plan years. */
function withKinds(columns: YearColumn[]): YearColumn[] {
  if (columns.some((c) => c.kind === "budget"))
    return columns.map((c) => (c.kind === "year" ? { ...c, kind: "plan" } : c));
  const first = Math.min(...columns.filter((c) => c.kind === "year" || c.kind === "plan").map((c) => c.year));
  return columns.map((c) => (c.kind === "year" ? { ...c, kind: c.year === first ? "budget" : "plan" } : c));
}

function titleYear(view: SheetView): number | undefined {
  for (let row = view.sheet.top; row <= Math.min(view.bottom, view.sheet.top + 2); row++) {
    for (let col = view.sheet.left; col <= view.right; col++) {
      const t = view.text(row, col);
      const m = /budget\s*(\d{4})/i.exec(t);
      if (m) return Number(m[1]);
    }
  }
  return undefined;
}

function hasAmountBelow(view: SheetView, row: number, col: number): boolean {
  for (let r = row + 1; r <= Math.min(view.bottom, row + 40); r++) {
    if (amountKind(view.value(r, col)).kind === "amount" && yearIn(view.value(r, col)) === undefined) return true;
  }
  return false;
}

/** A row that repeats the year headers ("Planerade kostnader | 2025") is a header, not amounts. */
function isHeaderRow(view: SheetView, row: number, columns: readonly YearColumn[]): boolean {
  return columns.every((c) => {
    const v = view.value(row, c.column);
    return v === null || v === "" || yearIn(v) === c.year;
  });
}

/** tkr when the title, a header or a number format says so. */
function findUnit(view: SheetView, headerRow: number): Unit {
  for (let row = view.sheet.top; row <= Math.min(view.bottom, headerRow + 1); row++) {
    for (let col = view.sheet.left; col <= view.right; col++) {
      if (TKR.test(normalizeLabel(view.text(row, col)))) return "tkr";
    }
  }
  for (let row = headerRow + 1; row <= view.bottom; row++) {
    for (let col = view.sheet.left; col <= view.right; col++) {
      const format = view.numberFormat(row, col);
      if (format && /tkr/i.test(format)) return "tkr";
    }
  }
  return "kr";
}

/** −1 when most of a section's lines are negative (costs shown as −785), else 1. */
function sectionSign(view: SheetView, rows: readonly number[], columns: readonly YearColumn[]): number {
  let balance = 0;
  for (const row of rows) for (const c of columns) balance -= amountKind(view.value(row, c.column)).sign;
  return balance > 0 ? -1 : 1;
}

/** Member rows are positive contributions; a sheet that books income as negative ("(107) Driftsbidrag −17 282") is turned. */
function memberSign(view: SheetView, row: number, columns: readonly YearColumn[], sectionSign: number): number {
  const amounts = columns.map((c) => amountKind(view.value(row, c.column))).filter((r) => r.kind === "amount");
  const allNegative = amounts.length > 0 && amounts.every((r) => r.sign <= 0);
  return allNegative ? -1 : sectionSign === -1 && amounts.length === 0 ? -1 : 1;
}

/** Reads one amount cell; INPUT_* findings for error values and text that is not a number. */
function readCell(
  view: SheetView,
  row: number,
  column: number,
  factor: number,
  findings: Finding[],
): SourcedAmount | undefined {
  const reading = readAmount(view.value(row, column));
  const ref = { sheet: view.name, cell: address(row, column) };
  switch (reading.kind) {
    case "empty":
      return undefined;
    case "amount": {
      const inKronor = reading.unit === "tkr" && factor === 1 ? 1000 : factor;
      if (reading.typedAsText) {
        findings.push(
          finding({
            code: "INPUT_TEXT_AMOUNT",
            severity: "info",
            ref,
            message: message(
              `${view.name}!${ref.cell}: talet är inskrivet som text (”${String(view.value(row, column))}”); det lästes som ${reading.value.toFixed()}. Formler i Excel räknar inte med text.`,
              `${view.name}!${ref.cell}: the number is typed as text ("${String(view.value(row, column))}"); it was read as ${reading.value.toFixed()}. Excel formulas do not count text.`,
            ),
          }),
        );
      }
      return {
        value: inKronor === 1 ? reading.value : reading.value.times(inKronor),
        ref,
        ...(inKronor !== 1 ? { factor: inKronor } : {}),
        ...(reading.typedAsText ? { typedAsText: true } : {}),
      };
    }
    case "error":
      findings.push(
        finding({
          code: "INPUT_ERROR_VALUE",
          severity: "warning",
          ref,
          message: message(
            `${view.name}!${ref.cell} innehåller felvärdet ${reading.error} och kan inte läsas; raden räknas utan det beloppet.`,
            `${view.name}!${ref.cell} holds the error ${reading.error} and cannot be read; the row is counted without it.`,
          ),
        }),
      );
      return undefined;
    case "text":
      if (yearIn(reading.text) !== undefined) return undefined;
      findings.push(
        finding({
          code: "INPUT_TEXT_IN_AMOUNT",
          severity: "warning",
          ref,
          message: message(
            `${view.name}!${ref.cell} innehåller texten ”${reading.text}” där ett belopp väntas; cellen räknas inte.`,
            `${view.name}!${ref.cell} holds the text "${reading.text}" where an amount is expected; the cell is not counted.`,
          ),
        }),
      );
      return undefined;
  }
}

/** The first cell right of the label that holds an amount: where an equity balance stands. */
function equityCell(view: SheetView, row: number, labelColumn: number): number | undefined {
  for (let col = labelColumn + 1; col <= view.right; col++) {
    if (amountKind(view.value(row, col)).kind === "amount") return col;
  }
  return undefined;
}

/** Rows a SUM formula in this column covers: "=SUM(B5:B11)" → 5..11. */
function sumRows(formula: string | null | undefined, column: number, view: SheetView): [number, number] | undefined {
  if (!formula) return undefined;
  const m = /^=SUM\(\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)\)$/i.exec(formula.replace(/\s/g, ""));
  if (!m || m[1] !== m[3]) return undefined;
  const col = address(1, column).replace(/\d+$/, "");
  if (m[1]!.toUpperCase() !== col || !view) return undefined;
  return [Number(m[2]), Number(m[4])];
}

function coveredRange(item: Item, view: SheetView, columns: readonly YearColumn[]): [number, number] | undefined {
  for (const c of columns) {
    const range = sumRows(item.formulas[c.year], c.column, view);
    if (range && !(range[0] <= item.row && item.row <= range[1])) return range;
  }
  return undefined;
}

/** A line that is the SUM of other lines of its block (a subtotal written above or below them). */
function isSubtotal(item: Item, view: SheetView, columns: readonly YearColumn[]): boolean {
  const range = coveredRange(item, view, columns);
  return range !== undefined && range[0] > item.row;
}

function isSubtotalRow(line: BudgetLine, view: SheetView, columns: readonly YearColumn[]): boolean {
  const row = Number(line.labelRef?.cell.replace(/^[A-Z]+/, ""));
  return columns.some((c) => {
    const range = sumRows(view.formula(row, c.column), c.column, view);
    return range !== undefined && range[0] > row;
  });
}

/** Drops the lines that a subtotal in the same list already sums. */
function withoutCovered(items: readonly Item[], view: SheetView, columns: readonly YearColumn[]): Item[] {
  const covered = new Set<number>();
  for (const item of items) {
    const range = coveredRange(item, view, columns);
    if (range) for (let r = range[0]; r <= range[1]; r++) if (r !== item.row) covered.add(r);
  }
  return items.filter((i) => !covered.has(i.row));
}

/** Opening equity should be dated the end of the year before the budget year, or its first day. */
function checkEquityDate(
  view: SheetView,
  rows: readonly { row: number; role: ReturnType<typeof classifyLabel> }[],
  budgetYear: number,
  labelColumn: number,
  findings: Finding[],
): void {
  const row = rows.find((r) => r.role.kind === "openingEquity");
  if (!row || row.role.kind !== "openingEquity" || !row.role.date) return;
  const date = row.role.date;
  if (date === `${budgetYear - 1}-12-31` || date === `${budgetYear}-01-01`) return;
  findings.push(
    finding({
      code: "INPUT_EQUITY_DATE",
      severity: "warning",
      ref: { sheet: view.name, cell: address(row.row, labelColumn) },
      message: message(
        `Eget kapital är daterat ${date}, men budgetåret ${budgetYear} börjar med eget kapital per ${budgetYear - 1}-12-31. Beloppet används som ingående eget kapital.`,
        `Equity is dated ${date}, but the budget year ${budgetYear} opens with equity at ${budgetYear - 1}-12-31. The amount is used as opening equity.`,
      ),
    }),
  );
}

/** Follow-up: a cost line's budget against its outcome and forecast for the same year. */
function followUpOf(
  view: SheetView,
  columns: readonly YearColumn[],
  costs: readonly BudgetLine[],
  unitFactor: number,
  sign: number,
  findings: Finding[],
): FollowUpLine[] {
  const lines: FollowUpLine[] = [];
  for (const col of columns.filter((c) => c.kind === "outcome" || c.kind === "forecast")) {
    for (const cost of costs) {
      const budget = cost.amounts[col.year];
      const row = Number(cost.labelRef?.cell.replace(/^[A-Z]+/, ""));
      if (!budget || !row) continue;
      const value = readCell(view, row, col.column, unitFactor * sign, findings);
      if (!value) continue;
      const existing = lines.find((l) => l.label === cost.label && l.year === col.year);
      const entry: FollowUpLine = {
        ...(existing ?? { label: cost.label, year: col.year, budget }),
        ...(col.kind === "outcome" ? { outcome: value } : { forecast: value }),
      };
      if (existing) lines[lines.indexOf(existing)] = entry;
      else lines.push(entry);
    }
  }
  return lines;
}
