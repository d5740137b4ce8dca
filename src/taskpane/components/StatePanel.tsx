import { Body1, Spinner, Subtitle2 } from "@fluentui/react-components";
import { type Lang, t } from "../strings";
import type { Busy, PaneStatus } from "../useFinsam";
import { MessageBox } from "./MessageBox";
import { useViewStyles } from "./styles";

export interface StatePanelProps {
  readonly lang: Lang;
  readonly status: PaneStatus;
  readonly busy: Busy | undefined;
  /** False in a browser before a workbook is opened: there is nothing to analyse yet. */
  readonly hasWorkbook: boolean;
}

/** The pane's states other than findings: nothing analysed yet, analysing, no budget, an error. */
export function StatePanel({ lang, status, busy, hasWorkbook }: StatePanelProps) {
  const styles = useViewStyles();
  if (busy === "analysing" || busy === "opening") {
    return (
      <div className={styles.section} data-state="analysing">
        <Spinner size="small" labelPosition="after" label={t(lang, busy === "opening" ? "opening" : "analysing")} />
      </div>
    );
  }
  if (status.kind === "noBudget") {
    return (
      <div data-state="noBudget">
        <MessageBox intent="warning" title={t(lang, "noBudgetTitle")}>
          {status.reason[lang]} {t(lang, "noBudgetHelp")}
        </MessageBox>
      </div>
    );
  }
  if (status.kind === "error") {
    return (
      <div data-state="error">
        <MessageBox intent="error" title={t(lang, "errorTitle")}>
          {status.message[lang]}
        </MessageBox>
      </div>
    );
  }
  return (
    <div className={styles.section} data-state="empty">
      <Subtitle2 as="h2" className={styles.heading}>
        {t(lang, "emptyTitle")}
      </Subtitle2>
      <Body1 as="p" className={styles.heading}>
        {t(lang, hasWorkbook ? "emptyBody" : "emptyNoWorkbook")}
      </Body1>
    </div>
  );
}
