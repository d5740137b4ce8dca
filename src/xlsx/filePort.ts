/**
 * The WorkbookPort on an .xlsx file held in memory: the pane in a plain
 * browser (and tests) read, flag, edit and undo exactly as inside Excel, and
 * `download()` gives the annotated copy. The file the user picked is never
 * changed; every write goes to the ExcelJS workbook in memory.
 *
 * Undo: before each write the port keeps the workbook's bytes as they were
 * (a snapshot of every cell, style, note, sheet and name at once, the
 * control sheet included), so "Ångra" restores them exactly (fileJournal.ts).
 *
 * Flags: the port remembers each flagged cell's own style and note from
 * before its first flag, so "Ta bort markeringar" restores them; flags it
 * finds from an earlier run (a note with the add-in's part, e.g. a copy
 * written by `npm run check -- --out`) lose that part and the severity fill
 * (fileFlags.ts). Edits: fileEdits.ts.
 */
import type { PortCapabilities, WorkbookPort } from "../app/workbookPort";
import { WorkbookError } from "../app/workbookPort";
import type { Grid } from "../grid";
import { readGridFromBuffer } from "./readGrid";
import { loadWorkbookParts } from "./loadWorkbook";
import { applyWritePlan, finishXlsx } from "./writeAnnotated";
import type { WorkbookEdits } from "../grid/edits";
import type { WritePlan } from "../plan/types";
import { writeEdits } from "./fileEdits";
import { rememberOriginals, removeOwnFlags } from "./fileFlags";
import { FileJournal, type FileState } from "./fileJournal";

export interface FilePort extends WorkbookPort {
  /** The file's name as the user picked it. */
  readonly fileName: string;
  /** The workbook as it now stands (flags, control sheet, edits), as .xlsx bytes. */
  download(): Promise<Uint8Array>;
}

const CAPABILITIES: PortCapabilities = {
  host: "file",
  annotations: "note",
  nativeUndo: false,
  goToCell: false,
  liveChanges: false,
};

export async function createFilePort(
  bytes: Uint8Array,
  fileName: string,
  /** How the file is first read: the pane passes a Web Worker with a time budget (readInWebWorker.ts). */
  readGrid: (bytes: Uint8Array, fileName: string) => Promise<Grid> = readGridFromBuffer,
): Promise<FilePort> {
  // Reading first gives the reader's typed, Swedish error for a file that is no workbook, and stops a file on
  // which the parser would never return before ExcelJS loads it here.
  let grid: Grid | undefined = await readGrid(bytes, fileName);
  // The user's large names, merges and data validations, set aside for ExcelJS, go back into the downloaded copy.
  const { workbook, setAside } = await loadWorkbookParts(bytes);
  const journal = new FileJournal({ workbook, bytes, originals: new Map(), lastPlan: undefined }, fileName);
  const state = journal.state;

  /** One undoable write; the grid is read anew after it. */
  async function write(change: (state: FileState) => void): Promise<void> {
    await journal.write(change);
    grid = undefined;
  }

  return {
    capabilities: CAPABILITIES,
    fileName,

    async readGrid() {
      grid ??= await readGridFromBuffer(state.bytes, fileName);
      return grid;
    },

    async applyPlan(plan: WritePlan) {
      await write((s) => {
        removeOwnFlags(s.workbook, s.originals);
        rememberOriginals(s.workbook, plan.flags, s.originals);
        applyWritePlan(s.workbook, plan, true);
        s.lastPlan = withEarlierSheets(plan, s.lastPlan);
      });
    },

    async applyEdits(edits: WorkbookEdits) {
      await write((s) => writeEdits(s.workbook, edits));
    },

    canUndo() {
      return journal.canUndo();
    },

    async undo() {
      await journal.undo();
      grid = undefined;
      // The file is the add-in's alone between a write and its undo: nothing the user changed is overwritten.
      return { kept: [] };
    },

    async removeFlags() {
      await write((s) => removeOwnFlags(s.workbook, s.originals));
    },

    async goToCell(sheet: string, cell: string) {
      throw new WorkbookError(
        "UNSUPPORTED_VERSION",
        {
          sv: `Att gå till en cell (${sheet}!${cell}) går bara i Excel.`,
          en: `Going to a cell (${sheet}!${cell}) works only in Excel.`,
        },
        { sheet, cell },
      );
    },

    onChange() {
      return () => undefined;
    },

    async download() {
      return state.bytes === bytes ? state.bytes : finishXlsx(state.bytes, state.lastPlan, setAside);
    },
  };
}

/**
 * A later plan without a board sheet leaves the board sheet (and its chart) as it was. Likewise
 * Finsam-uppföljning: a later plan without one keeps the one written before.
 */
function withEarlierSheets(plan: WritePlan, lastPlan: WritePlan | undefined): WritePlan {
  const board = plan.boardSheet ?? lastPlan?.boardSheet;
  const followUp = plan.followUpSheet ?? lastPlan?.followUpSheet;
  return {
    ...plan,
    ...(board ? { boardSheet: board } : {}),
    ...(followUp ? { followUpSheet: followUp } : {}),
  };
}
