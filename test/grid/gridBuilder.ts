import { type CellValue, type DefinedName, type Grid, type GridSheet, SheetBuilder } from "../../src/grid";

/** A Grid from rows of values written as a person would type them; "=…" strings become formulas with a null value. */
export function sheet(
  name: string,
  rows: readonly (readonly CellValue[])[],
  options: { hiddenRows?: number[]; visible?: boolean; formulas?: Record<string, [string, CellValue]> } = {},
): GridSheet {
  const builder = new SheetBuilder({ name, visible: options.visible ?? true, hiddenRows: options.hiddenRows ?? [] });
  rows.forEach((r, i) => r.forEach((v, j) => builder.cell(i + 1, j + 1, v, null, null)));
  for (const [address, [formula, value]] of Object.entries(options.formulas ?? {})) {
    const m = /^([A-Z])(\d+)$/.exec(address)!;
    builder.cell(Number(m[2]), m[1]!.charCodeAt(0) - 64, value, formula, null);
  }
  return builder.build();
}

export function grid(sheets: GridSheet[], definedNames: DefinedName[] = []): Grid {
  return { sheets, definedNames };
}
