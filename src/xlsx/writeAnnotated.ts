import ExcelJS from "exceljs";
import type { PageSetup } from "../plan/pageSetup";
import type { CellWrite, WritePlan } from "../plan/types";
import { changePackage, type PackageChanges } from "./package/changes";

/**
 * Applies a WritePlan to a copy of the workbook: fills and notes on the user's cells, and the add-in's
 * sheets of live formulas with their charts. The copy is the file's own package with only those parts
 * changed (package/changes.ts), so everything else of the user's is kept as the file has it. The source
 * is never changed; a note the user already had is kept, ours follows it.
 */
export async function writeAnnotated(
  source: ArrayBuffer | Uint8Array,
  plan: WritePlan,
  options: { cachedResults?: boolean } = {},
): Promise<Uint8Array> {
  const bytes = source instanceof Uint8Array ? source : new Uint8Array(source);
  return changePackage(bytes, await planChanges(plan, options.cachedResults ?? true));
}

/**
 * What a plan changes in a package: the flags' cells (a fill each, and on a flag's first cell its note,
 * after the user's own), the add-in's sheets as ExcelJS writes them, and their charts. With cachedResults,
 * each formula carries the engine's number as its cached result, so a viewer that does not recalculate
 * still shows it; without, the numbers come only from the spreadsheet engine (the tests use that).
 */
export async function planChanges(plan: WritePlan, cachedResults: boolean): Promise<PackageChanges> {
  const sheets = [plan.controlSheet, plan.boardSheet, plan.followUpSheet].filter((s) => s !== undefined);
  const own = new ExcelJS.Workbook();
  for (const sheet of sheets) writeSheet(own, sheet, cachedResults);
  return {
    cells: plan.flags.flatMap((flag) =>
      flag.cells.map((write) => ({
        sheet: flag.sheet,
        cell: write.cell,
        fill: write.fill,
        ...(write.note !== undefined ? { addinNote: write.note } : {}),
      })),
    ),
    ownSheets: {
      bytes: new Uint8Array((await own.xlsx.writeBuffer()) as ArrayBuffer),
      names: sheets.map((s) => s.name),
    },
    charts: [plan.boardSheet, plan.followUpSheet].flatMap((s) => (s ? [{ sheet: s.name, chart: s.chart }] : [])),
  };
}

/** Adds a sheet of the add-in's with its cells: values, live formulas, formats. */
function writeSheet(
  workbook: ExcelJS.Workbook,
  plan: {
    readonly name: string;
    readonly cells: readonly CellWrite[];
    readonly columnWidths: readonly number[];
    readonly pageSetup: PageSetup;
  },
  cachedResults: boolean,
): void {
  const sheet = workbook.addWorksheet(plan.name);
  applyPageSetup(sheet, plan.pageSetup);
  plan.columnWidths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  for (const write of plan.cells) {
    const cell = sheet.getCell(write.cell);
    if (write.formula !== undefined) {
      cell.value = {
        formula: write.formula.replace(/^=/, ""),
        ...(cachedResults && write.expected !== undefined ? { result: write.expected } : {}),
      } as ExcelJS.CellFormulaValue;
    } else if (write.value !== undefined) {
      cell.value = write.value;
    }
    if (write.numberFormat || write.bold || write.fill) {
      cell.style = {
        ...cell.style,
        ...(write.numberFormat ? { numFmt: write.numberFormat } : {}),
        // A font of its own replaces the default one: name it, or a viewer falls back to its own.
        ...(write.bold ? { font: { name: "Calibri", family: 2, size: 11, bold: true } } : {}),
        ...(write.fill ? { fill: { type: "pattern", pattern: "solid", fgColor: { argb: `FF${write.fill}` } } } : {}),
      };
    }
  }
}

/** ExcelJS's paperSize for A4 (the OOXML paper code). */
const A4 = 9;

/** The plan's page setup as ExcelJS writes it: <pageSetup>, <pageMargins>, <printOptions>, <headerFooter> and the print titles. */
export function applyPageSetup(sheet: ExcelJS.Worksheet, page: PageSetup): void {
  const inches = (points: number) => points / 72;
  sheet.pageSetup = {
    ...sheet.pageSetup,
    orientation: page.orientation,
    paperSize: A4,
    fitToPage: true,
    fitToWidth: page.fitToPagesWide,
    // 0: as many pages tall as the rows need.
    fitToHeight: page.fitToPagesTall ?? 0,
    horizontalCentered: page.centerHorizontally,
    margins: {
      top: inches(page.margins.top),
      bottom: inches(page.margins.bottom),
      left: inches(page.margins.left),
      right: inches(page.margins.right),
      header: inches(page.margins.header),
      footer: inches(page.margins.footer),
    },
    ...(page.firstPageNumber !== undefined ? { firstPageNumber: page.firstPageNumber } : {}),
    ...(page.titleRows ? { printTitlesRow: `${page.titleRows.first}:${page.titleRows.last}` } : {}),
  };
  const header = headerFooterCodes(page.header);
  const footer = headerFooterCodes(page.footer);
  if (header) sheet.headerFooter.oddHeader = header;
  if (footer) sheet.headerFooter.oddFooter = footer;
}

/** "&L…&C…&R…": the three parts of a header or footer in one string, as the .xlsx keeps it. */
function headerFooterCodes(text: PageSetup["header"]): string | undefined {
  if (!text) return undefined;
  const parts = [
    text.left ? `&L${text.left}` : "",
    text.center ? `&C${text.center}` : "",
    text.right ? `&R${text.right}` : "",
  ].join("");
  return parts || undefined;
}
