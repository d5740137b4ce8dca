/**
 * The pane's controller: the one place that holds its state (the analysis, the language, the view,
 * what is running, the last message) and calls the WorkbookPort. The views receive this state and
 * its actions as props; none of them touches a workbook. Office.js is not used here either: the
 * port (Excel's or the file port) is handed in by index.tsx.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { analyseAndFlag, analyseWorkbook, type AnalysisOutcome } from "../app/analyseWorkbook";
import type { Clock } from "../app/clock";
import { createBoardOfScenarios } from "../app/createBoardOfScenarios";
import type { LedgerFollowUp } from "../app/followUpFromLedger";
import type { SheetFollowUp } from "../app/followUpFromSheet";
import type { LedgerMapping } from "../app/followUpMemory";
import { saveScenarios as saveScenariosTo } from "../app/saveScenarios";
import { saveSettings as saveSettingsTo } from "../app/saveSettings";
import { undoLastAction } from "../app/undo";
import { WorkbookError, type WorkbookPort } from "../app/workbookPort";
import { writeShares as writeSharesTo, type ShareWriteMode } from "../app/writeShares";
import {
  defaultSettings,
  type Finding,
  type ForecastChoice,
  type Message,
  type Scenario,
  type Settings,
  type Unit,
} from "../domain";
import { both, DEFAULT_LANG, type Lang } from "./i18n";
import { planBoth } from "./planText";
import { settingsFromDraft, settingsToSave, type SettingsDraft } from "./settingsDraft";

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
  /** Inside Excel: Excel's port. In a browser: none until a file is opened. */
  readonly port?: WorkbookPort;
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

export interface Finsam {
  readonly port: WorkbookPort | undefined;
  readonly fileName: string | undefined;
  readonly lang: Lang;
  readonly view: ViewId;
  readonly unit: Unit;
  readonly status: PaneStatus;
  readonly busy: Busy | undefined;
  readonly notice: Notice | undefined;
  readonly canUndo: boolean;
  readonly stale: boolean;
  /** Settings kept for this session on top of the workbook's (a staircase of several steps). */
  readonly sessionSettings: Settings | undefined;
  readonly canOpenFiles: boolean;
  readonly canDownload: boolean;
  setLang(lang: Lang): void;
  setView(view: ViewId): void;
  setUnit(unit: Unit): void;
  dismissNotice(): void;
  analyse(): Promise<void>;
  /** A workbook that keeps several förbund's budgets: reads and flags the one whose members stand on this sheet. */
  chooseBudget(sheet: string): Promise<void>;
  writeShares(mode: ShareWriteMode): Promise<void>;
  undo(): Promise<void>;
  removeFlags(): Promise<void>;
  goToCell(sheet: string, cell: string): Promise<void>;
  saveSettings(draft: SettingsDraft): Promise<Readonly<Record<string, true>> | undefined>;
  openBytes(bytes: Uint8Array, fileName: string): Promise<void>;
  openExample(): Promise<void>;
  download(): Promise<void>;
  /** Flerårsplan: keeps these named scenarios in the workbook (Finsam_Scenarier) and analyses again; true when done. */
  saveScenarios(named: readonly Scenario[], notice: Message): Promise<boolean>;
  /** Flerårsplan: "Skapa styrelseunderlag" with these scenarios, as one undoable write. */
  createBoard(scenarios: readonly Scenario[]): Promise<void>;
  /** Uppföljning: the mapping the workbook keeps (Finsam_Kontomappning), if any. */
  readMapping(): Promise<LedgerMapping | undefined>;
  /** Uppföljning: keeps the mapping in the workbook, as one undoable write; true when done. */
  saveMapping(mapping: LedgerMapping): Promise<boolean>;
  /** Uppföljning: the forecasts per line the workbook keeps (Finsam_Prognoser), and what was wrong with them. */
  readForecasts(): Promise<{ choices?: Map<string, ForecastChoice>; findings: Finding[] }>;
  /** Uppföljning: keeps the forecasts per line in the workbook, as one undoable write; true when done. */
  saveForecasts(choices: ReadonlyMap<string, ForecastChoice>, notice: Message, failed: Message): Promise<boolean>;
  /** Uppföljning: "Skriv Finsam-uppföljning", as one undoable write. */
  writeFollowUp(followUp: LedgerFollowUp | SheetFollowUp): Promise<void>;
}

