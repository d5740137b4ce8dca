/* global Office, Excel */
/**
 * The WorkbookPort for the open workbook in Excel, through Office.js: the
 * only place besides the entry points that talks to Excel.
 *
 * - readGrid: two round trips for an ordinary workbook (readWorkbook.ts).
 * - applyPlan, applyEdits, removeFlags: each one command, so one undo step:
 *   Excel.run({ mergeUndoGroup: true }) where ExcelApi 1.20 is supported, and
 *   in every Excel the add-in's own record behind undo() ("Ångra"), kept in
 *   the workbook so the ribbon and the pane share it (undoRecord.ts). Each
 *   reads what it will overwrite before it writes (so a refused write
 *   changes nothing), writes in one batch, and when that batch fails puts
 *   back what it had written. applyPlan reads in one round trip where what
 *   the port last saw of the workbook still holds (writeGuess.ts). Their
 *   steps: flagWrites.ts, addinSheetWrites.ts and cellEdits.ts; what a
 *   command changed, and putting it back: undoJournal.ts.
 * - The cells the add-in flagged are kept in the document settings
 *   (flagStore.ts), so removeFlags works in a later session too.
 * - onChange: the user's edits, debounced (changeEvents.ts).
 */
import type { Clock } from "../app/clock";
import { WorkbookError, type UndoResult, type WorkbookPort } from "../app/workbookPort";
import { type Grid, splitAreas } from "../grid";
import type { PageSetup } from "../plan/pageSetup";
import { capabilitiesFor, type ExcelCapabilities } from "./capabilities";
import {
  type CellState,
  cellKey,
  cellsOf,
  queueCellReads,
  queueStructureRead,
  readsComments,
  readStructure,
  requireWritable,
} from "./cellState";
import {
  badAddress,
  MESSAGES,
  missingSheet,
  officeErrorCode,
  toWorkbookError,
  unrepairedWrite,
  unsupportedVersion,
} from "./errors";
import { type FlagStore, queueFlagsRead, queueFlagsWrite } from "./flagStore";
import { readWorkbookGrid, type ReadStats } from "./readWorkbook";
import {
  addinSheetsOf,
  chartsOf,
  pageSetupsOf,
  queueSheetReads,
  queueSheetWrites,
  requireCreatable,
  requireUnprotected,
  sheetsUndo,
} from "./addinSheetWrites";
import { queueEdits } from "./cellEdits";
import { listenForChanges, OWN_WRITE_QUIET_MS, type OwnWrites } from "./changeEvents";
import { earlierFlags, flagCellRequests, plannedFlagCells, queueFlagWrites, queueUnflag } from "./flagWrites";
import { type CommandBody, type Restored, restoreEntry, type UndoEntry } from "./undoJournal";
import { lastAction, nextAction, pushed, queueUndoRead, queueUndoWrite, type StoredUndo } from "./undoRecord";
import type { WorkbookEdits } from "../grid/edits";
import type { WritePlan } from "../plan/types";
import { GuessMissed, queueGuess, type Seen } from "./writeGuess";

type CommandArgs = Parameters<CommandBody>;

/** What the port needs of Office: Excel.run and the API version test. */
export interface ExcelHost {
  run<T>(options: Excel.RunOptions | undefined, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Office.context.requirements.isSetSupported("ExcelApi", version). */
  isSetSupported(version: string): boolean;
}

/** The host inside Office: the globals Excel and Office. */
export function officeHost(): ExcelHost {
  return {
    run: (options, batch) => (options ? Excel.run(options, batch) : Excel.run(batch)),
    isSetSupported: (version) => Office.context.requirements.isSetSupported("ExcelApi", version),
  };
}

/** What the last read and the last write cost, in round trips and cells. */
export interface PortStats {
  read: ReadStats;
  write: { syncs: number; reads: number; writes: number };
}

export class ExcelPort implements WorkbookPort {
  private readonly found: ExcelCapabilities;
  readonly stats: PortStats = { read: { syncs: 0, cells: 0 }, write: { syncs: 0, reads: 0, writes: 0 } };
  /** How many entries the workbook's undo record held when this port last read or wrote it. */
  private undoDepth = 0;
  /** The action the commands under way belong to (inOneStep): one Ångra takes them all back. */
  private step: { action: number | undefined } | undefined;
  private writing = 0;
  private quietUntil = 0;
  /** Cleared when this Excel refused a grouped write (UndoNotSupported): the port's own undo then. */
  private grouping: boolean;
  /** The page setup this port last gave each of the add-in's sheets, so undo can give it back. */
  private readonly pagesWritten = new Map<string, PageSetup>();
  /** What this port last saw of the workbook, when it read or wrote it: a write's guess (writeGuess.ts). */
  private seen: Seen | undefined;
  /** The port's writes, for the change events: under way, or just ended (their echo). */
  private readonly ownWrites: OwnWrites = {
    writing: () => this.writing > 0,
    echo: () => this.clock.now().getTime() < this.quietUntil,
  };

