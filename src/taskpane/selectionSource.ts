import type { WorkbookPort } from "../app/workbookPort";

/**
 * What "Använd markerade celler" needs: the user's current selection. Not part of every
 * WorkbookPort (a file has no selection); the Excel port implements it (selectedRange via
 * Office.js), and the pane offers the button only where a port has it.
 */
export interface SelectionSource {
  /** The selected range: its sheet and address ("B2:B5"). */
  selectedRange(): Promise<{ readonly sheet: string; readonly address: string }>;
}

export function selectionSourceOf(port: WorkbookPort | undefined): SelectionSource | undefined {
  const candidate = port as (WorkbookPort & Partial<SelectionSource>) | undefined;
  return typeof candidate?.selectedRange === "function" ? (candidate as unknown as SelectionSource) : undefined;
}
