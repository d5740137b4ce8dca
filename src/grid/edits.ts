/**
 * What the user asked to change in the workbook, addressed as the Grid addresses a cell: the write-side
 * mirror of a cell in the snapshot. The memory (settings), the computed shares and the follow-up's
 * forecasts are written as these; the shells apply them as one undoable step.
 */

/** One cell the user asked the add-in to change, on any sheet. */
export interface CellEdit {
  readonly sheet: string;
  readonly cell: string;
  readonly value?: string | number;
  /** "=…" */
  readonly formula?: string;
  readonly numberFormat?: string;
}

/** How a sheet the edits create is laid out. A sheet that already stands keeps the user's layout. */
export interface NewSheetLayout {
  readonly sheet: string;
  /** Column widths in characters (Excel's unit), from column A. */
  readonly columnWidths: readonly number[];
  /** Cells whose text wraps within its column, from the top, so that a long text prints on the page, not across pages. */
  readonly wrapped?: readonly string[];
}

/** Edits the user asked for: cells, sheets to create if missing (laid out so), and defined names to set. */
export interface WorkbookEdits {
  readonly cells: readonly CellEdit[];
  readonly sheets?: readonly string[];
  readonly layouts?: readonly NewSheetLayout[];
  readonly names?: readonly { readonly name: string; readonly ref: string }[];
}
