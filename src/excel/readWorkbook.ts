/**
 * Reads the open workbook into a Grid in a fixed number of round trips
 * (context.sync() calls), whatever its size:
 * 1. the sheets (name, visibility) and the workbook's defined names;
 * 2. each sheet's used range (address, size, whether its rows are hidden)
 *    and its sheet-level names;
 * 3. every used range's values, formulas and number formats, the merged
 *    areas (ExcelApi 1.13) and, only for a sheet with some rows hidden, the
 *    visible rows of its first column (getVisibleView, ExcelApi 1.3).
 * Only a workbook whose cells would exceed Excel's 5 MB payload limit (Excel
 * on the web) is read in chunks of rows in step 3: each chunk is then a
 * round trip of its own. Nothing but these properties is loaded.
 */
import { columnLetters, type Grid } from "../sheet/grid";
import { definedNamesFrom, gridSheetFromRange, rangeCorners, type RangeData, rowOf } from "./gridFromRange";

/** What one read cost: round trips and cells read. */
export interface ReadStats {
  syncs: number;
  cells: number;
}

/** Excel on the web refuses a response over 5 MB; stay well below it. */
export const PAYLOAD_BUDGET_BYTES = 4 * 1024 * 1024;
/**
 * A generous estimate of a cell's share of the response, for its three
 * arrays (values, formulas, number formats as JSON): a number and its
 * format take about 30 bytes, a label some more.
 */
export const BYTES_PER_CELL = 32;

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

  const sheets = worksheets.items.map((worksheet) => {
    const used = worksheet.getUsedRangeOrNullObject(true);
    used.load("address,rowCount,columnCount,rowHidden");
    const sheetNames = worksheet.names.load("items/name,items/formula");
    return { worksheet, used, sheetNames };
  });
  await sync(); // 2

  interface Pending {
    readonly worksheet: Excel.Worksheet;
    readonly data: { -readonly [K in keyof RangeData]: RangeData[K] };
    chunks: Excel.Range[];
    merged?: Excel.RangeAreas;
    visible?: Excel.RangeView;
    top: number;
    bottom: number;
  }
  const pending: Pending[] = sheets.map(({ worksheet, used }) => {
    const data: Pending["data"] = { name: worksheet.name, visibility: worksheet.visibility };
    if (used.isNullObject) return { worksheet, data, chunks: [], top: 0, bottom: -1 };
    data.address = used.address;
    const corners = rangeCorners(used.address)!;
    if (used.rowHidden === true) {
      data.hiddenRows = Array.from({ length: used.rowCount }, (_, i) => corners.top + i);
    }
    return { worksheet, data, chunks: [], top: corners.top, bottom: corners.bottom };
  });

  // Step 3, split into batches that each stay under the payload limit.
  const batches: (() => void)[][] = [[]];
  let batchCells = 0;
  const maxCells = Math.floor(PAYLOAD_BUDGET_BYTES / BYTES_PER_CELL);
  for (const [k, p] of pending.entries()) {
    const used = sheets[k]!.used;
    if (used.isNullObject) continue;
    const { rowCount, columnCount } = used;
    const rowsPerChunk = Math.max(1, Math.floor(maxCells / Math.max(1, columnCount)));
    const corners = rangeCorners(used.address)!;
    p.data.values = [];
    p.data.formulas = [];
    p.data.numberFormat = [];
    // Fill each batch up to the budget, a sheet's rows split across batches where they must be.
    for (let start = 0; start < rowCount;) {
      let room = Math.floor((maxCells - batchCells) / Math.max(1, columnCount));
      if (room < 1) {
        batches.push([]);
        batchCells = 0;
        room = rowsPerChunk;
      }
      const rows = Math.min(room, rowCount - start);
      const from = corners.top + start;
      batchCells += rows * columnCount;
      stats.cells += rows * columnCount;
      batches[batches.length - 1]!.push(() => {
        const range = p.worksheet.getRange(
          `${columnLetters(corners.left)}${from}:${columnLetters(corners.right)}${from + rows - 1}`,
        );
        range.load("values,formulas,numberFormat");
        p.chunks.push(range);
      });
      start += rows;
    }
    const first = batches[0]!;
    first.push(() => {
      p.merged = used.getMergedAreasOrNullObject().load("address");
    });
    if (used.rowHidden === null) {
      first.push(() => {
        // The visible rows of the first column; the others are hidden.
        p.visible = used.getColumn(0).getVisibleView().load("cellAddresses");
      });
    }
  }
  for (const batch of batches) {
    if (batch.length === 0) continue;
    for (const queue of batch) queue();
    await sync(); // 3 (and one more per chunk beyond the payload limit)
  }

  const gridSheets = pending.map((p) => {
    for (const range of p.chunks) {
      p.data.values = [...(p.data.values ?? []), ...(range.values as unknown[][])];
      p.data.formulas = [...(p.data.formulas ?? []), ...(range.formulas as unknown[][])];
      p.data.numberFormat = [...(p.data.numberFormat ?? []), ...(range.numberFormat as unknown[][])];
    }
    if (p.merged && !p.merged.isNullObject) {
      p.data.merges = p.merged.address.split(",").map((a) => a.trim());
    }
    if (p.visible) {
      const shown = new Set<number>();
      for (const row of p.visible.cellAddresses as unknown[][]) {
        const r = typeof row[0] === "string" ? rowOf(row[0]) : undefined;
        if (r !== undefined) shown.add(r);
      }
      const hidden: number[] = [];
      for (let r = p.top; r <= p.bottom; r++) if (!shown.has(r)) hidden.push(r);
      p.data.hiddenRows = hidden;
    }
    return gridSheetFromRange(p.data);
  });
  const definedNames = definedNamesFrom(
    names.items.map((n) => ({ name: n.name, formula: n.formula as unknown })),
    sheets.flatMap(({ sheetNames }) => sheetNames.items.map((n) => ({ name: n.name, formula: n.formula as unknown }))),
  );
  return { sheets: gridSheets, definedNames };
}