  constructor(
    private readonly host: ExcelHost,
    private readonly clock: Clock,
  ) {
    this.found = capabilitiesFor((v) => host.isSetSupported(v));
    this.grouping = this.found.nativeUndo;
  }

  /** What this Excel can do; nativeUndo turns false once it has refused a grouped write. */
  get capabilities(): ExcelCapabilities {
    return this.grouping === this.found.nativeUndo ? this.found : { ...this.found, nativeUndo: this.grouping };
  }

  async readGrid(): Promise<Grid> {
    this.requireSupported();
    const stats: ReadStats = { syncs: 0, cells: 0 };
    try {
      return await this.host.run(this.runOptions(false), async (context) => {
        // Loaded in the read's first round trip: whether anything (the ribbon, too) can be undone, and
        // what the next write guesses it will read (the flag record, the threaded comments).
        const undoRead = queueUndoRead(context);
        const flagsRead = queueFlagsRead(context);
        const comments = readsComments(this.capabilities) ? context.workbook.comments.load("items/id") : undefined;
        const grid = await readWorkbookGrid(context, stats);
        this.undoDepth = undoRead().entries.length;
        this.seen = {
          sheets: new Set(grid.sheets.map((s) => s.name)),
          flags: flagsRead().store,
          ...(comments ? { commentIds: comments.items.map((c) => c.id) } : {}),
        };
        return grid;
      });
    } catch (error) {
      throw toWorkbookError(error, "READ_FAILED");
    } finally {
      this.stats.read = stats;
    }
  }

  /**
   * The plan's flags and sheets as one command: reads (the structure and the flag record, then the cells
   * and sheets it will write), the checkpoint, then one write: the flags (flagWrites.ts), the add-in's
   * sheets (addinSheetWrites.ts) and the new flag record.
   */
  async applyPlan(plan: WritePlan): Promise<void> {
    try {
      await this.command((context, sync, checkpoint) => this.writePlan(plan, this.seen, context, sync, checkpoint));
    } catch (error) {
      if (!(error instanceof GuessMissed)) throw error;
      await this.command((context, sync, checkpoint) => this.writePlan(plan, undefined, context, sync, checkpoint));
    }
  }

