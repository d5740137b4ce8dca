/**
 * A write's reads in its first round trip. What the write will overwrite (the flagged cells' fill and
 * note, the add-in's sheets as they stand) depends on the structure and the flag record, which the same
 * round trip reads. So the port reads them on the strength of what it last saw of the workbook (Seen:
 * its sheets, the flag record, the threaded comments), and the write uses those reads only where the
 * structure and record read beside them show that they hold everything it needs; otherwise it reads
 * again in a round trip more, as before. A guessed sheet or comment the user has deleted since makes
 * Excel refuse the batch (ItemNotFound): the write then runs again without a guess (GuessMissed).
 */
import { parseAddress } from "../grid";
import type { WritePlan } from "../plan/types";
import type { AddinChart, AddinSheet, SheetRead } from "./addinSheet";
import { queueSheetReads } from "./addinSheetWrites";
import type { ExcelCapabilities } from "./capabilities";
import { type CellReads, type CellRequest, cellKey, queueCellReads, readsComments, type Structure } from "./cellState";
import type { FlagStore } from "./flagStore";

/** What the port last saw of the workbook, when it read or wrote it. */
export interface Seen {
  readonly sheets: ReadonlySet<string>;
  readonly flags: FlagStore;
  /** The threaded comments' ids, where this Excel has them (ExcelApi 1.10). */
  readonly commentIds?: readonly string[];
}

/** The guessed batch named a sheet or a comment that is no longer there. */
export class GuessMissed extends Error {}

export interface Guess {
  readonly reads: CellReads;
  readonly sheetReads: Map<string, SheetRead>;
  /** Whether the guessed reads hold every cell, sheet and comment the write needs, by what was read beside them. */
  covers(structure: Structure, needed: readonly CellRequest[], sheets: readonly AddinSheet[]): boolean;
}

/**
 * Queues the reads of every cell the write may touch (the plan's flags and the flags last recorded, on the
 * sheets last seen), each with its fill and note, the add-in's sheets last seen, and the comments last seen.
 */
export function queueGuess(
  context: Excel.RequestContext,
  capabilities: ExcelCapabilities,
  seen: Seen,
  plan: WritePlan,
  sheets: readonly AddinSheet[],
  charts: () => Readonly<Record<string, AddinChart>> | undefined,
): Guess {
  const annotate = capabilities.annotations !== "none";
  const cells = new Map<string, CellRequest>();
  const add = (sheet: string, cell: string) => {
    if (seen.sheets.has(sheet) && parseAddress(cell)) {
      cells.set(cellKey(sheet, cell), { sheet, cell, fill: true, annotation: annotate });
    }
  };
  for (const r of seen.flags.flags) add(r.sheet, r.cell);
  for (const flag of plan.flags) for (const c of flag.cells) add(flag.sheet, c.cell);
  const comments = readsComments(capabilities)
    ? seen.commentIds?.map((id) => context.workbook.comments.getItem(id).load("id,content"))
    : undefined;
  const reads = queueCellReads(context, capabilities, comments ? { comments: { items: comments } } : {}, [
    ...cells.values(),
  ]);
  const guessed = new Set(sheets.filter((s) => seen.sheets.has(s.name)).map((s) => s.name));
  const sheetReads = queueSheetReads(context, guessed, sheets, charts);
  return {
    reads,
    sheetReads,
    covers: (structure, needed, addin) =>
      needed.every((r) => cells.has(cellKey(r.sheet, r.cell))) &&
      addin.every((s) => structure.sheets.has(s.name) === guessed.has(s.name)) &&
      (!structure.comments ||
        (comments !== undefined && structure.comments.items.every((c) => seen.commentIds!.includes(c.id)))),
  };
}
