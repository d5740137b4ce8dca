import {
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Title3,
  makeStyles,
  tokens,
  type Theme,
} from "@fluentui/react-components";
import { lazy, Suspense, useMemo } from "react";
import type { WorkbookPort } from "../app/workbookPort";
import { BudgetChooser } from "./components/BudgetChooser";
import { FileOpener } from "./components/FileOpener";
import { StatePanel } from "./components/StatePanel";
import { ViewTabs } from "./components/ViewTabs";
import { type Lang, LANG_NAMES, LANGS, t, type TextKey } from "./strings";
import { paneFormat, type PaneFormat } from "./paneFormat";
import { selectionSourceOf } from "./selectionSource";
import { useFinsam, VIEWS, type Finsam, type FinsamOptions, type ViewId } from "./useFinsam";
import { usePlan, type PlanState } from "./usePlan";
import { FindingsView } from "./views/FindingsView";
import { OverviewView } from "./views/OverviewView";
import { PlanView } from "./views/PlanView";
import { NoticeBar } from "./components/NoticeBar";
import { SettingsView } from "./views/SettingsView";
import { SharesView } from "./views/SharesView";

/** Uppföljning, with the SIE reader and iconv-lite, loaded when the tab is first opened: not in the JavaScript Excel loads first. */
const FollowUpView = lazy(() => import(/* webpackChunkName: "followup" */ "./views/FollowUpView"));

export interface AppProps extends Omit<FinsamOptions, "port"> {
  /** The Fluent theme matching Office's (index.tsx reads Office's theme; components never call Office.js). */
  readonly theme: Theme;
  /** Whether the pane runs inside Excel, or in a plain browser. */
  readonly inExcel: boolean;
  /** The workbook: Excel's port inside Excel; in a browser none until a file is opened. */
  readonly port?: WorkbookPort;
  readonly initialLang?: Lang;
}

const TAB_LABEL: Record<Exclude<ViewId, "plan">, TextKey> = {
  overview: "tabOverview",
  shares: "tabShares",
  findings: "tabFindings",
  settings: "tabSettings",
  followUp: "tabFollowUp",
};

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    display: "flex",
    flexDirection: "column",
    "& > *": { marginBlockEnd: tokens.spacingVerticalM },
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  title: { margin: 0 },
  language: { maxWidth: "9rem" },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  meta: { color: tokens.colorNeutralForeground3 },
  /** The live region is always there (so it announces), and takes no room while empty. */
  status: {
    marginBlockEnd: "0 !important",
    "& > *": { marginBlockEnd: tokens.spacingVerticalM },
  },
  panel: {
    minWidth: 0,
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: tokens.strokeWidthThick,
    },
  },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

export function App({ theme, inExcel, port, ...options }: AppProps) {
  return (
    <FluentProvider theme={theme}>
      <Pane inExcel={inExcel} port={port} {...options} />
    </FluentProvider>
  );
}

