import { Decimal, type SourcedAmount } from "../domain";
import { parseAddress, sheetRef } from "../grid";
import { FUNCTION_MAX_ARGUMENTS } from "./excelLimits";

/**
 * Excel formula text that reads the user's own cells and gives kronor, so
 * every number on the control sheet can be followed back to its input.
 */

/**
 * One amount as an expression: the cell times its factor. A number typed as text ("15 000") is read from
 * its cell too, its spaces taken out; where Excel cannot make a number of it (decimals, "kr"), the
 * number the add-in read stands in the formula beside the cell.
 */
export function amountExpr(amount: SourcedAmount): string {
  if (!amount.ref) return amount.value.toFixed();
  const factor = amount.factor ?? 1;
  const cell = sheetRef(amount.ref.sheet, amount.ref.cell);
  if (!amount.typedAsText) return scaled(factor, cell);
  const asTyped = amount.value.dividedBy(factor).toFixed();
  return scaled(factor, `IFERROR(--SUBSTITUTE(SUBSTITUTE(${cell},CHAR(160),"")," ",""),${asTyped})`);
}

/**
 * Where a sum too long for one formula puts its parts: a cell holding the
 * formula of a partial sum (its expected kronor beside it), returned as the
 * reference that the sum then adds up.
 */
export type Spill = (formula: string, expected: Decimal) => string;

/** Room a sum keeps for the formula around it ("=ROUND(…)", "=(…)/2") within Excel's 8 192 characters. */
const SUM_MAX_CHARS = 7500;
/** Arguments per partial sum, under Excel's 255. */
const PART_MAX_ARGUMENTS = 250;

interface Term {
  readonly text: string;
  readonly value: Decimal;
}

/**
 * The sum of several amounts, with cells in one column and one run of rows
 * folded into ranges: -1000*SUM('Budget'!B11:B17,'Budget'!B20:B29). Past
 * Excel's limits (8 192 characters, 255 arguments: excelLimits.ts) and given
 * a spill, the sum is cut into partial sums in cells of their own, still live.
 */
export function sumExpr(amounts: readonly SourcedAmount[], spill?: Spill): string {
  if (amounts.length === 0) return "0";
  const groups = new Map<string, { sheet: string; column: string; factor: number; rows: Map<number, Decimal> }>();
  const literals: Term[] = [];
  for (const a of amounts) {
    const at = a.ref && !a.typedAsText ? parseAddress(a.ref.cell) : undefined;
    if (!a.ref || !at) {
      literals.push({ text: amountExpr(a), value: a.value });
      continue;
    }
    const column = a.ref.cell.replace(/\d+$/, "").replace(/\$/g, "");
    const factor = a.factor ?? 1;
    const key = `${a.ref.sheet}\u0000${column}\u0000${factor}`;
    const group = groups.get(key) ?? { sheet: a.ref.sheet, column, factor, rows: new Map<number, Decimal>() };
    group.rows.set(at.row, (group.rows.get(at.row) ?? new Decimal(0)).plus(a.value));
    groups.set(key, group);
  }
  const byFactor = [...groups.values()].map((g) => ({
    factor: g.factor,
    ranges: runs([...g.rows.keys()]).map(([from, to]): Term => {
      let value = new Decimal(0);
      for (let r = from; r <= to; r++) value = value.plus(g.rows.get(r) ?? 0);
      return {
        text: sheetRef(g.sheet, from === to ? `${g.column}${from}` : `${g.column}${from}:${g.column}${to}`),
        value,
      };
    }),
  }));
  const terms = byFactor.map((g) => {
    const only = g.ranges.length === 1 && !g.ranges[0]!.text.includes(":");
    return scaled(g.factor, only ? g.ranges[0]!.text : `SUM(${g.ranges.map((r) => r.text).join(",")})`);
  });
  const whole = [...terms, ...literals.map((l) => l.text)].join("+").replace(/\+-/g, "-");
  const fits = whole.length <= SUM_MAX_CHARS && byFactor.every((g) => g.ranges.length <= FUNCTION_MAX_ARGUMENTS);
  if (fits || !spill) return whole;
  // Each group's ranges, and the literals, in partial sums; the sum adds the partial sums up.
  const parts = [
    ...byFactor.flatMap((g) => chunks(g.ranges).map((chunk) => partialSum(chunk, spill, g.factor))),
    ...chunks(literals).map((chunk) => partialSum(chunk, spill)),
  ];
  return addUp(parts, spill);
}

/** Partial sums added up, themselves in partial sums while there are more than one function takes. */
function addUp(parts: readonly Term[], spill: Spill): string {
  if (parts.length <= PART_MAX_ARGUMENTS) return `SUM(${parts.map((p) => p.text).join(",")})`;
  return addUp(
    chunks(parts).map((chunk) => partialSum(chunk, spill)),
    spill,
  );
}

/** One partial sum in a cell of its own: the reference the sum adds, and its kronor. */
function partialSum(chunk: readonly Term[], spill: Spill, factor = 1): Term {
  const value = chunk.reduce((s, t) => s.plus(t.value), new Decimal(0));
  return { text: spill(`=${scaled(factor, `SUM(${chunk.map((t) => t.text).join(",")})`)}`, value), value };
}

/** Terms in runs of at most 250 arguments and a few thousand characters. */
function chunks(terms: readonly Term[]): Term[][] {
  const out: Term[][] = [];
  let length = 0;
  for (const t of terms) {
    const last = out[out.length - 1];
    if (last && last.length < PART_MAX_ARGUMENTS && length + t.text.length + 1 <= SUM_MAX_CHARS) {
      last.push(t);
      length += t.text.length + 1;
    } else {
      out.push([t]);
      length = t.text.length;
    }
  }
  return out;
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
