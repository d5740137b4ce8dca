import type { SourcedAmount } from "../domain";
import { parseAddress, sheetRef } from "../grid";

/**
 * Excel formula text that reads the user's own cells and gives kronor, so
 * every number on the control sheet can be followed back to its input.
 */

/** One amount as an expression: the cell times its factor, or the value itself where a formula cannot use the cell. */
export function amountExpr(amount: SourcedAmount): string {
  if (!amount.ref || amount.typedAsText) return amount.value.toFixed();
  return scaled(amount.factor ?? 1, sheetRef(amount.ref.sheet, amount.ref.cell));
}

/**
 * The sum of several amounts, with cells in one column and one run of rows
 * folded into ranges: -1000*SUM('Budget'!B11:B17,'Budget'!B20:B29).
 */
export function sumExpr(amounts: readonly SourcedAmount[]): string {
  if (amounts.length === 0) return "0";
  const groups = new Map<string, { sheet: string; column: string; factor: number; rows: number[] }>();
  const literals: string[] = [];
  for (const a of amounts) {
    const at = a.ref && !a.typedAsText ? parseAddress(a.ref.cell) : undefined;
    if (!a.ref || !at) {
      literals.push(a.value.toFixed());
      continue;
    }
    const column = a.ref.cell.replace(/\d+$/, "").replace(/\$/g, "");
    const factor = a.factor ?? 1;
    const key = `${a.ref.sheet}\u0000${column}\u0000${factor}`;
    const group = groups.get(key) ?? { sheet: a.ref.sheet, column, factor, rows: [] };
    group.rows.push(at.row);
    groups.set(key, group);
  }
  const terms: string[] = [];
  for (const g of groups.values()) {
    const ranges = runs(g.rows).map(([from, to]) =>
      sheetRef(g.sheet, from === to ? `${g.column}${from}` : `${g.column}${from}:${g.column}${to}`),
    );
    const inner = ranges.length === 1 && !ranges[0]!.includes(":") ? ranges[0]! : `SUM(${ranges.join(",")})`;
    terms.push(scaled(g.factor, inner));
  }
  terms.push(...literals);
  return terms.join("+").replace(/\+-/g, "-");
}

function scaled(factor: number, expr: string): string {
  if (factor === 1) return expr;
  if (factor === -1) return `-${expr}`;
  return `${factor}*${expr}`;
}

/** Sorted runs of consecutive numbers: [5,6,7,9] → [[5,7],[9,9]]. */
function runs(rows: readonly number[]): [number, number][] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}
