/* global setTimeout, clearTimeout */
/**
 * The user's edits, followed live (the worksheets' onChanged event): the analysis runs again once the
 * user has stopped editing for a moment, never on the add-in's own writes nor on their echo.
 */

/** How long to wait after the user's last edit before the analysis follows it. */
export const CHANGE_DEBOUNCE_MS = 600;
/** Change events that arrive this soon after the add-in's own write are its own echo. */
export const OWN_WRITE_QUIET_MS = 1500;

/** What the port tells of its own writes. */
export interface OwnWrites {
  /** Whether a write of the add-in's is under way. */
  readonly writing: () => boolean;
  /** Whether a change now would be a write's echo (within OWN_WRITE_QUIET_MS of its end). */
  readonly echo: () => boolean;
}

/**
 * Calls back after the user's edits, debounced; the returned function stops listening. `run` runs a
 * batch in Excel (the port's Excel.run, without options).
 */
export function listenForChanges(
  run: (batch: (context: Excel.RequestContext) => Promise<void>) => Promise<void>,
  own: OwnWrites,
  callback: () => void,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const handlers: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[] = [];
  const changed = async () => {
    if (stopped || own.writing() || own.echo()) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!stopped && !own.writing()) callback();
    }, CHANGE_DEBOUNCE_MS);
  };
  const registered = run(async (context) => {
    handlers.push(context.workbook.worksheets.onChanged.add(changed));
    await context.sync();
  }).catch(() => {
    // No live updates then; the pane's "Analysera" still works.
  });
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    void registered.then(async () => {
      for (const h of handlers) {
        try {
          h.remove();
          await h.context.sync();
        } catch {
          // The workbook is closing: nothing to remove.
        }
      }
    });
  };
}
