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
  // Set whole: "use x.zoom = {...} instead of x.zoom.scale = ..." (Excel.PageLayout, zoom). Each count is a
  // "Number of pages to fit"; as many pages tall as the rows need is the count left out, since the file
  // format's 0 for it is not documented for Office.js
  // (https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions).
  layout.zoom = {
    horizontalFitToPages: page.fitToPagesWide,
    ...(page.fitToPagesTall !== undefined ? { verticalFitToPages: page.fitToPagesTall } : {}),
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
