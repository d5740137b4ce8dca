import type { Analysis, Finding, Message, Settings } from "../domain";
import type { Grid } from "../grid";
import type { BudgetChoice, Location } from "../read/locate";

export type { BudgetChoice };
import type { WritePlan } from "../plan/types";
import { planWrites, type WritePlanOptions } from "../plan/writePlan";
import { analyzeGrid } from "./analyzeGrid";
import type { Clock } from "./clock";
import { WorkbookError, type WorkbookPort } from "./workbookPort";

/** An analysis that ran, and what it would write. */
export interface AnalysedOutcome {
  readonly kind: "ok";
  /** Its findings are every finding, once: reading's and the rules', errors first, each on the cell it stands on. */
  readonly analysis: Analysis;
  readonly location: Location;
  readonly plan: WritePlan;
  /** When the analysis ran, by the injected clock: a moment, shown in the user's own zone. */
  readonly analysedAt: Date;
  /** The förbund's name from a sheet's title, where one says it. */
  readonly forbund?: string;
  /** Every förbund's budget the workbook keeps (nearly always one), and which was read. */
  readonly budgets: readonly BudgetChoice[];
  readonly chosen: number;
}

export type AnalysisOutcome =
  | AnalysedOutcome
  | { readonly kind: "noBudget"; readonly reason: Message; readonly findings: readonly Finding[] }
  | { readonly kind: "error"; readonly message: Message };

export interface AnalyseOptions {
  /** Settings on top of the workbook's own (the pane's session settings). */
  readonly settings?: Settings | undefined;
  /** What to write besides the flags and Finsam-kontroll (the command line's --out adds the board sheet). */
  readonly writes?: WritePlanOptions;
  /** The förbund's name where no sheet's title says it (the command line: the file's name). */
  readonly forbund?: string;
  /** Which budget to read where the workbook keeps several: the sheet of its members (BudgetChoice.sheet). */
  readonly budget?: string | undefined;
  /** Adds to the plan before it is written (the command line's Finsam-uppföljning), without loading that code here. */
  readonly extendPlan?: (outcome: AnalysedOutcome) => WritePlan;
}

/** The pure part of "Analysera": a Grid in, the analysis and what it would write out. */
export function analyseGrid(grid: Grid, clock: Clock, options: AnalyseOptions = {}): AnalysisOutcome {
  const result = analyzeGrid(grid, options.settings, options.budget);
  if (!result.ok) return { kind: "noBudget", reason: result.reason, findings: result.findings };
  const forbund = result.forbund ?? options.forbund;
  const { analysis, plan } = planWrites(result.analysis, { ...options.writes, forbund });
  return {
    kind: "ok",
    analysis,
    location: result.location,
    plan,
    analysedAt: clock.now(),
    ...(forbund ? { forbund } : {}),
    budgets: result.budgets,
    chosen: result.chosen,
  };
}

/**
 * The use case behind "Analysera" without writing: read the workbook through its port, run the engine,
 * and build what would be written.
 */
export async function analyseWorkbook(
  port: WorkbookPort,
  clock: Clock,
  options: AnalyseOptions = {},
): Promise<AnalysisOutcome> {
  try {
    return analyseGrid(await port.readGrid(), clock, options);
  } catch (error) {
    if (error instanceof WorkbookError) return { kind: "error", message: error.userMessage };
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return {
      kind: "error",
      message: {
        sv: `Arbetsboken kunde inte analyseras: ${detail}`,
        en: `The workbook could not be analysed: ${detail}`,
      },
    };
  }
}

/** What "Analysera" came to: the analysis, and whether its flags and Finsam-kontroll were written. */
export type FlagOutcome =
  | { readonly outcome: AnalysisOutcome; readonly flagged: true }
  /** Nothing was written: no budget, an error, or the write failed (`failure`, the analysis still stands). */
  | { readonly outcome: AnalysisOutcome; readonly flagged: false; readonly failure?: unknown };

/**
 * "Analysera", the one use case the pane, the ribbon and the command line call: analyse, then write the
 * flags and Finsam-kontroll as one undoable step. Never throws for the workbook's sake: a failed write is
 * `failure`, beside the analysis that stands.
 */
export async function analyseAndFlag(
  port: WorkbookPort,
  clock: Clock,
  options: AnalyseOptions = {},
): Promise<FlagOutcome> {
  const outcome = await analyseWorkbook(port, clock, options);
  if (outcome.kind !== "ok") return { outcome, flagged: false };
  try {
    await port.applyPlan(options.extendPlan ? options.extendPlan(outcome) : outcome.plan);
    return { outcome, flagged: true };
  } catch (failure) {
    return { outcome, flagged: false, failure };
  }
}
