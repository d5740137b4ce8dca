/* global Office, Excel, setTimeout, clearTimeout */
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
 *   back what it had written.
 * - The cells the add-in flagged are kept in the document settings
 *   (flagStore.ts), so removeFlags works in a later session too.
 */
import { WorkbookError, type WorkbookPort } from "../app/workbookPort";
import type { Grid } from "../sheet/grid";
import { parseAddress, parseRangeRef } from "../sheet/grid";
import { CONTROL_SHEET, NOTE_PREFIX, SEVERITY_FILL, type WorkbookEdits, type WritePlan } from "../sheet/writePlan";
import { type AddinSheet, queueSheetRead, queueSheetRestore, queueSheetWrite, type SheetSnapshot } from "./addinSheet";
import { capabilitiesFor, type ExcelCapabilities } from "./capabilities";
import {
  asEntered,
  type CellRequest,
  type CellState,
  cellKey,
  cellsOf,
  queueCellReads,
  queueFill,
  queueRestore,
  readStructure,
  type Structure,
  userPartOf,
} from "./cellState";
import {
  badAddress,
  MESSAGES,
  missingSheet,
  protectedSheet,
  toWorkbookError,
  unrepairedWrite,
  unsupportedVersion,
} from "./errors";
import { SEVERITY_ORDER } from "../domain/findings";
import { type DocumentSettings, type FlagRecord, type FlagStore, loadFlags, saveFlags } from "./flagStore";
import { readWorkbookGrid, type ReadStats } from "./readWorkbook";

/** What the port needs of Office: Excel.run, the API version test and the document settings. */
export interface ExcelHost {
  run<T>(options: Excel.RunOptions | undefined, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Office.context.requirements.isSetSupported("ExcelApi", version). */
  isSetSupported(version: string): boolean;
  readonly settings?: DocumentSettings;
}

/** The host inside Office: the globals Excel and Office. */
export function officeHost(): ExcelHost {
  return {
    run: (options, batch) => (options ? Excel.run(options, batch) : Excel.run(batch)),
    isSetSupported: (version) => Office.context.requirements.isSetSupported("ExcelApi", version),
    settings: Office.context.document?.settings as unknown as DocumentSettings | undefined,
  };
}

/** How long to wait after the user's last edit before the analysis follows it. */
export const CHANGE_DEBOUNCE_MS = 600;
/** Change events that arrive this soon after the add-in's own write are its own echo. */
export const OWN_WRITE_QUIET_MS = 1500;

/** What the last read and the last write cost, in round trips and cells. */
export interface PortStats {
  read: ReadStats;
  write: { syncs: number; reads: number; writes: number };
}

/** What one command changed, so that undo (or the repair of a failed write) puts it back exactly. */
interface UndoEntry {
  readonly cells: readonly CellState[];
  readonly createdSheets: readonly string[];
  readonly names: readonly { readonly name: string; readonly formula: string | null }[];
  readonly addinSheets: readonly SheetSnapshot[];
  /** The flags as stored before; undefined when the command left them alone. */
  readonly flags?: FlagStore;
}

export class ExcelPort implements WorkbookPort {
  readonly capabilities: ExcelCapabilities;
  readonly stats: PortStats = { read: { syncs: 0, cells: 0 }, write: { syncs: 0, reads: 0, writes: 0 } };
  private readonly undoStack: UndoEntry[] = [];
  private writing = 0;
  private quietUntil = 0;

  constructor(
    private readonly host: ExcelHost,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.capabilities = capabilitiesFor((v) => host.isSetSupported(v));
  }

  async readGrid(): Promise<Grid> {
    this.requireSupported();
    const stats: ReadStats = { syncs: 0, cells: 0 };
    try {
      const grid = await this.host.run(undefined, (context) => readWorkbookGrid(context, this.capabilities, stats));
      return grid;
    } catch (error) {
      throw toWorkbookError(error, "READ_FAILED");
    } finally {
      this.stats.read = stats;
    }
  }

