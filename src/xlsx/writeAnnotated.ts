import ExcelJS from "exceljs";
import type { PageSetup } from "../plan/pageSetup";
import { addChart } from "./chartPart";
import { noteText } from "./cellNote";
import { loadWorkbookParts } from "./loadWorkbook";
import { restoreSetAside } from "./restoreSetAside";
import type { SetAside } from "./xlsxParts";
import type { CellWrite, WritePlan } from "../plan/types";
import { joinNote, userPartOf } from "../plan/notes";

/**
 * Applies a WritePlan to a copy of the workbook: fills and notes on the
 * user's cells, and the control sheet of live formulas. The source file is
 * never changed; a note the user already had is kept, ours follows it.
 */
export async function writeAnnotated(
  source: ArrayBuffer | Uint8Array,
  plan: WritePlan,
  options: { cachedResults?: boolean } = {},
): Promise<Uint8Array> {
  const { workbook, setAside } = await loadWorkbookParts(source);
  applyWritePlan(workbook, plan, options.cachedResults ?? true);
  return finishXlsx(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer), plan, setAside);
}

/**
 * What ExcelJS cannot write itself, added to the saved file: the board sheet's and the follow-up's
 * charts, and the user's names, merges and data validations that ExcelJS was not given (loadWorkbook.ts).
 */
export async function finishXlsx(
  bytes: Uint8Array,
  plan: WritePlan | undefined,
  setAside: SetAside,
): Promise<Uint8Array> {
  // The add-in's own sheets are written anew: nothing of an old sheet of that name goes back.
  const own = new Set([plan?.controlSheet.name, plan?.boardSheet?.name, plan?.followUpSheet?.name]);
  let out = await restoreSetAside(bytes, setAside, own);
  for (const sheet of [plan?.boardSheet, plan?.followUpSheet]) {
    if (sheet) out = await addChart(out, sheet.name, sheet.chart);
  }
  return out;
}

/**
 * With cachedResults, each formula carries the engine's number as its cached
 * result, so a viewer that does not recalculate still shows it; without,
 * the numbers come only from the spreadsheet engine (the tests use that).
 */
export function applyWritePlan(workbook: ExcelJS.Workbook, plan: WritePlan, cachedResults = true): void {
  writeFlags(workbook, plan.flags);
  writeSheet(workbook, plan.controlSheet, cachedResults);
  if (plan.boardSheet) writeSheet(workbook, plan.boardSheet, cachedResults);
  if (plan.followUpSheet) writeSheet(workbook, plan.followUpSheet, cachedResults);
}

/**
 * The flags' cells as the plan decided them: each its fill, and on a flag's first cell its note, after
 * the user's own note where the cell has one.
 */
function writeFlags(workbook: ExcelJS.Workbook, flags: WritePlan["flags"]): void {
  for (const flag of flags) {
    const sheet = workbook.getWorksheet(flag.sheet);
    if (!sheet) continue;
    for (const write of flag.cells) {
      const cell = sheet.getCell(write.cell);
      // A loaded cell shares its style object with every cell of the same style: copy before changing.
      cell.style = { ...cell.style, fill: { type: "pattern", pattern: "solid", fgColor: { argb: `FF${write.fill}` } } };
      if (write.note !== undefined) cell.note = joinNote(userPartOf(noteText(cell.note)), write.note);
    }
  }
}

/** Replaces (or adds) a sheet of the add-in's with its cells: values, live formulas, formats. */
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
  const old = workbook.getWorksheet(plan.name);
  if (old) workbook.removeWorksheet(old.id);
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
    if (write.numberFormat || write.bold) {
      cell.style = {
        ...cell.style,
        ...(write.numberFormat ? { numFmt: write.numberFormat } : {}),
        // A font of its own replaces the default one: name it, or a viewer falls back to its own.
        ...(write.bold ? { font: { name: "Calibri", family: 2, size: 11, bold: true } } : {}),
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
