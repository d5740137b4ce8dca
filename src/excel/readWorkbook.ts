/**
 * Reads the open workbook into a Grid. An ordinary workbook takes two round
 * trips (context.sync() calls):
 * 1. the sheets (name, visibility) and the workbook's defined names;
 * 2. at once, for every sheet: its used range (Worksheet.getUsedRange, which
 *    is never a null object: a blank sheet's is A1), its values, formulas and
 *    number formats within AT_ONCE, A1:AF8192 (Range.getIntersection), the visible
 *    rows of its first column (getVisibleView, ExcelApi 1.3), its merged
 *    areas (ExcelApi 1.13) and its sheet-level names.
 * One round trip cannot do it all: a sheet is reached by its name
 * (WorksheetCollection.getItem), or by getFirst() and getNextOrNullObject()
 * (ExcelApi 1.5), but no page says what a method of a null object does in the
 * batch that made it, so chaining past the last sheet is not relied on
 * (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model,
 * "*OrNullObject methods and properties").
 *
 * What step 2 cannot take is read as it was before, from step 2's used
 * ranges: a sheet whose used range passes AT_ONCE, in step 3 and after
 * (one round trip more, or more as below). Where Excel refuses step 2 itself,
 * the response over Excel on the web's 5 MB ("ResponsePayloadSizeLimitExceeded")
 * or a range over the 5 000 000 cells a read may take ("RangeExceedsLimit",
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization),
 * the whole workbook is read in the steps below, one round trip more than before:
 * 2′. each sheet's used range (address, size, whether its rows are hidden)
 *    and its sheet-level names;
 * 3. every used range's values, formulas and number formats, the merged
 *    areas and, only for a sheet with some rows hidden, the visible rows of
 *    its first column. Only a workbook whose cells would exceed the payload
 *    limit is read in chunks of rows here: each chunk is then a round trip of
 *    its own. Nothing but these properties is loaded.
 *
 * A used range of more cells than a sheet is ever read for (SPARSE_ABOVE_CELLS)
 * claims more than it holds: one value in XFD1048576 makes it A1:XFD1048576,
 * 17 billion cells. Such a sheet is read by the cells that exist, its
 * constants and its formulas (Range.getSpecialCellsOrNullObject, ExcelApi 1.9,
 * https://learn.microsoft.com/javascript/api/excel/excel.range), at a cost of
 * one round trip more (2b: how many cells and areas each holds), then their
 * areas' values in step 3 with everything else. Only where those areas'
 * cells pass the payload budget: one more round trip for their addresses
 * (2c) and then chunks of rows, as for a used range; and where some of the
 * sheet's rows are hidden, one more (4) for the visible rows of the areas.
 */
import { columnLetters, GRID_LIMITS, type Grid, type GridSheet } from "../grid";
import { WorkbookError } from "../app/workbookPort";
import {
  type AreaData,
  definedNamesFrom,
  gridSheetFromAreas,
  gridSheetFromRange,
  rangeCorners,
  type RangeData,
  rowOf,
} from "./gridFromRange";

/** What one read cost: round trips and cells read, and why it took more than two. */
export interface ReadStats {
  syncs: number;
  cells: number;
  /** "payload": Excel refused step 2 (payload or read limit); "large": a sheet's used range passed AT_ONCE. */
  further?: "payload" | "large";
}

/**
 * What step 2 reads of each sheet at once, A1:AF8192: 32 columns by 8 192 rows. Even where all of it is
 * empty (a used range far beyond its cells), its values, formulas and formats, some 16 bytes a cell, stay
 * under Excel on the web's 5 MB response (262 144 cells, about 4 MB). A sheet within it is read whole.
 */
export const AT_ONCE = `A1:${columnLetters(32)}${8 * 1024}`;

/** Excel on the web refuses a response over 5 MB; stay well below it. */
export const PAYLOAD_BUDGET_BYTES = 4 * 1024 * 1024;
/**
 * A generous estimate of a cell's share of the response, for its three
 * arrays (values, formulas, number formats as JSON): a number and its
 * format take about 30 bytes, a label some more.
 */
export const BYTES_PER_CELL = 32;
/**
 * A used range above this many cells is read by the cells that exist. The
 * most cells a sheet is read for (GRID_LIMITS.cells, a million): a budget
 * holds some thousands, and up to here the used range costs at most
 * 1 000 000 × 32 bytes / 4 MB = 8 round trips, read as it always was.
 */
export const SPARSE_ABOVE_CELLS = GRID_LIMITS.cells;
/**
 * An area's share of a response beyond its cells: its address (a sheet name
 * of up to 31 characters, quoted, and "XFD1048576:XFD1048576"), the brackets
 * of its arrays and its rowHidden.
 */