  /**
   * applyPlan's command: one read, where what the port last saw guesses the cells and sheets to read
   * (writeGuess.ts), and one write; a second read before the write where the guess does not cover them.
   */
  private async writePlan(plan: WritePlan, seen: Seen | undefined, ...[context, sync, checkpoint]: CommandArgs) {
    const sheets = addinSheetsOf(plan);
    const pages = pageSetupsOf(plan);
    const flagsRead = queueFlagsRead(context);
    const structureRead = queueStructureRead(context, this.capabilities);
    const guess = seen && queueGuess(context, this.capabilities, seen, plan, sheets, () => flagsRead().store.charts);
    try {
      await sync();
    } catch (error) {
      if (guess && officeErrorCode(error) === "ItemNotFound") throw new GuessMissed();
      throw error;
    }
    const structure = structureRead();
    const stored = flagsRead();
    requireCreatable(structure, sheets);
    const wanted = plannedFlagCells(structure, plan.flags);
    requireUnprotected(structure, sheets);
    const earlier = earlierFlags(structure, stored.store);
    const annotate = this.capabilities.annotations !== "none";
    const requests = flagCellRequests(earlier, wanted, annotate);
    const covered = guess?.covers(structure, requests, sheets) ? guess : undefined;
    const reads = covered?.reads ?? queueCellReads(context, this.capabilities, structure, requests);
    const sheetReads =
      covered?.sheetReads ?? queueSheetReads(context, structure.sheets, sheets, () => stored.store.charts);
    if (!covered) await sync();
    // Only the cells the write needs: a guessed cell it leaves alone is no part of the undo entry.
    const needed = new Set(requests.map((r) => cellKey(r.sheet, r.cell)));
    const states = new Map<string, CellState>([...reads.states()].filter(([key]) => needed.has(key)));
    const { written, records } = queueFlagWrites(context, annotate, earlier, wanted, states, reads.commentsAt);
    const charts = chartsOf(sheets);
    const flagsWritten: FlagStore = { version: 1, flags: records, ...(charts ? { charts } : {}) };
    checkpoint({
      cells: [...states.values()],
      written,
      createdSheets: [],
      names: [],
      addinSheets: sheetsUndo(sheets, sheetReads, this.pagesWritten),
      flags: stored,
      flagsWritten,
    });
    queueSheetWrites(context, sheets, sheetReads, pages);
    queueFlagsWrite(context, flagsWritten, stored.stored);
    await sync("write");
    for (const [name, page] of pages) this.pagesWritten.set(name, page);
    this.seen = {
      sheets: new Set([...structure.sheets.keys(), ...sheets.map((s) => s.name)]),
      flags: flagsWritten,
      // Comments the write adds (where comments carry the flags) are not known by id: not guessed.
      ...(structure.comments && this.capabilities.annotations === "note"
        ? { commentIds: structure.comments.items.map((c) => c.id) }
        : {}),
    };
  }

  async applyEdits(edits: WorkbookEdits): Promise<void> {
    await this.command((context, sync, checkpoint) => queueEdits(context, this.capabilities, edits, sync, checkpoint));
  }

  /** As the undo record stood when this port last read or wrote it (the ribbon may have written since). */
  canUndo(): boolean {
    return this.undoDepth > 0;
  }

  async inOneStep<T>(body: () => Promise<T>): Promise<T> {
    const outer = this.step === undefined;
    if (outer) this.step = { action: undefined };
    try {
      return await body();
    } finally {
      if (outer) this.step = undefined;
    }
  }

  /**
   * "Ångra": puts back what the last action changed, whichever shell wrote it (the undo record is the
   * workbook's: undoRecord.ts), except where the user has changed a cell since the add-in wrote it: that
   * cell is left as the user left it, and named in the result. Sheets the action added are removed last,
   * outside any undo group, since Worksheet.delete has no undo support.
   */
  async undo(): Promise<UndoResult> {
    this.requireSupported();
    // Undo may remove the add-in's sheets: the next write reads what it needs, not what was last seen.
    this.seen = undefined;
    return this.ownWrite(async () => {
      const restored = await this.host.run(this.runOptions(true), async (context) => {
        const read = queueUndoRead(context);
        await context.sync();
        const { entries, stored } = read();
        const { undo } = lastAction(entries);
        if (undo.length === 0) {
          this.undoDepth = 0;
          throw new WorkbookError("NOTHING_TO_UNDO", MESSAGES.nothingToUndo);
        }
        const results: Restored[] = [];
        for (const [i, entry] of undo.entries()) {
          const left = entries.slice(0, entries.length - i - 1);
          results.push(
            await restoreEntry(context, this.capabilities, entry, true, () => queueUndoWrite(context, left, stored)),
          );
          this.undoDepth = left.length;
        }
        return results;
      });
      await this.removeSheets(restored.flatMap((r) => r.remove));
      return {
        kept: restored.flatMap((r) => r.kept),
        keptSheets: restored.flatMap((r) => r.keptSheets),
        keptNames: restored.flatMap((r) => r.keptNames),
      };
    }).catch((error: unknown) => {
      throw toWorkbookError(error, "WRITE_FAILED");
    });
  }

