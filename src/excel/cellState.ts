/**
 * What the add-in is about to overwrite, read before any write, and how to
 * put it back: the snapshot behind "Ångra" and behind the repair of a write
 * that failed half-way. Every write of the port is
 *   1. a structure read (sheets, protection, comments),
 *   2. a read of the cells it will touch (this module),
 *   3. one write batch,
 * so a refused write (a protected sheet, a deleted sheet) changes nothing. applyPlan reads 1 and 2 in
 * one round trip where the port's last read of the workbook still holds (writeGuess.ts).
 */
import { parseAddress, address as a1 } from "../grid";
import type { ExcelCapabilities } from "./capabilities";
import { asEntered } from "./asEntered";
import type { FillState } from "./flagStore";
import { isAddinText } from "../plan/notes";
import { missingSheet, protectedSheet } from "./errors";

export interface SheetInfo {
  readonly name: string;
  readonly protected: boolean;
  readonly position: number;
}

/** Step 1: the sheets, their protection, the workbook's structure protection and, with comments, every comment. */
export interface Structure {
  readonly sheets: ReadonlyMap<string, SheetInfo>;
  readonly workbookProtected: boolean;
  /**
   * Every threaded comment, from ExcelApi 1.10: where comments carry the flags (1.10–1.17), and where notes
   * do (1.18+), to leave a cell that has a user's threaded comment without a note beside it.
   */
  readonly comments?: Excel.CommentCollection;
}

export async function readStructure(
  context: Excel.RequestContext,
  capabilities: ExcelCapabilities,
  sync: () => Promise<void>,
): Promise<Structure> {
  const structure = queueStructureRead(context, capabilities);
  await sync();
  return structure();
}

/**
 * Whether a write looks at the threaded comments (ExcelApi 1.10): where comments carry the flags, and
 * where notes do, to leave a cell with a user's threaded comment without a note.
 */
export function readsComments(capabilities: ExcelCapabilities): boolean {
  return capabilities.annotations !== "none" && capabilities.apiVersion >= 10;
}

/** Step 1 queued, to go with other reads in the same round trip; the Structure once it has run. */
export function queueStructureRead(context: Excel.RequestContext, capabilities: ExcelCapabilities): () => Structure {
  const worksheets = context.workbook.worksheets.load("items/name,items/position,items/protection/protected");
  const protection = context.workbook.protection.load("protected");
  const comments = readsComments(capabilities) ? context.workbook.comments.load("items/id,items/content") : undefined;
  return () => {
    const sheets = new Map<string, SheetInfo>();
    for (const ws of worksheets.items) {
      sheets.set(ws.name, { name: ws.name, protected: ws.protection.protected, position: ws.position });
    }
    return { sheets, workbookProtected: protection.protected, ...(comments ? { comments } : {}) };
  };
}

/** The threaded comments a cell read looks among: the structure's, or those a write guessed (writeGuess.ts). */
export interface CommentsToRead {
  readonly comments?: { readonly items: readonly Excel.Comment[] };
}

/** A cell the add-in will write: its sheet must stand and not be protected. */
export function requireWritable(structure: Structure, sheet: string, cell: string): void {
  const info = structure.sheets.get(sheet);
  if (!info) throw missingSheet(sheet, cell);
  if (info.protected) throw protectedSheet(sheet);
}

/** A note, or the add-in's own comment, on a cell. A user's comment is never touched. */
export interface AnnotationState {
  readonly kind: "note" | "comment";
  /** The text, null when there is none. */
  readonly content: string | null;
  /** The cell has a comment that is not the add-in's (with notes: any threaded comment). */
  readonly foreign?: boolean;
}

export interface ContentState {
  /** Range.formulas: the formula, or the constant. */
  readonly formula: unknown;
  readonly numberFormat: string;
}

/** One cell as it was. Only the parts read are set, and only those are restored. */
export interface CellState {
  readonly sheet: string;
  readonly cell: string;
  readonly fill?: FillState;
  readonly annotation?: AnnotationState;
  readonly content?: ContentState;
}

export interface CellRequest {
  readonly sheet: string;
  readonly cell: string;
  readonly fill?: boolean;
  readonly annotation?: boolean;
  readonly content?: boolean;
}

export const cellKey = (sheet: string, cell: string) => `${sheet}\u0000${cell}`;

/** "B5:C6" → ["B5", "C5", "B6", "C6"]; undefined for a bad address. */
export function cellsOf(range: string): string[] | undefined {
  const [from, to] = range.split(":");
  const start = parseAddress(from ?? "");
  const end = to === undefined ? start : parseAddress(to);
  if (!start || !end) return undefined;
  const cells: string[] = [];
  for (let row = Math.min(start.row, end.row); row <= Math.max(start.row, end.row); row++) {
    for (let column = Math.min(start.column, end.column); column <= Math.max(start.column, end.column); column++) {
      cells.push(a1(row, column));
    }
  }
  return cells;
}

