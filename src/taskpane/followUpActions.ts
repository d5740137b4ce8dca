/**
 * Uppföljning's actions on the workbook: the mapping and the forecasts it keeps, read and saved, and
 * writing Finsam-uppföljning. Their use cases load with the Uppföljning chunk, not with the pane.
 */
import { useCallback, useMemo } from "react";
import type { LedgerFollowUp } from "../app/followUpFromLedger";
import type { SheetFollowUp } from "../app/followUpFromSheet";
import type { LedgerMapping } from "../app/followUpMemory";
import type { ForecastChoice, Message } from "../domain";
import { both } from "./strings";
import type { PaneCore } from "./paneCore";

/** The follow-up's use cases on the workbook, in the Uppföljning chunk with its view: not in what Excel loads first. */
async function followUpCode() {
  const [memory, write] = await Promise.all([
    import(/* webpackChunkName: "followup" */ "../app/followUpMemory"),
    import(/* webpackChunkName: "followup" */ "../app/writeFollowUp"),
  ]);
  return { ...memory, ...write };
}

export function useFollowUpActions(core: PaneCore) {
  const { port, status, run, setNotice } = core;
  const readMapping = useCallback(async (): Promise<LedgerMapping | undefined> => {
    if (!port) return undefined;
    const { readLedgerMapping } = await followUpCode();
    return readLedgerMapping(port);
  }, [port]);

  const saveMapping = useCallback(
    async (mapping: LedgerMapping): Promise<boolean> => {
      if (!port) return false;
      let done = false;
      await run(
        "writing",
        async () => {
          const { saveLedgerMapping } = await followUpCode();
          await saveLedgerMapping(port, mapping);
          setNotice({ intent: "success", message: both("mappingSaved") });
          done = true;
        },
        both("failMapping"),
      );
      return done;
    },
    [port, run],
  );

  const readForecasts = useCallback(async () => {
    if (!port) return { findings: [] };
    const { readForecasts } = await followUpCode();
    return readForecasts(port);
  }, [port]);

  const saveForecasts = useCallback(
    async (choices: ReadonlyMap<string, ForecastChoice>, notice: Message, failed: Message): Promise<boolean> => {
      if (!port) return false;
      let done = false;
      await run(
        "writing",
        async () => {
          const { saveForecasts } = await followUpCode();
          await saveForecasts(port, choices);
          setNotice({ intent: "success", message: notice });
          done = true;
        },
        failed,
      );
      return done;
    },
    [port, run],
  );

  const writeFollowUp = useCallback(
    async (followUp: LedgerFollowUp | SheetFollowUp) => {
      if (!port || status.kind !== "ok") return;
      const outcome = status;
      await run(
        "writing",
        async () => {
          const analysis = outcome.analysis;
          const { writeFollowUpSheet } = await followUpCode();
          await writeFollowUpSheet(port, analysis, followUp, outcome.forbund);
          setNotice({ intent: "success", message: both("followUpWritten", { file: followUp.fileName }) });
        },
        both("failFollowUp"),
      );
    },
    [port, status, run],
  );

  return useMemo(
    () => ({ readMapping, saveMapping, readForecasts, saveForecasts, writeFollowUp }),
    [readMapping, saveMapping, readForecasts, saveForecasts, writeFollowUp],
  );
}
