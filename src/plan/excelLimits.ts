/**
 * Excel's limits on a formula, which every formula the add-in writes keeps:
 * - at most 8 192 characters: "Excel restricts the contents of this simple type [ST_Formula] to be at most
 *   8192 characters" (MS-OI29500 2.1.1085,
 *   https://learn.microsoft.com/openspecs/office_standards/ms-oi29500/8ebf82e4-4fa4-43a6-9ecd-d2d793a6f4bf);
 * - at most 255 arguments in a function ("Excel specifications and limits", Calculation specifications,
 *   https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 */
export const FORMULA_MAX_CHARS = 8192;
export const FUNCTION_MAX_ARGUMENTS = 255;

/** The most arguments any one function call of the formula has (text in quotes and quoted sheet names skipped). */
export function mostArguments(formula: string): number {
  const open: number[] = [];
  let most = 0;
  for (let i = 0; i < formula.length; i++) {
    const c = formula[i]!;
    if (c === '"' || c === "'") {
      // A string or a quoted sheet name; a doubled quote inside stays inside.
      for (i++; i < formula.length; i++) if (formula[i] === c && formula[++i] !== c) break;
      i--;
    } else if (c === "(") open.push(1);
    else if (c === ")") {
      const args = open.pop() ?? 0;
      // "()" has no argument.
      most = Math.max(most, formula[i - 1] === "(" ? 0 : args);
    } else if (c === "," && open.length > 0) open[open.length - 1]!++;
  }
  return most;
}

/** Whether Excel takes the formula ("=SUM(…)"): its length and every function's arguments within the limits. */
export function withinLimits(formula: string): boolean {
  return formula.length <= FORMULA_MAX_CHARS && mostArguments(formula) <= FUNCTION_MAX_ARGUMENTS;
}
