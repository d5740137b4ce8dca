import type { CellValue, DefinedName, Grid, GridSheet } from "../../src/sheet/grid";

/** A Grid from rows of values written as a person would type them; "=…" strings become formulas with a null value. */
export function sheet(
  name: string,
  rows: readonly (readonly CellValue[])[],
  options: { hiddenRows?: number[]; visible?: boolean; formulas?: Record<string, [string, CellValue]> } = {},
): GridSheet {
  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
  const formulas = values.map((r) => r.map(() => null as string | null));
  for (const [address, [formula, value]] of Object.entries(options.formulas ?? {})) {
    const m = /^([A-Z])(\d+)$/.exec(address)!;
    const row = Number(m[2]) - 1;
    const col = m[1]!.charCodeAt(0) - 65;
    values[row]![col] = value;
    formulas[row]![col] = formula;
  }
  return {
    name,
    visible: options.visible ?? true,
    top: 1,
    left: 1,
    values,
    formulas,
    numberFormats: values.map((r) => r.map(() => null)),
    hiddenRows: options.hiddenRows ?? [],
    merges: [],
  };
}

export function grid(sheets: GridSheet[], definedNames: DefinedName[] = []): Grid {
  return { sheets, definedNames };
}
