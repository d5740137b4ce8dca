/**
 * The add-in's own sheets (Finsam-kontroll, and a board sheet where the plan
 * has one): written whole in a few range writes, read back whole for undo.
 * An existing sheet is updated in place (cleared, then written): deleting and
 * re-creating it would break Excel's undo group, since Worksheet.delete has no
 * undo support ("Unsupported APIs",
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities),
 * and it would lose what the user set on the sheet. Its previous content,
 * and the chart the add-in put there (kept in the flag store), is all that
 * undo needs to put back.
 */
import { columnLetters, parseAddress } from "../grid";
import type { CellWrite } from "../plan/types";
import { asEntered } from "./asEntered";

/** A sheet the add-in writes whole: the control sheet, or another of the same shape. */
export interface AddinSheet {
  readonly name: string;
  readonly cells: readonly CellWrite[];
  /** In characters, as on the .xlsx side. */
  readonly columnWidths: readonly number[];
  /** The board sheet's line chart, or the follow-up's bars: its data block and where it stands (0-based cells). */
  readonly chart?: {
    /** "line" (the default): a series a row; "bar": clustered columns, a series a column. */
    readonly kind?: "line" | "bar";
    readonly title: string;
    readonly source: string;
    readonly from: { readonly column: number; readonly row: number };
    readonly to: { readonly column: number; readonly row: number };
  };
}

/** A chart the add-in put on one of its sheets, as it asked for it. */
export type AddinChart = NonNullable<AddinSheet["chart"]>;

/** What one of those sheets held before a write. */
export type SheetSnapshot =
  | { readonly name: string; readonly existed: false }
  | {
      readonly name: string;
      readonly existed: true;
      /** The add-in's chart that stood on the sheet, to put back with it. */
      readonly chart?: AddinChart;
      /** The used range, "A1:I80"; undefined when the sheet was empty. */
      readonly address?: string;
      readonly formulas?: unknown[][];
      readonly numberFormat?: unknown[][];
      /** Per cell (Range.getCellProperties). */
      readonly bold?: boolean[][];
      /** Per cell, "#FFC7CE" where a finding's fill stood (Range.getCellProperties). */
      readonly fill?: (string | undefined)[][];
      /** Column widths in points, A onwards. */
      readonly columnWidths: number[];
    };

/** Columns whose widths are kept and restored. */
const WIDTH_COLUMNS = 16;