export const BYTES_PER_AREA = 96;
/** Ranges asked for in one round trip at the most, so a request stays small too (about 200 bytes each). */
export const MAX_RANGES_PER_SYNC = 5_000;

const AREA_CELLS = Math.ceil(BYTES_PER_AREA / BYTES_PER_CELL);
const MAX_CELLS = Math.floor(PAYLOAD_BUDGET_BYTES / BYTES_PER_CELL);

/** Round trips being filled: each holds reads of at most MAX_CELLS cells' worth and MAX_RANGES_PER_SYNC ranges. */
class Batches {
  readonly list: (() => void)[][] = [[]];
  private cells = 0;
  private ranges = 0;

  /** Cells the current batch still has room for. */
  get room(): number {
    return this.ranges >= MAX_RANGES_PER_SYNC ? 0 : MAX_CELLS - this.cells;
  }

  next(): void {
    this.list.push([]);
    this.cells = 0;
    this.ranges = 0;
  }

  add(cells: number, queue: () => void): void {
    if (cells > this.room && this.list[this.list.length - 1]!.length > 0) this.next();
    this.list[this.list.length - 1]!.push(queue);
    this.cells += cells;
    this.ranges++;
  }

  /** Queued work that reads nothing large (merged areas, visible rows): into the first batch. */
  first(queue: () => void): void {
    this.list[0]!.push(queue);
  }

  async run(sync: () => Promise<void>): Promise<void> {
    for (const batch of this.list) {
      if (batch.length === 0) continue;
      for (const queue of batch) queue();
      await sync();
    }
  }
}

function tooManyAreas(sheet: string, areas: number): WorkbookError {
  return new WorkbookError(
    "READ_FAILED",
    {
      sv: `Bladet ”${sheet}” har ${areas} åtskilda områden med värden, fler än Excel kan lämna till tillägget på en gång. Ta bort det som inte hör till budgeten (till exempel enstaka celler långt ner eller till höger) och försök igen.`,
      en: `The sheet "${sheet}" has ${areas} separate areas with values, more than Excel can hand to the add-in at once. Remove what does not belong to the budget (for instance single cells far down or to the right) and try again.`,
    },
    { sheet },
  );
}

/** A sheet as step 2 found it: the worksheet, its used range and its sheet-level names, and what it read at once. */
interface UsedSheet {
  readonly worksheet: Excel.Worksheet;
  readonly used: Excel.Range;
  readonly sheetNames: Excel.NamedItemCollection;
  readonly atOnce?: {
    readonly cells: Excel.Range;
    readonly visible: Excel.RangeView;
    readonly merged: Excel.RangeAreas;
  };
}

/** A sheet being read: what is known of it so far, and the reads queued for it. */
interface Pending {
  readonly worksheet: Excel.Worksheet;
  readonly used: Excel.Range;
  readonly data: { -readonly [K in keyof RangeData]: RangeData[K] };
  chunks: Excel.Range[];
  merged?: Excel.RangeAreas;
  visible?: Excel.RangeView;
  top: number;
  bottom: number;
  /** Read by the cells that exist: its constants and formulas (2b), their areas (3). */
  sparse?: Sparse;
  /** Read whole in step 2: nothing more to queue. */
  done?: true;
}

interface Sparse {
  special: Excel.RangeAreas[];
  /** Special cells whose areas come whole, values and all, in one read. */
  whole: Excel.RangeCollection[];
  /** Special cells too large for that: their addresses first (2c), then chunks of rows. */
  located: Excel.RangeCollection[];
  chunks: Excel.Range[];
  /** The first column's visible rows of each area with some rows hidden (4). */
  views: Excel.RangeView[];
}

/** A sparse sheet and its state. */
interface SparseSheet {
  readonly p: Pending;
  readonly s: Sparse;
}

type Sync = () => Promise<void>;

