/**
 * The user's cells changed on the pane's request (the computed shares written into the sheet, a
 * mapping's sheet and names): applyEdits's command. Every edit is checked before anything is written,
 * the cells it overwrites are read for undo, and then the new sheets, the cells and the names are
 * written in one batch.
 */
import { WorkbookError } from "../app/workbookPort";
import type { WorkbookEdits } from "../grid/edits";
import { columnLetters, parseAddress, parseRangeRef } from "../grid";
import { pointsForCharacters } from "./addinSheet";
import { asEntered } from "./asEntered";
import type { ExcelCapabilities } from "./capabilities";
import { type CellRequest, cellKey, queueCellReads, readStructure, type Structure } from "./cellState";
import { badAddress, MESSAGES, missingSheet, protectedSheet } from "./errors";
import type { Sync, UndoEntry } from "./undoJournal";

/** The workbook's names, by name in lower case, as they stood before the write. */
type NamesByName = ReadonlyMap<string, Excel.NamedItem>;

/** applyEdits as a command body: checks, the read of what it overwrites, the checkpoint, one write. */
export async function queueEdits(
  context: Excel.RequestContext,
  capabilities: ExcelCapabilities,
  edits: WorkbookEdits,
  sync: Sync,
  checkpoint: (entry: UndoEntry) => void,
): Promise<void> {
  const structure = await readStructure(context, capabilities, sync);
  const names = context.workbook.names.load("items/name,items/formula");
  const create = [...new Set(edits.sheets ?? [])].filter((s) => !structure.sheets.has(s));
  requireEditable(structure, edits, create);
  const existing = edits.cells.filter((e) => structure.sheets.has(e.sheet));
  const reads = queueCellReads(
    context,
    capabilities,
    structure,
    unique(existing.map((e) => ({ sheet: e.sheet, cell: e.cell, content: true }))),
  );
  await sync();
  const byName: NamesByName = new Map(names.items.map((n) => [n.name.toLowerCase(), n]));
  checkpoint({
    cells: [...reads.states().values()],
    written: existing.map((e) => ({ sheet: e.sheet, cell: e.cell, content: e.formula ?? e.value ?? "" })),
    createdSheets: create,
    createdCells: edits.cells
      .filter((e) => create.includes(e.sheet))
      .map((e) => ({ sheet: e.sheet, cell: e.cell, content: e.formula ?? asEntered(e.value ?? "") })),
    names: (edits.names ?? []).map((n) => {
      const item = byName.get(n.name.toLowerCase());
      return { name: item?.name ?? n.name, formula: item ? String(item.formula) : null };
    }),
    namesWritten: (edits.names ?? []).map((n) => ({ name: n.name, formula: `=${n.ref}` })),
    addinSheets: [],
  });
  queueEditWrites(context, edits, create, byName);
  await sync("write");
}

/** Every edit's sheet stands or is to be added (which a protected structure forbids), unprotected; every name's target too. */
function requireEditable(structure: Structure, edits: WorkbookEdits, create: readonly string[]): void {
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
}

/** The write: new sheets first, then the cells (as typed, or formulas), then the names. */
function queueEditWrites(
  context: Excel.RequestContext,
  edits: WorkbookEdits,
  create: readonly string[],
  byName: NamesByName,
): void {
  for (const sheet of create) context.workbook.worksheets.add(sheet);
  // A layout is for a sheet this write creates (undo deletes it whole): a sheet that stands keeps the user's.
  for (const layout of (edits.layouts ?? []).filter((l) => create.includes(l.sheet))) {
    const ws = context.workbook.worksheets.getItem(layout.sheet);
    layout.columnWidths.forEach((width, i) => {
      const column = columnLetters(i + 1);
      ws.getRange(`${column}:${column}`).format.columnWidth = pointsForCharacters(width);
    });
    for (const cell of layout.wrapped ?? []) {
      // Excel fits a row to its wrapped text when the text changes: Range.WrapText's remarks,
      // https://learn.microsoft.com/en-us/office/vba/api/Excel.Range.WrapText.
      ws.getRange(cell).format.wrapText = true;
      ws.getRange(cell).format.verticalAlignment = "Top";
    }
  }
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
}

/** One request a cell: the last one where an edit names a cell twice. */
function unique(requests: CellRequest[]): CellRequest[] {
  const seen = new Map<string, CellRequest>();
  for (const r of requests) seen.set(cellKey(r.sheet, r.cell), r);
  return [...seen.values()];
}