function Pane({ inExcel, port, ...options }: Omit<AppProps, "theme">) {
  const styles = useStyles();
  const finsam = useFinsam({ ...(port ? { port } : {}), ...options });
  const { lang, status, busy, view } = finsam;
  const fmt = useMemo(() => paneFormat(lang, finsam.unit), [lang, finsam.unit]);
  const working = busy !== undefined;
  const ok = status.kind === "ok" ? status : undefined;
  // The Flerårsplan's form lives here, so it survives a switch of tabs.
  const plan = usePlan(ok, lang, finsam);

  return (
    <main className={styles.root} aria-labelledby="finsam-title" aria-busy={working}>
      <header className={styles.header}>
        <Title3 as="h1" id="finsam-title" className={styles.title}>
          {t(lang, "title")}
        </Title3>
        <label htmlFor="finsam-language" className={styles.visuallyHidden}>
          {t(lang, "language")}
        </label>
        <Select
          id="finsam-language"
          size="small"
          className={styles.language}
          value={lang}
          onChange={(_, data) => {
            const next = LANGS.find((l) => l === data.value);
            if (next) finsam.setLang(next);
          }}
        >
          {LANGS.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANG_NAMES[l]}
            </option>
          ))}
        </Select>
      </header>

      {!inExcel && finsam.canOpenFiles && (
        <FileOpener
          lang={lang}
          busy={working}
          fileName={finsam.fileName}
          canDownload={finsam.canDownload}
          onOpenExample={() => void finsam.openExample()}
          onOpenFile={(bytes, name) => void finsam.openBytes(bytes, name)}
          onDownload={() => void finsam.download()}
        />
      )}
      {!inExcel && !finsam.canOpenFiles && (
        <Caption1 as="p" className={styles.meta}>
          {t(lang, "outsideExcel")}
        </Caption1>
      )}

      {finsam.port && (
        <div className={styles.toolbar}>
          <Button appearance="primary" disabled={working} onClick={() => void finsam.analyse()}>
            {t(lang, "analyse")}
          </Button>
          {working ? (
            <Spinner size="extra-tiny" label={t(lang, busy === "analysing" ? "analysing" : "working")} />
          ) : (
            ok && (
              <Caption1 className={styles.meta}>
                {t(lang, "lastAnalysis", { time: fmt.time(ok.analysedAt, options.clock.now()) })}
              </Caption1>
            )
          )}
        </div>
      )}

      {inExcel && finsam.canUndo && finsam.port && (
        <Caption1 as="p" className={styles.meta}>
          {t(lang, finsam.port.capabilities.nativeUndo ? "undoNative" : "undoOwn")}
        </Caption1>
      )}

      <div role="status" aria-live="polite" className={styles.status}>
        {ok && ok.budgets.length > 1 && (
          <BudgetChooser
            budgets={ok.budgets}
            chosen={ok.chosen}
            lang={lang}
            disabled={working}
            onChoose={(sheet) => void finsam.chooseBudget(sheet)}
          />
        )}
        {finsam.stale && !working && (
          <MessageBar intent="info">
            <MessageBarBody>{t(lang, "stale")}</MessageBarBody>
          </MessageBar>
        )}
        {finsam.notice && finsam.notice.at === undefined && (
          <NoticeBar notice={finsam.notice} lang={lang} onDismiss={finsam.dismissNotice} />
        )}
      </div>

      <ViewTabs
        tabs={VIEWS.map((v) => ({ id: v, label: v === "plan" ? t(lang, "plan.tab") : t(lang, TAB_LABEL[v]) }))}
        selected={view}
        onSelect={(v: ViewId) => finsam.setView(v)}
        label={t(lang, "views")}
        moreLabel={t(lang, "moreViews")}
      />
      <div role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`} tabIndex={0} className={styles.panel}>
        <CurrentView finsam={finsam} plan={plan} fmt={fmt} />
      </div>
    </main>
  );
}

/** The chosen view, or the pane's state (empty, analysing, no budget, error) where it has no analysis to show. */
function CurrentView({ finsam, plan, fmt }: { finsam: Finsam; plan: PlanState | undefined; fmt: PaneFormat }) {
  const { lang, status, busy, view } = finsam;
  const selection = selectionSourceOf(finsam.port);
  const working = busy !== undefined;
  const ok = status.kind === "ok" ? status : undefined;
  if (view === "settings") {
    return (
      <SettingsView
        status={status}
        fmt={fmt}
        busy={working || !finsam.port}
        sessionSettings={finsam.sessionSettings}
        onUnit={finsam.setUnit}
        onLang={finsam.setLang}
        {...(selection ? { selectedRange: () => selection.selectedRange() } : {})}
        {...(finsam.port?.capabilities.goToCell
          ? { onGoTo: (sheet: string, range: string) => void finsam.goToCell(sheet, range) }
          : {})}
        onSave={finsam.saveSettings}
      />
    );
  } else if (!ok || (busy === "opening" && !ok)) {
    return <StatePanel lang={lang} status={status} busy={busy} hasWorkbook={finsam.port !== undefined} />;
  } else if (view === "overview") {
    return (
      <OverviewView
        outcome={ok}
        fmt={fmt}
        onShowFindings={() => finsam.setView("findings")}
        canGoTo={finsam.port?.capabilities.goToCell ?? false}
        onGoTo={(sheet, cell) => void finsam.goToCell(sheet, cell)}
      />
    );
  } else if (view === "plan" && plan) {
    return (
      <PlanView
        outcome={ok}
        plan={plan}
        fmt={fmt}
        busy={working}
        canUndo={finsam.canUndo}
        inFile={finsam.port?.capabilities.host === "file"}
        onUndo={() => void finsam.undo()}
        boardNotice={finsam.notice?.at === "board" ? finsam.notice : undefined}
        onDismissNotice={finsam.dismissNotice}
      />
    );
  } else if (view === "followUp") {
    return (
      <Suspense fallback={<Spinner size="tiny" label={t(lang, "working")} />}>
        <FollowUpView
          outcome={ok}
          fmt={fmt}
          busy={working}
          canUndo={finsam.canUndo}
          readMapping={finsam.readMapping}
          onSaveMapping={finsam.saveMapping}
          readForecasts={finsam.readForecasts}
          onSaveForecasts={finsam.saveForecasts}
          onWrite={(f) => void finsam.writeFollowUp(f)}
          onUndo={() => void finsam.undo()}
        />
      </Suspense>
    );
  } else if (view === "shares") {
    return (
      <SharesView
        outcome={ok}
        fmt={fmt}
        busy={working}
        canUndo={finsam.canUndo}
        onWrite={(mode) => void finsam.writeShares(mode)}
        onUndo={() => void finsam.undo()}
      />
    );
  } else {
    return (
      <FindingsView
        findings={ok.analysis.findings}
        settings={ok.analysis.settings}
        fmt={fmt}
        canGoTo={finsam.port?.capabilities.goToCell ?? false}
        busy={working}
        canUndo={finsam.canUndo}
        onGoTo={(sheet, cell) => void finsam.goToCell(sheet, cell)}
        onRemoveFlags={() => void finsam.removeFlags()}
        onUndo={() => void finsam.undo()}
      />
    );
  }
}