/** The open workbook as a Grid, in the round trips the module's comment lists. */
export async function readWorkbookGrid(
  context: Excel.RequestContext,
  stats: ReadStats = { syncs: 0, cells: 0 },
): Promise<Grid> {
  const sync = async () => {
    stats.syncs++;
    await context.sync();
  };
  const workbook = context.workbook;
  const worksheets = workbook.worksheets.load("items/name,items/visibility");
  const names = workbook.names.load("items/name,items/formula");
  await sync(); // 1

  const atOnce = worksheets.items.map(queueAtOnce);
  let sheets: UsedSheet[];
  try {
    await sync(); // 2
    sheets = atOnce;
  } catch (error) {
    if (!refusedAsTooLarge(error)) throw error;
    stats.further = "payload";
    sheets = worksheets.items.map(queueUsedRange);
    await sync(); // 2′
  }

  for (const { atOnce } of sheets) if (atOnce) stats.cells += cellCount(atOnce.cells.address);
  const pending = sheets.map((sheet) => readAlready(sheet) ?? pendingSheet(sheet));
  if (stats.further === undefined && pending.some((p) => !p.done)) stats.further = "large";
  const sparse = pending.flatMap((p) => (p.sparse ? [{ p, s: p.sparse }] : []));
  await countSpecialCells(sparse, sync); // 2b

  // Step 3, split into batches that each stay under the payload limit.
  const batches = new Batches();
  await queueSparseAreas(sparse, batches, stats, sync); // 2c where an area's addresses come first
  queueUsedRanges(pending, batches, stats);
  await batches.run(sync); // 3 (and one more per chunk beyond the payload limit)
  await readVisibleAreaRows(pending, sync); // 4

  const definedNames = definedNamesFrom(
    names.items.map((n) => ({ name: n.name, formula: n.formula as unknown })),
    sheets.flatMap(({ sheetNames }) => sheetNames.items.map((n) => ({ name: n.name, formula: n.formula as unknown }))),
  );
  return { sheets: pending.map(gridSheetOf), definedNames };
}

/** Step 2 for one sheet: everything, within AT_ONCE. */
function queueAtOnce(worksheet: Excel.Worksheet): UsedSheet {
  const used = worksheet.getUsedRange(true);
  used.load("address,rowCount,columnCount,rowHidden");
  const cells = used.getIntersection(AT_ONCE).load("address,values,formulas,numberFormat");
  return {
    worksheet,
    used,
    sheetNames: worksheet.names.load("items/name,items/formula"),
    atOnce: {
      cells,
      visible: cells.getColumn(0).getVisibleView().load("cellAddresses"),
      merged: used.getMergedAreasOrNullObject().load("address"),
    },
  };
}

/**
 * The codes with which Excel refuses step 2 for its size (a response over 5 MB, a range over the cells a
 * read may take) or because a sheet's used range lies wholly outside AT_ONCE (Range.getIntersection
 * finds none: ItemNotFound): then the workbook is read in steps.
 */
function refusedAsTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RangeExceedsLimit" || code === "ItemNotFound";
}

/**
 * A sheet step 2 read whole (its used range within AT_ONCE), as it will be in the Grid; undefined where
 * it must be read in the steps after.
 */
function readAlready({ worksheet, used, atOnce }: UsedSheet): Pending | undefined {
  if (!atOnce || atOnce.cells.address !== used.address) return undefined;
  const cells = atOnce.cells;
  const data: Pending["data"] = { name: worksheet.name, visibility: worksheet.visibility };
  const corners = rangeCorners(used.address)!;
  const blank = used.rowCount === 1 && used.columnCount === 1 && isBlank(cells);
  const p: Pending = { worksheet, used, data, chunks: [], top: corners.top, bottom: corners.bottom, done: true };
  if (blank) return { ...p, top: 0, bottom: -1 };
  data.address = used.address;
  data.values = cells.values as unknown[][];
  data.formulas = cells.formulas as unknown[][];
  data.numberFormat = cells.numberFormat as unknown[][];
  p.merged = atOnce.merged;
  if (used.rowHidden === true) data.hiddenRows = Array.from({ length: used.rowCount }, (_, i) => corners.top + i);
  else if (used.rowHidden === null) p.visible = atOnce.visible;
  return p;
}

/** The cells of a range by its address ("Budget!B2:F30" holds 145). */
function cellCount(address: string): number {
  const c = rangeCorners(address)!;
  return (c.bottom - c.top + 1) * (c.right - c.left + 1);
}

/** A blank sheet's used range is its top left cell, with nothing in it. */
function isBlank(cell: Excel.Range): boolean {
  const value = (cell.values as unknown[][])[0]?.[0];
  const formula = (cell.formulas as unknown[][])[0]?.[0];
  return (value === "" || value === null) && (formula === "" || formula === null);
}

/** Step 2′ for one sheet: its used range (address, size, whether its rows are hidden) and its names. */
function queueUsedRange(worksheet: Excel.Worksheet): UsedSheet {
  const used = worksheet.getUsedRangeOrNullObject(true);
  used.load("address,rowCount,columnCount,rowHidden");
  const sheetNames = worksheet.names.load("items/name,items/formula");
  return { worksheet, used, sheetNames };
}

