import type { Message } from "../domain";
import type { Grid } from "../grid";
import type { WorkbookEdits } from "../grid/edits";
import type { WritePlan } from "../plan/types";

/**
 * What the add-in needs of a workbook, whichever shell holds it: Excel
 * through Office.js (src/excel) or an .xlsx file (src/xlsx). The pane and
 * the session speak only to this; only the shells touch a workbook.
 */
export interface WorkbookPort {
  readonly capabilities: PortCapabilities;
  /** A snapshot of the workbook's cells, defined names and sheets. */
  readGrid(): Promise<Grid>;
  /** Flags on the user's cells and the Finsam-kontroll sheet, as one undoable step. */
  applyPlan(plan: WritePlan): Promise<void>;
  /** Cell edits the user asked for (computed shares, settings, mapping), as one undoable step. */
  applyEdits(edits: WorkbookEdits): Promise<void>;
  /** Whether there is a write of the add-in's to undo, as far as the port last saw. */
  canUndo(): boolean;
  /** Runs the body's writes as one action of the user's: one undo() takes them all back. */
  inOneStep<T>(body: () => Promise<T>): Promise<T>;
  /**
   * "Ångra": restores the values, formulas, formats and notes the last action changed, exactly, except
   * the cells the user has changed since the add-in wrote them: those are left and named in the result.
   */
  undo(): Promise<UndoResult>;
  /** "Ta bort markeringar": removes every flag the add-in made, and nothing else. */
  removeFlags(): Promise<void>;
  /** Selects a cell (the pane's "go to cell"); only where capabilities.goToCell. */
  goToCell(sheet: string, cell: string): Promise<void>;
  /** Calls back (debounced) when the user edits the workbook; returns a function that stops it. */
  onChange(callback: () => void): () => void;
}

/** A cell on a sheet. */
export interface CellRef {
  readonly sheet: string;
  readonly cell: string;
}

/** What "Ångra" left as the user left it: cells (or an add-in sheet, by its first changed cell) changed since. */
export interface UndoResult {
  /** Cells the user changed after the add-in wrote them: left as the user left them. */
  readonly kept: readonly CellRef[];
  /** Sheets the add-in added that the user has typed in since (the first such cell): kept, the add-in's cells cleared. */
  readonly keptSheets?: readonly CellRef[];
  /** Names the user changed after the add-in set them: left. */
  readonly keptNames?: readonly string[];
}

export interface PortCapabilities {
  /** "excel" inside Excel; "file" for an .xlsx in the browser or on the command line. */
  readonly host: "excel" | "file";
  /** How a flag carries its message: a note (ExcelApi 1.18), a comment (1.10), or formatting alone. */
  readonly annotations: "note" | "comment" | "none";
  /** Excel merges a command's syncs into one undo step (ExcelApi 1.20); else the port's own undo. */
  readonly nativeUndo: boolean;
  readonly goToCell: boolean;
  readonly liveChanges: boolean;
}

export type WorkbookErrorCode =
  | "PROTECTED_SHEET"
  | "EDIT_MODE"
  | "UNSUPPORTED_VERSION"
  | "NO_BUDGET"
  | "MAPPING_INVALID"
  | "NOTHING_TO_UNDO"
  | "WRITE_FAILED"
  /** A copy that could not be written without losing something of the workbook's: nothing was written. */
  | "COPY_REFUSED"
  | "READ_FAILED";

/** A failure the user can act on: a Swedish (and English) message, the cell where known. Nothing was changed. */
export class WorkbookError extends Error {
  constructor(
    readonly code: WorkbookErrorCode,
    readonly userMessage: Message,
    readonly where?: { readonly sheet: string; readonly cell?: string },
  ) {
    super(userMessage.sv);
    this.name = "WorkbookError";
  }
}
