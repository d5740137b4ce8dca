import {
  amountIn,
  costsIn,
  membersOf,
  yearTotal,
  type Budget,
  type EquityStep,
  type PlanYear,
  type Scenario,
  type SettingSources,
  type SourcedAmount,
  WORST_CASE,
  percentSetting,
  fractionSetting,
} from "../domain";
import { amountExpr, sumExpr, type Spill } from "./formulas";
import { columnLetters } from "../grid";
import { abs, KR, PERCENT, type SheetBuilder } from "./sheetBuilder";

/**
 * A scenario's plan years as live formulas on the budget's own cells
 * (Rules 3–5), shared by Finsam-kontroll and the board sheet.
 */

/**
 * The equity staircase as the cells the plan formulas look up: its from-column and per-cent column. Where
 * the workbook keeps the recommended maximum (Finsam_EKMaxProcent) and it is the one in effect, the per
 * cent is a formula on that cell, read as the add-in reads it (0,2 and 20 alike are 20 %).
 */
export function staircaseTable(
  s: SheetBuilder,
  staircase: readonly EquityStep[],
  sources?: SettingSources,
): { from: string; percent: string } {
  s.next();
  s.next();
  s.label("Inställningar", true);
  s.next();
  s.label("Trappa för eget kapital: medlemsavgifter från (kr)");
  s.put(2, { value: "Högst andel (%)" });
  const top = s.row + 1;
  const named = sources?.equityMaxPercent;
  const linked = named && staircase.length === 1 && staircase[0]!.maxPercent.equals(percentSetting(named.value));
  for (const step of staircase) {
    s.next();
    s.put(1, { value: step.from.toNumber(), numberFormat: KR });
    s.put(
      2,
      linked
        ? // percentSetting, in Excel.
          { formula: `=IF(${named.ref}<=1,100*${named.ref},${named.ref})`, expected: step.maxPercent.toNumber() }
        : { value: step.maxPercent.toNumber() },
    );
  }
  return { from: `$A$${top}:$A$${s.row}`, percent: `$B$${top}:$B$${s.row}` };
}

/** Where a plan block put its rows, for charts and conditional formats. */
export interface PlanRows {
  readonly yearRow: number;
  readonly contributionsRow: number;
  readonly costRow: number;
  readonly resultRow: number;
  readonly closingRow: number;
  readonly maxEquityRow: number;
  /** Column letters of the years, in order. */
  readonly columns: readonly string[];
}

export function stateHalfExpr(budget: Budget, year: number): string {
  const stat = membersOf(budget, "stat").map((m) => amountIn(m, year));
  if (stat.length === 1 && stat[0]) return amountExpr(stat[0]);
  const parts = membersOf(budget, "fk", "af")
    .map((m) => amountIn(m, year))
    .filter((a): a is SourcedAmount => !!a);
  return parts.map(amountExpr).join("+");
}

export function totalExpr(budget: Budget, year: number, spill?: Spill): string {
  const anchor = yearTotal(budget, year);
  if (anchor?.basis === "statedTotal") {
    const stated = budget.statedContributionTotal?.get(year);
    if (stated) return amountExpr(stated);
  }
  return sumExpr(
    budget.members.map((m) => amountIn(m, year)).filter((a): a is SourcedAmount => !!a),
    spill,
  );
}

/** One scenario's plan on a sheet: its years in columns from B, one row per figure. */
interface Block {
  readonly s: SheetBuilder;
  readonly budget: Budget;
  readonly scenario: Scenario;
  readonly years: readonly PlanYear[];
  /** The column letters of the i-th year. */
  readonly col: (i: number) => string;
  /** The settings the workbook keeps in cells of its own, for the worst case's rate and floor. */
  readonly sources: SettingSources | undefined;
}

/**
 * A scenario's plan as formulas, Rules 3–5 in the order they build on each other: the members'
 * contributions, other income, costs, the result, equity in and out, and the highest recommended equity.
 */
export function planBlock(
  s: SheetBuilder,
  budget: Budget,
  scenario: Scenario,
  years: readonly PlanYear[],
  stateCells: ReadonlyMap<number, string>,
  staircase: { from: string; percent: string },
  title = `Flerårsplan: ${scenario.name}`,
  sources?: SettingSources,
): PlanRows {
  const block: Block = { s, budget, scenario, years, col: (i) => columnLetters(2 + i), sources };
  s.next();
  s.next();
  s.label(title, true);
  s.next();
  s.label("År");
  const yearRow = s.row;
  years.forEach((y, i) => s.put(2 + i, { value: y.year, bold: true }));
  const contributionsRow =
    scenario.contributions.kind === "reduction"
      ? reducedContributions(block, scenario.contributions, stateCells)
      : statedContributions(block);
  const otherRow = otherIncomeRow(block);
  const { costRow, drawdownRow } = costRows(block);
  const resultRow = resultRowOf(block, contributionsRow, otherRow, costRow, drawdownRow);
  const closingRow = equityRows(block, resultRow);
  const maxEquityRow = maxEquityRowOf(block, contributionsRow, staircase);
  return {
    yearRow,
    contributionsRow,
    costRow,
    resultRow,
    closingRow,
    maxEquityRow,
    columns: years.map((_, i) => block.col(i)),
  };
}

