import { Caption1, createFocusOutlineStyle, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { findingTitle, scenarioNames, scenariosOf, type Finding, type Scenario } from "../../domain";
import { type Lang, t } from "../strings";

export interface FindingListProps {
  readonly findings: readonly Finding[];
  /** The analysis's scenarios, to name those a finding holds in. */
  readonly scenarios: readonly Scenario[];
  readonly lang: Lang;
  /** Whether each finding's code is shown ("Visa detaljer"). */
  readonly details?: boolean;
  /** Inside Excel a finding selects its cell; in a browser the cell is only shown. */
  readonly canGoTo: boolean;
  readonly onGoTo: (sheet: string, cell: string) => void;
}

const useStyles = makeStyles({
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
  title: {
    display: "block",
    fontWeight: tokens.fontWeightSemibold,
  },
  meta: {
    display: "block",
    color: tokens.colorNeutralForeground3,
    marginBlockEnd: tokens.spacingVerticalXXS,
  },
});

/**
 * Findings as the reader reads them: the title of its kind, where it stands (the cell, the year, the
 * scenarios), then what it says; a link to its cell where the pane can select it. Avvikelser and
 * Översikt show findings through this one list.
 */
export function FindingList({ findings, scenarios, lang, details, canGoTo, onGoTo }: FindingListProps) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {findings.map((f, i) => {
        const where = f.sheet && f.cell ? `${f.sheet}!${f.cell}` : undefined;
        const meta = [
          where ?? t(lang, "noCell"),
          ...(f.year !== undefined ? [String(f.year)] : []),
          ...(f.scenario ? [scenarioNames(scenariosOf(f), scenarios, lang)] : []),
          ...(details ? [t(lang, "codeIs", { code: f.code })] : []),
        ].join(" · ");
        const body = (
          <>
            <span className={styles.title}>{findingTitle(f.code, lang)}</span>
            <Caption1 className={styles.meta}>{meta}</Caption1>
            <span>{f.message[lang]}</span>
          </>
        );
        const look = mergeClasses(styles.item, styles[f.severity]);
        return (
          <li key={`${f.code}-${where ?? ""}-${f.scenario ?? ""}-${i}`} data-severity={f.severity} data-code={f.code}>
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
  );
}
