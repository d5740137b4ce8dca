/* global Office */
import type { PortCapabilities } from "../app/workbookPort";

/** The lowest ExcelApi minor version the add-in needs (manifest.xml: <Set Name="ExcelApi" MinVersion="1.7"/>). */
export const REQUIRED_EXCEL_API = 7;

/**
 * What this Excel can do, found at run time with isSetSupported, so one
 * add-in serves every Excel from the manifest's minimum up and uses the
 * newer APIs where they exist:
 * - 1.7: the minimum (NamedItem.formula, Worksheet.onChanged, sheet protection);
 * - 1.9: fill patterns (so a fill is restored exactly), getCellProperties, workbook-wide onChanged,
 *   worksheet.pageLayout (how the add-in's sheets print);
 * - 1.10: comments, where notes are missing;
 * - 1.13: merged areas;
 * - 1.18: notes;
 * - 1.20: Excel.run({ mergeUndoGroup: true }): a command is one step of Excel's own undo.
 */
export interface ExcelCapabilities extends PortCapabilities {
  /** The highest ExcelApi minor version supported (1.x), 0 when not even the minimum is. */
  readonly apiVersion: number;
  /** At least the manifest's minimum (ExcelApi 1.7). */
  readonly supported: boolean;
  readonly fillPattern: boolean;
  readonly cellProperties: boolean;
  readonly workbookChangeEvent: boolean;
  readonly mergedAreas: boolean;
  /** worksheet.pageLayout: orientation, fit to pages, print titles, headers and footers. */
  readonly pageLayout: boolean;
}

/** The newest ExcelApi minor version the add-in knows of; nothing beyond it changes what it does. */
const NEWEST_KNOWN = 20;

/** Capabilities from a test of "ExcelApi" versions: pure, so it is tested without Office. */
export function capabilitiesFor(isSupported: (version: string) => boolean): ExcelCapabilities {
  let apiVersion = 0;
  for (let minor = 1; minor <= NEWEST_KNOWN; minor++) {
    if (!isSupported(`1.${minor}`)) break;
    apiVersion = minor;
  }
  const at = (minor: number) => apiVersion >= minor;
  return {
    host: "excel",
    apiVersion,
    supported: at(REQUIRED_EXCEL_API),
    annotations: at(18) ? "note" : at(10) ? "comment" : "none",
    nativeUndo: at(20),
    goToCell: at(REQUIRED_EXCEL_API),
    liveChanges: at(REQUIRED_EXCEL_API),
    fillPattern: at(9),
    cellProperties: at(9),
    workbookChangeEvent: at(9),
    mergedAreas: at(13),
    pageLayout: at(9),
  };
}

/** The running Excel's capabilities (Office.context.requirements.isSetSupported); none outside Office. */
export function detectCapabilities(): ExcelCapabilities {
  if (typeof Office === "undefined" || !Office.context?.requirements) return capabilitiesFor(() => false);
  return capabilitiesFor((version) => Office.context.requirements.isSetSupported("ExcelApi", version));
}