/** Rule 3: the state's half falls by the rate each year (not below its floor); T is twice it. Returns T's row. */
function reducedContributions(
  { s, budget, scenario, years, col, sources }: Block,
  c: Extract<Scenario["contributions"], { kind: "reduction" }>,
  stateCells: ReadonlyMap<number, string>,
): number {
  // The worst case reads Finsam_Minskning and Finsam_Golv where the workbook keeps them and they are in effect.
  const worst = scenario.id === WORST_CASE.id;
  const rateSource = worst ? sources?.reduction : undefined;
  const floorSource = worst ? sources?.floor : undefined;
  s.next();
  s.label("Minskning av statens hälft (inställning)");
  years.forEach((y, i) => {
    if (i === 0) return;
    const rate = y.stateRate ?? c.rate;
    s.put(
      2 + i,
      rateSource && rate.equals(fractionSetting(rateSource.value))
        ? {
            // fractionSetting, in Excel.
            formula: `=IF(${rateSource.ref}>1,${rateSource.ref}/100,${rateSource.ref})`,
            numberFormat: PERCENT,
            expected: rate.toNumber(),
          }
        : { value: rate.toNumber(), numberFormat: PERCENT },
    );
  });
  const rateRow = s.row;
  let floorCell: string | undefined;
  if (c.stateFloor) {
    s.next();
    s.label("Golv för statens hälft (inställning)");
    floorCell = abs(
      s.put(
        2,
        floorSource && c.stateFloor.equals(floorSource.value)
          ? { formula: `=${floorSource.ref}`, numberFormat: KR, expected: c.stateFloor.toNumber() }
          : { value: c.stateFloor.toNumber(), numberFormat: KR },
      ),
    );
  }
  s.next();
  s.label("Statens hälft");
  const halfRow = s.row;
  years.forEach((y, i) => {
    const expected = y.contributions.dividedBy(2).toNumber();
    if (i === 0) {
      const cell = stateCells.get(y.year);
      s.put(2, {
        formula: cell ? `=${cell}` : `=(${totalExpr(budget, y.year, s.spill)})/2`,
        numberFormat: KR,
        expected,
      });
      return;
    }
    const prev = `${col(i - 1)}${halfRow}`;
    const reduced = `ROUND(${prev}*(1-${col(i)}${rateRow}),0)`;
    const formula = floorCell ? `=IF(${prev}<=${floorCell},${prev},MAX(${reduced},${floorCell}))` : `=${reduced}`;
    s.put(2 + i, { formula, numberFormat: KR, expected });
  });
  s.next();
  s.label("Medlemsavgifter T = 2 × statens hälft");
  years.forEach((y, i) =>
    s.put(2 + i, { formula: `=2*${col(i)}${halfRow}`, numberFormat: KR, expected: y.contributions.toNumber() }),
  );
  return s.row;
}

/** The contributions as the sheet states them (a year it does not state repeats the year before). */
function statedContributions({ s, budget, years, col }: Block): number {
  s.next();
  s.label("Medlemsavgifter enligt arket");
  years.forEach((y, i) => {
    const amounts = budget.members.map((m) => amountIn(m, y.year)).filter((a): a is SourcedAmount => !!a);
    const stated = budget.statedContributionTotal?.get(y.year);
    const formula =
      amounts.length > 0
        ? `=${sumExpr(amounts, s.spill)}`
        : stated
          ? `=${amountExpr(stated)}`
          : `=${col(i - 1)}${s.row}`;
    s.put(2 + i, { formula, numberFormat: KR, expected: y.contributions.toNumber() });
  });
  return s.row;
}

function otherIncomeRow({ s, budget, years }: Block): number {
  s.next();
  s.label("Övriga intäkter (inte ianspråktaget eget kapital)");
  years.forEach((y, i) => {
    const lines = budget.otherIncome.map((l) => l.amounts.get(y.year)).filter((a): a is SourcedAmount => !!a);
    s.put(2 + i, { formula: `=${sumExpr(lines, s.spill)}`, numberFormat: KR, expected: y.otherIncome.toNumber() });
  });
  return s.row;
}