/** A sheet after step 2: empty, read by its used range, or (a used range past SPARSE_ABOVE_CELLS) by its cells. */
function pendingSheet({ worksheet, used }: UsedSheet): Pending {
  const data: Pending["data"] = { name: worksheet.name, visibility: worksheet.visibility };
  if (used.isNullObject) return { worksheet, used, data, chunks: [], top: 0, bottom: -1 };
  data.address = used.address;
  const corners = rangeCorners(used.address)!;
  const p: Pending = { worksheet, used, data, chunks: [], top: corners.top, bottom: corners.bottom };
  if (used.rowCount * used.columnCount > SPARSE_ABOVE_CELLS) {
    p.sparse = { special: [], whole: [], located: [], chunks: [], views: [] };
  } else if (used.rowHidden === true) {
    data.hiddenRows = Array.from({ length: used.rowCount }, (_, i) => corners.top + i);
  }
  return p;
}

/** 2b: how many cells and areas a sheet's constants and formulas hold, for a used range larger than its cells. */
async function countSpecialCells(sparse: readonly SparseSheet[], sync: Sync): Promise<void> {
  if (sparse.length === 0) return;
  for (const { p, s } of sparse) {
    // Excel.SpecialCellType.constants and .formulas: together, every cell with a value or a formula.
    for (const type of ["Constants", "Formulas"] as const) {
      s.special.push(p.used.getSpecialCellsOrNullObject(type).load("cellCount,areaCount"));
    }
  }
  await sync();
}

/**
 * Step 3's reads of the sparse sheets' areas: whole, values and all, where they fit the payload budget;
 * otherwise their addresses first (2c, a round trip of its own) and then chunks of rows.
 */
async function queueSparseAreas(
  sparse: readonly SparseSheet[],
  batches: Batches,
  stats: ReadStats,
  sync: Sync,
): Promise<void> {
  const locate = new Batches();
  for (const { p, s } of sparse) {
    for (const special of s.special) {
      if (special.isNullObject) continue;
      const areas = special.areaCount;
      // cellCount is -1 past 2^31-1 cells.
      const cells = special.cellCount < 0 ? Infinity : special.cellCount;
      if (cells + areas * AREA_CELLS <= MAX_CELLS) {
        stats.cells += cells;
        batches.add(cells + areas * AREA_CELLS, () => {
          s.whole.push(
            special.areas.load("items/address,items/values,items/formulas,items/numberFormat,items/rowHidden"),
          );
        });
      } else if (areas * AREA_CELLS <= MAX_CELLS) {
        locate.add(areas * AREA_CELLS, () => {
          s.located.push(special.areas.load("items/address"));
        });
      } else {
        throw tooManyAreas(p.data.name, areas);
      }
    }
  }
  if (locate.list[0]!.length > 0) await locate.run(sync); // 2c
  for (const { p, s } of sparse) {
    for (const located of s.located) {
      for (const area of located.items) queueAreaChunks(p.worksheet, s, rangeCorners(area.address)!, batches, stats);
    }
  }
}

/** One located area of a sparse sheet, in chunks of rows that each fit a batch. */
function queueAreaChunks(
  worksheet: Excel.Worksheet,
  s: Sparse,
  corners: { top: number; left: number; bottom: number; right: number },
  batches: Batches,
  stats: ReadStats,
): void {
  const columns = corners.right - corners.left + 1;
  const rowsPerChunk = Math.max(1, Math.floor(MAX_CELLS / columns));
  for (let from = corners.top; from <= corners.bottom; from += rowsPerChunk) {
    const to = Math.min(corners.bottom, from + rowsPerChunk - 1);
    const cells = (to - from + 1) * columns;
    stats.cells += cells;
    batches.add(cells, () => {
      const range = worksheet.getRange(`${columnLetters(corners.left)}${from}:${columnLetters(corners.right)}${to}`);
      s.chunks.push(range.load("address,values,formulas,numberFormat,rowHidden"));
    });
  }
}

/**
 * Step 3's other reads: every sheet's merged areas, and each sheet read by its used range, its rows
 * (split across batches where they must be) and, where only some rows are hidden, the visible rows.
 */
