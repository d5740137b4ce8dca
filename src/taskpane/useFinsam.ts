/**
 * The pane's controller, made of small slices: the core (the open workbook, the analysis, the language,
 * the view, what is running, the last message: paneCore.ts), the writes and their undo (workbookWrites.ts), what is kept in the workbook (settingsWrites.ts), the
 * follow-up (followUpActions.ts) and the file in a browser (workbookFile.ts), each calling app/ use cases. The views receive this state and
 * its actions as props; none of them touches a workbook. Office.js is not used here either: the
 * port (Excel's or the file port) is handed in by index.tsx.
 */
import { useMemo } from "react";
import type { LedgerFollowUp } from "../app/followUpFromLedger";
import type { SheetFollowUp } from "../app/followUpFromSheet";
import type { LedgerMapping } from "../app/followUpMemory";
import type { WorkbookPort } from "../app/workbookPort";
import type { ShareWriteMode } from "../app/writeShares";
import type { Finding, ForecastChoice, Message, Scenario, Settings, Unit } from "../domain";
import { useFollowUpActions } from "./followUpActions";
import type { Lang } from "./strings";
import { usePaneCore } from "./paneCore";
import type { SettingsDraft } from "./settingsDraft";
import { isDownloadable, useWorkbookFile } from "./workbookFile";
import { useSettingsWrites } from "./settingsWrites";
import { useWorkbookWrites } from "./workbookWrites";

export {
  VIEWS,
  type Busy,
  type DownloadablePort,
  type FinsamOptions,
  type Notice,
  type PaneStatus,
  type ViewId,
} from "./paneTypes";
import type { FinsamOptions, Busy, Notice, PaneStatus, ViewId } from "./paneTypes";

export interface Finsam {
  readonly port: WorkbookPort | undefined;
  /** Inside Excel, while Excel's port (with the engine's chunk) is still loading: Analysera waits for it. */
  readonly connecting: boolean;
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

export function useFinsam(options: FinsamOptions): Finsam {
  const core = usePaneCore(options);
  const writes = useWorkbookWrites(core);
  const kept = useSettingsWrites(core);
  const followUp = useFollowUpActions(core);
  const file = useWorkbookFile(core, options);
  const { port } = core;
  const { saveFile, openFile } = options;
  return useMemo(
    () => ({
      ...core.state,
      ...writes,
      ...kept,
      ...followUp,
      ...file,
      fileName: isDownloadable(port) ? port.fileName : undefined,
      canOpenFiles: Boolean(openFile),
      canDownload: isDownloadable(port) && Boolean(saveFile),
    }),
    [core.state, writes, kept, followUp, file, port, openFile, saveFile],
  );
}
