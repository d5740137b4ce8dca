import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Select,
  Subtitle2,
  createFocusOutlineStyle,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { Finding, Settings, Severity } from "../../domain";
import { scenarioName } from "../components/labels";
import { useViewStyles } from "../components/styles";
import { t } from "../i18n";
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
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    display: "block",
    width: "100%",
    boxSizing: "border-box",
    textAlign: "start",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderInlineStartWidth: tokens.strokeWidthThickest,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  clickable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ...createFocusOutlineStyle(),
  },
  error: { borderInlineStartColor: tokens.colorPaletteRedBorder2 },
  warning: { borderInlineStartColor: tokens.colorPaletteDarkOrangeBorder2 },
  info: { borderInlineStartColor: tokens.colorPaletteBlueBorderActive },
  meta: {
    display: "block",
    color: tokens.colorNeutralForeground3,
    marginBlockEnd: tokens.spacingVerticalXXS,
  },
});

/** Avvikelser: every finding, grouped by severity and filtered by severity and code, each with its cell. */
export function FindingsView(props: FindingsViewProps) {
  const { findings, settings, fmt, canGoTo, busy, canUndo, onGoTo, onRemoveFlags, onUndo } = props;
  const styles = useStyles();
  const view = useViewStyles();
  const { lang } = fmt;
  const [shown, setShown] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const [code, setCode] = useState("");
  const codes = [...new Set(findings.map((f) => f.code))].sort();
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
          <Select value={code} onChange={(_, data) => setCode(data.value)}>
            <option value="">{t(lang, "allCodes")}</option>
            {codes.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </Field>
        <div className={view.actions}>
          <Button disabled={busy} onClick={onRemoveFlags}>
            {t(lang, "removeFlags")}
          </Button>
          <Button disabled={busy || !canUndo} onClick={onUndo}>
            {t(lang, "undo")}
          </Button>
        </div>
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
          <section key={severity} className={view.section} aria-labelledby={id}>
            <Subtitle2 as="h2" id={id} className={view.heading}>
              {`${t(lang, severity)} (${group.length})`}
            </Subtitle2>
            <ul className={styles.list}>
              {group.map((f, i) => {
                const where = f.sheet && f.cell ? `${f.sheet}!${f.cell}` : undefined;
                const meta = [
                  f.code,
                  where ?? t(lang, "noCell"),
                  ...(f.year !== undefined ? [String(f.year)] : []),
                  ...(f.scenario ? [t(lang, "scenario", { name: scenarioName(f.scenario, settings, lang) })] : []),
                ].join(" · ");
                const body = (
                  <>
                    <Caption1 className={styles.meta}>{meta}</Caption1>
                    <span>{f.message[lang]}</span>
                  </>
                );
                const look = mergeClasses(styles.item, styles[severity]);
                return (
                  <li
                    key={`${f.code}-${where ?? ""}-${f.scenario ?? ""}-${i}`}
                    data-severity={severity}
                    data-code={f.code}
                  >
                    {canGoTo && f.sheet && f.cell ? (
                      <button
                        type="button"
                        className={mergeClasses(look, styles.clickable)}
                        title={t(lang, "goToCell", { cell: where! })}
                        onClick={() => onGoTo(f.sheet!, f.cell!)}
                      >
                        {body}
                      </button>
                    ) : (
                      <div className={look}>{body}</div>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
