import { type CellValue, type GridSheet, SheetView } from "../../src/grid";

/**
 * A sheet's used range as the dense rectangles the Grid once held (values,
 * formulas and formats from top/left): for tests that compare whole areas.
 */
export function dense(sheet: GridSheet): {
  top: number;
  left: number;
  values: CellValue[][];
  formulas: (string | null)[][];
  numberFormats: (string | null)[][];
} {
  const view = new SheetView(sheet);
  const rect = <T>(at: (row: number, column: number) => T): T[][] => {
    const out: T[][] = [];
    for (let row = view.top; row <= view.bottom; row++) {
      const line: T[] = [];
      for (let column = view.left; column <= view.right; column++) line.push(at(row, column));
      out.push(line);
    }
    return out;
  };
  return {
    top: view.top,
    left: view.left,
    values: rect((r, c) => view.value(r, c)),
    formulas: rect((r, c) => view.formula(r, c)),
    numberFormats: rect((r, c) => view.numberFormat(r, c)),
  };
}
