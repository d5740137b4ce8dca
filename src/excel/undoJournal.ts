/**
 * The port's undo journal: what one writing command changed (an UndoEntry, taken as its checkpoint after
 * its reads and before its one write), and how that is put back, for "Ångra" and for the repair of a
 * write that failed half-way. Putting back is one batch of its own: a read of how things are now, then
 * one write; with `keepUsers` (Ångra), whatever the user has changed since the add-in wrote it is left.
 */
import type { CellRef } from "../app/workbookPort";
import { address, parseAddress } from "../grid";
import type { PageSetup } from "../plan/pageSetup";
import { type AddinSheet, queueSheetRead, queueSheetRestore, type SheetRead, type SheetSnapshot } from "./addinSheet";
import type { ExcelCapabilities } from "./capabilities";
import {
  type CellReads,
  type CellState,
  cellKey,
  isWhite,
  queueCellReads,
  queueRestore,
  readStructure,
  requireWritable,
  sameColor,
  type Structure,
} from "./cellState";
import { protectedSheet } from "./errors";
import { type FlagStore, flagsAfterUndo, queueFlagsRead, queueFlagsWrite, type StoredFlags } from "./flagStore";
import { queuePageLayout } from "./pageLayout";

/** What the add-in put in a cell, for the parts it changed: undo checks it still stands before it restores. */
export interface WrittenCell {
  readonly sheet: string;
  readonly cell: string;
  /** The fill colour it set; null where it cleared the fill. */
  readonly fill?: string | null;
  /** The note or comment text it left; null where it left none. */
  readonly annotation?: string | null;
  /** The formula or constant it wrote. */
  readonly content?: unknown;
}

/** An add-in sheet as it was before a write, and as the write left it. */
export interface AddinSheetUndo {
  readonly before: SheetSnapshot;
  readonly written: AddinSheet;
  /** How the sheet printed before, where this port set it: put back with it. */
  readonly page?: PageSetup;
}

/** What one command changed, so that undo (or the repair of a failed write) puts it back exactly. */
export interface UndoEntry {
  readonly cells: readonly CellState[];
  readonly written: readonly WrittenCell[];
  readonly createdSheets: readonly string[];
  /** What the command wrote on the sheets it added: undo removes such a sheet only while it holds nothing else. */
  readonly createdCells?: readonly WrittenCell[];
  /** The names as they were before the command (null: it added the name). */
  readonly names: readonly { readonly name: string; readonly formula: string | null }[];
  /** What the command set each of those names to: undo leaves a name the user has changed since. */
  readonly namesWritten?: readonly { readonly name: string; readonly formula: string }[];
  readonly addinSheets: readonly AddinSheetUndo[];
  /** The flag record as stored before; undefined when the command left it alone. */
  readonly flags?: StoredFlags;
  /** The flag record as the command left it: undo keeps what others have flagged since (flagsAfterUndo). */
  readonly flagsWritten?: FlagStore;
}

/** One round trip of a command: a read (the default), or its one write. */
export type Sync = (kind?: "read" | "write") => Promise<void>;

/** A writing command: its reads, then checkpoint(what they held), then its one write. */
export type CommandBody = (
  context: Excel.RequestContext,
  sync: Sync,
  checkpoint: (entry: UndoEntry) => void,
) => Promise<void>;

/** What putting an entry back left: the cells and sheets kept as the user changed them, the sheets to remove. */
export interface Restored {
  readonly kept: readonly CellRef[];
  /** Sheets the write added that the user has typed in since: kept, the add-in's cells cleared; the first such cell. */
  readonly keptSheets: readonly CellRef[];
  /** Names the user has changed since the add-in set them: left as the user left them. */
  readonly keptNames: readonly string[];
  /** Sheets the entry's write added: removed after, outside any undo group (Worksheet.delete has no undo). */
  readonly remove: readonly string[];
}

/**
 * Puts back what an entry recorded, in the batch of `context`: its own read of how things are now, then
 * one write. With `keepUsers` (Ångra), a cell or add-in sheet that no longer holds what the add-in wrote
 * is the user's since, and is left alone and named.
 */
