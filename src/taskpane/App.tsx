import {
  Button,
  Caption1,
  FluentProvider,
  Spinner,
  Title3,
  makeStyles,
  tokens,
  type Theme,
} from "@fluentui/react-components";
import { lazy, Suspense } from "react";
import type { WorkbookPort } from "../app/workbookPort";
import { FileOpener } from "./components/FileOpener";
import { StatePanel } from "./components/StatePanel";
import { ViewTabs } from "./components/ViewTabs";
import { type Lang, LANG_NAMES, LANGS, t, type TextKey } from "./strings";
import { timeOfDay } from "./timeOfDay";
import { useFinsam, VIEWS, type Finsam, type FinsamOptions, type ViewId } from "./useFinsam";
import { MessageBox } from "./components/MessageBox";
import { NoticeBar } from "./components/NoticeBar";

/**
 * The views and the budget chooser come with the engine's chunk ("analys"): the first screen (this
 * file) shows without them, and the pane fetches the chunk as soon as it has rendered (paneCore.ts).
 */
const AnalysedViews = lazy(() => import(/* webpackChunkName: "analys" */ "./views/AnalysedViews"));
const BudgetChooser = lazy(() =>
  import(/* webpackChunkName: "analys" */ "./components/BudgetChooser").then((m) => ({ default: m.BudgetChooser })),
);

export interface AppProps extends Omit<FinsamOptions, "port"> {
  /** The Fluent theme matching Office's (index.tsx reads Office's theme; components never call Office.js). */
  readonly theme: Theme;
  /** Whether the pane runs inside Excel, or in a plain browser. */
  readonly inExcel: boolean;
  /** The workbook: Excel's port inside Excel; in a browser none until a file is opened. */
  readonly port?: WorkbookPort;
  readonly initialLang?: Lang;
}

const TAB_LABEL: Record<ViewId, TextKey> = {
  overview: "tabOverview",
  plan: "tabPlan",
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
  /** A native select drawn as Fluent's small Select (which would bring its icon package to the first load). */
  language: {
    maxWidth: "9rem",
    height: "24px",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
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
  const working = busy !== undefined;
  const ok = status.kind === "ok" ? status : undefined;

  return (
    <main className={styles.root} aria-labelledby="finsam-title" aria-busy={working}>
      <header className={styles.header}>
        <Title3 as="h1" id="finsam-title" className={styles.title}>
          {t(lang, "title")}
        </Title3>
        <label htmlFor="finsam-language" className={styles.visuallyHidden}>
          {t(lang, "language")}
        </label>
        <select
          id="finsam-language"
          className={styles.language}
          value={lang}
          onChange={(event) => {
            const next = LANGS.find((l) => l === event.currentTarget.value);
            if (next) finsam.setLang(next);
          }}
        >
          {LANGS.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANG_NAMES[l]}
            </option>
          ))}
        </select>
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

      {(finsam.port || finsam.connecting) && (
        <div className={styles.toolbar}>
          <Button appearance="primary" disabled={working || !finsam.port} onClick={() => void finsam.analyse()}>
            {t(lang, "analyse")}
          </Button>
          {working ? (
            <Spinner size="extra-tiny" label={t(lang, busy === "analysing" ? "analysing" : "working")} />
          ) : (
            ok && (
              <Caption1 className={styles.meta}>
                {t(lang, "lastAnalysis", { time: timeOfDay(lang, ok.analysedAt, options.clock.now()) })}
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
          <Suspense fallback={<span data-state="loading" />}>
            <BudgetChooser
              budgets={ok.budgets}
              chosen={ok.chosen}
              lang={lang}
              disabled={working}
              onChoose={(sheet) => void finsam.chooseBudget(sheet)}
            />
          </Suspense>
        )}
        {finsam.stale && !working && <MessageBox intent="info">{t(lang, "stale")}</MessageBox>}
        {finsam.notice && finsam.notice.at === undefined && (
          <NoticeBar notice={finsam.notice} lang={lang} onDismiss={finsam.dismissNotice} />
        )}
      </div>

      <ViewTabs
        tabs={VIEWS.map((v) => ({ id: v, label: t(lang, TAB_LABEL[v]) }))}
        selected={view}
        onSelect={(v: ViewId) => finsam.setView(v)}
        label={t(lang, "views")}
        moreLabel={t(lang, "moreViews")}
      />
      <div role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`} tabIndex={0} className={styles.panel}>
        <CurrentView finsam={finsam} />
      </div>
    </main>
  );
}

/** The chosen view where it has what it needs; else the pane's state (empty, analysing, no budget, error). */
function CurrentView({ finsam }: { finsam: Finsam }) {
  const { lang, status, busy, view } = finsam;
  if (view !== "settings" && status.kind !== "ok") {
    return (
      <StatePanel
        lang={lang}
        status={status}
        busy={busy}
        hasWorkbook={finsam.port !== undefined || finsam.connecting}
      />
    );
  }
  return (
    <Suspense
      fallback={
        <div data-state="loading">
          <Spinner size="small" labelPosition="after" label={t(lang, "loadingView")} />
        </div>
      }
    >
      <AnalysedViews finsam={finsam} />
    </Suspense>
  );
}
