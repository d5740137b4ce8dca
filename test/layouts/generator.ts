/**
 * The layout generator: renders one abstract budget (model.ts) as an ExcelJS
 * workbook under any combination of the layout variations real förbund use,
 * and returns, beside the workbook, where each abstract cell landed
 * ("member:Motala:2025" → Resultatbudget!C7), so a finding on a cell can be
 * followed from one rendering to another.
 *
 * The canonical rendering (no variation) is one sheet "Budget" with the years
 * as columns ("Budget 2025", "Plan 2026", …), the members, other income, the
 * drawdown, the cost lines and the opening equity in kr, and the population on
 * a sheet "Befolkning".
 */
import DecimalBase from "decimal.js";
import ExcelJS from "exceljs";
import type { ExpectedFinding } from "./expected";
import { transposedAddress, transposedFormula } from "../../src/grid";
import { stateHalf } from "./expected";
import { costLines, linesIn, memberAmounts, type AbstractBudget, type LayoutUnit } from "./model";

const D = DecimalBase.clone({ precision: 50 });

export const VARIATIONS = [
  /** Members on "Medlemsavgifter 2025", lines and equity on "Resultatbudget", population on "Invånare". */
  "splitSheets",
  /** The members' table with the years as rows and the parties as columns, on a sheet of its own. */
  "yearsAsRows",
  "tkr",
  "Mkr",
  /** Costs as negative numbers (and their totals). */
  "negativeCosts",
  /** Member amounts, population and equity typed as text: "1 045 270" with no-break spaces, decimal comma. */
  "textAmounts",
  /** Other words for the same rows: "Medlemsbidrag Kungälvs kommun", "KUNGÄLVS KOMMUN", "Eget kapital vid årets början", … */
  "synonyms",
  /** The budget year only in the title ("Verksamhets- och budgetplan 2022"); its column headed "Budget". */
  "yearInTitle",
  /** The budget year only in the sheet name ("Budget 2022"); its column headed "Budget". */
  "yearInSheetName",
  /** The table starts at B3, a blank column after the labels, blank rows between sections. */
  "blankRowsCols",
  /** A merged title, and merged "Budget" / "Plan" headers above the year headers. */
  "mergedHeaders",
  /** An account-number column before the labels. */
  "accountColumn",
  /** "Kommunernas andel (25 %)", "Summa intäkter", "Summa kostnader", "Årets resultat", equity at start and end of each year. */
  "totalsRows",
  /** A heading and a "Summa …" row per group of cost lines. */
  "subtotals",
  /** Totals, results and equity rows as formulas with cached values. */
  "formulas",
  /** The population in a column beside the members' amounts, headed "Invånare 31/12 2024". */
  "populationBeside",
  /** A column of the year before the budget year ("Bokslut 2024") left of it: history, never a year of the plan. */
  "historyColumn",
  /** A hidden block of last autumn's preliminary member rows ("… (prel.)") above the members that count. */
  "hiddenSuperseded",
  /** The budget year by quarter: "Kv 1 … Kv 4 | Helår 2025" (the year total a SUM with formulas), plan years after. */
  "quarters",
  /** A second förbund's budget on a sheet after this one's (the ekonomistöd keeps two): this one is read first. */
  "secondForbund",
  /** The plan years on a sheet of their own, "Flerårsplan", with the members and lines as the budget sheet names them. */
  "planSheet",
  /** The whole table turned: the years as rows, the members, lines, totals and equity as columns. */
  "turned",
  /**
   * An export from the finance system instead of a table: "År | Konto | Benämning | Part | Belopp", one row per
   * year and account (BAS: 30xx members, 83xx financial income, 4xxx–7xxx costs), beside a summary that sums
   * the members with SUMIFS and states the opening equity. With negativeCosts, the system's signs (income as
   * credit, negative).
   */
  "export",
] as const;

export type Variation = (typeof VARIATIONS)[number];

export interface RenderedCell {
  readonly sheet: string;
  readonly cell: string;
}

export interface Rendering {
  readonly workbook: ExcelJS.Workbook;
  /** Abstract cell → where it stands in this rendering. */
  readonly cells: ReadonlyMap<string, RenderedCell>;
  readonly unit: LayoutUnit;
  /** Findings this rendering adds to the budget's own (a members' total that is not 2 × the state's half). */
  readonly extraFindings: readonly ExpectedFinding[];
}

const NBSP = "\u00a0";

/** "1 045 270", "1 045,27", "−1 200": Swedish, with no-break spaces. */
export function swedishText(value: number): string {
  const d = new D(value);
  const [int, frac] = d.abs().toFixed().split(".");
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return `${d.isNegative() && !d.isZero() ? "−" : ""}${grouped}${frac ? `,${frac}` : ""}`;
}

const FACTOR: Record<LayoutUnit, number> = { kr: 1, tkr: 1000, Mkr: 1_000_000 };
const FORMAT: Record<LayoutUnit, string> = { kr: "#,##0", tkr: "#,##0.0", Mkr: "#,##0.00" };

