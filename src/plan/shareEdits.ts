import type { Analysis } from "../domain";
import { sheetRef } from "../grid";
import type { CellEdit } from "../grid/edits";
import type { WritePlan } from "./types";

export type ShareWriteMode = "formula" | "value";

/**
 * "Write the computed shares into the sheet": each kommun's amount cell gets
 * its computed share, in the sheet's own unit and sign, either as a live
 * formula on Finsam-kontroll or as a value. Only on the user's request;
 * cells whose number is typed as text, or that already hold the share, are left alone.
 */
export function shareEdits(
  analysis: Analysis,
  plan: WritePlan,
  mode: ShareWriteMode,
  years?: readonly number[],
): CellEdit[] {
  const edits: CellEdit[] = [];
  for (const member of analysis.members) {
    if (member.party !== "kommun" || !member.sheetAmount?.ref || (years && !years.includes(member.year))) continue;
    if (member.sheetAmount.value.equals(member.computedAmount)) continue;
    const factor = member.sheetAmount.factor ?? 1;
    const { sheet, cell } = member.sheetAmount.ref;
    if (mode === "value") {
      edits.push({ sheet, cell, value: member.computedAmount.dividedBy(factor).toNumber() });
      continue;
    }
    const source = plan.controlSheet.shareCells.find((s) => s.year === member.year && s.name === member.name);
    if (!source) continue;
    const ref = sheetRef(plan.controlSheet.name, source.cell);
    edits.push({ sheet, cell, formula: factor === 1 ? `=${ref}` : `=${ref}/${factor}` });
  }
  return edits;
}