/** Excel's column width in points for a width in characters (Calibri 11: 7 px a character, 5 px padding). */
export function pointsForCharacters(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** An existing add-in sheet as read before a write: its snapshot, and how to clear it for the write. */
export interface SheetRead {
  readonly snapshot: () => SheetSnapshot;
  /** Queues emptying the sheet in place: cells, formats, conditional formats and charts. */
  readonly queueClear: () => void;
}

/** Queues the loads of an existing add-in sheet; after the sync, its snapshot and its clearing. */
export function queueSheetRead(
  context: Excel.RequestContext,
  name: string,
  chartOf: () => AddinChart | undefined,
): SheetRead {
  const ws = context.workbook.worksheets.getItem(name);
  const charts = ws.charts.load("items/name");
  const used = ws.getUsedRange().load("address,formulas,numberFormat");
  const props = used.getCellProperties({ format: { font: { bold: true }, fill: { color: true } } });
  const widths = Array.from({ length: WIDTH_COLUMNS }, (_, i) =>
    ws.getRange(`${columnLetters(i + 1)}:${columnLetters(i + 1)}`).format.load("columnWidth"),
  );
  const snapshot = (): SheetSnapshot => {
    const chart = chartOf();
    const local = used.address.slice(used.address.lastIndexOf("!") + 1);
    const formulas = used.formulas as unknown[][];
    const empty = local === "A1" && (formulas[0]?.[0] ?? "") === "";
    return {
      name,
      existed: true,
      ...(chart && charts.items.length > 0 ? { chart } : {}),
      ...(empty
        ? {}
        : {
            address: local,
            formulas,
            numberFormat: used.numberFormat as unknown[][],
            bold: props.value.map((row) => row.map((c) => c.format?.font?.bold === true)),
            fill: props.value.map((row) => row.map((c) => filled(c.format?.fill?.color))),
          }),
      columnWidths: widths.map((w) => w.columnWidth),
    };
  };
  return { snapshot, queueClear: () => queueClearSheet(ws, charts.items) };
}

/** A cell's fill colour as Excel gives it, or undefined for none (white, Excel's "no fill"). */
function filled(color: string | undefined): string | undefined {
  return color && color.toUpperCase() !== "#FFFFFF" ? color : undefined;
}

/** Empties a sheet in place, with calls that Excel can undo (Range.clear, clearAll, Chart.delete). */
function queueClearSheet(ws: Excel.Worksheet, charts: readonly Excel.Chart[]): void {
  const all = ws.getRange();
  all.conditionalFormats.clearAll();
  all.clear();
  for (const chart of charts) chart.delete();
}

/**
 * Puts an add-in sheet back as it was, in place: `current` is the sheet as it stands now (read in the
 * same restore), cleared first; a sheet that did not exist before is left for the caller to remove.
 */
export function queueSheetRestore(
  context: Excel.RequestContext,
  snapshot: SheetSnapshot,
  current: SheetRead | undefined,
): void {
  if (!snapshot.existed) return;
  current?.queueClear();
  const ws = current
    ? context.workbook.worksheets.getItem(snapshot.name)
    : context.workbook.worksheets.add(snapshot.name);
  snapshot.columnWidths.forEach((width, i) => {
    ws.getRange(`${columnLetters(i + 1)}:${columnLetters(i + 1)}`).format.columnWidth = width;
  });
  if (snapshot.address && snapshot.formulas && snapshot.numberFormat) {
    const range = ws.getRange(snapshot.address);
    range.numberFormat = snapshot.numberFormat;
    range.formulas = snapshot.formulas.map((row) =>
      row.map((f) => (typeof f === "string" && f.startsWith("=") ? f : asEntered(f))),
    );
    const start = parseAddress(snapshot.address.split(":")[0]!)!;
    if (snapshot.bold) queueBoldRuns(ws, snapshot.bold, start.row, start.column);
    snapshot.fill?.forEach((row, i) =>
      row.forEach((color, j) => {
        if (color) ws.getRange(`${columnLetters(start.column + j)}${start.row + i}`).format.fill.color = color;
      }),
    );
    queueConditionalFormats(ws, snapshot.formulas, start.row, start.column);
  }
  if (snapshot.chart) queueChart(ws, snapshot.chart);
}

/** Queues writing a whole add-in sheet: into the existing one, cleared in place, or into a new one. */
export function queueSheetWrite(
  context: Excel.RequestContext,
  sheet: AddinSheet,
  existing: SheetRead | undefined,
): void {
  existing?.queueClear();
  const ws = existing ? context.workbook.worksheets.getItem(sheet.name) : context.workbook.worksheets.add(sheet.name);
  let rows = 0;
  let columns = 0;
  const placed = sheet.cells.map((c) => {
    const at = parseAddress(c.cell)!;
    rows = Math.max(rows, at.row);
    columns = Math.max(columns, at.column);
    return { at, c };
  });
  sheet.columnWidths.forEach((width, i) => {
    ws.getRange(`${columnLetters(i + 1)}:${columnLetters(i + 1)}`).format.columnWidth = pointsForCharacters(width);
  });
  if (rows === 0) return;
  const formulas: unknown[][] = Array.from({ length: rows }, () => new Array<unknown>(columns).fill(""));
  const formats: string[][] = Array.from({ length: rows }, () => new Array<string>(columns).fill("General"));
  const bold: boolean[][] = Array.from({ length: rows }, () => new Array<boolean>(columns).fill(false));
  for (const { at, c } of placed) {
    const i = at.row - 1;
    const j = at.column - 1;
    formulas[i]![j] = c.formula ?? (c.value === undefined ? "" : asEntered(c.value));
    if (c.numberFormat) formats[i]![j] = c.numberFormat;
    if (c.bold) bold[i]![j] = true;
  }
  // Two range writes for every cell: formats first, so each number lands formatted.
  const range = ws.getRange(`A1:${columnLetters(columns)}${rows}`);
  range.numberFormat = formats;
  range.formulas = formulas;
  queueBoldRuns(ws, bold, 1, 1);
  for (const { c } of placed) if (c.fill) ws.getRange(c.cell).format.fill.color = `#${c.fill}`;
  queueConditionalFormats(ws, formulas, 1, 1);
  if (sheet.chart) queueChart(ws, sheet.chart);
}

/**
 * A chart of the block (ExcelApi 1.1): lines, one series a row and the years along the axis; or
 * clustered columns, one series a column and the budget lines along the axis.
 */
function queueChart(ws: Excel.Worksheet, chart: NonNullable<AddinSheet["chart"]>): void {
  const added =
    chart.kind === "bar"
      ? ws.charts.add("ColumnClustered", ws.getRange(chart.source), "Columns")
      : ws.charts.add("Line", ws.getRange(chart.source), "Rows");
  added.title.text = chart.title;
  added.legend.position = "Bottom";
  added.setPosition(
    `${columnLetters(chart.from.column + 1)}${chart.from.row + 1}`,
    `${columnLetters(chart.to.column + 1)}${chart.to.row + 1}`,
  );
}

/** Bold cells, one write per run of neighbouring bold cells in a row. */
function queueBoldRuns(ws: Excel.Worksheet, bold: readonly (readonly boolean[])[], top: number, left: number): void {
  bold.forEach((row, i) => {
    let j = 0;
    while (j < row.length) {
      if (!row[j]) {
        j++;
        continue;
      }
      const from = j;
      while (j < row.length && row[j]) j++;
      const a = `${columnLetters(left + from)}${top + i}`;
      const b = `${columnLetters(left + j - 1)}${top + i}`;
      ws.getRange(a === b ? a : `${a}:${b}`).format.font.bold = true;
    }
  });
}

/** A live flag on the add-in's sheet: a range and its rule. */
export interface LiveRule {
  readonly range: string;
  readonly kind: "negative" | "nonZero" | "aboveNext";
}

const RED = { fill: "#FFC7CE", font: "#9C0006" };
const YELLOW = { fill: "#FFEB9C", font: "#9C5700" };

/**
 * Where a flag can stay live on its own, read off the sheet's labels:
 * a negative closing equity (red), a closing equity above the recommended
 * maximum on the next row (yellow), and a "Skillnad" between the sheet's
 * amount and the computed share that is not zero (yellow).
 */
export function liveRules(formulas: readonly (readonly unknown[])[], top = 1, left = 1): LiveRule[] {
  const rules: LiveRule[] = [];
  const label = (i: number) => (left === 1 ? String(formulas[i]?.[0] ?? "") : "");
  const isFormula = (v: unknown) => typeof v === "string" && v.startsWith("=");
  const runOf = (i: number, from: number) => {
    const row = formulas[i] ?? [];
    let last = from;
    while (last + 1 < row.length && isFormula(row[last + 1])) last++;
    return `${columnLetters(left + from)}${top + i}:${columnLetters(left + last)}${top + i}`;
  };
  formulas.forEach((row, i) => {
    if (label(i).startsWith("Utgående eget kapital") && isFormula(row[1])) {
      rules.push({ range: runOf(i, 1), kind: "negative" });
      if (label(i + 1).startsWith("Högsta rekommenderade")) rules.push({ range: runOf(i, 1), kind: "aboveNext" });
    }
    const j = row.findIndex((v) => v === "Skillnad");
    if (j > 0) {
      let last = i;
      while (isFormula(formulas[last + 1]?.[j])) last++;
      if (last > i) {
        const col = columnLetters(left + j);
        rules.push({ range: `${col}${top + i + 1}:${col}${top + last}`, kind: "nonZero" });
      }
    }
  });
  return rules;
}

function queueConditionalFormats(
  ws: Excel.Worksheet,
  formulas: readonly (readonly unknown[])[],
  top: number,
  left: number,
): void {
  for (const rule of liveRules(formulas, top, left)) {
    const range = ws.getRange(rule.range);
    if (rule.kind === "aboveNext") {
      const first = rule.range.split(":")[0]!;
      const below = first.replace(/\d+$/, (r) => String(Number(r) + 1));
      const cf = range.conditionalFormats.add("Custom");
      cf.custom.rule.formula = `=AND(ISNUMBER(${first}),ISNUMBER(${below}),${first}>${below})`;
      cf.custom.format.fill.color = YELLOW.fill;
      cf.custom.format.font.color = YELLOW.font;
      continue;
    }
    const cf = range.conditionalFormats.add("CellValue");
    const colors = rule.kind === "negative" ? RED : YELLOW;
    cf.cellValue.format.fill.color = colors.fill;
    cf.cellValue.format.font.color = colors.font;
    cf.cellValue.rule =
      rule.kind === "negative"
        ? { formula1: "0", operator: "LessThan" }
        : { formula1: "-0.5", formula2: "0.5", operator: "NotBetween" };
  }
}