type Value = number | string | ExcelJS.CellFormulaValue;

class Sheet {
  constructor(
    readonly ws: ExcelJS.Worksheet,
    private readonly cells: Map<string, RenderedCell>,
  ) {}

  put(row: number, col: number, value: Value | undefined, key?: string, numFmt?: string): string {
    const cell = this.ws.getCell(row, col);
    if (value !== undefined) cell.value = value;
    if (numFmt && typeof value !== "string") cell.numFmt = numFmt;
    if (key) this.cells.set(key, { sheet: this.ws.name, cell: cell.address });
    return cell.address;
  }
}

const colLetter = (col: number): string => {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

const quote = (sheet: string) => (/^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`);

/** The unit the variations ask for: Mkr, tkr, else kr. */
export const unitOf = (v: ReadonlySet<string>): LayoutUnit => (v.has("Mkr") ? "Mkr" : v.has("tkr") ? "tkr" : "kr");

/** A workbook with fixed properties, so that a rendering is the same on any day. */
export function blankWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Finsam-budget test layouts";
  wb.created = new Date("2025-11-03T00:00:00Z");
  wb.modified = wb.created;
  return wb;
}

/** Renders the budget under the variations. Deterministic: the same input gives the same workbook. */
export function render(b: AbstractBudget, variations: Iterable<Variation>): Rendering {
  const v = new Set(variations);
  // Turned only with plan years: one year as one row is a record, not a table of years, and no reader's evidence.
  if (v.has("turned") && b.years.length > 1)
    return turnedMain(
      render(
        b,
        [...v].filter((x) => x !== "turned"),
      ),
    );
  if (v.has("export")) return renderExport(b, v);
  return v.has("planSheet") && b.years.length > 1 ? renderPlanApart(b, v) : renderOne(b, v);
}

/** The budget as the finance system exports it, a summary of the members by SUMIFS beside it, and the population. */
function renderExport(b: AbstractBudget, v: ReadonlySet<Variation>): Rendering {
  const unit = unitOf(v);
  const wb = blankWorkbook();
  const cells = new Map<string, RenderedCell>();
  const inUnit = (kr: number) => new D(kr).dividedBy(FACTOR[unit]).toNumber();
  const amount = (kr: number): number | string => (v.has("textAmounts") ? swedishText(inUnit(kr)) : inUnit(kr));
  // Income positive and costs negative, as a result; or the system's signs, income as credit.
  const incomeSign = v.has("negativeCosts") ? -1 : 1;
  const syn = v.has("synonyms");
  const by = b.budgetYear;
  const last = b.years[b.years.length - 1]!;
  const members: { label: string; key: string; account: number; amounts: Readonly<Record<number, number>> }[] = [
    ...(b.state.kind === "one"
      ? [{ label: b.state.label, key: "stat", account: 3010, amounts: b.state.amounts }]
      : [
          { label: "Försäkringskassan", key: "fk", account: 3010, amounts: b.state.fk },
          { label: "Arbetsförmedlingen", key: "af", account: 3011, amounts: b.state.af },
        ]),
    { label: b.region.label, key: "region", account: 3020, amounts: b.region.amounts },
    ...b.kommuner.map((k) => ({
      label: syn ? k.official.toUpperCase() : k.official,
      key: k.name,
      account: 3030,
      amounts: k.amounts,
    })),
  ];
  const ex = new Sheet(wb.addWorksheet("Export"), cells);
  ex.put(1, 1, `${b.forbund}: budget ${by}${last > by ? `–${last}` : ""} ur ekonomisystemet, belopp i ${unit}`);
  ["År", "Konto", "Benämning", "Part", "Belopp"].forEach((h, i) => ex.put(3, 1 + i, h));
  let row = 4;
  for (const y of b.years) {
    for (const m of members)
      if (m.amounts[y] !== undefined) {
        [y, m.account, "Medlemsavgift", m.label].forEach((x, i) => ex.put(row, 1 + i, x));
        ex.put(row++, 5, amount(incomeSign * m.amounts[y]!), `member:${m.key}:${y}`);
      }
    b.otherIncome.forEach((line, i) => {
      if (line.amounts[y] === undefined) return;
      [y, line.account, line.label, ""].forEach((x, c) => ex.put(row, 1 + c, x));
      ex.put(row++, 5, amount(incomeSign * line.amounts[y]!), `income:${i}:${y}`);
    });
    costLines(b).forEach((line, i) => {
      if (line.amounts[y] === undefined) return;
      [y, line.account, line.label, ""].forEach((x, c) => ex.put(row, 1 + c, x));
      ex.put(row++, 5, amount(-incomeSign * line.amounts[y]!), `cost:${i}:${y}`);
    });
  }
  const end = row - 1;
  // The summary: the members by SUMIFS over the export, and the opening equity, which the export does not hold.
  const sum = new Sheet(wb.addWorksheet("Sammanställning"), cells);
  sum.put(1, 1, `${b.forbund}: sammanställning ${by}${last > by ? `–${last}` : ""} (belopp i ${unit})`);
  b.years.forEach((y, i) => sum.put(3, 2 + i, `${i === 0 ? "Budget" : "Plan"} ${y}`));
  members.forEach((m, r) => {
    sum.put(4 + r, 1, m.label);
    b.years.forEach((y, i) => {
      if (m.amounts[y] === undefined) return;
      const formula = `SUMIFS(Export!$E$4:$E$${end},Export!$A$4:$A$${end},${y},Export!$D$4:$D$${end},$A${4 + r})`;
      sum.put(4 + r, 2 + i, { formula, result: inUnit(incomeSign * m.amounts[y]!) }, undefined, FORMAT[unit]);
    });
  });
  const equityRow = 5 + members.length;
  sum.put(equityRow, 1, "Eget kapital vid årets början");
  sum.put(equityRow, 2, amount(b.openingEquity), "openingEquity", FORMAT[unit]);
  if (b.kommuner.length > 1) {
    const pop = new Sheet(wb.addWorksheet("Befolkning"), cells);
    pop.put(1, 1, "Kommun");
    pop.put(1, 2, `Invånare ${b.populationDate}`);
    b.kommuner.forEach((k, i) => {
      pop.put(2 + i, 1, k.name);
      pop.put(2 + i, 2, v.has("textAmounts") ? swedishText(k.population) : k.population, `pop:${k.name}`);
    });
  }
  return { workbook: wb, cells, unit, extraFindings: [] };
}

/** The rendering with its first sheet turned on its diagonal, formulas and cell keys with it. */
function turnedMain(r: Rendering): Rendering {
  const from = r.workbook.worksheets[0]!;
  const name = from.name;
  const copy: { row: number; col: number; value: ExcelJS.CellValue; numFmt: string }[] = [];
  from.eachRow({ includeEmpty: false }, (row, rowNumber) =>
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const value = cell.value;
      const turned =
        value && typeof value === "object" && "formula" in value
          ? { ...value, formula: transposedFormula(`=${value.formula}`)!.slice(1) }
          : value;
      copy.push({ row: col, col: rowNumber, value: turned, numFmt: cell.numFmt });
    }),
  );
  // Turned in place, so the sheet keeps its place before the others.
  from.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => (cell.value = null)));
  for (const c of copy) {
    const cell = from.getCell(c.row, c.col);
    cell.value = c.value;
    cell.numFmt = c.numFmt;
  }
  const cells = new Map(
    [...r.cells].map(([key, at]) => [key, at.sheet === name ? { sheet: name, cell: transposedAddress(at.cell) } : at]),
  );
  return { ...r, cells };
}

/**
 * The budget year rendered as the other variations say, and the plan years
 * rendered the same way on a sheet of their own, "Flerårsplan", opening with
 * the equity the budget year closes with.
 */
function renderPlanApart(b: AbstractBudget, v: ReadonlySet<Variation>): Rendering {
  const rest = new Set([...v].filter((x) => x !== "planSheet"));
  const by = b.budgetYear;
  const first = renderOne({ ...b, years: [by] }, rest);
  const planYears = b.years.slice(1);
  const income = memberAmounts(b, by).reduce((s, a) => s + a, 0) + (linesIn(b.otherIncome, by) ?? 0);
  const closing = b.openingEquity + income - (linesIn(costLines(b), by) ?? 0);
  const { equityTarget: _target, ...withoutTarget } = b;
  const plan = renderOne({ ...withoutTarget, years: planYears, openingEquity: closing }, rest);
  const from = plan.workbook.worksheets[0]!;
  const to = first.workbook.addWorksheet("Flerårsplan");
  from.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      const copy = to.getCell(r, c);
      copy.value = cell.value;
      copy.numFmt = cell.numFmt;
    }),
  );
  const cells = new Map(first.cells);
  for (const [key, at] of plan.cells)
    if (at.sheet === from.name && planYears.some((y) => key.endsWith(`:${y}`)))
      cells.set(key, { sheet: to.name, cell: at.cell });
  return {
    ...first,
    cells,
    extraFindings: [
      ...first.extraFindings,
      ...plan.extraFindings.filter((f) => f.year !== undefined && planYears.includes(f.year)),
    ],
  };
}

function renderOne(b: AbstractBudget, v: ReadonlySet<Variation>): Rendering {
  const unit = unitOf(v);
  const wb = blankWorkbook();
  const cells = new Map<string, RenderedCell>();
  const extraFindings: ExpectedFinding[] = [];
  const by = b.budgetYear;
  const popYear = Number(b.populationDate.slice(0, 4));
  const fmt = FORMAT[unit];
  const inUnit = (kr: number) => new D(kr).dividedBy(FACTOR[unit]).toNumber();
  const num = (kr: number) => inUnit(kr);
  const maybeText = (kr: number): number | string => (v.has("textAmounts") ? swedishText(inUnit(kr)) : inUnit(kr));
  const costSign = v.has("negativeCosts") ? -1 : 1;
  const syn = v.has("synonyms");
  const formulas = v.has("formulas");
  const unitText = `Belopp i ${unit}`;
  const unitPhrase = `belopp i ${unit}`;
  const gap = v.has("blankRowsCols") ? 1 : 0;

  // Labels.
  const stateLabels =
    b.state.kind === "one"
      ? [
          syn
            ? b.state.label === "Staten genom FK"
              ? "Försäkringskassan/Arbetsförmedlingen"
              : "Staten genom FK"
            : b.state.label,
        ]
      : syn
        ? ["Medlemsbidrag Försäkringskassan", "Medlemsbidrag Arbetsförmedlingen"]
        : ["Försäkringskassan", "Arbetsförmedlingen"];
  const regionLabel = syn ? `Medlemsbidrag ${b.region.label}` : b.region.label;
  const kommunLabel = (k: AbstractBudget["kommuner"][number]) => (syn ? `Medlemsbidrag ${k.official}` : k.official);
  const popLabel = (k: AbstractBudget["kommuner"][number]) => (syn ? k.official.toUpperCase() : k.name);
  const popHeader = syn ? `Folkmängd 31 dec ${popYear}` : `Invånare 31/12 ${popYear}`;

  interface MemberRow {
    readonly label: string;
    readonly key: string;
    readonly amounts: Readonly<Record<number, number>>;
    readonly kommun?: AbstractBudget["kommuner"][number];
  }
  const memberRows: MemberRow[] = [
    ...(b.state.kind === "one"
      ? [{ label: stateLabels[0]!, key: "stat", amounts: b.state.amounts }]
      : [
          { label: stateLabels[0]!, key: "fk", amounts: b.state.fk },
          { label: stateLabels[1]!, key: "af", amounts: b.state.af },
        ]),
    { label: regionLabel, key: "region", amounts: b.region.amounts },
    ...b.kommuner.map((k) => ({ label: kommunLabel(k), key: k.name, amounts: k.amounts, kommun: k })),
  ];

  const split = v.has("splitSheets");
  const membersApart = split || v.has("yearsAsRows");
  const mainName = split ? "Resultatbudget" : v.has("yearInSheetName") ? `Budget ${by}` : "Budget";
  const membersName = split ? `Medlemsavgifter ${by}` : "Medlemsavgifter";
  const yearHidden = v.has("yearInTitle") || v.has("yearInSheetName");
  const title = (what: string) =>
    v.has("yearInTitle")
      ? `${b.forbund}: Verksamhets- och budgetplan ${by} (${unitPhrase})`
      : `${b.forbund}: ${what} (${unitPhrase})`;

  const main = new Sheet(wb.addWorksheet(mainName), cells);
  const membersSheet = membersApart ? new Sheet(wb.addWorksheet(membersName), cells) : main;

  // Column layout of a years-as-columns table.
  const accountCol = 1 + gap;
  const labelCol = accountCol + (v.has("accountColumn") ? 1 : 0);
  const historyCol = labelCol + 1 + gap;
  const history = v.has("historyColumn");
  const quarters = v.has("quarters");
  const firstQuarterCol = historyCol + (history ? 1 : 0);
  const firstYearCol = firstQuarterCol + (quarters ? 4 : 0);
  /** The header row of each sheet's years-as-columns table, where the quarters' headers go. */
  const headerRows = new Map<string, number>();
  const yearCol = (i: number) => firstYearCol + i;
  const years = b.years;
  /** What the year before the budget year closed with, in the history column: a tenth more than the budget year. */
  const historyOf = (kr: number) => Math.round((kr * 11) / 10);

  const yearHeader = (sheet: Sheet, row: number, yearInSheet: boolean): number => {
    // Returns the row of the year headers; a merged group header above it where asked.
    const lastCol = yearCol(years.length - 1) + (v.has("populationBeside") && sheet === membersSheet ? 1 : 0);
    sheet.ws.getColumn(labelCol).width = 44;
    if (v.has("mergedHeaders")) {
      sheet.ws.mergeCells(1 + gap, labelCol, 1 + gap, lastCol);
      sheet.put(row, yearCol(0), "Budget");
      if (years.length > 1) {
        sheet.put(row, yearCol(1), "Plan");
        if (years.length > 2) sheet.ws.mergeCells(row, yearCol(1), row, yearCol(years.length - 1));
      }
      sheet.ws.getRow(row).font = { bold: true };
      row += 1;
    }
    headerRows.set(sheet.ws.name, row);
    if (quarters) {
      for (let k = 0; k < 4; k++) {
        sheet.put(row, firstQuarterCol + k, `Kv ${k + 1}`);
        sheet.ws.getColumn(firstQuarterCol + k).width = 12;
      }
    }
    years.forEach((y, i) => {
      const text =
        y === by && quarters
          ? `Helår ${y}`
          : y === by && yearInSheet
            ? v.has("mergedHeaders")
              ? unitText
              : "Budget"
            : v.has("mergedHeaders")
              ? y
              : `${y === by ? "Budget" : "Plan"} ${y}`;
      sheet.put(row, yearCol(i), text);
      sheet.ws.getColumn(yearCol(i)).width = 16;
    });
    if (v.has("accountColumn")) sheet.put(row, accountCol, "Konto");
    if (history) {
      sheet.put(row, historyCol, v.has("mergedHeaders") ? by - 1 : `Bokslut ${by - 1}`);
      if (v.has("mergedHeaders")) sheet.put(row - 1, historyCol, "Bokslut");
      sheet.ws.getColumn(historyCol).width = 16;
    }
    sheet.ws.getRow(row).font = { bold: true };
    return row;
  };
  /** The history column's amount on a row of the years-as-columns table, where there is one. */
  const putHistory = (sheet: Sheet, r: number, kr: number | undefined, sign = 1) => {
    if (history && kr !== undefined) sheet.put(r, historyCol, num(sign * historyOf(kr)), undefined, fmt);
  };

  let row = 1 + gap;
  const account = (sheet: Sheet, r: number, n: number | undefined) => {
    if (v.has("accountColumn") && n !== undefined) sheet.put(r, accountCol, n);
  };

  // The members' table.
  const memberCell = (key: string, y: number) => `member:${key}:${y}`;
  let mainHeaderRow = 0;
  const renderMembersByColumns = (sheet: Sheet, startRow: number): number => {
    let r = startRow;
    if (sheet !== main) {
      sheet.put(
        r,
        labelCol,
        `Medlemsavgifter ${by}${years.length > 1 ? `–${years[years.length - 1]}` : ""} (${unitPhrase})`,
      );
      r += 2;
    }
    const headerRow = sheet === main ? -1 : yearHeader(sheet, r, yearHidden);
    if (headerRow > 0) r = headerRow + 1 + gap;
    if (v.has("populationBeside"))
      sheet.put(headerRow > 0 ? headerRow : mainHeaderRow, yearCol(years.length), popHeader);
    if (v.has("hiddenSuperseded")) {
      // Last autumn's preliminary split, superseded and hidden: a tenth more than the decided amounts.
      sheet.put(r, labelCol, "Preliminär fördelning (ersatt)");
      sheet.ws.getRow(r).hidden = true;
      r++;
      memberRows.forEach((m) => {
        sheet.put(r, labelCol, `${m.label} (prel.)`);
        const a = m.amounts[by];
        if (a !== undefined) sheet.put(r, yearCol(0), num(historyOf(a)), undefined, fmt);
        sheet.ws.getRow(r).hidden = true;
        r++;
      });
    }
    const firstMember = r;
    memberRows.forEach((m, i) => {
      sheet.put(r, labelCol, m.label, m.kommun ? `label:${m.key}` : undefined);
      putHistory(sheet, r, m.amounts[by]);
      account(sheet, r, 3011 + i);
      years.forEach((y, c) => {
        const a = m.amounts[y];
        if (a !== undefined) sheet.put(r, yearCol(c), maybeText(a), memberCell(m.key, y), fmt);
      });
      if (v.has("populationBeside") && m.kommun)
        sheet.put(
          r,
          yearCol(years.length),
          v.has("textAmounts") ? swedishText(m.kommun.population) : m.kommun.population,
          `pop:${m.key}`,
        );
      r++;
    });
    const lastMember = r - 1;
    if (v.has("totalsRows") && b.kommuner.length > 1) {
      const firstKommun = firstMember + memberRows.length - b.kommuner.length;
      sheet.put(r, labelCol, "Kommunernas andel (25 %)");
      years.forEach((y, c) => {
        const total = b.kommuner.reduce((s, k) => s + k.amounts[y]!, 0);
        const L = colLetter(yearCol(c));
        sheet.put(
          r,
          yearCol(c),
          formulas && !v.has("textAmounts")
            ? { formula: `SUM(${L}${firstKommun}:${L}${lastMember})`, result: num(total) }
            : num(total),
          `kommunShareRow:${y}`,
          fmt,
        );
      });
      r++;
    }
    if (sheet !== main && v.has("totalsRows")) {
      sheet.put(r, labelCol, syn ? "Parternas insats" : "Summa medlemsavgifter");
      years.forEach((y, c) => {
        const total = memberAmounts(b, y).reduce((s, a) => s + a, 0);
        const L = colLetter(yearCol(c));
        sheet.put(
          r,
          yearCol(c),
          formulas && !v.has("textAmounts")
            ? { formula: `SUM(${L}${firstMember}:${L}${lastMember})`, result: num(total) }
            : num(total),
          `membersTotal:${y}`,
          fmt,
        );
        const half = stateHalf(b, y);
        if (half !== undefined && total !== 2 * half)
          extraFindings.push({ code: "PARTY_SPLIT", year: y, key: `membersTotal:${y}` });
      });
      r++;
    }
    return r;
  };

  const renderMembersByRows = (sheet: Sheet): void => {
    let r = 1 + gap;
    sheet.put(r, 1 + gap, `Medlemsavgifter per år (${unitPhrase})`);
    r += 2;
    const c0 = 1 + gap;
    sheet.put(r, c0, "År");
    memberRows.forEach((m, i) => {
      sheet.put(r, c0 + 1 + i, m.kommun && syn ? m.kommun.name : m.label, m.kommun ? `label:${m.key}` : undefined);
      sheet.ws.getColumn(c0 + 1 + i).width = 18;
    });
    const totalCol = c0 + 1 + memberRows.length;
    if (v.has("totalsRows")) sheet.put(r, totalCol, "Summa");
    sheet.ws.getRow(r).font = { bold: true };
    r += 1 + gap;
    for (const y of years) {
      sheet.put(r, c0, y);
      memberRows.forEach((m, i) => {
        const a = m.amounts[y];
        if (a !== undefined) sheet.put(r, c0 + 1 + i, maybeText(a), memberCell(m.key, y), fmt);
      });
      if (v.has("totalsRows")) {
        const total = memberAmounts(b, y).reduce((s, a) => s + a, 0);
        sheet.put(
          r,
          totalCol,
          formulas && !v.has("textAmounts")
            ? { formula: `SUM(${colLetter(c0 + 1)}${r}:${colLetter(totalCol - 1)}${r})`, result: num(total) }
            : num(total),
          `membersTotal:${y}`,
          fmt,
        );
        const half = stateHalf(b, y);
        if (half !== undefined && total !== 2 * half)
          extraFindings.push({ code: "PARTY_SPLIT", year: y, key: `membersTotal:${y}` });
      }
      r++;
    }
    if (v.has("populationBeside")) {
      r += gap;
      sheet.put(r, c0, popHeader);
      memberRows.forEach((m, i) => {
        if (m.kommun)
          sheet.put(
            r,
            c0 + 1 + i,
            v.has("textAmounts") ? swedishText(m.kommun.population) : m.kommun.population,
            `pop:${m.key}`,
          );
      });
    }
  };

  // The main sheet: title, headers, income, costs, equity.
  main.put(row, labelCol, title(membersApart ? `Resultatbudget ${yearHidden ? "" : by}`.trim() : "Budget och plan"));
  main.ws.getRow(row).font = { bold: true, size: 13 };
  row += 2;
  const headerRow = yearHeader(main, row, yearHidden);
  mainHeaderRow = headerRow;
  row = headerRow + 1 + gap;
  main.put(row++, labelCol, syn ? "Verksamhetens intäkter" : "Intäkter");
  const incomeRows: number[] = [];
  let membersLineRow: number | undefined;
  if (membersApart) {
    if (v.has("yearsAsRows")) renderMembersByRows(membersSheet);
    else renderMembersByColumns(membersSheet, 1 + gap);
    membersLineRow = row;
    main.put(row, labelCol, "Medlemsavgifter");
    account(main, row, 3010);
    years.forEach((y, c) => {
      const total = memberAmounts(b, y).reduce((s, a) => s + a, 0);
      const totalCell = cells.get(`membersTotal:${y}`);
      main.put(
        row,
        yearCol(c),
        formulas && totalCell
          ? { formula: `${quote(totalCell.sheet)}!${totalCell.cell}`, result: num(total) }
          : num(total),
        `membersLine:${y}`,
        fmt,
      );
    });
    incomeRows.push(row++);
  } else {
    const end = renderMembersByColumns(main, row);
    // The members that count stand last in the block (a hidden superseded block above them is no income).
    const extra = v.has("totalsRows") && b.kommuner.length > 1 ? 1 : 0;
    const first = end - extra - memberRows.length;
    for (let r = first; r < first + memberRows.length; r++) incomeRows.push(r);
    row = end;
  }
  b.otherIncome.forEach((line, i) => {
    main.put(row, labelCol, line.label);
    putHistory(main, row, line.amounts[by]);
    account(main, row, line.account);
    years.forEach((y, c) => {
      if (line.amounts[y] !== undefined) main.put(row, yearCol(c), num(line.amounts[y]!), `income:${i}:${y}`, fmt);
    });
    incomeRows.push(row++);
  });
  let drawdownRow: number | undefined;
  if (b.drawdown) {
    drawdownRow = row;
    main.put(row, labelCol, syn ? "Användning av eget kapital" : "Ianspråktagna egna medel");
    account(main, row, 2989);
    years.forEach((y, c) => {
      if (b.drawdown![y] !== undefined) main.put(row, yearCol(c), num(b.drawdown![y]!), `drawdown:${y}`, fmt);
    });
    row++;
  }
  const income = (y: number) =>
    memberAmounts(b, y).reduce((s, a) => s + a, 0) + b.otherIncome.reduce((s, l) => s + (l.amounts[y] ?? 0), 0);
  const membersText = v.has("textAmounts") && !membersApart;
  if (v.has("totalsRows")) {
    main.put(row, labelCol, syn ? "Summa verksamhetens intäkter" : "Summa intäkter");
    years.forEach((y, c) => {
      const L = colLetter(yearCol(c));
      const total = income(y) + (b.drawdown?.[y] ?? 0);
      const first = incomeRows[0]!;
      const last = drawdownRow ?? incomeRows[incomeRows.length - 1]!;
      main.put(
        row,
        yearCol(c),
        formulas && !membersText ? { formula: `SUM(${L}${first}:${L}${last})`, result: num(total) } : num(total),
        `incomeTotal:${y}`,
        fmt,
      );
    });
    row++;
  }
  row += 1 + gap;

  // Costs.
  main.put(row++, labelCol, syn ? "Verksamhetens kostnader" : "Kostnader");
  const groupTotalRows: number[] = [];
  const costRows: number[] = [];
  let costIndex = 0;
  b.costGroups.forEach((g, gi) => {
    if (v.has("subtotals") || b.costGroups.length > 1) main.put(row++, labelCol, g.name);
    const first = row;
    for (const line of g.lines) {
      main.put(row, labelCol, line.label);
      putHistory(main, row, line.amounts[by], costSign);
      account(main, row, line.account);
      years.forEach((y, c) => {
        if (line.amounts[y] !== undefined)
          main.put(row, yearCol(c), num(costSign * line.amounts[y]!), `cost:${costIndex}:${y}`, fmt);
      });
      costRows.push(row++);
      costIndex++;
    }
    if (v.has("subtotals")) {
      main.put(row, labelCol, `Summa ${g.name.toLowerCase()}`);
      years.forEach((y, c) => {
        const L = colLetter(yearCol(c));
        const total = g.lines.reduce((s, l) => s + (l.amounts[y] ?? 0), 0);
        main.put(
          row,
          yearCol(c),
          formulas
            ? { formula: `SUM(${L}${first}:${L}${row - 1})`, result: num(costSign * total) }
            : num(costSign * total),
          `subtotal:${gi}:${y}`,
          fmt,
        );
      });
      groupTotalRows.push(row++);
    }
  });
  const costsOf = (y: number) => costLines(b).reduce((s, l) => s + (l.amounts[y] ?? 0), 0);
  let costTotalRow: number | undefined;
  if (v.has("totalsRows")) {
    costTotalRow = row;
    main.put(row, labelCol, syn ? "Summa verksamhetens kostnader" : "Summa kostnader");
    years.forEach((y, c) => {
      const L = colLetter(yearCol(c));
      const parts = v.has("subtotals")
        ? groupTotalRows.map((r) => `${L}${r}`).join("+")
        : `SUM(${L}${costRows[0]}:${L}${costRows[costRows.length - 1]})`;
      main.put(
        row,
        yearCol(c),
        formulas ? { formula: parts, result: num(costSign * costsOf(y)) } : num(costSign * costsOf(y)),
        `costTotal:${y}`,
        fmt,
      );
    });
    row++;
  }
  row += 1 + gap;

  // Result and equity.
  const prev = by - 1;
  if (v.has("totalsRows")) {
    const resultRow = row;
    main.put(row, labelCol, syn ? "Resultat" : "Årets resultat");
    years.forEach((y, c) => {
      const L = colLetter(yearCol(c));
      const result = income(y) - costsOf(y);
      const incomeRef =
        membersLineRow !== undefined || !membersText ? incomeRows.map((r) => `${L}${r}`).join("+") : undefined;
      const costRef = costTotalRow ? `${L}${costTotalRow}` : undefined;
      const formula = incomeRef && costRef ? `${incomeRef}${costSign < 0 ? "+" : "-"}${costRef}` : undefined;
      main.put(
        row,
        yearCol(c),
        formulas && formula ? { formula, result: num(result) } : num(result),
        `result:${y}`,
        fmt,
      );
    });
    row++;
    const openingRow = row;
    const closingRow = row + 1;
    main.put(openingRow, labelCol, syn ? "Eget kapital vid årets början" : "Ingående eget kapital");
    main.put(closingRow, labelCol, syn ? "Eget kapital vid årets slut" : "Utgående eget kapital");
    // The year before closed with what opens the budget year.
    if (history) main.put(closingRow, historyCol, num(b.openingEquity), undefined, fmt);
    let opening = b.openingEquity;
    years.forEach((y, c) => {
      const L = colLetter(yearCol(c));
      const closing = opening + income(y) - costsOf(y);
      if (c === 0) main.put(openingRow, yearCol(c), maybeText(opening), "equity:opening", fmt);
      else
        main.put(
          openingRow,
          yearCol(c),
          formulas ? { formula: `${colLetter(yearCol(c - 1))}${closingRow}`, result: num(opening) } : num(opening),
          `opening:${y}`,
          fmt,
        );
      const openingIsText = c === 0 && v.has("textAmounts");
      main.put(
        closingRow,
        yearCol(c),
        formulas && !openingIsText
          ? { formula: `${L}${openingRow}+${L}${resultRow}`, result: num(closing) }
          : num(closing),
        `closing:${y}`,
        fmt,
      );
      opening = closing;
    });
    row = closingRow + 1;
  } else {
    main.put(row, labelCol, syn ? `Ingående eget kapital ${by}-01-01` : `Eget kapital ${prev}-12-31`);
    main.put(row, yearCol(0), maybeText(b.openingEquity), "equity:opening", fmt);
    row++;
  }
  if (b.equityTarget) {
    row += 1;
    main.put(row, labelCol, "Mål för eget kapital");
    main.put(row, yearCol(0), b.equityTarget.text, "equityTarget");
  }

  // Population, unless it stands beside the members.
  if (!v.has("populationBeside") && b.kommuner.length > 1) {
    const pop = new Sheet(wb.addWorksheet(split ? "Invånare" : "Befolkning"), cells);
    pop.ws.getColumn(1).width = 24;
    pop.ws.getColumn(2).width = 22;
    pop.put(1, 1, "Kommun");
    pop.put(1, 2, split ? popHeader : `Invånare ${b.populationDate}`);
    pop.ws.getRow(1).font = { bold: true };
    b.kommuner.forEach((k, i) => {
      pop.put(2 + i, 1, split ? popLabel(k) : k.name);
      pop.put(2 + i, 2, v.has("textAmounts") ? swedishText(k.population) : k.population, `pop:${k.name}`);
    });
    const total = b.kommuner.reduce((s, k) => s + k.population, 0);
    const last = 1 + b.kommuner.length;
    pop.put(last + 1, 1, "Summa");
    pop.put(last + 1, 2, formulas && !v.has("textAmounts") ? { formula: `SUM(B2:B${last})`, result: total } : total);
  }
  if (quarters) splitIntoQuarters(wb, cells, by, headerRows, yearCol(0), firstQuarterCol, unit, formulas);
  if (v.has("secondForbund")) renderSecondForbund(wb, by, b.populationDate);
  return { workbook: wb, cells, unit, extraFindings };
}

/**
 * Norrbotten's budget for the same year (invented, sound: T 4 000 000 kr, the
 * kommuner's quarter by population to the krona), its population beside it:
 * other kommuner, so another förbund.
 */
function renderSecondForbund(wb: ExcelJS.Workbook, year: number, populationDate: string): void {
  const ws = wb.addWorksheet("Norrbotten");
  const rows: (string | number | null)[][] = [
    ["Samordningsförbundet Norrbotten Norr (kr)"],
    [],
    [null, `Budget ${year}`, null, `Invånare ${populationDate}`, null],
    ["Intäkter"],
    ["Försäkringskassan", 1_000_000, null, "Kiruna", 22_000],
    ["Arbetsförmedlingen", 1_000_000, null, "Gällivare", 18_000],
    ["Region Norrbotten", 1_000_000],
    ["Kiruna kommun", 550_000],
    ["Gällivare kommun", 450_000],
    ["Kostnader"],
    ["Insatser", 3_600_000],
    ["Kansli", 400_000],
    ["Eget kapital vid årets början", 500_000],
  ];
  rows.forEach((r) => ws.addRow(r));
}

/**
 * The budget year's members, income, drawdown and cost lines split into four
 * quarters left of their year total (the last quarter takes what does not
 * divide), the total a SUM of them where the rendering writes formulas.
 */
function splitIntoQuarters(
  wb: ExcelJS.Workbook,
  cells: ReadonlyMap<string, RenderedCell>,
  budgetYear: number,
  headerRows: ReadonlyMap<string, number>,
  totalCol: number,
  firstQuarterCol: number,
  unit: LayoutUnit,
  formulas: boolean,
): void {
  for (const [key, at] of cells) {
    if (!/^(member|income|drawdown|cost):/.test(key) || !key.endsWith(`:${budgetYear}`)) continue;
    if (!headerRows.has(at.sheet)) continue;
    const ws = wb.getWorksheet(at.sheet)!;
    const cell = ws.getCell(at.cell);
    if (Number(cell.col) !== totalCol || typeof cell.value !== "number") continue;
    const kr = new D(cell.value).times(FACTOR[unit]);
    const quarter = kr.dividedBy(4).floor();
    const parts = [quarter, quarter, quarter, kr.minus(quarter.times(3))].map((q) =>
      q.dividedBy(FACTOR[unit]).toNumber(),
    );
    parts.forEach((q, k) => {
      const c = ws.getCell(Number(cell.row), firstQuarterCol + k);
      c.value = q;
      c.numFmt = cell.numFmt;
    });
    // ExcelJS writes no cached value for a formula whose result is 0, so a 0 stays a number.
    if (formulas && cell.value !== 0) {
      const range = `${colLetter(firstQuarterCol)}${cell.row}:${colLetter(firstQuarterCol + 3)}${cell.row}`;
      cell.value = { formula: `SUM(${range})`, result: cell.value };
    }
  }
}