  async applyPlan(plan: WritePlan): Promise<void> {
    const sheets: AddinSheet[] = [plan.controlSheet, ...extraSheets(plan)];
    const previous = loadFlags(this.host.settings);
    let next: FlagStore = { version: 1, flags: [] };
    await this.command(async (context, sync, checkpoint) => {
      const structure = await readStructure(context, this.capabilities, sync);
      if (structure.workbookProtected) throw new WorkbookError("PROTECTED_SHEET", MESSAGES.workbookProtected);
      // The flags' cells, one by one; the note goes on each flag's first cell.
      // Where flags meet on a cell, the worst severity fills it and the note holds every message.
      const wanted = new Map<string, { sheet: string; cell: string; rank: number; fill: string; note?: string }>();
      for (const flag of plan.flags) {
        const cells = cellsOf(flag.cell);
        if (!cells) throw badAddress(flag.sheet, flag.cell);
        requireWritable(structure, flag.sheet, flag.cell);
        const rank = SEVERITY_RANK[flag.severity];
        cells.forEach((cell, i) => {
          const key = cellKey(flag.sheet, cell);
          const known = wanted.get(key);
          const note = i === 0 ? flag.note : undefined;
          wanted.set(key, {
            sheet: flag.sheet,
            cell,
            rank: Math.min(rank, known?.rank ?? rank),
            fill: `#${SEVERITY_FILL[known && known.rank < rank ? severityOf(known.rank) : flag.severity]}`,
            ...(known?.note && note
              ? { note: `${known.note}\n${note.slice(NOTE_PREFIX.length)}` }
              : (note ?? known?.note)
                ? { note: (note ?? known?.note)! }
                : {}),
          });
        });
      }
      for (const s of sheets) {
        if (structure.sheets.get(s.name)?.protected) throw protectedSheet(s.name);
      }
      // Earlier flags on sheets that still exist: unflagged unless flagged again.
      const earlier = previous.flags.filter((r) => structure.sheets.has(r.sheet));
      for (const r of earlier) requireWritable(structure, r.sheet, r.cell);
      const requests = new Map<string, CellRequest>();
      for (const r of earlier) {
        requests.set(cellKey(r.sheet, r.cell), { sheet: r.sheet, cell: r.cell, fill: true, annotation: r.annotated });
      }
      for (const [key, w] of wanted) {
        const known = requests.get(key);
        requests.set(key, {
          sheet: w.sheet,
          cell: w.cell,
          fill: true,
          annotation: w.note !== undefined || !!known?.annotation,
        });
      }
      const annotate = this.capabilities.annotations !== "none";
      const reads = queueCellReads(
        context,
        this.capabilities,
        structure,
        [...requests.values()].map((r) => ({ ...r, annotation: annotate && r.annotation })),
      );
      const sheetReads = sheets.map((s) => {
        const info = structure.sheets.get(s.name);
        return info
          ? queueSheetRead(context, this.capabilities, s.name, info.position)
          : () => ({ name: s.name, existed: false as const });
      });
      await sync();
      const states = reads.states();
      checkpoint({
        cells: [...states.values()],
        createdSheets: [],
        names: [],
        addinSheets: sheetReads.map((read) => read()),
        flags: previous,
      });

      // The write, in one batch.
      const records: FlagRecord[] = [];
      const earlierByKey = new Map(earlier.map((r) => [cellKey(r.sheet, r.cell), r]));
      for (const r of earlier) {
        const key = cellKey(r.sheet, r.cell);
        if (wanted.has(key)) continue;
        const state = states.get(key)!;
        const range = context.workbook.worksheets.getItem(r.sheet).getRange(r.cell);
        if (sameColor(state.fill?.color, r.fill)) queueFill(range, r.original, this.capabilities);
        if (r.annotated) this.queueAnnotation(context, reads.commentsAt, state, null);
      }
      for (const [key, w] of wanted) {
        const state = states.get(key)!;
        const before = earlierByKey.get(key);
        const original = before && sameColor(state.fill?.color, before.fill) ? before.original : state.fill!;
        const range = context.workbook.worksheets.getItem(w.sheet).getRange(w.cell);
        range.format.fill.color = w.fill;
        let annotated = false;
        if (annotate && w.note !== undefined) {
          annotated = this.queueAnnotation(context, reads.commentsAt, state, w.note);
        } else if (annotate && before?.annotated) {
          this.queueAnnotation(context, reads.commentsAt, state, null);
        }
        records.push({ sheet: w.sheet, cell: w.cell, fill: w.fill, original, annotated });
      }
      for (const s of sheets) {
        if (structure.sheets.has(s.name)) context.workbook.worksheets.getItem(s.name).delete();
        queueSheetWrite(context, s);
      }
      next = { version: 1, flags: records };
      await sync("write");
    });
    await saveFlags(this.host.settings, next);
  }