export async function restoreEntry(
  context: Excel.RequestContext,
  capabilities: ExcelCapabilities,
  entry: UndoEntry,
  keepUsers: boolean,
  /** Queued with the write: the undo record without this entry. */
  alsoWrite: () => void = () => {},
): Promise<Restored> {
  const flagsRead = entry.flags ? queueFlagsRead(context) : undefined;
  const structure = await readStructure(context, capabilities, () => context.sync());
  const cells = entry.cells.filter((c) => structure.sheets.has(c.sheet) && !entry.createdSheets.includes(c.sheet));
  for (const c of cells) requireWritable(structure, c.sheet, c.cell);
  for (const s of entry.addinSheets) {
    if (structure.sheets.get(s.before.name)?.protected) throw protectedSheet(s.before.name);
  }
  const reads = queueCellReads(context, capabilities, structure, cells.map(restoreRequest(keepUsers)));
  const sheetReads = new Map(
    entry.addinSheets
      .filter((s) => structure.sheets.has(s.before.name))
      .map((s) => [s.before.name, queueSheetRead(context, s.before.name, () => undefined)]),
  );
  const names = entry.names.map((n) => ({
    ...n,
    item: context.workbook.names.getItemOrNullObject(n.name).load("name,formula"),
  }));
  const created = entry.createdSheets.filter((sheet) => structure.sheets.has(sheet));
  // A sheet the write added, as it holds now: the user may have typed in it since.
  const createdNow = keepUsers
    ? created.map((sheet) => ({
        sheet,
        used: context.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(true).load("address,formulas"),
      }))
    : [];
  await context.sync();
  const keptCells = queueCellRestores(context, capabilities, structure, entry, cells, reads, keepUsers);
  const keptNames = queueNameRestores(context, names, keepUsers ? entry.namesWritten : undefined);
  const keptSheets = createdNow.flatMap(({ sheet, used }) => {
    const mine = (entry.createdCells ?? []).filter((w) => w.sheet === sheet);
    const now = used.isNullObject ? new Map<string, string>() : filledCells(used.address, used.formulas as unknown[][]);
    // What the add-in wrote, as Excel shows it: a constant without the apostrophe that kept it text.
    const expected = new Map(mine.map((w) => [w.cell, String(w.content ?? "").replace(/^'/, "")]));
    const changed = [...now].find(([at, content]) => content !== (expected.get(at) ?? ""))?.[0];
    if (!changed) return [];
    // The user's sheet now: only what the add-in wrote and the user left goes.
    const ws = context.workbook.worksheets.getItem(sheet);
    for (const [at, content] of expected) if ((now.get(at) ?? content) === content) ws.getRange(at).clear();
    return [{ sheet, cell: changed }];
  });
  const sheets = queueAddinSheetRestores(context, entry.addinSheets, sheetReads, keepUsers);
  if (entry.flags && flagsRead) {
    const now = flagsRead();
    queueFlagsWrite(context, flagsAfterUndo(entry.flags.store, entry.flagsWritten, now.store), now.stored);
  }
  alsoWrite();
  await context.sync();
  const kept = new Set(keptSheets.map((k) => k.sheet));
  return {
    kept: [...keptCells, ...sheets.kept],
    keptSheets,
    keptNames,
    remove: [...created.filter((s) => !kept.has(s)), ...sheets.remove],
  };
}

/** The cells of a used range that hold something, row by row, each as Excel shows its formula or constant. */
function filledCells(usedAddress: string, formulas: unknown[][]): Map<string, string> {
  const start = parseAddress(usedAddress.slice(usedAddress.lastIndexOf("!") + 1).split(":")[0]!)!;
  const cells = new Map<string, string>();
  formulas.forEach((row, i) =>
    row.forEach((value, j) => {
      if (value !== null && value !== undefined && value !== "")
        cells.set(address(start.row + i, start.column + j), String(value));
    }),
  );
  return cells;
}

/** What to read of a cell before putting it back: with keepUsers, also what shows whether the user changed it. */
function restoreRequest(keepUsers: boolean) {
  return (c: CellState) => ({
    sheet: c.sheet,
    cell: c.cell,
    fill: keepUsers && c.fill !== undefined,
    annotation: c.annotation !== undefined,
    content: keepUsers && c.content !== undefined,
  });
}

/** Each cell back as it was, but (with keepUsers) those the user changed since; returns those. */
function queueCellRestores(
  context: Excel.RequestContext,
  capabilities: ExcelCapabilities,
  structure: Structure,
  entry: UndoEntry,
  cells: readonly CellState[],
  reads: CellReads,
  keepUsers: boolean,
): CellRef[] {
  const kept: CellRef[] = [];
  const now = reads.states();
  const written = new Map(entry.written.map((w) => [cellKey(w.sheet, w.cell), w]));
  for (const c of cells) {
    const key = cellKey(c.sheet, c.cell);
    if (keepUsers && changedSince(written.get(key), now.get(key))) {
      kept.push({ sheet: c.sheet, cell: c.cell });
      continue;
    }
    queueRestore(context, capabilities, structure, c, now.get(key), reads.commentsAt);
  }
  return kept;
}

/**
 * The workbook's names as they were: removed where the command added them, else their formula back. Given
 * what the command set them to, a name the user has changed since is left, and returned.
 */
function queueNameRestores(
  context: Excel.RequestContext,
  names: readonly { readonly name: string; readonly formula: string | null; readonly item: Excel.NamedItem }[],
  written: readonly { readonly name: string; readonly formula: string }[] | undefined,
): string[] {
  const kept: string[] = [];
  const setTo = new Map((written ?? []).map((w) => [w.name.toLowerCase(), w.formula]));
  for (const n of names) {
    const mine = setTo.get(n.name.toLowerCase());
    if (mine !== undefined && !n.item.isNullObject && !sameReference(String(n.item.formula), mine)) {
      kept.push(n.name);
      continue;
    }
    if (n.formula === null) {
      if (!n.item.isNullObject) n.item.delete();
    } else if (n.item.isNullObject) {
      context.workbook.names.add(n.name, n.formula);
    } else {
      n.item.formula = n.formula;
    }
  }
  return kept;
}

/** Two references the same but for "$" and the leading "=". */
const sameReference = (a: string, b: string) => a.replace(/[$=]/g, "") === b.replace(/[$=]/g, "");

/**
 * The add-in's sheets as they were (and how they printed); one the command added is to be removed. With
 * keepUsers, a sheet the user has typed in since is left, named by its first changed cell.
 */
function queueAddinSheetRestores(
  context: Excel.RequestContext,
  sheets: readonly AddinSheetUndo[],
  sheetReads: ReadonlyMap<string, SheetRead>,
  keepUsers: boolean,
): Pick<Restored, "kept" | "remove"> {
  const kept: CellRef[] = [];
  const remove: string[] = [];
  for (const { before, written: sheet, page } of sheets) {
    const current = sheetReads.get(before.name);
    const changed = keepUsers && current ? firstChange(current.snapshot(), sheet) : undefined;
    if (changed) kept.push({ sheet: before.name, cell: changed });
    else if (before.existed) {
      queueSheetRestore(context, before, current);
      if (page) queuePageLayout(context.workbook.worksheets.getItem(before.name), page);
    } else if (current) remove.push(before.name);
  }
  return { kept, remove };
}

/** Whether a cell no longer holds what the add-in wrote there (so the user has changed it since). */
function changedSince(written: WrittenCell | undefined, now: CellState | undefined): boolean {
  if (!written || !now) return false;
  if (written.fill !== undefined && now.fill) {
    const same = written.fill === null ? isWhite(now.fill.color) : sameColor(now.fill.color, written.fill);
    if (!same) return true;
  }
  if (written.annotation !== undefined && now.annotation && (now.annotation.content ?? null) !== written.annotation) {
    return true;
  }
  if (written.content !== undefined && now.content && String(now.content.formula) !== String(written.content)) {
    return true;
  }
  return false;
}

/** The first cell of an add-in sheet that no longer holds what the add-in wrote; undefined when none. */
function firstChange(now: SheetSnapshot, sheet: AddinSheet): string | undefined {
  const expected = new Map(sheet.cells.map((c) => [c.cell, c.formula ?? c.value ?? ""]));
  const seen = new Set<string>();
  if (now.existed && now.address && now.formulas) {
    const start = parseAddress(now.address.split(":")[0]!)!;
    for (let i = 0; i < now.formulas.length; i++) {
      const row = now.formulas[i]!;
      for (let j = 0; j < row.length; j++) {
        const at = address(start.row + i, start.column + j);
        seen.add(at);
        if (String(row[j] ?? "") !== String(expected.get(at) ?? "")) return at;
      }
    }
  }
  for (const [at, value] of expected) if (!seen.has(at) && String(value) !== "") return at;
  return undefined;
}
