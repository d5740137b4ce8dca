import { Badge, Body1, Button, Caption1, mergeClasses } from "@fluentui/react-components";
import { MoneyTable } from "../components/MoneyTable";
import { Section } from "../components/Section";
import type { AnalysisOutcome } from "../../app/analyseWorkbook";
import { Decimal, type Analysis, type Budget, type ContributionSplit, type Severity } from "../../domain";
import { ClosingEquity } from "../components/ClosingEquity";
import { FindingList } from "../components/FindingList";
import { partyLabels, scenarioName } from "../components/labels";
import { useViewStyles } from "../components/styles";
import { type Lang, t } from "../strings";
import type { PaneFormat } from "../paneFormat";

export interface OverviewViewProps {
  readonly outcome: Extract<AnalysisOutcome, { kind: "ok" }>;
  readonly fmt: PaneFormat;
  readonly onShowFindings: () => void;
  /** Inside Excel a finding selects its cell; in a browser the cell is only shown. */
  readonly canGoTo: boolean;
  readonly onGoTo: (sheet: string, cell: string) => void;
}

/** How many findings Översikt leads with: the worst first, as the analysis orders them. */
const LEADING_FINDINGS = 3;

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
const BADGE: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

/**
 * Översikt: the three most important findings first, each a link to its cell; then the budget year's
 * contributions by party (with the sheet's own name for a party it names once), and result and equity
 * per scenario.
 */
export function OverviewView({ outcome, fmt, onShowFindings, canGoTo, onGoTo }: OverviewViewProps) {
  const styles = useViewStyles();
  const { lang } = fmt;
  const { budget } = outcome.analysis;
  return (
    <div>
      <Caption1 as="p" className={styles.caption}>
        {t(lang, "budgetLine", { year: budget.budgetYear, sheet: outcome.location.sheet, unit: budget.unit })}
      </Caption1>
      <LeadingFindings
        analysis={outcome.analysis}
        lang={lang}
        canGoTo={canGoTo}
        onGoTo={onGoTo}
        onShowFindings={onShowFindings}
      />
      <Contributions analysis={outcome.analysis} fmt={fmt} />
      <EquityPlans analysis={outcome.analysis} fmt={fmt} />
    </div>
  );
}

/** The three most important findings, each a link to its cell, then all of them counted and a way to them. */
function LeadingFindings(props: {
  analysis: Analysis;
  lang: Lang;
  canGoTo: boolean;
  onGoTo: (sheet: string, cell: string) => void;
  onShowFindings: () => void;
}) {
  const { analysis, lang, canGoTo, onGoTo, onShowFindings } = props;
  const styles = useViewStyles();
  const { findings } = analysis;
  const counts = Object.fromEntries(
    SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length]),
  ) as Record<Severity, number>;
  return (
    <Section id="overview-findings" title={t(lang, "findingsHeading")}>
      {findings.length === 0 ? (
        <Body1 as="p">{t(lang, "noFindings")}</Body1>
      ) : (
        <FindingList
          findings={findings.slice(0, LEADING_FINDINGS)}
          scenarios={analysis.settings.scenarios}
          lang={lang}
          canGoTo={canGoTo}
          onGoTo={onGoTo}
        />
      )}
      <div className={styles.actions}>
        {SEVERITIES.map((s) => (
          <Badge key={s} appearance="tint" color={BADGE[s]} size="large">
            {`${counts[s]} ${t(lang, counts[s] === 1 ? `${s}One` : s).toLowerCase()}`}
          </Badge>
        ))}
        <Button size="small" appearance="secondary" onClick={onShowFindings}>
          {t(lang, "showFindings")}
        </Button>
      </div>
    </Section>
  );
}

/** The budget year's contributions by party, the sheet's own name for a party it names once. */
function Contributions({ analysis, fmt }: { analysis: Analysis; fmt: PaneFormat }) {
  const { lang } = fmt;
  const { budget } = analysis;
  const year = budget.budgetYear;
  const split = analysis.splits.find((s) => s.year === year)?.split;
  const rows = split ? partyRows(budget, split, lang) : [];
  return (
    <Section id="overview-contributions" title={t(lang, "contributionsHeading", { year })}>
      <MoneyTable
        labelledBy="overview-contributions"
        columns={[
          { header: t(lang, "colParty") },
          { header: t(lang, "colShare"), numeric: true },
          { header: t(lang, "colAmount"), numeric: true },
        ]}
        rows={[
          ...rows.map((row) => ({
            key: row.key,
            cells: [row.label, fmt.percent(row.share, 0), fmt.money(row.amount)],
          })),
          ...(split
            ? [
                {
                  key: "total",
                  total: true,
                  cells: [t(lang, "total"), fmt.percent(new Decimal(1), 0), fmt.money(split.total)],
                },
              ]
            : []),
        ]}
      />
    </Section>
  );
}

/** Result and closing equity per scenario and year, against the recommended maximum. */
function EquityPlans({ analysis, fmt }: { analysis: Analysis; fmt: PaneFormat }) {
  const styles = useViewStyles();
  const { lang } = fmt;
  return (
    <Section id="overview-equity" title={t(lang, "resultHeading")}>
      {analysis.plans.map((plan) => {
        const id = `overview-plan-${plan.scenario.id}`;
        return (
          <div key={plan.scenario.id} className={styles.section}>
            <Caption1 as="h3" id={id} className={styles.heading}>
              <strong>{scenarioName(plan.scenario.id, analysis.settings, lang)}</strong>
            </Caption1>
            <MoneyTable
              labelledBy={id}
              compact
              columns={[
                { header: t(lang, "colYear") },
                { header: t(lang, "colResult"), numeric: true },
                { header: t(lang, "colClosing"), numeric: true },
                { header: t(lang, "colMax"), numeric: true },
              ]}
              rows={plan.years.map((y) => ({
                key: String(y.year),
                cells: [
                  y.year,
                  fmt.money(y.result),
                  <ClosingEquity key="closing" y={y} text={fmt.money(y.closingEquity)} fmt={fmt} />,
                  fmt.money(y.maxEquity),
                ],
              }))}
            />
            {plan.equityRunsOut !== undefined && (
              <Caption1 as="p" className={mergeClasses(styles.heading, styles.bad)}>
                {t(lang, "equityRunsOut", { year: plan.equityRunsOut })}
              </Caption1>
            )}
          </div>
        );
      })}
    </Section>
  );
}

/** The parties' rows of the split: FK and AF, or the state; the region; the kommuner together. */
function partyRows(budget: Budget, split: ContributionSplit, lang: Lang) {
  const labels = partyLabels(budget, lang);
  const quarter = new Decimal(0.25);
  const state = labels.hasFkAf
    ? [
        { key: "partyFk", label: labels.fk, amount: split.fk, share: quarter },
        { key: "partyAf", label: labels.af, amount: split.af, share: quarter },
      ]
    : [{ key: "partyStat", label: labels.stat, amount: split.state, share: new Decimal(0.5) }];
  return [
    ...state,
    { key: "partyRegion", label: labels.region, amount: split.region, share: quarter },
    { key: "partyKommuner", label: labels.kommuner, amount: split.kommuner, share: quarter },
  ];
}
