/**
 * A copy of a workbook as its own package with only the add-in's changes made in it: the cells it
 * flags or edits, the notes it writes, its own sheets, its names. Every part it does not change is
 * carried over byte for byte; the parts it changes keep every element it does not touch.
 */
import { parseAddress } from "../../grid";
import type { NewSheetLayout } from "../../grid/edits";
import { joinNote, userPartOf } from "../../plan/notes";
import type { ChartSpec } from "../../plan/types";
import { addChart } from "../chartPart";
import { graftSheet } from "./graft";
import { SheetNotes } from "./notes";
import { Package, REL } from "./opc";
import { type CellContent, SheetXml } from "./sheetXml";
import { Styles } from "./styles";
import { WorkbookXml } from "./workbookXml";

export interface CellChange {
  readonly sheet: string;
  readonly cell: string;
  /** A solid fill of this colour ("FFC7CE"); null: no fill. */
  readonly fill?: string | null;
  /** This very format back (a flag taken back): the format index the cell had. */
  readonly xf?: number;
  /** The note; null: none. */
  readonly note?: string | null;
  /** The add-in's part of the note, after the user's own note where the cell has one. */
  readonly addinNote?: string;
  readonly content?: CellContent;
  readonly numberFormat?: string;
  /** The text wraps within the cell. */
  readonly wrap?: true;
}

export interface PackageChanges {
  readonly cells?: readonly CellChange[];
  /** Sheets to add, empty, where the workbook lacks them; with their column widths where a layout names them. */
  readonly emptySheets?: readonly string[];
  readonly layouts?: readonly NewSheetLayout[];
  /** The add-in's sheets, written by ExcelJS in a workbook of their own: added, or replacing their namesakes. */
  readonly ownSheets?: { readonly bytes: Uint8Array; readonly names: readonly string[] };
  readonly charts?: readonly { readonly sheet: string; readonly chart: ChartSpec }[];
  /** Workbook-level names to set ("'Budget 2025'!$B$5"). */
  readonly names?: readonly { readonly name: string; readonly ref: string }[];
  /**
   * Each cell's formula as it reads (ExcelJS gives a shared formula's cells theirs), for a cell that heads
   * a shared formula and gets a new content.
   */
  readonly formulaAt?: (sheet: string, cell: string) => Promise<string | undefined>;
}

/** How a cell looks and what note it has, in the package: what a flag's undo needs. */
export interface CellLook {
  readonly xf: number;
  readonly note: string | undefined;
}

export async function changePackage(bytes: Uint8Array, changes: PackageChanges): Promise<Uint8Array> {
  const pkg = await Package.open(bytes);
  const styles = await Styles.load(pkg);
  const book = await WorkbookXml.load(pkg);

  for (const name of changes.emptySheets ?? []) {
    if (book.sheetNames().includes(name)) continue;
    const path = `xl/worksheets/sheet${pkg.nextFree("xl/worksheets/sheet", ".xml")}.xml`;
    const widths = changes.layouts?.find((l) => l.sheet === name)?.columnWidths ?? [];
    pkg.setText(
      path,
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        colsXml(widths) +
        "<sheetData/></worksheet>",
    );
    book.addSheet(name, await pkg.addRel(book.path, REL.worksheet, path));
    await pkg.addOverride(path, "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
  }
  book.save(pkg);

  const bySheet = new Map<string, CellChange[]>();
  for (const c of changes.cells ?? []) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);
  let contentChanged = false;
  for (const [name, cells] of bySheet) {
    const path = await pkg.sheetPath(name);
    // A sheet whose part the file lacks has nothing to flag (the reader read it as empty).
    if (!path || !pkg.has(path)) continue;
    const sheet = await SheetXml.load(pkg, name, path);
    const notes = await SheetNotes.load(pkg, sheet);
    const translated = new Map<string, string | undefined>();
    if (changes.formulaAt && cells.some((c) => c.content)) {
      for (const c of cells.filter((x) => x.content)) {
        // The other cells of a shared formula the cell heads: read before anything changes.
        for (const ref of sheet.sharedGroup(c.cell)) translated.set(ref, await changes.formulaAt(name, ref));
      }
    }
    for (const c of cells) {
      if (c.content) {
        sheet.setContent(c.cell, c.content, (ref) => translated.get(ref));
        contentChanged = true;
      }
      if (c.xf !== undefined) sheet.setStyle(c.cell, c.xf);
      if (c.fill !== undefined || c.numberFormat !== undefined || c.wrap) {
        const change = {
          ...(c.fill !== undefined ? { fill: c.fill } : {}),
          ...(c.numberFormat !== undefined ? { numFmt: c.numberFormat } : {}),
          ...(c.wrap ? { wrap: c.wrap } : {}),
        };
        sheet.setStyle(c.cell, styles.xfWith(sheet.styleOf(c.cell), change));
      }
      if (typeof c.content?.value === "string" && styles.wraps(sheet.styleOf(c.cell))) {
        const at = parseAddress(c.cell)!;
        sheet.fitRowHeight(at.row, ROW_POINTS * wrappedLines(c.content.value, sheet.columnWidth(at.column)));
      }
      if (c.note !== undefined) notes.set(c.cell, c.note ?? undefined);
      if (c.addinNote !== undefined) notes.set(c.cell, joinNote(userPartOf(notes.text(c.cell)), c.addinNote));
    }
    await notes.save(pkg);
    sheet.save(pkg);
  }
  // The calculation chain is Excel's cache of the order it last calculated formulas in: where a cell's
  // content changes it may name a cell that holds no formula any more, so it goes, and Excel rebuilds it.
  if (contentChanged) await dropCalcChain(pkg, book.path);

  if (changes.ownSheets) {
    const source = await Package.open(changes.ownSheets.bytes);
    const sourceStyles = await Styles.load(source);
    for (const name of changes.ownSheets.names) await graftSheet(pkg, styles, source, sourceStyles, name);
  }
  styles.save(pkg);

  if (changes.names && changes.names.length > 0) {
    const names = await WorkbookXml.load(pkg);
    for (const n of changes.names) names.setName({ name: n.name, formula: n.ref });
    names.save(pkg);
  }

  let out = await pkg.bytes();
  for (const { sheet, chart } of changes.charts ?? []) out = await addChart(out, sheet, chart);
  return out;
}

