/**
 * The views, with what they need (the plan form, amounts in the user's unit): in the engine's chunk
 * ("analys"), loaded after the first screen. Mounted while there is an analysis (or Inställningar is
 * open), so Flerårsplan's form survives a switch of tabs.
 */
import { Spinner } from "@fluentui/react-components";
import { lazy, Suspense, useMemo } from "react";
import { paneFormat } from "../paneFormat";
import { selectionSourceOf } from "../selectionSource";
import { t } from "../strings/withPlan";
import type { Finsam } from "../useFinsam";
import { usePlan } from "../usePlan";
import { FindingsView } from "./FindingsView";
import { OverviewView } from "./OverviewView";
import { PlanView } from "./PlanView";
import { SettingsView } from "./SettingsView";
import { SharesView } from "./SharesView";

/** Uppföljning, with the SIE reader and iconv-lite, loaded when the tab is first opened. */
const FollowUpView = lazy(() => import(/* webpackChunkName: "followup" */ "./FollowUpView"));

/** The chosen view; the pane shows its state panel instead where a view needs an analysis it has not got. */
export default function AnalysedViews({ finsam }: { finsam: Finsam }) {
  const { lang, status, busy, view } = finsam;
  const fmt = useMemo(() => paneFormat(lang, finsam.unit), [lang, finsam.unit]);
  const ok = status.kind === "ok" ? status : undefined;
  const plan = usePlan(ok, lang, finsam);
  const selection = selectionSourceOf(finsam.port);
  const working = busy !== undefined;
  const canGoTo = finsam.port?.capabilities.goToCell ?? false;
  const goTo = (sheet: string, cell: string) => void finsam.goToCell(sheet, cell);
  const undo = () => void finsam.undo();
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
        {...(canGoTo ? { onGoTo: goTo } : {})}
        onSave={finsam.saveSettings}
      />
    );
  }
  if (!ok) return null;
  if (view === "overview") {
    return (
      <OverviewView
        outcome={ok}
        fmt={fmt}
        onShowFindings={() => finsam.setView("findings")}
        canGoTo={canGoTo}
        onGoTo={goTo}
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
        onUndo={undo}
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
          onUndo={undo}
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
        onUndo={undo}
      />
    );
  }
  return (
    <FindingsView
      findings={ok.analysis.findings}
      settings={ok.analysis.settings}
      fmt={fmt}
      canGoTo={canGoTo}
      busy={working}
      canUndo={finsam.canUndo}
      onGoTo={goTo}
      onRemoveFlags={() => void finsam.removeFlags()}
      onUndo={undo}
    />
  );
}
