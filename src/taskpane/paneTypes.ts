/** The pane's shared types: its views, its states, its notices and how the entry point opens it. */
import type { AnalysisOutcome } from "../app/analyseWorkbook";
import type { Clock } from "../app/clock";
import type { WorkbookPort } from "../app/workbookPort";
import type { Message } from "../domain";
import type { Lang } from "./strings";

export type ViewId = "overview" | "shares" | "findings" | "settings" | "plan" | "followUp";

export const VIEWS: readonly ViewId[] = ["overview", "shares", "findings", "settings", "plan", "followUp"];

/** What the pane shows: nothing analysed yet, or the last analysis's outcome (ok, noBudget, error). */
export type PaneStatus = { readonly kind: "empty" } | AnalysisOutcome;

export type Busy = "analysing" | "writing" | "opening";

export interface Notice {
  readonly intent: "success" | "error" | "warning" | "info";
  readonly message: Message;
  /** Where it stands: beside the action that made it ("board": Skapa styrelseunderlag); else at the top. */
  readonly at?: "board";
}

/** A port that can hand back its workbook as a file (the file port in a browser). */
export interface DownloadablePort extends WorkbookPort {
  readonly fileName: string;
  download(): Promise<Uint8Array>;
}

export interface FinsamOptions {
  /** A port ready now (the tests'). In a browser: none until a file is opened. */
  readonly port?: WorkbookPort;
  /**
   * Inside Excel: makes Excel's port, whose code comes with the engine's chunk, so the first screen
   * shows before it; the pane calls it once, when it first renders.
   */
  readonly connect?: () => Promise<WorkbookPort>;
  readonly initialLang?: Lang;
  /** Browser: opens a workbook's bytes (the file port, whose code is loaded on demand). */
  readonly openFile?: (bytes: Uint8Array, fileName: string) => Promise<WorkbookPort>;
  /** Browser: the example workbook. */
  readonly loadExample?: () => Promise<{ readonly bytes: Uint8Array; readonly fileName: string }>;
  /** Browser: offers bytes to the user as a file. */
  readonly saveFile?: (bytes: Uint8Array, fileName: string) => void;
  /** The clock the entry point made: every "now" of the pane comes from it. */
  readonly clock: Clock;
}
