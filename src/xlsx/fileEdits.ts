/** The user's cells changed on the pane's request, in the file: new sheets, cells (values or formulas) and names. */
import type { WorkbookEdits } from "../grid/edits";
import type { PackageChanges } from "./package/changes";

/** The edits as changes to the package; a cell on a sheet that does not stand is an error (the journal then undoes the write). */
export function editChanges(
  edits: WorkbookEdits,
  sheets: readonly string[],
  formulaAt: PackageChanges["formulaAt"],
): PackageChanges {
  const standing = new Set([...sheets, ...(edits.sheets ?? [])]);
  for (const edit of edits.cells) if (!standing.has(edit.sheet)) throw new Error(`bladet ${edit.sheet} finns inte`);
  // A layout is for a sheet this write creates: a sheet that stands keeps the user's.
  const layouts = (edits.layouts ?? []).filter((l) => !sheets.includes(l.sheet));
  const wrapped = layouts.flatMap((l) =>
    (l.wrapped ?? []).map((cell) => ({ sheet: l.sheet, cell, wrap: true as const })),
  );
  return {
    emptySheets: edits.sheets ?? [],
    layouts,
    cells: [
      ...wrapped,
      ...edits.cells.map((edit) => ({
        sheet: edit.sheet,
        cell: edit.cell,
        ...(edit.formula !== undefined
          ? { content: { formula: edit.formula, ...(edit.value !== undefined ? { value: edit.value } : {}) } }
          : edit.value !== undefined
            ? { content: { value: edit.value === "" ? null : edit.value } }
            : {}),
        ...(edit.numberFormat ? { numberFormat: edit.numberFormat } : {}),
      })),
    ],
    names: (edits.names ?? []).map((n) => ({ name: n.name, ref: n.ref.replace(/^=/, "") })),
    ...(formulaAt ? { formulaAt } : {}),
  };
}
