import { Body1, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Subtitle2 } from "@fluentui/react-components";
import { type Lang, t } from "../strings";
import type { Busy, PaneStatus } from "../useFinsam";
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
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t(lang, "noBudgetTitle")}</MessageBarTitle>
            {status.reason[lang]} {t(lang, "noBudgetHelp")}
          </MessageBarBody>
        </MessageBar>
      </div>
    );
  }
  if (status.kind === "error") {
    return (
      <div data-state="error">
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t(lang, "errorTitle")}</MessageBarTitle>
            {status.message[lang]}
          </MessageBarBody>
        </MessageBar>
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
