/* global Office, Excel */
/**
 * The WorkbookPort for the open workbook in Excel, through Office.js: the
 * only place besides the entry points that talks to Excel.
 *
 * - readGrid: three round trips whatever the workbook's size (readWorkbook.ts).
 * - applyPlan, applyEdits, removeFlags: each one command, so one undo step:
 *   Excel.run({ mergeUndoGroup: true }) where ExcelApi 1.20 is supported, and
 *   in every Excel the port's own snapshot behind undo() ("Ångra"). Each
 *   reads what it will overwrite before it writes (so a refused write
 *   changes nothing), writes in one batch, and when that batch fails puts
 *   back what it had written. Their steps: flagWrites.ts, addinSheetWrites.ts
 *   and cellEdits.ts; what a command changed, and putting it back:
 *   undoJournal.ts.
 * - The cells the add-in flagged are kept in the document settings
 *   (flagStore.ts), so removeFlags works in a later session too.
 * - onChange: the user's edits, debounced (changeEvents.ts).
 */
import type { Clock } from "../app/clock";
import { WorkbookError, type UndoResult, type WorkbookPort } from "../app/workbookPort";
import { type Grid, splitAreas } from "../grid";
import type { PageSetup } from "../plan/pageSetup";
import { capabilitiesFor, type ExcelCapabilities } from "./capabilities";
import { cellKey, cellsOf, queueCellReads, readStructure, requireWritable } from "./cellState";
import {
  badAddress,
  MESSAGES,
  missingSheet,
  officeErrorCode,
  toWorkbookError,
  unrepairedWrite,
  unsupportedVersion,
} from "./errors";
import { queueFlagsRead, queueFlagsWrite } from "./flagStore";
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
import { type CommandBody, restoreEntry, type UndoEntry } from "./undoJournal";
import type { WorkbookEdits } from "../grid/edits";
import type { WritePlan } from "../plan/types";

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
  private readonly undoStack: UndoEntry[] = [];
  private writing = 0;
  private quietUntil = 0;
  /** Cleared when this Excel refused a grouped write (UndoNotSupported): the port's own undo then. */
  private grouping: boolean;
  /** The page setup this port last gave each of the add-in's sheets, so undo can give it back. */
  private readonly pagesWritten = new Map<string, PageSetup>();
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
      const grid = await this.host.run(this.runOptions(false), (context) => readWorkbookGrid(context, stats));
      return grid;
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
    const sheets = addinSheetsOf(plan);
    const pages = pageSetupsOf(plan);
    await this.command(async (context, sync, checkpoint) => {
      const flagsRead = queueFlagsRead(context);
      const structure = await readStructure(context, this.capabilities, sync);
      const stored = flagsRead();
      requireCreatable(structure, sheets);
      const wanted = plannedFlagCells(structure, plan.flags);
      requireUnprotected(structure, sheets);
      const earlier = earlierFlags(structure, stored.store);
      const annotate = this.capabilities.annotations !== "none";
      const requests = flagCellRequests(earlier, wanted, annotate);
      const reads = queueCellReads(context, this.capabilities, structure, requests);
      const sheetReads = queueSheetReads(context, structure, sheets, stored.store.charts);
      await sync();
      const states = reads.states();
      const { written, records } = queueFlagWrites(context, annotate, earlier, wanted, states, reads.commentsAt);
      checkpoint({
        cells: [...states.values()],
        written,
        createdSheets: [],
        names: [],
        addinSheets: sheetsUndo(sheets, sheetReads, this.pagesWritten),
        flags: stored,
      });
      queueSheetWrites(context, sheets, sheetReads, pages);
      const charts = chartsOf(sheets);
      queueFlagsWrite(context, { version: 1, flags: records, ...(charts ? { charts } : {}) }, stored.stored);
      await sync("write");
      for (const [name, page] of pages) this.pagesWritten.set(name, page);
    });
  }

  async applyEdits(edits: WorkbookEdits): Promise<void> {
    await this.command((context, sync, checkpoint) => queueEdits(context, this.capabilities, edits, sync, checkpoint));
  }

  canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  /**
   * "Ångra": puts back what the last write changed, except where the user has changed a cell since the
   * add-in wrote it: that cell is left as the user left it, and named in the result.
   */
  async undo(): Promise<UndoResult> {
    this.requireSupported();
    const entry = this.undoStack[this.undoStack.length - 1];
    if (!entry) throw new WorkbookError("NOTHING_TO_UNDO", MESSAGES.nothingToUndo);
    const result = await this.restore(entry, true);
    this.undoStack.pop();
    return result;
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
      checkpoint({
        cells: [...states.values()],
        written,
        createdSheets: [],
        names: [],
        addinSheets: [],
        flags: stored,
      });
      const { charts } = stored.store;
      queueFlagsWrite(context, { version: 1, flags: [], ...(charts ? { charts } : {}) }, stored.stored);
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
      await this.host.run(undefined, async (context) => {
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
    return listenForChanges((batch) => this.host.run(undefined, batch), this.ownWrites, callback);
  }

  // -------------------------------------------------------------------------

  private requireSupported(): void {
    if (!this.capabilities.supported) throw unsupportedVersion();
  }

  /**
   * A write is one undo group where Excel can (mergeUndoGroup, ExcelApi 1.20, until this Excel refuses one);
   * every batch waits while the user edits a cell rather than failing (delayForCellEdit, ExcelApi 1.11:
   * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit).
   */
  private runOptions(write: boolean): Excel.RunOptions | undefined {
    const options: Excel.RunOptions = {};
    if (write && this.grouping) options.mergeUndoGroup = true;
    if (this.capabilities.apiVersion >= 11) options.delayForCellEdit = true;
    return Object.keys(options).length > 0 ? options : undefined;
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
    let writing = false;
    const grouped = this.grouping;
    this.writing++;
    try {
      await this.host.run(this.runOptions(true), async (context) => {
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
          },
        );
      });
    } catch (error) {
      const refused = grouped && officeErrorCode(error) === "UndoNotSupported";
      if (writing && entry) {
        try {
          await this.restore(entry, false);
        } catch {
          throw unrepairedWrite(error);
        }
        if (refused) throw new GroupRefused();
        throw toWorkbookError(error, "WRITE_FAILED");
      }
      if (refused) throw new GroupRefused();
      throw toWorkbookError(error, "READ_FAILED");
    } finally {
      this.writing--;
      this.quietUntil = this.clock.now().getTime() + OWN_WRITE_QUIET_MS;
    }
    if (entry) this.undoStack.push(entry);
  }

  /**
   * Puts back what an entry recorded: its own read of how things are now, then one write. With `keepUsers`
   * (Ångra), a cell or add-in sheet that no longer holds what the add-in wrote is the user's since, and is
   * left alone and named. Sheets the write added are removed last, outside any undo group, since
   * Worksheet.delete has no undo support.
   */
  private async restore(entry: UndoEntry, keepUsers: boolean): Promise<UndoResult> {
    this.writing++;
    try {
      const { kept, keptSheets, keptNames, remove } = await this.host.run(this.runOptions(true), (context) =>
        restoreEntry(context, this.capabilities, entry, keepUsers),
      );
      if (remove.length > 0) {
        await this.host.run(this.runOptions(false), async (context) => {
          for (const name of remove) context.workbook.worksheets.getItem(name).delete();
          await context.sync();
        });
      }
      return { kept: [...kept], keptSheets: [...keptSheets], keptNames: [...keptNames] };
    } catch (error) {
      throw toWorkbookError(error, "WRITE_FAILED");
    } finally {
      this.writing--;
      this.quietUntil = this.clock.now().getTime() + OWN_WRITE_QUIET_MS;
    }
  }
}

/** This Excel refused an API inside mergeUndoGroup; what the batch changed is already put back. */
class GroupRefused extends Error {}

/** The port for the workbook open in Excel. */
export function createExcelPort(clock: Clock, host: ExcelHost = officeHost()): ExcelPort {
  return new ExcelPort(host, clock);
}
