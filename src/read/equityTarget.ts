import { Decimal, finding, message, targetBand, type EquityTarget, type Finding } from "../domain";
import { address, type Grid, SheetView } from "../grid";
import { parseSwedishNumber } from "./swedishNumber";
import { normalizeLabel } from "./vocabulary";

/**
 * An equity target written as text: "1,8 Mkr +/- 20 %", "1 800 tkr ± 10%",
 * "1 800 000 kr". The amount in kronor (Mkr and tkr converted) and the
 * tolerance as a fraction (0 when none is written).
 */
export function parseTargetText(text: string): { centre: Decimal; tolerance: Decimal } | undefined {
  const m =
    /^\s*([-\d\s\u00a0\u202f.,]+?)\s*(mkr|mnkr|miljoner kr(?:onor)?|tkr|kr|sek)?\.?\s*(?:(?:\+\s*\/?\s*-|±)\s*(\d+(?:[.,]\d+)?)\s*%)?\s*$/i.exec(
      text,
    );
  if (!m) return undefined;
  const amount = parseSwedishNumber(m[1]!);
  if (!amount) return undefined;
  const unit = (m[2] ?? "kr").toLowerCase();
  const factor = unit === "tkr" ? 1000 : unit === "kr" || unit === "sek" ? 1 : 1_000_000;
  const tolerance = m[3] ? new Decimal(m[3].replace(",", ".")).dividedBy(100) : new Decimal(0);
  return { centre: amount.value.times(factor), tolerance };
}

/** A label that names the equity target: "Mål för eget kapital", "Eget kapital, mål", "Målnivå eget kapital". */
const TARGET_LABEL = /mål för eget kapital|eget kapital,? mål|målnivå,? eget kapital|^ek-mål/;

/**
 * The equity target where a sheet writes it beside its label as text
 * ("Mål för eget kapital | 1,8 Mkr +/- 20 %"), with an info finding on the
 * cell saying it was read; undefined when no sheet has one.
 */
/** A module constant: a regular expression literal is a new object each time it is evaluated. */
const SAYS_MAL = /mål/i;
const EQUITY_WORDS = /eget kapital|egna kapitalet/;
/** An amount with its unit and a band: "1,8 Mkr +/- 20 %", "1 800 tkr ± 10 %". */
const BAND_IN_TEXT =
  /\d[\d\s\u00a0\u202f.,]*\s*(?:mkr|mnkr|miljoner kr(?:onor)?|tkr|kr)\.?\s*(?:\+\s*\/?\s*-|±)\s*\d+(?:[.,]\d+)?\s*%/i;

export function findTargetText(grid: Grid): { target: EquityTarget; findings: Finding[] } | undefined {
  for (const sheet of grid.sheets) {
    const view = new SheetView(sheet);
    for (const row of view.rowNumbers()) {
      for (let col = sheet.left; col <= Math.min(view.right, sheet.left + 3); col++) {
        const label = view.text(row, col);
        // Most cells are not this label: a cheap test first, since every row of every sheet is asked.
        if (!SAYS_MAL.test(label)) continue;
        const normalized = normalizeLabel(label);
        // "Finansiellt mål: eget kapital ska vara 1,8 Mkr +/- 20 %": the target in a sentence of its own cell.
        const inSentence = EQUITY_WORDS.test(normalized) ? BAND_IN_TEXT.exec(label)?.[0] : undefined;
        if (!inSentence && !TARGET_LABEL.test(normalized)) continue;
        for (const c of inSentence ? [col] : view.columnNumbers(row, col + 1)) {
          const text = inSentence ?? view.text(row, c);
          const parsed = text ? parseTargetText(text) : undefined;
          if (!parsed) continue;
          const target = targetBand(parsed.centre, parsed.tolerance);
          const cell = address(row, c);
          return {
            target,
            findings: [
              finding({
                code: "INPUT_SETTING",
                severity: "info",
                ref: { sheet: sheet.name, cell },
                message: message(
                  `Målet för eget kapital lästes från texten ”${text}” (${sheet.name}!${cell}): ${target.min.toFixed(0)}–${target.max.toFixed(0)} kr.`,
                  `The equity target was read from the text "${text}" (${sheet.name}!${cell}): ${target.min.toFixed(0)}–${target.max.toFixed(0)} kr.`,
                ),
              }),
            ],
          };
        }
      }
    }
  }
  return undefined;
}