  async removeFlags(): Promise<void> {
    await this.command(async (context, sync, checkpoint) => {
      const flagsRead = queueFlagsRead(context);
      const structure = await readStructure(context, this.capabilities, sync);
      const stored = flagsRead();
      const records = stored.store.flags.filter((r) => structure.sheets.has(r.sheet));
      if (stored.store.flags.length === 0) return;
      for (const r of records) requireWritable(structure, r.sheet, r.cell);
      const annotate = this.capabilities.annotations !== "none";
      const reads = queueCellReads(
        context,
        this.capabilities,
        structure,
        records.map((r) => ({ sheet: r.sheet, cell: r.cell, fill: true, annotation: annotate && r.annotated })),
      );
      await sync();
      const states = reads.states();
      const written = records.map((r) =>
        queueUnflag(context, reads.commentsAt, states.get(cellKey(r.sheet, r.cell))!, r),
      );
      const { charts } = stored.store;
      const flagsWritten: FlagStore = { version: 1, flags: [], ...(charts ? { charts } : {}) };
      checkpoint({
        cells: [...states.values()],
        written,
        createdSheets: [],
        names: [],
        addinSheets: [],
        flags: stored,
        flagsWritten,
      });
      queueFlagsWrite(context, flagsWritten, stored.stored);
      await sync("write");
    });
  }

  /**
   * "Använd markerade celler": the user's selection, one range or several areas (Ctrl+click) on one sheet,
   * through Workbook.getSelectedRanges (ExcelApi 1.9), whose address names the sheet for each area
   * ("Sheet1!A1:B4, Sheet1!D1:D4", https://learn.microsoft.com/javascript/api/excel/excel.rangeareas#excel-excel-rangeareas-address-member).
   * Cell edit mode, in an Excel without delayForCellEdit, becomes a Swedish message.
   */
  async selectedRange(): Promise<{ sheet: string; address: string }> {
    this.requireSupported();
    try {
      return await this.host.run(this.runOptions(false), async (context) => {
        const ranges = context.workbook.getSelectedRanges();
        ranges.load("address");
        await context.sync();
        // "'Budget 2025'!B2:B5, 'Budget 2025'!D2:D5" or "Befolkning!B2:B5".
        const areas = splitAreas(ranges.address);
        const first = areas[0] ?? "";
        const at = first.lastIndexOf("!");
        const sheet = first
          .slice(0, at)
          .replace(/^'(.*)'$/, "$1")
          .replace(/''/g, "'");
        return { sheet, address: areas.map((a) => a.slice(a.lastIndexOf("!") + 1)).join(",") };
      });
    } catch (error) {
      throw toWorkbookError(error, "READ_FAILED");
    }
  }