function queueUsedRanges(pending: readonly Pending[], batches: Batches, stats: ReadStats): void {
  for (const p of pending) {
    const used = p.used;
    if (p.done || used.isNullObject) continue;
    batches.first(() => {
      p.merged = used.getMergedAreasOrNullObject().load("address");
    });
    if (p.sparse) continue;
    const { rowCount, columnCount } = used;
    const rowsPerChunk = Math.max(1, Math.floor(MAX_CELLS / Math.max(1, columnCount)));
    const corners = rangeCorners(used.address)!;
    p.data.values = [];
    p.data.formulas = [];
    p.data.numberFormat = [];
    // Fill each batch up to the budget, a sheet's rows split across batches where they must be.
    for (let start = 0; start < rowCount;) {
      let room = Math.floor(batches.room / Math.max(1, columnCount));
      if (room < 1) {
        batches.next();
        room = rowsPerChunk;
      }
      const rows = Math.min(room, rowCount - start);
      const from = corners.top + start;
      stats.cells += rows * columnCount;
      batches.add(rows * columnCount, () => {
        const range = p.worksheet.getRange(
          `${columnLetters(corners.left)}${from}:${columnLetters(corners.right)}${from + rows - 1}`,
        );
        range.load("values,formulas,numberFormat");
        p.chunks.push(range);
      });
      start += rows;
    }
    if (used.rowHidden === null) {
      batches.first(() => {
        // The visible rows of the first column; the others are hidden.
        p.visible = used.getColumn(0).getVisibleView().load("cellAddresses");
      });
    }
  }
}

/** A sparse sheet's areas, as read whole or in chunks. */
const areasOf = (s: Sparse): Excel.Range[] => [...s.whole.flatMap((c) => c.items), ...s.chunks];

/** 4: for a sheet read by its cells with some rows hidden, the visible rows of each area that has some hidden. */
async function readVisibleAreaRows(pending: readonly Pending[], sync: Sync): Promise<void> {
  const views = new Batches();
  for (const p of pending) {
    if (!p.sparse || p.used.rowHidden !== null) continue;
    const s = p.sparse;
    for (const area of areasOf(s)) {
      if (area.rowHidden !== null) continue;
      const corners = rangeCorners(area.address)!;
      views.add(corners.bottom - corners.top + 1, () => {
        s.views.push(area.getColumn(0).getVisibleView().load("cellAddresses"));
      });
    }
  }
  if (views.list[0]!.length > 0) await views.run(sync);
}

/** A sheet's grid from what was read: by its areas where it was read by its cells, else by its used range. */
function gridSheetOf(p: Pending): GridSheet {
  const merges = p.merged && !p.merged.isNullObject ? p.merged.address.split(",").map((a) => a.trim()) : undefined;
  if (p.sparse) return sparseGridSheet(p, p.sparse, merges);
  for (const range of p.chunks) {
    p.data.values = [...(p.data.values ?? []), ...(range.values as unknown[][])];
    p.data.formulas = [...(p.data.formulas ?? []), ...(range.formulas as unknown[][])];
    p.data.numberFormat = [...(p.data.numberFormat ?? []), ...(range.numberFormat as unknown[][])];
  }
  if (merges) p.data.merges = merges;
  if (p.visible) {
    const shown = new Set(shownRows(p.visible));
    const hidden: number[] = [];
    for (let r = p.top; r <= p.bottom; r++) if (!shown.has(r)) hidden.push(r);
    p.data.hiddenRows = hidden;
  }
  return gridSheetFromRange(p.data);
}

/** A sheet read by its cells: its areas, and the rows hidden among them. */
function sparseGridSheet(p: Pending, s: Sparse, merges: string[] | undefined): GridSheet {
  const areas: AreaData[] = areasOf(s).map((range) => ({
    address: range.address,
    values: range.values as unknown[][],
    formulas: range.formulas as unknown[][],
    numberFormat: range.numberFormat as unknown[][],
  }));
  const rowHidden = p.used.rowHidden;
  const hidden: number[] = [];
  if (rowHidden === null) {
    const shown = new Set(s.views.flatMap((v) => shownRows(v)));
    for (const area of areasOf(s)) {
      const corners = rangeCorners(area.address)!;
      if (area.rowHidden === true || area.rowHidden === null) {
        for (let r = corners.top; r <= corners.bottom; r++) if (area.rowHidden || !shown.has(r)) hidden.push(r);
      }
    }
  }
  return gridSheetFromAreas({
    name: p.data.name,
    visibility: p.data.visibility,
    areas,
    hiddenRows: rowHidden === true ? "all" : hidden,
    ...(merges ? { merges } : {}),
  });
}

/** The rows a visible view shows, from its first column's addresses. */
function shownRows(view: Excel.RangeView): number[] {
  const rows: number[] = [];
  for (const row of view.cellAddresses as unknown[][]) {
    const r = typeof row[0] === "string" ? rowOf(row[0]) : undefined;
    if (r !== undefined) rows.push(r);
  }
  return rows;
}
