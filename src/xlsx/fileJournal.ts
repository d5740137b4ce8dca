/**
 * The file port's undo journal: before each write it keeps the workbook's bytes as they were (a
 * snapshot of every cell, style, note, sheet and name at once, the control sheet included), with the
 * flagged cells' originals and the last plan, so "Ångra" restores them exactly, and a write that fails
 * changes nothing.
 */
import type ExcelJS from "exceljs";
import { WorkbookError } from "../app/workbookPort";
import type { WritePlan } from "../plan/types";
import type { Originals } from "./fileFlags";
import { loadWorkbook } from "./loadWorkbook";

/** What the file port holds between writes. */
export interface FileState {
  /** The workbook in memory, which every write changes. */
  workbook: ExcelJS.Workbook;
  /** The workbook as last saved. */
  bytes: Uint8Array;
  /** Each flagged cell's own look and note from before its first flag (fileFlags.ts). */
  originals: Originals;
  /** The last plan applied: its sheets' charts are added to the file on download. */
  lastPlan: WritePlan | undefined;
}

/** The state before one write, for undo. */
interface Snapshot {
  readonly bytes: Uint8Array;
  readonly originals: Originals;
  readonly plan: WritePlan | undefined;
}

export class FileJournal {
  private readonly undoStack: Snapshot[] = [];

  constructor(
    readonly state: FileState,
    private readonly fileName: string,
  ) {}

  /** Runs one write as one undoable step; nothing changes when it fails. */
  async write(change: (state: FileState) => void): Promise<void> {
    const before: Snapshot = {
      bytes: this.state.bytes,
      originals: new Map(this.state.originals),
      plan: this.state.lastPlan,
    };
    try {
      change(this.state);
      this.state.bytes = await save(this.state.workbook);
    } catch (cause) {
      await this.restore(before);
      const detail = cause instanceof Error ? cause.message.split("\n")[0] : String(cause);
      throw new WorkbookError("WRITE_FAILED", {
        sv: `Ändringen kunde inte skrivas i ${this.fileName}: ${detail}. Inget ändrades.`,
        en: `The change could not be written to ${this.fileName}: ${detail}. Nothing was changed.`,
      });
    }
    this.undoStack.push(before);
  }

  canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  /** Puts the workbook back as it was before the last write. */
  async undo(): Promise<void> {
    const last = this.undoStack.pop();
    if (!last) {
      throw new WorkbookError("NOTHING_TO_UNDO", {
        sv: "Det finns inget att ångra.",
        en: "There is nothing to undo.",
      });
    }
    await this.restore(last);
  }

  private async restore(snapshot: Snapshot): Promise<void> {
    this.state.workbook = await loadWorkbook(snapshot.bytes);
    this.state.bytes = snapshot.bytes;
    this.state.originals = new Map(snapshot.originals);
    this.state.lastPlan = snapshot.plan;
  }
}

async function save(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const out = await workbook.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}