/** The follow-up's use cases on the workbook, in the Uppföljning chunk with its view: not in what Excel loads first. */
async function followUpCode() {
  const [memory, write] = await Promise.all([
    import(/* webpackChunkName: "followup" */ "../app/followUpMemory"),
    import(/* webpackChunkName: "followup" */ "../app/writeFollowUp"),
  ]);
  return { ...memory, ...write };
}

/** A WorkbookError's own message; anything else after what failed. */
function messageOf(error: unknown, failed: Message): Message {
  if (error instanceof WorkbookError) return error.userMessage;
  const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return { sv: `${failed.sv}: ${detail}`, en: `${failed.en}: ${detail}` };
}

function isDownloadable(port: WorkbookPort | undefined): port is DownloadablePort {
  return typeof (port as Partial<DownloadablePort> | undefined)?.download === "function";
}

export function useFinsam(options: FinsamOptions): Finsam {
  const { openFile, loadExample, saveFile } = options;
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

  useEffect(() => {
    if (typeof document !== "undefined") document.documentElement.lang = lang;
  }, [lang]);

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

  const writeShares = useCallback(
    async (mode: ShareWriteMode) => {
      if (!port || status.kind !== "ok") return;
      const outcome = status;
      await run(
        "writing",
        async () => {
          const count = await writeSharesTo(port, outcome, mode);
          if (count === 0) return;
          await analyseOn(port, true, sessionSettings);
          setNotice({
            intent: "success",
            message: both("wroteShares", { count }),
          });
        },
        both("failWrite"),
      );
    },
    [port, status, run, analyseOn, sessionSettings],
  );

  const undo = useCallback(async () => {
    if (!port) return;
    await run(
      "writing",
      async () => {
        const kept = await undoLastAction(port);
        if (status.kind !== "empty") await analyseOn(port, false, sessionSettings);
        // What the user changed after the add-in wrote it was left as the user left it: say what, and why.
        const said = [
          ...(kept.kept.length > 0
            ? [both("undoneKept", { cells: kept.kept.map((c) => `${c.sheet}!${c.cell}`).join(", ") })]
            : []),
          ...kept.keptSheets.map((k) => both("undoneKeptSheet", { sheet: k.sheet, cell: k.cell })),
          ...kept.keptNames.map((name) => both("undoneKeptName", { name })),
        ];
        setNotice(
          said.length === 0
            ? { intent: "success", message: both("undone") }
            : {
                intent: "warning",
                message: { sv: said.map((m) => m.sv).join(" "), en: said.map((m) => m.en).join(" ") },
              },
        );
      },
      both("failUndo"),
    );
  }, [port, run, status.kind, analyseOn, sessionSettings]);

  const removeFlags = useCallback(async () => {
    if (!port) return;
    await run(
      "writing",
      async () => {
        await port.removeFlags();
        setNotice({ intent: "success", message: both("flagsRemoved") });
      },
      both("failRemoveFlags"),
    );
  }, [port, run]);

  const goToCell = useCallback(
    async (sheet: string, cell: string) => {
      if (!port) return;
      try {
        await port.goToCell(sheet, cell);
      } catch (error) {
        setNotice({
          intent: "error",
          message: messageOf(error, both("failGoTo", { cell: `${sheet}!${cell}` })),
        });
      }
    },
    [port],
  );

  const saveSettings = useCallback(
    async (draft: SettingsDraft): Promise<Readonly<Record<string, true>> | undefined> => {
      if (!port) return undefined;
      const checked = settingsFromDraft(draft, status.kind === "ok" ? status.analysis.settings : defaultSettings());
      if (!checked.ok) return checked.errors;
      const settings = checked.value;
      await run(
        "writing",
        async () => {
          const session = await saveSettingsTo(port, settingsToSave(draft, settings));
          setSessionSettings(session);
          await analyseOn(port, true, session);
          setNotice({
            intent: "success",
            message: both("saved"),
          });
        },
        both("failSave"),
      );
      return undefined;
    },
    [port, status, run, analyseOn],
  );

  const saveScenarios = useCallback(
    async (named: readonly Scenario[], notice: Message): Promise<boolean> => {
      if (!port || status.kind !== "ok") return false;
      const current = status.analysis.settings;
      let done = false;
      await run(
        "writing",
        async () => {
          const session = await saveScenariosTo(port, { current, named, session: sessionSettings });
          setSessionSettings(session);
          await analyseOn(port, true, session);
          setNotice({ intent: "success", message: notice });
          done = true;
        },
        planBoth("failSave"),
      );
      return done;
    },
    [port, status, run, analyseOn, sessionSettings],
  );

  const createBoard = useCallback(
    async (scenarios: readonly Scenario[]) => {
      if (!port || status.kind !== "ok" || scenarios.length === 0) return;
      const outcome = status;
      await run(
        "writing",
        async () => {
          const onPage = await createBoardOfScenarios(port, { outcome, scenarios, unit }, clock);
          const names = (lang: Lang) =>
            new Intl.ListFormat(lang === "sv" ? "sv-SE" : "en-GB").format(
              onPage.map((name) => (lang === "sv" ? `”${name}”` : `“${name}”`)),
            );
          setNotice({
            intent: "success",
            message: {
              sv: planBoth("boardDone", { names: names("sv") }).sv,
              en: planBoth("boardDone", { names: names("en") }).en,
            },
            at: "board",
          });
        },
        planBoth("failBoard"),
        "board",
      );
    },
    [port, status, run, unit, clock],
  );

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

  const openBytes = useCallback(
    async (bytes: Uint8Array, fileName: string) => {
      if (!openFile) return;
      await run(
        "opening",
        async () => {
          const opened = await openFile(bytes, fileName);
          setPort(opened);
          // Another workbook: its budgets are its own, so no earlier choice holds.
          budgetRef.current = undefined;
          setSessionSettings(undefined);
          setStatus({ kind: "empty" });
          await analyseOn(opened, true, undefined);
        },
        both("failOpen", { name: fileName }),
      );
    },
    [openFile, run, analyseOn],
  );

  const openExample = useCallback(async () => {
    if (!loadExample) return;
    let example: { bytes: Uint8Array; fileName: string };
    try {
      example = await loadExample();
    } catch (error) {
      setNotice({
        intent: "error",
        message: messageOf(error, both("failExample")),
      });
      return;
    }
    await openBytes(example.bytes, example.fileName);
  }, [loadExample, openBytes]);

  const download = useCallback(async () => {
    if (!isDownloadable(port) || !saveFile) return;
    try {
      const bytes = await port.download();
      // A macro-enabled workbook stays one: Excel opens an .xlsm package only under that name.
      const kind = /\.xlsm$/i.test(port.fileName) ? ".xlsm" : ".xlsx";
      saveFile(bytes, port.fileName.replace(/(\.xls[xm])?$/i, `-finsam${kind}`));
    } catch (error) {
      setNotice({
        intent: "error",
        message: messageOf(error, both("failDownload")),
      });
    }
  }, [port, saveFile]);

  return useMemo(
    () => ({
      port,
      fileName: isDownloadable(port) ? port.fileName : undefined,
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
      canOpenFiles: Boolean(openFile),
      canDownload: isDownloadable(port) && Boolean(saveFile),
      setLang,
      setView,
      setUnit,
      dismissNotice: () => setNotice(undefined),
      analyse,
      chooseBudget,
      writeShares,
      undo,
      removeFlags,
      goToCell,
      saveSettings,
      openBytes,
      openExample,
      download,
      saveScenarios,
      createBoard,
      readMapping,
      saveMapping,
      readForecasts,
      saveForecasts,
      writeFollowUp,
    }),
    [
      port,
      lang,
      view,
      unit,
      status,
      busy,
      notice,
      stale,
      sessionSettings,
      openFile,
      saveFile,
      analyse,
      chooseBudget,
      writeShares,
      undo,
      removeFlags,
      goToCell,
      saveSettings,
      openBytes,
      openExample,
      download,
      saveScenarios,
      createBoard,
      readMapping,
      saveMapping,
      readForecasts,
      saveForecasts,
      writeFollowUp,
    ],
  );
}
