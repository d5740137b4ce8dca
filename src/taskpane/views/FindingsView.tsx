import { Body1, Button, Caption1, Checkbox, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { findingTitle, type Finding, type Settings, type Severity } from "../../domain";
import { FindingList } from "../components/FindingList";
import { ActionRow } from "../components/ActionRow";
import { Section } from "../components/Section";
import { useViewStyles } from "../components/styles";
import { t } from "../strings";
import type { PaneFormat } from "../paneFormat";

export interface FindingsViewProps {
  readonly findings: readonly Finding[];
  readonly settings: Settings;
  readonly fmt: PaneFormat;
  /** Inside Excel a finding selects its cell; in a browser the cell is only shown. */
  readonly canGoTo: boolean;
  readonly busy: boolean;
  readonly canUndo: boolean;
  readonly onGoTo: (sheet: string, cell: string) => void;
  readonly onRemoveFlags: () => void;
  readonly onUndo: () => void;
}

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

const useStyles = makeStyles({
  filters: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    border: "none",
    padding: 0,
    margin: 0,
  },
  legend: {
    padding: 0,
    marginBlockEnd: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/**
 * Avvikelser: every finding, grouped by severity and filtered by severity and kind, each with its title,
 * its cell and the scenarios it holds in; the codes only under "Visa detaljer".
 */
export function FindingsView(props: FindingsViewProps) {
  const { findings, settings, fmt, canGoTo, busy, canUndo, onGoTo, onRemoveFlags, onUndo } = props;
  const styles = useStyles();
  const view = useViewStyles();
  const { lang } = fmt;
  const [shown, setShown] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const [code, setCode] = useState("");
  const [details, setDetails] = useState(false);
  const kinds = [...new Set(findings.map((f) => f.code))]
    .map((c) => ({ code: c, title: findingTitle(c, lang) }))
    .sort((a, b) => a.title.localeCompare(b.title, lang === "sv" ? "sv-SE" : "en-GB"));
  const visible = findings.filter((f) => shown[f.severity] && (code === "" || f.code === code));

  return (
    <div>
      <section className={view.section} aria-label={t(lang, "findingsHeading")}>
        <fieldset className={styles.filters}>
          <legend className={styles.legend}>{t(lang, "filterSeverity")}</legend>
          {SEVERITIES.map((s) => (
            <Checkbox
              key={s}
              checked={shown[s]}
              onChange={(_, data) => setShown((old) => ({ ...old, [s]: data.checked === true }))}
              label={`${t(lang, s)} (${findings.filter((f) => f.severity === s).length})`}
            />
          ))}
        </fieldset>
        <Field label={t(lang, "filterCode")}>
          <Select className={view.fit} value={code} onChange={(_, data) => setCode(data.value)}>
            <option value="">{t(lang, "allCodes")}</option>
            {kinds.map((k) => (
              <option key={k.code} value={k.code}>
                {k.title}
              </option>
            ))}
          </Select>
        </Field>
        <Checkbox
          checked={details}
          onChange={(_, data) => setDetails(data.checked === true)}
          label={t(lang, "showDetails")}
        />
        <ActionRow lang={lang} busy={busy} canUndo={canUndo} onUndo={onUndo}>
          <Button disabled={busy} onClick={onRemoveFlags}>
            {t(lang, "removeFlags")}
          </Button>
        </ActionRow>
        <Caption1 as="p" className={view.caption}>
          {t(lang, canGoTo ? "goToHint" : "goToOnlyExcel")}
        </Caption1>
      </section>

      {findings.length === 0 && <Body1 as="p">{t(lang, "noFindings")}</Body1>}
      {findings.length > 0 && visible.length === 0 && <Body1 as="p">{t(lang, "noneMatch")}</Body1>}

      {SEVERITIES.map((severity) => {
        const group = visible.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        const id = `findings-${severity}`;
        return (
          <Section key={severity} id={id} title={`${t(lang, severity)} (${group.length})`}>
            <FindingList
              findings={group}
              scenarios={settings.scenarios}
              lang={lang}
              details={details}
              canGoTo={canGoTo}
              onGoTo={onGoTo}
            />
          </Section>
        );
      })}
    </div>
  );
}
