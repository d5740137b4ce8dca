/**
 * The file port's undo journal: before each write it keeps the workbook's bytes as they were (the whole
 * package: every cell, style, note, sheet and name at once, the control sheet included), with the flagged
 * cells' originals, so "Ångra" restores them exactly, and a write that fails changes nothing.
 */
import { WorkbookError } from "../app/workbookPort";
import type { Originals } from "./fileFlags";
import { PatchRefused } from "./package/opc";

/** What the file port holds between writes. */
export interface FileState {
  /** The workbook as it now stands: the package the user picked with the add-in's changes made in it. */
  bytes: Uint8Array;
  /** Each flagged cell's own look and note from before its first flag (fileFlags.ts). */
  originals: Originals;
}

/** The state before one write, for undo. */
interface Snapshot {
  readonly bytes: Uint8Array;
  readonly originals: Originals;
}

export class FileJournal {
  private readonly undoStack: Snapshot[] = [];
  /** Inside inOneStep: whether the action's first write has kept its snapshot. */
  private step: { kept: boolean } | undefined;

  constructor(
    readonly state: FileState,
    private readonly fileName: string,
  ) {}

  /** Runs one write as one undoable step; nothing changes when it fails. */
  async write(change: (state: FileState) => Promise<void>): Promise<void> {
    const before: Snapshot = { bytes: this.state.bytes, originals: new Map(this.state.originals) };
    try {
      await change(this.state);
    } catch (cause) {
      this.restore(before);
      const detail = cause instanceof Error ? cause.message.split("\n")[0] : String(cause);
      if (cause instanceof PatchRefused) {
        throw new WorkbookError("COPY_REFUSED", {
          sv: `${this.fileName} kan inte ändras utan att något av arbetsboken går förlorat: ${detail}. Inget ändrades; öppna och spara arbetsboken i Excel och försök igen.`,
          en: `${this.fileName} cannot be changed without losing part of the workbook: ${detail}. Nothing was changed; open and save the workbook in Excel and try again.`,
        });
      }
      throw new WorkbookError("WRITE_FAILED", {
        sv: `Ändringen kunde inte skrivas i ${this.fileName}: ${detail}. Inget ändrades.`,
        en: `The change could not be written to ${this.fileName}: ${detail}. Nothing was changed.`,
      });
    }
    // One snapshot per action: the state before its first write.
    if (this.step?.kept) return;
    this.undoStack.push(before);
    if (this.step) this.step.kept = true;
  }

  /** The body's writes as one action: one undo takes them all back. */
  async inOneStep<T>(body: () => Promise<T>): Promise<T> {
    const outer = this.step === undefined;
    if (outer) this.step = { kept: false };
    try {
      return await body();
    } finally {
      if (outer) this.step = undefined;
    }
  }

  canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  /** Puts the workbook back as it was before the last action. */
  undo(): void {
    const last = this.undoStack.pop();
    if (!last) {
      throw new WorkbookError("NOTHING_TO_UNDO", {
        sv: "Det finns inget att ångra.",
        en: "There is nothing to undo.",
      });
    }
    this.restore(last);
  }

  private restore(snapshot: Snapshot): void {
    this.state.bytes = snapshot.bytes;
    this.state.originals = new Map(snapshot.originals);
  }
}
