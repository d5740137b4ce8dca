import { sortFindings, type Analysis, type Finding, type Message, type Settings } from "../domain";
import { analyzeGrid } from "./analyzeGrid";
import type { Location } from "../read/locate";
import { buildWritePlan } from "../plan/writePlan";
import type { Clock } from "./clock";
import { WorkbookError, type WorkbookPort } from "./workbookPort";
import type { WritePlan } from "../plan/types";

export type AnalysisOutcome =
  | {
      readonly kind: "ok";
      readonly analysis: Analysis;
      readonly location: Location;
      /** What reading found and what the rules found, errors first. */
      readonly findings: readonly Finding[];
      readonly plan: WritePlan;
      /** When the analysis ran, by the injected clock: a moment, shown in the user's own zone. */
      readonly analysedAt: Date;
      /** The förbund's name from a sheet's title, where one says it. */
      readonly forbund?: string;
    }
  | { readonly kind: "noBudget"; readonly reason: Message; readonly findings: readonly Finding[] }
  | { readonly kind: "error"; readonly message: Message };

/**
 * The use case behind "Analysera": read the workbook through its port, run
 * the engine, and build what would be written. Writes nothing.
 */
export async function analyseWorkbook(port: WorkbookPort, clock: Clock, settings?: Settings): Promise<AnalysisOutcome> {
  try {
    const grid = await port.readGrid();
    const result = analyzeGrid(grid, settings);
    if (!result.ok) return { kind: "noBudget", reason: result.reason, findings: result.readFindings };
    const findings = sortFindings([...result.readFindings, ...result.analysis.findings]);
    const forbund = result.forbund;
    const plan = buildWritePlan({ ...result.analysis, findings }, { forbund });
    return {
      kind: "ok",
      analysis: result.analysis,
      location: result.location,
      findings,
      plan,
      analysedAt: clock.now(),
      ...(forbund ? { forbund } : {}),
    };
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
