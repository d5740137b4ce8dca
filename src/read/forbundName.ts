import { type Grid, SheetView } from "../grid";

/** Rows at the top of a sheet where a title stands. */
const TITLE_ROWS = 5;

/**
 * The förbund's name, read from a sheet's title: "Samordningsförbundet Östra
 * Östergötland – Budget 2023 (tkr)" gives "Samordningsförbundet Östra
 * Östergötland", "Örnsköldsviks samordningsförbund – Budget 2024" gives
 * "Örnsköldsviks samordningsförbund". The budget sheet is looked at first,
 * then the others in order; undefined when no title names one.
 */
export function forbundName(grid: Grid, budgetSheet?: string): string | undefined {
  const sheets = [...grid.sheets].sort((a, b) => Number(b.name === budgetSheet) - Number(a.name === budgetSheet));
  for (const sheet of sheets) {
    const view = new SheetView(sheet);
    for (const row of view.rowNumbers(view.top, view.top + TITLE_ROWS - 1)) {
      for (const column of view.columnNumbers(row)) {
        const value = view.value(row, column);
        if (typeof value !== "string") continue;
        const name = nameIn(value);
        if (name) return name;
      }
    }
  }
  return undefined;
}

function nameIn(title: string): string | undefined {
  if (!/samordningsförbund/i.test(title)) return undefined;
  // The name is what stands before the dash or colon that starts the rest of the title.
  const name = title
    .split(/\s[–—-]\s|:\s/)[0]!
    .replace(/\s+/g, " ")
    .trim();
  return /samordningsförbund/i.test(name) && name.length <= 80 ? name : undefined;
}
