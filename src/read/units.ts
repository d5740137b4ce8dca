import type { Unit } from "../domain";
import type { SheetView } from "../grid";
import { MKR, normalizeLabel, TKR } from "./vocabulary";

/** A table's unit and what said it. */
export interface UnitReading {
  readonly unit: Unit;
  readonly evidence: string;
}

const AMOUNT_WITH_UNIT = /(\d[\d\s]*(?:[.,]\d+)?)\s*(?:mkr|msek|tkr|ksek|miljoner kronor|tusen kronor)\b/g;

/** The unit a text names: "belopp i tkr", "Mkr", "miljoner kronor"; undefined when it names none. */
export function unitNamedIn(text: string): Exclude<Unit, "kr"> | undefined {
  // "1,8 Mkr" is an amount in words (an equity target), not the unit of the sheet.
  const t = normalizeLabel(text).replace(AMOUNT_WITH_UNIT, (m, number: string) =>
    /^(19|20)\d\d$/.test(number.trim()) ? m : " ",
  );
  if (MKR.test(t)) return "Mkr";
  if (TKR.test(t)) return "tkr";
  return undefined;
}

/**
 * The unit a number format shows, and whether the cells hold it: '#,##0 "tkr"'
 * shows values already in tkr, but '#,##0, "tkr"' (Excel's trailing comma
 * divides by 1 000 for display) shows kronor as tkr, so the cells hold kronor.
 */
export function unitOfFormat(format: string): { shown: Exclude<Unit, "kr">; held: Unit } | undefined {
  const plain = format.replace(/"[^"]*"|\\./g, (m) =>
    /mkr|msek/i.test(m) ? " Mkr " : /tkr|ksek/i.test(m) ? " tkr " : " ",
  );
  const shown = /\bmkr\b/i.test(plain) ? "Mkr" : /\btkr\b/i.test(plain) ? "tkr" : undefined;
  if (!shown) return undefined;
  // Commas right after the last digit placeholder scale the display by 1 000 each.
  const scaling = /[0#?](,+)(?![0#?])/.exec(format.split(";")[0]!.replace(/"[^"]*"/g, ""));
  const divisions = scaling ? scaling[1]!.length : 0;
  const held: Unit = divisions === 0 ? shown : shown === "Mkr" && divisions === 1 ? "tkr" : "kr";
  return { shown, held };
}

/** tkr or Mkr when the title, a header or a number format says so; else kr. */
export function findUnit(view: SheetView, headerRow: number): UnitReading {
  for (let row = view.sheet.top; row <= Math.min(view.bottom, headerRow + 1); row++) {
    for (const col of view.columnNumbers(row)) {
      const named = unitNamedIn(view.text(row, col));
      if (named) return { unit: named, evidence: `${named} i rubriken` };
    }
  }
  for (const row of view.rowNumbers(headerRow + 1)) {
    for (const col of view.columnNumbers(row)) {
      const format = view.numberFormat(row, col);
      const shown = format ? unitOfFormat(format) : undefined;
      if (shown)
        return {
          unit: shown.held,
          evidence:
            shown.held === shown.shown
              ? `${shown.shown} i talformatet`
              : `talformatet visar ${shown.shown} men cellerna håller ${shown.held}`,
        };
    }
  }
  return { unit: "kr", evidence: "ingen enhet angiven: kr" };
}
