/**
 * How one of the add-in's sheets prints, as plain data in the WritePlan, so
 * both shells set the same page: ExcelJS's page setup in the .xlsx
 * (src/xlsx/writeAnnotated.ts) and worksheet.pageLayout in Excel
 * (src/excel/pageLayout.ts).
 */
export interface PageSetup {
  readonly orientation: "portrait" | "landscape";
  readonly paperSize: "A4";
  /** Fit to this many pages wide. */
  readonly fitToPagesWide: number;
  /** Fit to this many pages tall; undefined: as many as the rows need. */
  readonly fitToPagesTall?: number;
  /** Rows printed at the top of every page, 1-based and inclusive. */
  readonly titleRows?: { readonly first: number; readonly last: number };
  /** Texts in Excel's header and footer codes (&P the page, &N the pages, && an ampersand). */
  readonly header?: HeaderFooterText;
  readonly footer?: HeaderFooterText;
  /** In points (72 to an inch). */
  readonly margins: {
    readonly top: number;
    readonly bottom: number;
    readonly left: number;
    readonly right: number;
    readonly header: number;
    readonly footer: number;
  };
  readonly centerHorizontally: boolean;
  /** The first page's number, so a sheet counts its own pages from 1 wherever it stands in the workbook. */
  readonly firstPageNumber?: number;
}

export interface HeaderFooterText {
  readonly left?: string;
  readonly center?: string;
  readonly right?: string;
}

/** Narrow margins (1.8 cm top and bottom, 1.3 cm sides), with room for the header and footer. */
const MARGINS: PageSetup["margins"] = { top: 51, bottom: 51, left: 36, right: 36, header: 22, footer: 22 };

/** "Sida 1 av 3": the page and the sheet's pages. */
export const PAGE_OF_PAGES = "Sida &P av &N";

/** Text as it stands in a header or footer: an ampersand is doubled, or it would start a code. */
export function headerText(text: string): string {
  return text.replace(/&/g, "&&");
}

/** The board's basis: one A4 landscape page, its header naming the förbund, the year and the day it was made. */
export function onePageLandscape(header: HeaderFooterText): PageSetup {
  return {
    orientation: "landscape",
    paperSize: "A4",
    fitToPagesWide: 1,
    fitToPagesTall: 1,
    header,
    margins: MARGINS,
    centerHorizontally: true,
  };
}

/** A long sheet: one page wide, portrait, its title rows on every page, "Sida 1 av N" in the footer. */
export function pagesPortrait(titleRows: PageSetup["titleRows"], footerLeft?: string): PageSetup {
  return {
    orientation: "portrait",
    paperSize: "A4",
    fitToPagesWide: 1,
    ...(titleRows ? { titleRows } : {}),
    footer: { ...(footerLeft ? { left: footerLeft } : {}), right: PAGE_OF_PAGES },
    margins: MARGINS,
    centerHorizontally: false,
    firstPageNumber: 1,
  };
}

/** "yyyy-mm-dd" of the date's own calendar day where the code runs (the local day, not UTC's). */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
