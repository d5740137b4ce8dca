/**
 * The file port's flags: it remembers each flagged cell's own style and note from before its first
 * flag, so "Ta bort markeringar" restores them; flags it finds from an earlier run (a note with the
 * add-in's part, e.g. a copy written by `npm run check -- --out`) lose that part and the severity fill.
 * What a flag writes on a cell is writeAnnotated.ts's, as the plan decided it.
 */
import type ExcelJS from "exceljs";
import { SEVERITY_FILL } from "../plan/flags";
import { splitNote } from "../plan/notes";
import type { Flag } from "../plan/types";
import { cloneNote, noteText, setNote } from "./cellNote";

/** A cell's own look and note before the add-in flagged it. */
export interface Original {
  readonly style: Partial<ExcelJS.Style>;
  readonly note: ExcelJS.Cell["note"] | undefined;
}

/** Each flagged cell's Original, by cellKey(sheet, address). */
export type Originals = Map<string, Original>;

const OUR_FILLS = new Set(Object.values(SEVERITY_FILL).map((rgb) => `FF${rgb}`.toUpperCase()));

/** Before the flags are written: each of their cells' own look and note, where not remembered already. */
export function rememberOriginals(wb: ExcelJS.Workbook, flags: readonly Flag[], originals: Originals): void {
  for (const flag of flags) {
    const sheet = wb.getWorksheet(flag.sheet);
    if (!sheet) continue;
    for (const write of flag.cells) {
      const cell = sheet.getCell(write.cell);
      const key = cellKey(flag.sheet, cell.address);
      if (!originals.has(key)) originals.set(key, { style: clone(cell.style), note: cloneNote(cell.note) });
    }
  }
}

/** Takes every flag off: the cells this port flagged get their own look and note back, then earlier runs' flags go. */
export function removeOwnFlags(wb: ExcelJS.Workbook, originals: Originals): void {
  for (const [key, original] of originals) {
    const [sheetName, address] = splitKey(key);
    const cell = wb.getWorksheet(sheetName)?.getCell(address);
    if (!cell) continue;
    cell.style = clone(original.style);
    setNote(cell, original.note);
  }
  originals.clear();
  removeEarlierFlags(wb);
}

/** Flags from an earlier run, which this port did not make: our note part and our fill go. */
function removeEarlierFlags(wb: ExcelJS.Workbook): void {
  wb.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        const { user, addin } = splitNote(noteText(cell.note));
        if (addin === undefined) return;
        setNote(cell, user || undefined);
        const fill = cell.style.fill;
        const argb = fill?.type === "pattern" ? fill.fgColor?.argb?.toUpperCase() : undefined;
        if (argb && OUR_FILLS.has(argb)) {
          const { fill: _fill, ...rest } = cell.style;
          cell.style = rest;
        }
      });
    });
  });
}

/** Styles are plain JSON in ExcelJS. */
function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function cellKey(sheet: string, address: string): string {
  return `${sheet}\u0000${address}`;
}

function splitKey(key: string): [string, string] {
  const i = key.indexOf("\u0000");
  return [key.slice(0, i), key.slice(i + 1)];
}
