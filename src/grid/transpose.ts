import { address, columnNumber } from "./address";
import type { GridSheet } from "./grid";
import { SheetBuilder } from "./sheetBuilder";

/**
 * The sheet turned on its diagonal: row r, column c becomes row c, column r,
 * and so does every same-sheet reference in its formulas ("=SUM(G6:I6)" →
 * "=SUM(F7:F9)"). A table with the years as rows reads, turned, as one with
 * the years as columns. Cell addresses made from the turned sheet are turned
 * back with `transposedAddress`.
 */
export function transposeSheet(sheet: GridSheet): GridSheet {
  const builder = new SheetBuilder({ name: sheet.name, visible: sheet.visible, hiddenRows: [] });
  for (const [row, cells] of sheet.rows)
    cells.columns.forEach((column, i) =>
      builder.cell(
        column,
        row,
        cells.values[i]!,
        transposedFormula(cells.formulas[i] ?? null),
        cells.numberFormats[i]!,
      ),
    );
  return builder.build();
}

/** "F7" of the turned sheet is "G6" of the sheet itself, and the other way round ("$" markers are dropped). */
export function transposedAddress(cell: string): string {
  return cell.replace(/\$?([A-Z]{1,3})\$?(\d+)/g, (_m, letters: string, digits: string) =>
    address(columnNumber(letters), Number(digits)),
  );
}

/** A formula with its own sheet's references turned; references to other sheets ("Blad1!B4") are left. */
export function transposedFormula(formula: string | null): string | null {
  if (!formula) return formula;
  return formula.replace(OTHER_SHEET_OR_OWN, (m, own: string | undefined) => (own ? transposedAddress(own) : m));
}

/** A reference to another sheet (left as it is), or one of the sheet's own cells (captured). */
const OTHER_SHEET_OR_OWN =
  /(?:'[^']*'|[\p{L}0-9_.]+)!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|(?<![\p{L}0-9_])(\$?[A-Z]{1,3}\$?\d+)(?![\p{L}0-9_(])/gu;
