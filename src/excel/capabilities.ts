/* global Office */
import type { PortCapabilities } from "../app/workbookPort";

/**
 * The lowest ExcelApi minor version the add-in runs on (manifest.xml: <Set Name="ExcelApi" MinVersion="1.14"/>):
 * the first whose Excel opens add-ins in WebView2 (Microsoft 365 Version 2108, Office 2021), which the
 * ES2022 bundle and React 19 need; Office will not load the add-in below it. Checked again at run time.
 */
export const REQUIRED_EXCEL_API = 14;

/**
 * What this Excel can do, found at run time with isSetSupported: from the
 * manifest's minimum (1.14) every API the port needs is there; newer sets
 * change what it does:
 * - 1.18: notes (on 1.14–1.17 the flags' messages are comments);
 * - 1.20: Excel.run({ mergeUndoGroup: true }): a command is one step of Excel's own undo.
 */
export interface ExcelCapabilities extends PortCapabilities {
  /** The highest ExcelApi minor version supported (1.x), 0 when not even the minimum is. */
  readonly apiVersion: number;
  /**
   * At least the manifest's minimum (ExcelApi 1.14), and with it everything the port uses below it: fill
   * patterns, cell properties, the workbook-wide change event and worksheet.pageLayout (1.9), comments
   * (1.10), merged areas (1.13). (delayForCellEdit has no requirement set named: asked for everywhere.)
   */
  readonly supported: boolean;
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
  };
}

/** The running Excel's capabilities (Office.context.requirements.isSetSupported); none outside Office. */
export function detectCapabilities(): ExcelCapabilities {
  if (typeof Office === "undefined" || !Office.context?.requirements) return capabilitiesFor(() => false);
  return capabilitiesFor((version) => Office.context.requirements.isSetSupported("ExcelApi", version));
}
