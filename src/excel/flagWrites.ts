/**
 * The flags on the user's cells, written as the WritePlan decided them (Flag.cells: a fill each, the
 * note on a flag's first cell) and taken off again: earlier flags that the plan does not repeat lose the
 * add-in's fill and text, and the flag record (flagStore.ts) says what each flagged cell held before.
 * Nothing is decided here about which fill or which note a cell gets.
 */
import type { Flag } from "../plan/types";
import { joinNote, userPartOf } from "../plan/notes";
import { parseAddress } from "../grid";
import {
  type CellReads,
  type CellRequest,
  type CellState,
  cellKey,
  isWhite,
  queueFill,
  requireWritable,
  sameColor,
  type Structure,
} from "./cellState";
import { badAddress } from "./errors";
import type { FlagRecord, FlagStore } from "./flagStore";
import type { WrittenCell } from "./undoJournal";

/** One cell of the plan's flags, as it will be written. */
export interface FlagWrite {
  readonly sheet: string;
  readonly cell: string;
  /** "#FFC7CE" */
  readonly fill: string;
  /** The add-in's note, on a flag's first cell. */
  readonly note?: string;
}

/** The plan's flagged cells by cellKey, each on a sheet that stands and may be written. */
export function plannedFlagCells(structure: Structure, flags: readonly Flag[]): Map<string, FlagWrite> {
  const wanted = new Map<string, FlagWrite>();
  for (const flag of flags) {
    const bad = flag.cells.find((c) => !parseAddress(c.cell));
    if (bad) throw badAddress(flag.sheet, bad.cell);
    requireWritable(structure, flag.sheet, flag.cell);
    for (const { cell, fill, note } of flag.cells) {
      wanted.set(cellKey(flag.sheet, cell), {
        sheet: flag.sheet,
        cell,
        fill: `#${fill}`,
        ...(note !== undefined ? { note } : {}),
      });
    }
  }
  return wanted;
}

/** The flags an earlier write left on sheets that still stand: unflagged unless flagged again. */
export function earlierFlags(structure: Structure, store: FlagStore): FlagRecord[] {
  const earlier = store.flags.filter((r) => structure.sheets.has(r.sheet));
  for (const r of earlier) requireWritable(structure, r.sheet, r.cell);
  return earlier;
}

/** What to read before the write: each cell's fill, and its note or comment where the add-in's text goes or leaves. */
export function flagCellRequests(
  earlier: readonly FlagRecord[],
  wanted: ReadonlyMap<string, FlagWrite>,
  annotate: boolean,
): CellRequest[] {
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
  return [...requests.values()].map((r) => ({ ...r, annotation: annotate && r.annotation }));
}

/**
 * Queues the flags' writes: earlier flags not repeated come off, then each planned cell gets its fill and
 * note. Returns what was written (for undo) and the new flag record's entries.
 */
export function queueFlagWrites(
  context: Excel.RequestContext,
  annotate: boolean,
  earlier: readonly FlagRecord[],
  wanted: ReadonlyMap<string, FlagWrite>,
  states: ReadonlyMap<string, CellState>,
  commentsAt: CellReads["commentsAt"],
): { written: WrittenCell[]; records: FlagRecord[] } {
  const written: WrittenCell[] = [];
  const records: FlagRecord[] = [];
  const earlierByKey = new Map(earlier.map((r) => [cellKey(r.sheet, r.cell), r]));
  for (const r of earlier) {
    const key = cellKey(r.sheet, r.cell);
    if (!wanted.has(key)) written.push(queueUnflag(context, commentsAt, states.get(key)!, r));
  }
  for (const [key, w] of wanted) {
    const state = states.get(key)!;
    const before = earlierByKey.get(key);
    const original = before && sameColor(state.fill?.color, before.fill) ? before.original : state.fill!;
    const range = context.workbook.worksheets.getItem(w.sheet).getRange(w.cell);
    range.format.fill.color = w.fill;
    let text: string | null | undefined;
    if (annotate && w.note !== undefined) {
      text = queueAnnotation(context, commentsAt, state, w.note);
    } else if (annotate && before?.annotated) {
      text = queueAnnotation(context, commentsAt, state, null);
    }
    const annotated = w.note !== undefined && typeof text === "string";
    records.push({ sheet: w.sheet, cell: w.cell, fill: w.fill, original, annotated });
    written.push({
      sheet: w.sheet,
      cell: w.cell,
      fill: w.fill,
      ...(text !== undefined ? { annotation: text } : {}),
    });
  }
  return { written, records };
}

/**
 * Takes an earlier flag off its cell: the cell's own fill back where the fill is still the add-in's (one
 * the user has changed since is theirs and stays), and the add-in's text away. Returns what it left.
 */
export function queueUnflag(
  context: Excel.RequestContext,
  commentsAt: CellReads["commentsAt"],
  state: CellState,
  record: FlagRecord,
): WrittenCell {
  const ours = sameColor(state.fill?.color, record.fill);
  if (ours) {
    const range = context.workbook.worksheets.getItem(record.sheet).getRange(record.cell);
    queueFill(range, record.original);
  }
  const text = record.annotated ? queueAnnotation(context, commentsAt, state, null) : undefined;
  return {
    sheet: record.sheet,
    cell: record.cell,
    ...(ours ? { fill: isWhite(record.original.color) ? null : record.original.color } : {}),
    ...(text !== undefined ? { annotation: text } : {}),
  };
}

/**
 * A flag's text on a cell: a note after the user's own (which is kept), or
 * the add-in's comment; null removes the add-in's. Returns the text that then stands on the cell
 * (null for none), or undefined where the add-in leaves the cell's annotation alone.
 */
function queueAnnotation(
  context: Excel.RequestContext,
  commentsAt: CellReads["commentsAt"],
  state: CellState,
  text: string | null,
): string | null | undefined {
  const current = state.annotation;
  if (!current) return undefined;
  const ws = context.workbook.worksheets.getItem(state.sheet);
  if (current.kind === "note") {
    // A cell with a threaded comment keeps it alone: the fill carries the flag, the pane the message.
    if (current.foreign) return undefined;
    const content = joinNote(userPartOf(current.content), text);
    if (current.content === null) {
      if (content) ws.notes.add(state.cell, content);
    } else if (!content) {
      ws.notes.getItem(state.cell).delete();
    } else if (content !== current.content) {
      ws.notes.getItem(state.cell).content = content;
    }
    return content || null;
  }
  // Comments: the user's own comment is left alone, and then the fill carries the flag.
  if (current.foreign) return undefined;
  const ours = commentsAt(state.sheet, state.cell);
  if (text === null) {
    for (const c of ours) c.delete();
    return null;
  }
  if (ours[0]) ours[0].content = text;
  else context.workbook.comments.add(ws.getRange(state.cell), text);
  return text;
}
