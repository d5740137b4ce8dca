/** A cell's note as ExcelJS holds it: a plain string, or rich text once loaded from a file. */
import type ExcelJS from "exceljs";

/** The note's text; undefined where the cell has none. */
export function noteText(note: ExcelJS.Cell["note"] | undefined): string | undefined {
  if (!note) return undefined;
  if (typeof note === "string") return note;
  return note.texts?.map((t) => t.text).join("") ?? undefined;
}

/** A copy of a note to keep: rich text is plain JSON in ExcelJS. */
export function cloneNote(note: ExcelJS.Cell["note"] | undefined): ExcelJS.Cell["note"] | undefined {
  return note === undefined || typeof note === "string"
    ? note
    : (JSON.parse(JSON.stringify(note)) as ExcelJS.Cell["note"]);
}

/** Sets or removes a cell's note (ExcelJS has no public way to remove one). */
export function setNote(cell: ExcelJS.Cell, note: ExcelJS.Cell["note"] | undefined): void {
  if (note === undefined || note === "") {
    // The note lives in two places once loaded: the cell's comment and its value's stored model.
    const inner = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
    inner._comment = undefined;
    if (inner._value?.model) delete inner._value.model.comment;
  } else {
    cell.note = note;
  }
}