  async goToCell(sheet: string, cell: string): Promise<void> {
    this.requireSupported();
    if (!cellsOf(cell)) throw badAddress(sheet, cell);
    try {
      await this.host.run(this.runOptions(false), async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
        ws.load("name");
        await context.sync();
        if (ws.isNullObject) throw missingSheet(sheet, cell);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    } catch (error) {
      throw toWorkbookError(error, "READ_FAILED");
    }
  }

  onChange(callback: () => void): () => void {
    if (!this.capabilities.liveChanges) return () => {};
    return listenForChanges((batch) => this.host.run(this.runOptions(false), batch), this.ownWrites, callback);
  }

  // -------------------------------------------------------------------------

  private requireSupported(): void {
    if (!this.capabilities.supported) throw unsupportedVersion();
  }

  /**
   * A write is one undo group where Excel can (mergeUndoGroup, ExcelApi 1.20, until this Excel refuses one);
   * every batch, going to a cell too, waits while the user edits a cell rather than failing
   * (delayForCellEdit: https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit;
   * Excel.RunOptions names no requirement set for it, so it is asked for in every Excel). An Excel that
   * fails the batch all the same gets the cell-edit message (errors.ts, either code).
   */
  private runOptions(write: boolean): Excel.RunOptions {
    return { ...(write && this.grouping ? { mergeUndoGroup: true } : {}), delayForCellEdit: true };
  }

  /**
   * One writing command, in one undo group where Excel allows it. Where this Excel refuses an API inside
   * the group (UndoNotSupported: "Your add-in should gracefully handle this error",
   * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities), what the
   * refused batch changed is put back and the command runs again outside a group, with the port's own
   * undo behind it; later commands skip the group.
   */
  private async command(body: CommandBody): Promise<void> {
    this.requireSupported();
    try {
      await this.commandOnce(body);
    } catch (error) {
      if (!(error instanceof GroupRefused)) throw error;
      this.grouping = false;
      await this.commandOnce(body);
    }
  }

  /**
   * Reads (structure, then the cells it will touch), a checkpoint of what they held, one write. A failure
   * before the write changed nothing; a failure in the write is repaired from the checkpoint.
   */
  private async commandOnce(body: CommandBody): Promise<void> {
    const stats = { syncs: 0, reads: 0, writes: 0 };
    this.stats.write = stats;
    let entry: UndoEntry | undefined;
    let record: StoredUndo | undefined;
    let writing = false;
    const grouped = this.grouping;
    try {
      await this.ownWrite(() =>
        this.host.run(this.runOptions(true), async (context) => {
          // Loaded with the command's first read; the entry is pushed in the same batch as its write.
          const undoRead = queueUndoRead(context);
          await body(
            context,
            async (kind = "read") => {
              stats.syncs++;
              stats[kind === "write" ? "writes" : "reads"]++;
              writing = kind === "write";
              await context.sync();
            },
            (e) => {
              entry = e;
              record = undoRead();
              const action = this.step?.action ?? nextAction(record.entries);
              if (this.step) this.step.action = action;
              const after = pushed(record.entries, { ...e, action });
              queueUndoWrite(context, after, record.stored);
              this.undoDepth = after.length;
            },
          );
        }),
      );
    } catch (error) {
      // Before any write: applyPlan runs the command again without its guess.
      if (error instanceof GuessMissed) throw error;
      const refused = grouped && officeErrorCode(error) === "UndoNotSupported";
      if (writing && entry && record) {
        this.undoDepth = record.entries.length;
        try {
          await this.repair(entry, record);
        } catch {
          throw unrepairedWrite(error);
        }
        if (refused) throw new GroupRefused();
        throw toWorkbookError(error, "WRITE_FAILED");
      }
      if (refused) throw new GroupRefused();
      throw toWorkbookError(error, "READ_FAILED");
    }
  }

  /** Puts back what a write that failed half-way changed, and the undo record as it stood before it. */
  private async repair(entry: UndoEntry, record: StoredUndo): Promise<void> {
    await this.ownWrite(async () => {
      const { remove } = await this.host.run(this.runOptions(true), (context) => {
        // Whether the failed batch left a record behind: read with the repair's first round trip.
        const now = queueUndoRead(context);
        return restoreEntry(context, this.capabilities, entry, false, () =>
          queueUndoWrite(context, record.entries, now().stored),
        );
      });
      await this.removeSheets(remove);
    });
  }

  /** A write of the port's own: the change events it causes, while it runs and just after, are not the user's. */
  private async ownWrite<T>(body: () => Promise<T>): Promise<T> {
    this.writing++;
    try {
      return await body();
    } finally {
      this.writing--;
      this.quietUntil = this.clock.now().getTime() + OWN_WRITE_QUIET_MS;
    }
  }

  /** Sheets a write added, removed in a batch of their own (Worksheet.delete is outside any undo group). */
  private async removeSheets(names: readonly string[]): Promise<void> {
    if (names.length === 0) return;
    await this.host.run(this.runOptions(false), async (context) => {
      for (const name of names) context.workbook.worksheets.getItem(name).delete();
      await context.sync();
    });
  }
}

/** This Excel refused an API inside mergeUndoGroup; what the batch changed is already put back. */
class GroupRefused extends Error {}

/** The port for the workbook open in Excel. */
export function createExcelPort(clock: Clock, host: ExcelHost = officeHost()): ExcelPort {
  return new ExcelPort(host, clock);
}