/** A row of one line of Calibri 11, in points (Excel's default row height). */
const ROW_POINTS = 15;

/**
 * How many lines a text takes wrapped in a column of `width` characters: broken at spaces, a word longer
 * than the line broken anywhere (as Excel does). A column's character is a digit's width; an average
 * letter of Calibri is narrower, so a character counts as 0,9 of a digit (more room never cuts text).
 */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, Math.floor(width / 0.9));
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let line = 0;
    lines++;
    for (const word of paragraph.split(" ")) {
      const needed = line === 0 ? word.length : line + 1 + word.length;
      if (needed <= room) {
        line = needed;
        continue;
      }
      if (line > 0) lines++;
      lines += Math.floor(Math.max(0, word.length - 1) / room);
      line = word.length % room || room;
    }
  }
  return lines;
}

/** `<cols>` for column widths in characters from column A (CT_Cols: before `<sheetData>`). */
function colsXml(widths: readonly number[]): string {
  if (widths.length === 0) return "";
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`);
  return `<cols>${cols.join("")}</cols>`;
}

/** The look (format index) and note of cells, as the package has them. */
export async function readLooks(
  bytes: Uint8Array,
  cells: readonly { readonly sheet: string; readonly cell: string }[],
): Promise<Map<string, CellLook>> {
  const pkg = await Package.open(bytes);
  const looks = new Map<string, CellLook>();
  const sheets = [...new Set(cells.map((c) => c.sheet))];
  for (const name of sheets) {
    const path = await pkg.sheetPath(name);
    if (!path || !pkg.has(path)) continue;
    const sheet = await SheetXml.load(pkg, name, path);
    const notes = await SheetNotes.load(pkg, sheet);
    for (const c of cells.filter((x) => x.sheet === name)) {
      looks.set(lookKey(name, c.cell), { xf: sheet.styleOf(c.cell), note: notes.text(c.cell) });
    }
  }
  return looks;
}

/** Every note of every sheet, with the fill of its cell: what an earlier run's flags are found by. */
export async function notesAndFills(
  bytes: Uint8Array,
): Promise<{ sheet: string; cell: string; note: string; fill: string | undefined; xf: number }[]> {
  const pkg = await Package.open(bytes);
  const styles = await Styles.load(pkg);
  const found: { sheet: string; cell: string; note: string; fill: string | undefined; xf: number }[] = [];
  for (const s of await pkg.sheets()) {
    if (!s.path || !pkg.has(s.path)) continue;
    const sheet = await SheetXml.load(pkg, s.name, s.path).catch(() => undefined);
    if (!sheet) continue;
    const notes = await SheetNotes.load(pkg, sheet);
    for (const [cell, note] of notes.all()) {
      const xf = sheet.styleOf(cell);
      found.push({ sheet: s.name, cell, note, fill: styles.solidFill(xf), xf });
    }
  }
  return found;
}

export const lookKey = (sheet: string, cell: string) => `${sheet}\u0000${cell}`;

async function dropCalcChain(pkg: Package, workbookPath: string): Promise<void> {
  for (const rel of await pkg.rels(workbookPath)) {
    if (!rel.type.endsWith("/calcChain") || !rel.path) continue;
    pkg.remove(rel.path);
    await pkg.removeOverride(rel.path);
    await pkg.removeRel(workbookPath, rel.id);
  }
}

/** Whether the workbook is macro-enabled (its workbook part's content type): such a copy must be named .xlsm. */
export async function macroEnabled(bytes: Uint8Array): Promise<boolean> {
  const pkg = await Package.open(bytes);
  const types = (await pkg.text("[Content_Types].xml")) ?? "";
  const workbook = await pkg.workbookPath();
  const entry = [...types.matchAll(/<Override\b[^>]*>/g)].find((m) => m[0].includes(`PartName="/${workbook}"`));
  return /macroEnabled/i.test(entry?.[0] ?? "");
}