/** The costs by the scenario's rule, and a planned extra drawdown from equity where one is set. */
function costRows({ s, budget, scenario, years, col }: Block): { costRow: number; drawdownRow?: number } {
  s.next();
  s.label(costLabel(scenario));
  const costRow = s.row;
  years.forEach((y, i) => {
    s.put(2 + i, {
      formula: `=${costFormula(budget, scenario, y.year, i, col, costRow, s.spill)}`,
      numberFormat: KR,
      expected: y.costs.minus(y.plannedDrawdown).toNumber(),
    });
  });
  if (!years.some((y) => !y.plannedDrawdown.isZero())) return { costRow };
  s.next();
  s.label("Planerat extra uttag ur eget kapital (inställning)");
  years.forEach((y, i) => s.put(2 + i, { value: y.plannedDrawdown.toNumber(), numberFormat: KR }));
  return { costRow, drawdownRow: s.row };
}

function resultRowOf(
  { s, years, col }: Block,
  contributionsRow: number,
  otherRow: number,
  costRow: number,
  drawdownRow: number | undefined,
): number {
  s.next();
  s.label(
    drawdownRow
      ? "Resultat = medlemsavgifter + övriga intäkter − kostnader − planerat uttag"
      : "Resultat = medlemsavgifter + övriga intäkter − kostnader",
  );
  years.forEach((y, i) =>
    s.put(2 + i, {
      formula: `=${col(i)}${contributionsRow}+${col(i)}${otherRow}-${col(i)}${costRow}${drawdownRow ? `-${col(i)}${drawdownRow}` : ""}`,
      numberFormat: KR,
      expected: y.result.toNumber(),
    }),
  );
  return s.row;
}

/** Rule 4: each year opens with the closing equity of the year before. Returns the closing row. */
function equityRows({ s, budget, years, col }: Block, resultRow: number): number {
  s.next();
  s.label("Ingående eget kapital");
  const openingRow = s.row;
  const closingRow = s.row + 1;
  years.forEach((y, i) => {
    const formula =
      i === 0 ? `=${budget.openingEquity ? amountExpr(budget.openingEquity) : "0"}` : `=${col(i - 1)}${closingRow}`;
    s.put(2 + i, { formula, numberFormat: KR, expected: y.openingEquity.toNumber() });
  });
  s.next();
  s.label("Utgående eget kapital = ingående + resultat");
  years.forEach((y, i) =>
    s.put(2 + i, {
      formula: `=${col(i)}${openingRow}+${col(i)}${resultRow}`,
      numberFormat: KR,
      expected: y.closingEquity.toNumber(),
    }),
  );
  return closingRow;
}

/** Rule 4's cap: the staircase's percentage of the year's contributions. */
function maxEquityRowOf(
  { s, years, col }: Block,
  contributionsRow: number,
  staircase: { from: string; percent: string },
): number {
  s.next();
  s.label("Högsta rekommenderade eget kapital (trappan × medlemsavgifter, hela kronor)");
  years.forEach((y, i) => {
    const T = `${col(i)}${contributionsRow}`;
    s.put(2 + i, {
      formula: `=ROUND(${T}*LOOKUP(${T},${staircase.from},${staircase.percent})/100,0)`,
      numberFormat: KR,
      expected: y.maxEquity.toNumber(),
    });
  });
  return s.row;
}

function costLabel(scenario: Scenario): string {
  switch (scenario.costs.kind) {
    case "sheet":
      return "Kostnader enligt arket (annars budgetårets)";
    case "flat":
      return "Kostnader, budgetårets nivå";
    case "change":
      return `Kostnader, förändring ${scenario.costs.rate.times(100).toFixed()} % per år`;
  }
}

function costFormula(
  budget: Budget,
  scenario: Scenario,
  year: number,
  i: number,
  col: (i: number) => string,
  row: number,
  spill: Spill,
): string {
  const fromSheet = () => {
    const lines = budget.costs.map((l) => l.amounts.get(year)).filter((a): a is SourcedAmount => !!a);
    if (lines.length > 0) return sumExpr(lines, spill);
    const stated = budget.costTotal?.get(year);
    return stated ? amountExpr(stated) : undefined;
  };
  if (i === 0) return fromSheet() ?? "0";
  const base = `$B$${row}`;
  switch (scenario.costs.kind) {
    case "sheet":
      return costsIn(budget, year) !== undefined ? (fromSheet() ?? base) : base;
    case "flat":
      return base;
    case "change":
      return `ROUND(${col(i - 1)}${row}*(1+${scenario.costs.rate.toFixed()}),0)`;
  }
}
