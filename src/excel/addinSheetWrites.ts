/**
 * The plan's sheets of the add-in's (Finsam-kontroll, and a board sheet and Finsam-uppföljning where the
 * plan has them) in applyPlan: which they are, that they may be written, what they held before (for
 * undo), and their writes with how each prints. Each sheet is read and written by addinSheet.ts.
 */
import type { PageSetup } from "../plan/pageSetup";
import type { WritePlan } from "../plan/types";
import { CONTROL_SHEET } from "../read/addinSheets";
import { WorkbookError } from "../app/workbookPort";
import { type AddinChart, type AddinSheet, queueSheetRead, queueSheetWrite, type SheetRead } from "./addinSheet";
import type { Structure } from "./cellState";
import { MESSAGES, protectedSheet } from "./errors";
import { queuePageLayout } from "./pageLayout";
import type { AddinSheetUndo } from "./undoJournal";

/** The plan's sheets, Finsam-kontroll first, then the others written like it (a board sheet, Finsam-uppföljning). */
export function addinSheetsOf(plan: WritePlan): AddinSheet[] {
  const others = [plan.boardSheet, plan.followUpSheet].filter(
    (s): s is NonNullable<typeof s> => !!s && s.name !== CONTROL_SHEET && Array.isArray(s.cells),
  );
  return [plan.controlSheet, ...others];
}

/** How each of the plan's sheets prints, by name. */
export function pageSetupsOf(plan: WritePlan): Map<string, PageSetup> {
  const pages = new Map<string, PageSetup>([[plan.controlSheet.name, plan.controlSheet.pageSetup]]);
  for (const sheet of [plan.boardSheet, plan.followUpSheet])
    if (sheet?.pageSetup) pages.set(sheet.name, sheet.pageSetup);
  return pages;
}

/** A sheet to be added needs a workbook whose structure is not protected. */
export function requireCreatable(structure: Structure, sheets: readonly AddinSheet[]): void {
  const creates = sheets.filter((s) => !structure.sheets.has(s.name));
  if (creates.length > 0 && structure.workbookProtected) {
    throw new WorkbookError("PROTECTED_SHEET", MESSAGES.workbookProtected);
  }
}

/** A sheet that stands must not be protected. */
export function requireUnprotected(structure: Structure, sheets: readonly AddinSheet[]): void {
  for (const s of sheets) {
    if (structure.sheets.get(s.name)?.protected) throw protectedSheet(s.name);
  }
}

/** Queues the read of each sheet that stands, with the chart the add-in put there (from the flag record). */
export function queueSheetReads(
  context: Excel.RequestContext,
  present: { has(name: string): boolean },
  sheets: readonly AddinSheet[],
  charts: () => Readonly<Record<string, AddinChart>> | undefined,
): Map<string, SheetRead> {
  return new Map(
    sheets
      .filter((s) => present.has(s.name))
      .map((s) => [s.name, queueSheetRead(context, s.name, () => charts()?.[s.name])]),
  );
}

/** For the undo entry: each sheet as it was (and how it printed, where this port set it), and as written. */
export function sheetsUndo(
  sheets: readonly AddinSheet[],
  reads: ReadonlyMap<string, SheetRead>,
  pagesWritten: ReadonlyMap<string, PageSetup>,
): AddinSheetUndo[] {
  return sheets.map((s) => {
    const page = pagesWritten.get(s.name);
    return {
      before: reads.get(s.name)?.snapshot() ?? { name: s.name, existed: false },
      written: s,
      ...(page ? { page } : {}),
    };
  });
}

/** Queues each sheet's write and its page layout. */
export function queueSheetWrites(
  context: Excel.RequestContext,
  sheets: readonly AddinSheet[],
  reads: ReadonlyMap<string, SheetRead>,
  pages: ReadonlyMap<string, PageSetup>,
): void {
  for (const s of sheets) {
    queueSheetWrite(context, s, reads.get(s.name));
    const page = pages.get(s.name);
    if (page) queuePageLayout(context.workbook.worksheets.getItem(s.name), page);
  }
}

/** The charts on the plan's sheets, for the flag record; undefined where none has one. */
export function chartsOf(sheets: readonly AddinSheet[]): Record<string, AddinChart> | undefined {
  const charts = Object.fromEntries(sheets.filter((s) => s.chart).map((s) => [s.name, s.chart!]));
  return Object.keys(charts).length > 0 ? charts : undefined;
}