  /**
   * A flag's text on a cell: a note after the user's own (which is kept), or
   * the add-in's comment; null removes the add-in's. Returns whether the add-in's text stands there.
   */
  private queueAnnotation(
    context: Excel.RequestContext,
    commentsAt: (sheet: string, cell: string) => Excel.Comment[],
    state: CellState,
    text: string | null,
  ): boolean {
    const current = state.annotation;
    if (!current) return false;
    const ws = context.workbook.worksheets.getItem(state.sheet);
    if (current.kind === "note") {
      const own = userPartOf(current.content);
      const content = text === null ? own : own ? `${own}\n\n${text}` : text;
      if (current.content === null) {
        if (content) ws.notes.add(state.cell, content);
      } else if (!content) {
        ws.notes.getItem(state.cell).delete();
      } else if (content !== current.content) {
        ws.notes.getItem(state.cell).content = content;
      }
      return text !== null;
    }
    // Comments: the user's own comment is left alone, and then the fill carries the flag.
    if (current.foreign) return false;
    const ours = commentsAt(state.sheet, state.cell);
    if (text === null) {
      for (const c of ours) c.delete();
      return false;
    }
    if (ours[0]) ours[0].content = text;
    else context.workbook.comments.add(ws.getRange(state.cell), text);
    return true;
  }

  async applyEdits(edits: WorkbookEdits): Promise<void> {
    await this.command(async (context, sync, checkpoint) => {
      const structure = await readStructure(context, this.capabilities, sync);
      const names = context.workbook.names.load("items/name,items/formula");
      const create = [...new Set(edits.sheets ?? [])].filter((s) => !structure.sheets.has(s));
      if (create.length > 0 && structure.workbookProtected) {
        throw new WorkbookError("PROTECTED_SHEET", MESSAGES.workbookProtected);
      }
      const willExist = (sheet: string) => structure.sheets.has(sheet) || create.includes(sheet);
      for (const edit of edits.cells) {
        if (!willExist(edit.sheet)) throw missingSheet(edit.sheet, edit.cell);
        if (!parseAddress(edit.cell)) throw badAddress(edit.sheet, edit.cell);
        if (structure.sheets.get(edit.sheet)?.protected) throw protectedSheet(edit.sheet);
      }
      for (const n of edits.names ?? []) {
        const target = parseRangeRef(n.ref);
        if (!target || !willExist(target.sheet)) throw missingSheet(target?.sheet ?? n.ref);
      }
      const existing = edits.cells.filter((e) => structure.sheets.has(e.sheet));
      const reads = queueCellReads(
        context,
        this.capabilities,
        structure,
        unique(existing.map((e) => ({ sheet: e.sheet, cell: e.cell, content: true }))),
      );
      await sync();
      const byName = new Map(names.items.map((n) => [n.name.toLowerCase(), n]));
      checkpoint({
        cells: [...reads.states().values()],
        createdSheets: create,
        names: (edits.names ?? []).map((n) => {
          const item = byName.get(n.name.toLowerCase());
          return { name: item?.name ?? n.name, formula: item ? String(item.formula) : null };
        }),
        addinSheets: [],
      });
      for (const sheet of create) context.workbook.worksheets.add(sheet);
      for (const edit of edits.cells) {
        const range = context.workbook.worksheets.getItem(edit.sheet).getRange(edit.cell);
        if (edit.numberFormat) range.numberFormat = [[edit.numberFormat]];
        range.formulas = [[edit.formula ?? asEntered(edit.value ?? "")]];
      }
      for (const n of edits.names ?? []) {
        const item = byName.get(n.name.toLowerCase());
        if (item) item.formula = `=${n.ref}`;
        else context.workbook.names.add(n.name, `=${n.ref}`);
      }
      await sync("write");
    });
  }

  canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  async undo(): Promise<void> {
    this.requireSupported();
    const entry = this.undoStack[this.undoStack.length - 1];
    if (!entry) throw new WorkbookError("NOTHING_TO_UNDO", MESSAGES.nothingToUndo);
    await this.restore(entry);
    this.undoStack.pop();
  }

  async removeFlags(): Promise<void> {
    const previous = loadFlags(this.host.settings);
    if (previous.flags.length === 0) return;
    await this.command(async (context, sync, checkpoint) => {
      const structure = await readStructure(context, this.capabilities, sync);
      const records = previous.flags.filter((r) => structure.sheets.has(r.sheet));
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
      checkpoint({ cells: [...states.values()], createdSheets: [], names: [], addinSheets: [], flags: previous });
      for (const r of records) {
        const state = states.get(cellKey(r.sheet, r.cell))!;
        const range = context.workbook.worksheets.getItem(r.sheet).getRange(r.cell);
        // A fill the user has changed since is the user's: left alone.
        if (sameColor(state.fill?.color, r.fill)) queueFill(range, r.original, this.capabilities);
        if (annotate && r.annotated) this.queueAnnotation(context, reads.commentsAt, state, null);
      }
      await sync("write");
    });
    await saveFlags(this.host.settings, { version: 1, flags: [] });
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
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const handlers: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[] = [];
    const changed = async () => {
      if (stopped || this.writing > 0 || this.now() < this.quietUntil) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        if (!stopped && this.writing === 0) callback();
      }, CHANGE_DEBOUNCE_MS);
    };
    const registered = this.host
      .run(undefined, async (context) => {
        if (this.capabilities.workbookChangeEvent) {
          handlers.push(context.workbook.worksheets.onChanged.add(changed));
        } else {
          const sheets = context.workbook.worksheets.load("items/name");
          await context.sync();
          for (const ws of sheets.items) handlers.push(ws.onChanged.add(changed));
        }
        await context.sync();
      })
      .catch(() => {
        // No live updates then; the pane's "Analysera" still works.
      });
    return () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      void registered.then(async () => {
        for (const h of handlers) {
          try {
            h.remove();
            await h.context.sync();
          } catch {
            // The workbook is closing: nothing to remove.
          }
        }
      });
    };
  }

  // -------------------------------------------------------------------------

  private requireSupported(): void {
    if (!this.capabilities.supported) throw unsupportedVersion();
  }

  private runOptions(): Excel.RunOptions | undefined {
    return this.capabilities.nativeUndo ? { mergeUndoGroup: true } : undefined;
  }

  /**
   * One writing command: reads (structure, then the cells it will touch), a
   * checkpoint of what they held, one write. A failure before the write
   * changed nothing; a failure in the write is repaired from the checkpoint.
   */
  private async command(
    body: (
      context: Excel.RequestContext,
      sync: (kind?: "read" | "write") => Promise<void>,
      checkpoint: (entry: UndoEntry) => void,
    ) => Promise<void>,
  ): Promise<void> {
    this.requireSupported();
    const stats = { syncs: 0, reads: 0, writes: 0 };
    this.stats.write = stats;
    let entry: UndoEntry | undefined;
    let writing = false;
    this.writing++;
    try {
      await this.host.run(this.runOptions(), async (context) => {
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
      if (writing && entry) {
        try {
          await this.restore(entry);
        } catch {
          throw unrepairedWrite(error);
        }
        throw toWorkbookError(error, "WRITE_FAILED");
      }
      throw toWorkbookError(error, "READ_FAILED");
    } finally {
      this.writing--;
      this.quietUntil = this.now() + OWN_WRITE_QUIET_MS;
    }
    if (entry) this.undoStack.push(entry);
  }

  /** Puts back what an entry recorded: its own read of how things are now, then one write. */
  private async restore(entry: UndoEntry): Promise<void> {
    this.writing++;
    try {
      await this.host.run(this.runOptions(), async (context) => {
        const structure = await readStructure(context, this.capabilities, () => context.sync());
        const cells = entry.cells.filter(
          (c) => structure.sheets.has(c.sheet) && !entry.createdSheets.includes(c.sheet),
        );
        for (const c of cells) requireWritable(structure, c.sheet, c.cell);
        for (const s of entry.addinSheets) {
          if (structure.sheets.get(s.name)?.protected) throw protectedSheet(s.name);
        }
        const reads = queueCellReads(
          context,
          this.capabilities,
          structure,
          cells.filter((c) => c.annotation).map((c) => ({ sheet: c.sheet, cell: c.cell, annotation: true })),
        );
        const names = entry.names.map((n) => ({
          ...n,
          item: context.workbook.names.getItemOrNullObject(n.name).load("name"),
        }));
        await context.sync();
        const now = reads.states();
        for (const c of cells) {
          queueRestore(context, this.capabilities, structure, c, now.get(cellKey(c.sheet, c.cell)), reads.commentsAt);
        }
        for (const n of names) {
          if (n.formula === null) {
            if (!n.item.isNullObject) n.item.delete();
          } else if (n.item.isNullObject) {
            context.workbook.names.add(n.name, n.formula);
          } else {
            n.item.formula = n.formula;
          }
        }
        for (const sheet of entry.createdSheets) {
          if (structure.sheets.has(sheet)) context.workbook.worksheets.getItem(sheet).delete();
        }
        for (const s of entry.addinSheets) {
          if (structure.sheets.has(s.name)) context.workbook.worksheets.getItem(s.name).delete();
          queueSheetRestore(context, s);
        }
        await context.sync();
      });
    } catch (error) {
      throw toWorkbookError(error, "WRITE_FAILED");
    } finally {
      this.writing--;
      this.quietUntil = this.now() + OWN_WRITE_QUIET_MS;
    }
    if (entry.flags) await saveFlags(this.host.settings, entry.flags);
  }
}

/** Other sheets of the add-in's in the plan (a board sheet), written like the control sheet. */
function extraSheets(plan: WritePlan): AddinSheet[] {
  const extra = (plan as { readonly boardSheet?: AddinSheet }).boardSheet;
  return extra && extra.name !== CONTROL_SHEET && Array.isArray(extra.cells) ? [extra] : [];
}

const SEVERITY_RANK = SEVERITY_ORDER;
const severityOf = (rank: number) => (["error", "warning", "info"] as const)[rank]!;

function requireWritable(structure: Structure, sheet: string, cell: string): void {
  const info = structure.sheets.get(sheet);
  if (!info) throw missingSheet(sheet, cell);
  if (info.protected) throw protectedSheet(sheet);
}

function sameColor(a: string | null | undefined, b: string): boolean {
  return !!a && a.replace(/^#/, "").toUpperCase() === b.replace(/^#/, "").toUpperCase();
}

function unique(requests: CellRequest[]): CellRequest[] {
  const seen = new Map<string, CellRequest>();
  for (const r of requests) seen.set(cellKey(r.sheet, r.cell), r);
  return [...seen.values()];
}

/** The port for the workbook open in Excel. */
export function createExcelPort(host: ExcelHost = officeHost()): ExcelPort {
  return new ExcelPort(host);
}
