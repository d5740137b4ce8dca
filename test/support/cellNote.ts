/** A cell's note as ExcelJS reads it: a plain string, or rich text (runs) from a file. */
import type ExcelJS from "exceljs";

/** The note's text; undefined where the cell has none. */
export function noteText(note: ExcelJS.Cell["note"] | undefined): string | undefined {
  if (!note) return undefined;
  if (typeof note === "string") return note;
  return note.texts?.map((t) => t.text).join("") ?? undefined;
}
