import type { Decimal, Unit } from "./money";

/** The parties of a samordningsförbund. `stat` is FK and AF stated as one row. */
export type Party = "stat" | "fk" | "af" | "region" | "kommun";

/** Where a value stands in the workbook; it travels with the value to every finding. */
export interface CellRef {
  readonly sheet: string;
  readonly cell: string;
}

/** An amount in kronor (whatever the sheet's unit) and the cell it came from. */
export interface SourcedAmount {
  readonly value: Decimal;
  readonly ref?: CellRef;
  /**
   * kronor = the cell's value × factor: 1000 where the sheet is in tkr, −1
   * where it shows costs as negative numbers. 1 when absent. Lets a written
   * formula point at the user's cell and still give kronor.
   */
  readonly factor?: number;
  /** The cell holds the number as text, so a formula cannot use it as it is. */
  readonly typedAsText?: boolean;
  /**
   * The value as a plain number, where it is whole kronor that a number holds
   * exactly: a list of thousands of lines adds up without a Decimal per cell (sumAmounts).
   */
  readonly wholeKronor?: number;
}

/** Amounts by calendar year. */
export type YearAmounts = ReadonlyMap<number, SourcedAmount>;

export interface Member {
  readonly name: string;
  readonly party: Party;
  /** The contribution the sheet states for each year. */
  readonly amounts: YearAmounts;
  /** Kommuner only: population at 31 December of the year before the budget year. */
  readonly population?: { readonly value: Decimal; readonly ref?: CellRef; readonly typedAsText?: boolean };
  readonly nameRef?: CellRef;
}

/** A cost or income line. Costs are positive here, whatever sign the sheet uses. */
export interface BudgetLine {
  readonly label: string;
  readonly amounts: YearAmounts;
  readonly labelRef?: CellRef;
}

/** A "Summa"/"Totalt" cell and the cells it should be the sum of. */
export interface StatedSum {
  readonly label: string;
  readonly year: number;
  readonly stated: SourcedAmount;
  readonly parts: readonly SourcedAmount[];
}

/** Follow-up of a line: budget against outcome (utfall) and full-year forecast (prognos). */
export interface FollowUpLine {
  readonly label: string;
  readonly year: number;
  readonly budget: SourcedAmount;
  readonly outcome?: SourcedAmount;
  readonly forecast?: SourcedAmount;
  /** Months of the year the outcome covers, where its header names them ("Utfall jan–aug 2025": 8). */
  readonly monthsElapsed?: number;
}

/** What the budget sheet says, cell by cell, in kronor. Built by src/read from a Grid. */
export interface Budget {
  readonly unit: Unit;
  readonly budgetYear: number;
  /** Years after the budget year that the sheet states (usually two plan years). */
  readonly planYears: readonly number[];
  readonly members: readonly Member[];
  /** "Totalt" / "Parternas insats": the members' total as the sheet states it. */
  readonly statedContributionTotal?: YearAmounts;
  /** Financial income, project money (ESF): income that is not a member contribution. */
  readonly otherIncome: readonly BudgetLine[];
  /** "Eget kapital", "Ianspråktagna egna medel" on the income side: equity drawn down, never income. */
  readonly equityDrawdowns: readonly BudgetLine[];
  readonly costs: readonly BudgetLine[];
  /** "Summa kostnader" as stated, used where the sheet has no cost lines for a year. */
  readonly costTotal?: YearAmounts;
  /** Equity at the start of the budget year (closing equity of the year before). */
  readonly openingEquity?: SourcedAmount;
  readonly populationDate?: string;
  readonly sums: readonly StatedSum[];
  readonly followUp: readonly FollowUpLine[];
  /** The total budget frame (ram) that follow-up forecasts are held against. */
  readonly budgetFrame?: SourcedAmount;
}

/** How the kommuner split their quarter. */
export type KommunKey =
  | { readonly kind: "population" }
  /** Fixed percentages from the förbundsordning, by kommun name. */
  | { readonly kind: "fixed"; readonly percents: Readonly<Record<string, Decimal>> };

/** One step of Nationella rådets staircase: allocation in [from, to) may keep maxPercent as equity. */
export interface EquityStep {
  readonly from: Decimal;
  readonly to?: Decimal;
  readonly maxPercent: Decimal;
}

/** A förbund's own target for equity, e.g. 1,8 Mkr ± 20 %. */
export interface EquityTarget {
  readonly min: Decimal;
  readonly max: Decimal;
}

export type CostAssumption =
  /** As the sheet states each plan year, else held at the budget year's. */
  | { readonly kind: "sheet" }
  /** The budget year's costs every year. */
  | { readonly kind: "flat" }
  /** The previous year's costs changed by a fraction each year (−0.05 = −5 %). */
  | { readonly kind: "change"; readonly rate: Decimal };

/** A what-if for the plan years. The budget year always stands as the sheet states it. */
export interface Scenario {
  readonly id: string;
  readonly name: string;
  /**
   * "sheet": contributions as the workbook states them for each year;
   * "reduction": the state's half falls by a rate a year (worst case 10 %).
   */
  readonly contributions:
    | { readonly kind: "sheet" }
    | {
        readonly kind: "reduction";
        /** Fraction per year, 0.10 = −10 %; must lie in [0, 1]. */
        readonly rate: Decimal;
        /** A rate for a given year, overriding `rate`. */
        readonly rateByYear?: Readonly<Record<number, Decimal>>;
        /** The state's half does not fall below this (kronor). */
        readonly stateFloor?: Decimal;
      };
  readonly costs: CostAssumption;
  /**
   * Extra spending planned from equity, kronor by plan year ("what if we
   * draw down equity faster?"): added to that year's costs.
   */
  readonly plannedDrawdown?: Readonly<Record<number, Decimal>>;
}

/** A setting the workbook keeps in a cell of its own: the reference a formula reads it by, and the number there. */
export interface SettingSource {
  /** A defined name (Finsam_Minskning) or a cell reference. */
  readonly ref: string;
  /** The number in the cell as typed: 10 or 0,1 for a tenth, 20 or 0,2 for 20 %. */
  readonly value: Decimal;
}

/** The settings the workbook holds as numbers, so Finsam-kontroll reads them there instead of typing them. */
export interface SettingSources {
  /** The recommended maximum for equity, per cent of contributions. */
  readonly equityMaxPercent?: SettingSource;
  /** The worst case's fall per year for the state's half. */
  readonly reduction?: SettingSource;
  /** The floor of the state's half in the worst case, kronor. */
  readonly floor?: SettingSource;
}

export interface Settings {
  readonly kommunKey: KommunKey;
  readonly equityStaircase: readonly EquityStep[];
  readonly equityTarget?: EquityTarget;
  readonly scenarios: readonly Scenario[];
  /** How many plan years follow the budget year. */
  readonly planLength: number;
  /** Where the workbook keeps the settings above, where it does. */
  readonly sources?: SettingSources;
}
