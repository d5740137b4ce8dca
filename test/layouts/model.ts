/**
 * One budget in the abstract, before any layout: the members, their
 * population, the years, the lines and the equity, all in whole kronor.
 * The generator (generator.ts) renders it as a workbook in many layouts; the
 * expected report (expected.ts) is computed from it alone, never by the add-in.
 */
export type LayoutUnit = "kr" | "tkr" | "Mkr";

/** Amounts in kronor by calendar year; a year missing is a year the sheet does not state. */
export type ByYear = Readonly<Record<number, number>>;

export interface AbstractKommun {
  /** The kommun's own name, as in SCB's tables: "Kungälv". */
  readonly name: string;
  /** The official name: "Kungälvs kommun". */
  readonly official: string;
  readonly population: number;
  readonly amounts: ByYear;
}

export interface AbstractLine {
  readonly label: string;
  readonly amounts: ByYear;
  /** An account number, for layouts with an account column. */
  readonly account: number;
}

export interface CostGroup {
  /** "Administration", "Insatser": a heading row and, with subtotals, "Summa …". */
  readonly name: string;
  readonly lines: readonly AbstractLine[];
}

export interface AbstractBudget {
  readonly forbund: string;
  readonly budgetYear: number;
  /** The years the sheet states, budget year first (one, or the budget year and plan years). */
  readonly years: readonly number[];
  /** The state as one row (FK and AF together) or as two rows of a quarter each. */
  readonly state:
    | { readonly kind: "one"; readonly label: string; readonly amounts: ByYear }
    | { readonly kind: "fkaf"; readonly fk: ByYear; readonly af: ByYear };
  readonly region: { readonly label: string; readonly amounts: ByYear };
  readonly kommuner: readonly AbstractKommun[];
  /** 31 December of the year before the budget year, ISO. */
  readonly populationDate: string;
  /** Income that is not a member contribution: "Finansiella intäkter", "EU-medel". */
  readonly otherIncome: readonly AbstractLine[];
  /** "Ianspråktagna egna medel" on the income side; never income. */
  readonly drawdown?: ByYear;
  readonly costGroups: readonly CostGroup[];
  /** Equity at the start of the budget year. */
  readonly openingEquity: number;
  /** The förbund's own equity target, written as text ("1,8 Mkr +/- 20 %"). */
  readonly equityTarget?: { readonly centre: number; readonly tolerance: number; readonly text: string };
}

export const costLines = (b: AbstractBudget): AbstractLine[] => b.costGroups.flatMap((g) => g.lines);

/** Sum of the lines' amounts in a year, or undefined where no line states the year. */
export function linesIn(lines: readonly { readonly amounts: ByYear }[], year: number): number | undefined {
  const present = lines.map((l) => l.amounts[year]).filter((a): a is number => a !== undefined);
  return present.length === 0 ? undefined : present.reduce((s, a) => s + a, 0);
}

/** Every member's amount in a year, in sheet order: state, region, kommuner. */
export function memberAmounts(b: AbstractBudget, year: number): number[] {
  const state = b.state.kind === "one" ? [b.state.amounts[year]] : [b.state.fk[year], b.state.af[year]];
  return [...state, b.region.amounts[year], ...b.kommuner.map((k) => k.amounts[year])].filter(
    (a): a is number => a !== undefined,
  );
}