/** Queues the loads for step 2; the returned function reads them after the sync. */
export function queueCellReads(
  context: Excel.RequestContext,
  capabilities: ExcelCapabilities,
  structure: CommentsToRead,
  requests: readonly CellRequest[],
): CellReads {
  const readers: (() => CellState)[] = [];
  // Comment locations: one getLocation per comment (their cells are not a loadable property).
  const locations =
    structure.comments && requests.some((r) => r.annotation)
      ? structure.comments.items.map((c) => ({ comment: c, where: c.getLocation().load("address") }))
      : [];
  for (const r of requests) {
    const ws = context.workbook.worksheets.getItem(r.sheet);
    const range = ws.getRange(r.cell);
    const fill = r.fill ? range.format.fill.load("color,pattern,patternColor") : undefined;
    const content = r.content ? range.load("formulas,numberFormat") : undefined;
    const note =
      r.annotation && capabilities.annotations === "note"
        ? ws.notes.getItemOrNullObject(r.cell).load("content")
        : undefined;
    readers.push(() => {
      const state: { -readonly [K in keyof CellState]: CellState[K] } = { sheet: r.sheet, cell: r.cell };
      if (fill) {
        state.fill = {
          color: fill.color ?? null,
          pattern: fill.pattern ?? null,
          patternColor: fill.patternColor ?? null,
        };
      }
      if (content) {
        state.content = {
          formula: (content.formulas as unknown[][])[0]?.[0] ?? "",
          numberFormat: String((content.numberFormat as unknown[][])[0]?.[0] ?? "General"),
        };
      }
      if (note) {
        // A threaded comment on the cell is the user's conversation: the add-in adds no note beside it.
        const threaded = locations.some((l) => sameCell(l.where.address, r.sheet, r.cell));
        state.annotation = {
          kind: "note",
          content: note.isNullObject ? null : note.content,
          ...(threaded ? { foreign: true } : {}),
        };
      }
      if (r.annotation && capabilities.annotations === "comment") {
        const here = locations.filter((l) => sameCell(l.where.address, r.sheet, r.cell)).map((l) => l.comment);
        const ours = here.find((c) => isAddinText(c.content));
        state.annotation = {
          kind: "comment",
          content: ours ? ours.content : null,
          ...(here.length > 0 && !ours ? { foreign: true } : {}),
        };
      }
      return state;
    });
  }
  return {
    states: () => {
      const states = new Map<string, CellState>();
      for (const read of readers) {
        const s = read();
        states.set(cellKey(s.sheet, s.cell), s);
      }
      return states;
    },
    commentsAt: (sheet, cell) => locations.filter((l) => sameCell(l.where.address, sheet, cell)).map((l) => l.comment),
  };
}

/** Step 2's results, once synced. */
export interface CellReads {
  readonly states: () => Map<string, CellState>;
  /** The comments standing on a cell (with comments only). */
  readonly commentsAt: (sheet: string, cell: string) => Excel.Comment[];
}

/** "'Budget 2025'!B5" is the cell B5 on Budget 2025. */
export function sameCell(address: string, sheet: string, cell: string): boolean {
  const bang = address.lastIndexOf("!");
  const where = address
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  return (
    where === sheet &&
    address
      .slice(bang + 1)
      .replace(/\$/g, "")
      .toUpperCase() === cell.toUpperCase()
  );
}

export function isWhite(color: string | null | undefined): boolean {
  return !color || /^#?FFFFFF$/i.test(color);
}

/** Two colours as Office.js and the flag record give them ("#FFC7CE", "ffc7ce"): the same? */
export function sameColor(a: string | null | undefined, b: string): boolean {
  return !!a && a.replace(/^#/, "").toUpperCase() === b.replace(/^#/, "").toUpperCase();
}

/** Puts a fill back: "no fill" is cleared, a colour (and its pattern) is set again. */
export function queueFill(range: Excel.Range, fill: FillState): void {
  const none = fill.pattern === "None" || (fill.pattern === undefined && isWhite(fill.color));
  if (none || fill.color === null) {
    range.format.fill.clear();
    return;
  }
  range.format.fill.color = fill.color;
  if (fill.pattern) {
    range.format.fill.pattern = fill.pattern as Excel.FillPattern;
    if (fill.patternColor && fill.pattern !== "Solid") range.format.fill.patternColor = fill.patternColor;
  }
}

/**
 * Queues putting one cell back as `before` was, knowing how it is `now`
 * (read in the same restore). Notes and comments are added, changed or
 * deleted so that exactly the old text stands there.
 */
export function queueRestore(
  context: Excel.RequestContext,
  capabilities: ExcelCapabilities,
  structure: Structure,
  before: CellState,
  now: CellState | undefined,
  commentsAt: (sheet: string, cell: string) => Excel.Comment[],
): void {
  const ws = context.workbook.worksheets.getItem(before.sheet);
  const target = ws.getRange(before.cell);
  if (before.content) {
    target.numberFormat = [[before.content.numberFormat]];
    const f = before.content.formula;
    target.formulas = [[typeof f === "string" && f.startsWith("=") ? f : asEntered(f)]];
  }
  if (before.fill) queueFill(target, before.fill);
  const was = before.annotation;
  const is = now?.annotation;
  if (!was) return;
  if (was.kind === "note" && capabilities.annotations === "note") {
    if (was.content === (is?.content ?? null)) return;
    if (was.content === null) ws.notes.getItem(before.cell).delete();
    else if (is?.content != null) ws.notes.getItem(before.cell).content = was.content;
    else ws.notes.add(before.cell, was.content);
  } else if (was.kind === "comment" && capabilities.annotations === "comment" && structure.comments) {
    const ours = commentsAt(before.sheet, before.cell).filter((c) => isAddinText(c.content));
    if (was.content === null) {
      for (const c of ours) c.delete();
    } else if (ours[0]) {
      if (ours[0].content !== was.content) ours[0].content = was.content;
    } else if (!is?.foreign) {
      context.workbook.comments.add(target, was.content);
    }
  }
}
