/**
 * The pane's core slice: the open workbook (its port), the analysis, the language, the view, what is
 * running and the last message; one action at a time (run) and analysing (analyseOn). The other slices (workbookWrites, followUpActions, workbookFile) act through it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { WorkbookError, type WorkbookPort } from "../app/workbookPort";
import type { Message, Settings, Unit } from "../domain";
import { both, DEFAULT_LANG, type Lang } from "./strings";
import { loadEngine } from "./loadEngine";
import type { Busy, FinsamOptions, Notice, PaneStatus, ViewId } from "./paneTypes";

/** A WorkbookError's own message; anything else after what failed. */
export function messageOf(error: unknown, failed: Message): Message {
  if (error instanceof WorkbookError) return error.userMessage;
  const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return { sv: `${failed.sv}: ${detail}`, en: `${failed.en}: ${detail}` };
}

/** The page's language follows the pane's, for screen readers and hyphenation. */
function useDocumentLang(lang: Lang): void {
  useEffect(() => {
    if (typeof document !== "undefined") document.documentElement.lang = lang;
  }, [lang]);
}

/**
 * Once the first screen is up: fetches the engine's chunk (the views and use cases), and inside Excel
 * makes Excel's port, whose code comes with it. True while the port is on its way. A failure to fetch
 * the chunk alone is said by the action that needs it.
 */
function useConnect(
  options: FinsamOptions,
  setPort: (port: WorkbookPort) => void,
  setNotice: (notice: Notice) => void,
): boolean {
  const { connect } = options;
  const [connecting, setConnecting] = useState(Boolean(connect && !options.port));
  useEffect(() => {
    loadEngine().catch(() => undefined);
    if (!connect || options.port) return;
    connect()
      .then(setPort)
      .catch((error: unknown) => setNotice({ intent: "error", message: messageOf(error, both("failConnect")) }))
      .finally(() => setConnecting(false));
    // Once, when the pane first renders: the port is the workbook Excel opened the pane on.
  }, []);
  return connecting;
}

export function usePaneCore(options: FinsamOptions) {
  const { clock } = options;
  const [port, setPort] = useState<WorkbookPort | undefined>(options.port);
  const [lang, setLang] = useState<Lang>(options.initialLang ?? DEFAULT_LANG);
  const [view, setView] = useState<ViewId>("overview");
  const [unit, setUnit] = useState<Unit>("kr");
  const [status, setStatus] = useState<PaneStatus>({ kind: "empty" });
  const [busy, setBusy] = useState<Busy | undefined>(undefined);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const [stale, setStale] = useState(false);
  const [sessionSettings, setSessionSettings] = useState<Settings | undefined>(undefined);
  /** The budget the user chose where the workbook keeps several (the sheet of its members). */
  const budgetRef = useRef<string | undefined>(undefined);
  const busyRef = useRef(false);
  /** The port as of the last render: each action's writes are one undo step on it (inOneStep). */
  const portRef = useRef(port);
  portRef.current = port;

  useDocumentLang(lang);
  const connecting = useConnect(options, setPort, setNotice);

  useEffect(() => {
    if (!port) return undefined;
    return port.onChange(() => {
      if (!busyRef.current) setStale(true);
    });
  }, [port]);

  /**
   * Runs one action at a time, its writes as one step that one Ångra takes back; a failure becomes the
   * notice, never an exception in the UI.
   */
  const run = useCallback(
    async (kind: Busy, action: () => Promise<void>, failure: Message, at?: Notice["at"]): Promise<void> => {
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy(kind);
      setNotice(undefined);
      try {
        const current = portRef.current;
        await (current ? current.inOneStep(action) : action());
      } catch (error) {
        setNotice({ intent: "error", message: messageOf(error, failure), ...(at ? { at } : {}) });
      } finally {
        busyRef.current = false;
        setBusy(undefined);
      }
    },
    [],
  );

  /** Analyses, and unless told not to, flags the workbook. */
  const analyseOn = useCallback(
    async (target: WorkbookPort, mark: boolean, settings: Settings | undefined): Promise<void> => {
      const budget = budgetRef.current;
      const { analyseAndFlag, analyseWorkbook } = await loadEngine();
      const result = mark
        ? await analyseAndFlag(target, clock, { settings, budget })
        : { outcome: await analyseWorkbook(target, clock, { settings, budget }), flagged: false as const };
      if ("failure" in result) setNotice({ intent: "error", message: messageOf(result.failure, both("failFlags")) });
      setStatus(result.outcome);
      setStale(false);
    },
    [clock],
  );

  const analyse = useCallback(async () => {
    if (!port) return;
    await run("analysing", async () => analyseOn(port, true, sessionSettings), both("failAnalyse"));
  }, [port, run, analyseOn, sessionSettings]);

  const chooseBudget = useCallback(
    async (sheet: string) => {
      if (!port) return;
      budgetRef.current = sheet;
      await run("analysing", async () => analyseOn(port, true, sessionSettings), both("failAnalyse"));
    },
    [port, run, analyseOn, sessionSettings],
  );

  /** What the views read, and the actions on the workbook as it stands. */
  const state = useMemo(
    () => ({
      port,
      connecting,
      lang,
      view,
      unit,
      status,
      busy,
      notice,
      // As the port last saw the workbook's undo record; every action ends by re-rendering (busy).
      canUndo: port?.canUndo() ?? false,
      stale,
      sessionSettings,
      setLang,
      setView,
      setUnit,
      dismissNotice: () => setNotice(undefined),
      analyse,
      chooseBudget,
    }),
    [port, connecting, lang, view, unit, status, busy, notice, stale, sessionSettings, analyse, chooseBudget],
  );
  return {
    state,
    port,
    setPort,
    status,
    setStatus,
    unit,
    clock,
    sessionSettings,
    setSessionSettings,
    setNotice,
    budgetRef,
    run,
    analyseOn,
  };
}

export type PaneCore = ReturnType<typeof usePaneCore>;
