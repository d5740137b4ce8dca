/**
 * The WorkbookPort on an .xlsx file held in memory: the pane in a plain
 * browser (and tests) read, flag, edit and undo exactly as inside Excel, and
 * `download()` gives the annotated copy. The file the user picked is never
 * changed; every write goes to a copy of its package in memory.
 *
 * The port's state is the package itself: every write changes only the parts it must in the bytes
 * the user picked (package/changes.ts), so `download()` gives a copy that keeps every other part of the
 * workbook (macros, pivot tables, images, print setup) as the file has it.
 *
 * Undo: before each write the port keeps the package as it was, so "Ångra" restores it exactly
 * (fileJournal.ts). Flags: the port remembers each flagged cell's own format and note from before its
 * first flag, so "Ta bort markeringar" restores them; flags it finds from an earlier run (a note with the
 * add-in's part, e.g. a copy written by `npm run check -- --out`) lose that part and the severity fill
 * (fileFlags.ts). Edits: fileEdits.ts.
 */
import type { PortCapabilities, WorkbookPort } from "../app/workbookPort";
import { WorkbookError } from "../app/workbookPort";
import type { Grid } from "../grid";
import type ExcelJS from "exceljs";
import { readGridFromBuffer } from "./readGrid";
import { loadWorkbook } from "./loadWorkbook";
import { planChanges } from "./writeAnnotated";
import type { WorkbookEdits } from "../grid/edits";
import type { WritePlan } from "../plan/types";
import { editChanges } from "./fileEdits";
import { rememberOriginals, unflagChanges } from "./fileFlags";
import { FileJournal, type FileState } from "./fileJournal";
import { changePackage } from "./package/changes";

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
  // which the parser would never return.
  let grid: Grid | undefined = await readGrid(bytes, fileName);
  const journal = new FileJournal({ bytes, originals: new Map() }, fileName);
  const state = journal.state;

  /** One undoable write; the grid is read anew after it. */
  async function write(change: (state: FileState) => Promise<void>): Promise<void> {
    await journal.write(change);
    grid = undefined;
  }

  /** The flags taken off: each remembered cell exactly back, an earlier run's cleaned. */
  async function unflag(s: FileState): Promise<void> {
    const cells = await unflagChanges(s.bytes, s.originals);
    if (cells.length > 0) s.bytes = await changePackage(s.bytes, { cells });
    s.originals.clear();
  }

  return {
    capabilities: CAPABILITIES,
    fileName,

    async readGrid() {
      grid ??= await readGridFromBuffer(state.bytes, fileName);
      return grid;
    },

    async applyPlan(plan: WritePlan) {
      await write(async (s) => {
        await unflag(s);
        await rememberOriginals(s.bytes, plan.flags, s.originals);
        s.bytes = await changePackage(s.bytes, await planChanges(plan, true));
      });
    },

    async applyEdits(edits: WorkbookEdits) {
      await write(async (s) => {
        const current = grid ?? (await readGridFromBuffer(s.bytes, fileName));
        // A shared formula's cells, as ExcelJS reads them, for a cell that heads one and is overwritten.
        let loaded: Promise<ExcelJS.Workbook> | undefined;
        const formulaAt = async (sheet: string, cell: string) => {
          loaded ??= loadWorkbook(s.bytes);
          const value = (await loaded).getWorksheet(sheet)?.getCell(cell);
          return value?.formula ? `=${value.formula}` : undefined;
        };
        const names = current.sheets.map((x) => x.name);
        s.bytes = await changePackage(s.bytes, editChanges(edits, names, formulaAt));
      });
    },

    canUndo() {
      return journal.canUndo();
    },

    inOneStep: (body) => journal.inOneStep(body),

    async undo() {
      journal.undo();
      grid = undefined;
      // The file is the add-in's alone between a write and its undo: nothing the user changed is overwritten.
      return { kept: [] };
    },

    async removeFlags() {
      await write(unflag);
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
      return state.bytes;
    },
  };
}
