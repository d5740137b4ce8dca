/* global Office, location */
// The ribbon's commands (manifest.xml: FunctionFile commands.html). Like src/excel/, this entry point may
// use Office.js; the work itself belongs in src/excel/ and the pure layers behind it.
import { analyseAndFlag } from "../app/analyseWorkbook";
import type { Clock } from "../app/clock";
import type { WorkbookPort } from "../app/workbookPort";
import type { Message } from "../domain";
import { createExcelPort } from "../excel";

/** What the ribbon's Analysera came to; a message for the user where nothing was written. */
export type RibbonOutcome =
  { readonly kind: "written" } | { readonly kind: "noBudget" | "error"; readonly message: Message };

/**
 * "Analysera" without the pane: read the workbook, run the rules, and write
 * the flags and Finsam-kontroll as one undoable step. Never throws: a
 * failure (protected sheet, no budget, an Excel too old) becomes a message.
 */
export async function runAnalysis(port: WorkbookPort, clock: Clock): Promise<RibbonOutcome> {
  try {
    const { outcome, ...written } = await analyseAndFlag(port, clock);
    if (outcome.kind === "noBudget") return { kind: "noBudget", message: outcome.reason };
    if (outcome.kind === "error") return { kind: "error", message: outcome.message };
    if (!written.flagged) return { kind: "error", message: messageOf(written.failure) };
    return { kind: "written" };
  } catch (error) {
    return { kind: "error", message: messageOf(error) };
  }
}

function messageOf(error: unknown): Message {
  const user = (error as { userMessage?: Message } | null)?.userMessage;
  if (user) return user;
  const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return {
    sv: `Finsam-budget kunde inte analysera arbetsboken: ${detail}`,
    en: `Finsam budget could not analyse the workbook: ${detail}`,
  };
}

/** Shows a message to the user and resolves when it is closed (or could not be shown). */
export type Notify = (message: Message) => Promise<void>;

/**
 * A function command has no page of its own to show text on; Office's dialog (Dialog API 1.1) shows
 * notice.html from the add-in's origin, with the message in its query. The command completes when the
 * user closes it, so the command's runtime is not ended under it.
 */
export const dialogNotify: Notify = (message) =>
  new Promise<void>((resolve) => {
    const url = new URL("notice.html", location.href);
    url.searchParams.set("sv", message.sv);
    url.searchParams.set("en", message.en);
    try {
      Office.context.ui.displayDialogAsync(
        url.toString(),
        { height: 30, width: 35, displayInIframe: true },
        (result) => {
          if (result.status !== Office.AsyncResultStatus.Succeeded) return resolve();
          const dialog = result.value;
          const close = () => {
            dialog.close();
            resolve();
          };
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, close);
          dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
        },
      );
    } catch {
      resolve();
    }
  });

/** The machine's clock: made here, at the entry point, and handed to everything below. */
const systemClock: Clock = { now: () => new Date() };

/** The "Analysera" button (ExecuteFunction `analyzeWorkbook`): every failure reaches the user in words. */
export async function analyzeWorkbook(
  event: Office.AddinCommands.Event,
  makePort: () => WorkbookPort = () => createExcelPort(systemClock),
  clock: Clock = systemClock,
  notify: Notify = dialogNotify,
): Promise<void> {
  try {
    let outcome: RibbonOutcome;
    try {
      outcome = await runAnalysis(makePort(), clock);
    } catch (error) {
      outcome = { kind: "error", message: messageOf(error) };
    }
    if (outcome.kind !== "written") await notify(outcome.message).catch(() => undefined);
  } finally {
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    // Nothing to set up; the association below must run as soon as the page loads.
  });
  Office.actions.associate("analyzeWorkbook", analyzeWorkbook);
}
