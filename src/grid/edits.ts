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

/** Edits the user asked for: cells, sheets to create if missing, and defined names to set. */
export interface WorkbookEdits {
  readonly cells: readonly CellEdit[];
  readonly sheets?: readonly string[];
  readonly names?: readonly { readonly name: string; readonly ref: string }[];
}
