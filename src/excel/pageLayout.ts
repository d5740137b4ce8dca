/**
 * How an add-in sheet prints, in Excel: the WritePlan's page setup through
 * worksheet.pageLayout (ExcelApi 1.9), the same settings the .xlsx shell
 * writes with ExcelJS (below the add-in's minimum, ExcelApi 1.14, so always there).
 */
import type { HeaderFooterText, PageSetup } from "../plan/pageSetup";

/** Queues the page layout of a sheet written in this batch. */
export function queuePageLayout(ws: Excel.Worksheet, page: PageSetup): void {
  const layout = ws.pageLayout;
  layout.orientation = page.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = page.paperSize;
  // Set whole: Office.js ignores a change to one of zoom's fields (x.zoom.scale = …).
  layout.zoom = {
    horizontalFitToPages: page.fitToPagesWide,
    // 0: as many pages tall as the rows need (VBA's FitToPagesTall = False, fitToHeight="0" in the file).
    verticalFitToPages: page.fitToPagesTall ?? 0,
  };
  layout.topMargin = page.margins.top;
  layout.bottomMargin = page.margins.bottom;
  layout.leftMargin = page.margins.left;
  layout.rightMargin = page.margins.right;
  layout.headerMargin = page.margins.header;
  layout.footerMargin = page.margins.footer;
  layout.centerHorizontally = page.centerHorizontally;
  if (page.firstPageNumber !== undefined) layout.firstPageNumber = page.firstPageNumber;
  if (page.titleRows) layout.setPrintTitleRows(`$${page.titleRows.first}:$${page.titleRows.last}`);
  const all = layout.headersFooters.defaultForAllPages;
  setParts(page.header, (left, center, right) => {
    all.leftHeader = left;
    all.centerHeader = center;
    all.rightHeader = right;
  });
  setParts(page.footer, (left, center, right) => {
    all.leftFooter = left;
    all.centerFooter = center;
    all.rightFooter = right;
  });
}

function setParts(
  text: HeaderFooterText | undefined,
  set: (left: string, center: string, right: string) => void,
): void {
  if (text) set(text.left ?? "", text.center ?? "", text.right ?? "");
}
