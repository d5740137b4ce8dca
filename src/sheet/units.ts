import type { Unit } from "../domain";
import type { SheetView } from "./grid";
import { normalizeLabel, TKR } from "./vocabulary";

/** A table's unit and what said it. */
export interface UnitReading {
  readonly unit: Unit;
  readonly evidence: string;
}

/** tkr when the title, a header or a number format says so; else kr. */
export function findUnit(view: SheetView, headerRow: number): UnitReading {
  for (let row = view.sheet.top; row <= Math.min(view.bottom, headerRow + 1); row++) {
    for (const col of view.columnNumbers(row)) {
      if (TKR.test(normalizeLabel(view.text(row, col)))) return { unit: "tkr", evidence: "tkr i rubriken" };
    }
  }
  for (const row of view.rowNumbers(headerRow + 1)) {
    for (const col of view.columnNumbers(row)) {
      const format = view.numberFormat(row, col);
      if (format && /tkr/i.test(format)) return { unit: "tkr", evidence: "tkr i talformatet" };
    }
  }
  return { unit: "kr", evidence: "ingen enhet angiven: kr" };
}
