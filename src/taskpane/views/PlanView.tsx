import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, type ReactNode } from "react";
import type { AnalysisOutcome } from "../../app/analyseWorkbook";
import {
  equityOutcome,
  formatNumber,
  fromKronor,
  MAX_COMPARED,
  type Decimal,
  type PlanYear,
  type ScenarioComparison,
  type ScenarioPlan,
} from "../../domain";
import { ClosingEquity } from "../components/ClosingEquity";
import { MessageBox } from "../components/MessageBox";
import { EquityChart } from "../components/EquityChart";
import { partyLabels, type PartyLabels } from "../components/labels";
import { NoticeBar } from "../components/NoticeBar";
import { ScrollBox } from "../components/ScrollBox";
import { ScenarioEditor } from "../components/ScenarioEditor";
import { Section } from "../components/Section";
import { ActionRow } from "../components/ActionRow";
import { useViewStyles } from "../components/styles";
import { type Lang, t } from "../strings/withPlan";
import { UNIT_DECIMALS, UNIT_NAME, type PaneFormat } from "../paneFormat";
import type { PlanState } from "../usePlan";
import type { Notice } from "../useFinsam";

export interface PlanViewProps {
  readonly outcome: Extract<AnalysisOutcome, { kind: "ok" }>;
  readonly plan: PlanState;
  readonly fmt: PaneFormat;
  readonly busy: boolean;
  readonly canUndo: boolean;
  /** In a browser (the file port): the board sheet reaches the user through the download. */
  readonly inFile: boolean;
  readonly onUndo: () => void;
  /** What Skapa styrelseunderlag said, shown beside its button where the user is looking. */
  readonly boardNotice?: Notice | undefined;
  readonly onDismissNotice: () => void;
}

const useStyles = makeStyles({
  rowHeader: {
    fontWeight: tokens.fontWeightRegular,
    textAlign: "start",
  },
  /** A row under a group heading: the label moves in (the table's own padding is on the cell). */
  indent: { "& > *": { marginInlineStart: tokens.spacingHorizontalM } },
  yearHeader: { whiteSpace: "nowrap" },
  legend: { padding: 0, marginBlockEnd: tokens.spacingVerticalXS },
  start: { textAlign: "start" },
  fieldset: {
    margin: 0,
    padding: 0,
    minWidth: 0,
    borderTopStyle: "none",
    borderRightStyle: "none",
    borderBottomStyle: "none",
    borderLeftStyle: "none",
    display: "flex",
    flexDirection: "column",
  },
  strong: { fontWeight: tokens.fontWeightSemibold },
  groupHeading: {
    textAlign: "start",
    fontWeight: tokens.fontWeightSemibold,
    paddingBlockStart: tokens.spacingVerticalXS,
  },
  saveRow: {
    display: "flex",
    alignItems: "flex-end",
    columnGap: tokens.spacingHorizontalS,
    "& > :first-child": { flexGrow: 1, minWidth: 0 },
  },
  input: { minWidth: 0, width: "100%" },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  savedItem: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  outcomes: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
});

/** Flerårsplan: the budget year and the plan years of a scenario, its assumptions, saved scenarios compared, and the board's sheet. */
export function PlanView(props: PlanViewProps) {
  const { outcome, plan, fmt, busy, canUndo, inFile, onUndo, boardNotice, onDismissNotice } = props;
  const view = useViewStyles();
  const { lang } = fmt;
  const { analysis } = outcome;
  const years = plan.years;
  const first = years[0]!;
  const last = years[years.length - 1]!;
  const target = analysis.settings.equityTarget;

  return (
    <div>
      <Section id="plan-heading" title={t(lang, "plan.heading", { first, last })}>
        <Caption1 as="p" className={view.caption}>
          {t(lang, "plan.intro")}
        </Caption1>
        {plan.planError && <MessageBox intent="error">{plan.planError}</MessageBox>}
        {plan.draftPlan && (
          <PlanTable
            plan={plan.draftPlan}
            name={plan.draftName}
            fmt={fmt}
            parties={partyLabels(outcome.analysis.budget, lang)}
          />
        )}
        {target && (
          <Caption1 as="p" className={view.caption}>
            {`${t(lang, "plan.rowTarget")}: ${t(lang, "plan.targetRange", { min: fmt.money(target.min), max: fmt.money(target.max) })}`}
          </Caption1>
        )}
      </Section>

      <ScenarioEditor
        form={plan.form}
        fmt={fmt}
        plan={plan.draftPlan}
        startOptions={plan.startOptions}
        onField={plan.setField}
        onCosts={plan.setCosts}
        onStartFrom={plan.startFrom}
      />

      <SaveScenario plan={plan} lang={lang} busy={busy} />
      <CompareScenarios plan={plan} fmt={fmt} />
      <BoardSection
        plan={plan}
        lang={lang}
        busy={busy}
        canUndo={canUndo}
        inFile={inFile}
        onUndo={onUndo}
        notice={boardNotice}
        onDismissNotice={onDismissNotice}
      />
    </div>
  );
}

/** Saving the form's scenario under a name, and the saved ones with a way to remove each. */
function SaveScenario({ plan, lang, busy }: { plan: PlanState; lang: Lang; busy: boolean }) {
  const styles = useStyles();
  const view = useViewStyles();
  const savedOptions = plan.compareOptions.filter((o) => o.saved);
  return (
    <Section id="plan-save" title={t(lang, "plan.saveHeading")}>
      <form
        className={styles.saveRow}
        onSubmit={(event) => {
          event.preventDefault();
          void plan.save();
        }}
      >
        <Field
          label={t(lang, "plan.name")}
          validationState={plan.nameProblem ? "error" : "none"}
          {...(plan.nameProblem ? { validationMessage: t(lang, plan.nameProblem) } : {})}
        >
          <Input
            className={styles.input}
            value={plan.form.name}
            placeholder={t(lang, "plan.namePlaceholder")}
            onChange={(_, data) => plan.setName(data.value)}
          />
        </Field>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t(lang, "plan.save")}
        </Button>
      </form>
      <Caption1 as="p" className={view.caption}>
        {t(lang, "plan.saveHint")}
      </Caption1>
      <Subtitle2 as="h3" id="plan-saved" className={view.heading}>
        {t(lang, "plan.savedHeading")}
      </Subtitle2>
      {savedOptions.length === 0 ? (
        <Caption1 as="p" className={view.caption}>
          {t(lang, "plan.noneSaved")}
        </Caption1>
      ) : (
        <ul className={styles.list} aria-labelledby="plan-saved">
          {savedOptions.map((o) => (
            <li key={o.id} className={styles.savedItem}>
              <span>{o.label}</span>
              <Button
                size="small"
                disabled={busy}
                aria-label={t(lang, "plan.removeNamed", { name: o.label })}
                onClick={() => void plan.remove(o.id)}
              >
                {t(lang, "plan.remove")}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** Up to three scenarios side by side: the table, the chart and each one's outcome in words. */
function CompareScenarios({ plan, fmt }: { plan: PlanState; fmt: PaneFormat }) {
  const styles = useStyles();
  const view = useViewStyles();
  const { lang } = fmt;
  const chosenCount = plan.compared.length;
  return (
    <Section id="plan-compare" title={t(lang, "plan.compareHeading")}>
      <fieldset className={styles.fieldset}>
        <legend className={mergeClasses(view.caption, styles.legend)} id="plan-compare-hint">
          {t(lang, "plan.compareHint")}
        </legend>
        {plan.compareOptions.map((o) => {
          const checked = plan.compared.includes(o.id);
          return (
            <Checkbox
              key={o.id}
              label={o.label}
              checked={checked}
              disabled={!checked && chosenCount >= MAX_COMPARED}
              onChange={(_, data) => plan.setCompared(o.id, data.checked === true)}
            />
          );
        })}
      </fieldset>
      <Caption1 as="p" className={view.caption} role="status">
        {chosenCount >= MAX_COMPARED ? t(lang, "plan.maxChosen") : chosenCount === 0 ? t(lang, "plan.noneChosen") : ""}
      </Caption1>
      {plan.comparedPlans.length > 0 && (
        <>
          <ComparisonTable plans={plan.comparedPlans} comparison={plan.comparison} fmt={fmt} />
          <Subtitle2 as="h3" id="plan-chart" className={view.heading}>
            {t(lang, "plan.chartHeading")}
          </Subtitle2>
          <EquityChart plans={plan.comparedPlans} fmt={fmt} />
          <ul className={styles.outcomes} aria-label={t(lang, "plan.chartHeading")}>
            {plan.comparedPlans.map((p) => (
              <li key={p.scenario.id}>
                <Caption1>{equityOutcome(p)[lang]}</Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

/** Skapa styrelseunderlag, Ångra, and what it said, beside the button and brought into view. */
function BoardSection(props: {
  plan: PlanState;
  lang: Lang;
  busy: boolean;
  canUndo: boolean;
  inFile: boolean;
  onUndo: () => void;
  notice: Notice | undefined;
  onDismissNotice: () => void;
}) {
  const { plan, lang, busy, canUndo, inFile, onUndo, notice, onDismissNotice } = props;
  const view = useViewStyles();
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!notice) return;
    // After the frame that lays the notice out, so the whole of it comes into view.
    const frame = requestAnimationFrame(() => noticeRef.current?.scrollIntoView?.({ block: "nearest" }));
    return () => cancelAnimationFrame(frame);
  }, [notice]);
  return (
    <Section id="plan-board" title={t(lang, "plan.boardHeading")}>
      <Caption1 as="p" className={view.caption}>
        {t(lang, "plan.boardHint")}
        {inFile && ` ${t(lang, "plan.boardHintFile")}`}
      </Caption1>
      <ActionRow lang={lang} busy={busy} canUndo={canUndo} onUndo={onUndo}>
        <Button
          appearance="primary"
          disabled={busy || plan.comparedPlans.length === 0}
          onClick={() => void plan.createBoard()}
        >
          {t(lang, "plan.board")}
        </Button>
      </ActionRow>
      <div ref={noticeRef}>{notice && <NoticeBar notice={notice} lang={lang} onDismiss={onDismissNotice} />}</div>
    </Section>
  );
}

/** An amount in the unit the user chose, without the unit (the table's caption says it). */
function bare(fmt: PaneFormat, kronor: Decimal): string {
  return formatNumber(fromKronor(kronor, fmt.unit), fmt.lang, UNIT_DECIMALS[fmt.unit]).replace(/^-/, "\u2212");
}

function unitName(fmt: PaneFormat): string {
  return UNIT_NAME[fmt.lang][fmt.unit];
}

interface Row {
  readonly label: string;
  readonly cell: (y: PlanYear) => ReactNode;
  readonly strong?: boolean;
  readonly indent?: boolean;
}

/**
 * The plan table's rows in groups (a tbody each): the state's change; the contributions under a heading
 * of their own, so no label is wider than it must be; income, costs and result; equity.
 */
function planRowGroups(plan: ScenarioPlan, fmt: PaneFormat, parties: PartyLabels): { heading?: string; rows: Row[] }[] {
  const { lang } = fmt;
  const money = (pick: (y: PlanYear) => Decimal) => (y: PlanYear) => bare(fmt, pick(y));
  const closing = (y: PlanYear) => <ClosingEquity y={y} text={bare(fmt, y.closingEquity)} fmt={fmt} />;
  return [
    {
      rows: [
        {
          label: t(lang, "plan.rowStateChange"),
          cell: (y) => (y.stateRate ? fmt.percent(y.stateRate.negated()) : t(lang, "plan.none")),
        },
      ],
    },
    {
      heading: t(lang, "plan.rowContributions"),
      rows: [
        ...(parties.hasFkAf
          ? [
              { label: parties.fk, cell: money((y) => y.split.fk) },
              { label: parties.af, cell: money((y) => y.split.af) },
            ]
          : [{ label: parties.stat, cell: money((y) => y.split.state) }]),
        { label: parties.region, cell: money((y) => y.split.region) },
        { label: parties.kommuner, cell: money((y) => y.split.kommuner) },
        { label: t(lang, "total"), cell: money((y) => y.contributions), strong: true },
      ],
    },
    {
      rows: [
        { label: t(lang, "plan.rowOtherIncome"), cell: money((y) => y.otherIncome) },
        { label: t(lang, "plan.rowCosts"), cell: money((y) => y.costs) },
        ...(plan.years.some((y) => !y.plannedDrawdown.isZero())
          ? [{ label: t(lang, "plan.rowDrawdown"), cell: money((y) => y.plannedDrawdown), indent: true }]
          : []),
        { label: t(lang, "plan.rowResult"), cell: money((y) => y.result), strong: true },
      ],
    },
    {
      rows: [
        { label: t(lang, "plan.rowOpening"), cell: money((y) => y.openingEquity) },
        { label: t(lang, "plan.rowClosing"), cell: closing, strong: true },
        { label: t(lang, "plan.rowMax"), cell: money((y) => y.maxEquity) },
      ],
    },
  ];
}

/** The scenario's years side by side: contributions by party, other income, costs, result, equity, maximum. */
function PlanTable({
  plan,
  name,
  fmt,
  parties,
}: {
  plan: ScenarioPlan;
  name: string;
  fmt: PaneFormat;
  parties: PartyLabels;
}) {
  const styles = useStyles();
  const view = useViewStyles();
  const { lang } = fmt;
  // The unit once, in the caption: amounts with the unit in every cell do not fit three years in 400 px.
  const caption = t(lang, "plan.planCaption", { name, unit: unitName(fmt) });
  const groups = planRowGroups(plan, fmt, parties);
  return (
    <ScrollBox label={caption}>
      <Table size="extra-small" className={view.compact}>
        <caption className={mergeClasses(view.caption, styles.start)}>{caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t(lang, "plan.colItem")}</TableHeaderCell>
            {plan.years.map((y, i) => (
              <TableHeaderCell key={y.year} className={mergeClasses(view.headerNumber, styles.yearHeader)}>
                {t(lang, i === 0 ? "plan.colBudget" : "plan.colPlan", { year: y.year })}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        {groups.map((group, g) => (
          <TableBody key={g}>
            {group.heading && (
              <TableRow>
                <TableHeaderCell scope="rowgroup" colSpan={plan.years.length + 1} className={styles.groupHeading}>
                  {group.heading}
                </TableHeaderCell>
              </TableRow>
            )}
            {group.rows.map((row) => (
              <TableRow key={row.label} className={row.strong ? styles.strong : undefined}>
                <TableHeaderCell
                  scope="row"
                  className={mergeClasses(
                    styles.rowHeader,
                    (row.indent || group.heading) && styles.indent,
                    row.strong && styles.strong,
                  )}
                >
                  {row.label}
                </TableHeaderCell>
                {plan.years.map((y) => (
                  <TableCell key={y.year} className={view.number}>
                    {row.cell(y)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        ))}
      </Table>
    </ScrollBox>
  );
}

/** Closing equity of each compared scenario side by side (compareScenarios), the differences to the first, and its maximum. */
function ComparisonTable({
  plans,
  comparison,
  fmt,
}: {
  plans: readonly ScenarioPlan[];
  comparison: readonly ScenarioComparison[];
  fmt: PaneFormat;
}) {
  const view = useViewStyles();
  const styles = useStyles();
  const { lang } = fmt;
  const firstPlan = plans[0]!;
  const caption = t(lang, "plan.comparisonCaption", { first: firstPlan.scenario.name, unit: unitName(fmt) });
  const amount = (value: Decimal | undefined, show: (v: Decimal) => string) =>
    value === undefined ? t(lang, "plan.none") : show(value);
  const diff = (v: Decimal) => (v.isPositive() && !v.isZero() ? `+${bare(fmt, v)}` : bare(fmt, v));
  return (
    <ScrollBox label={caption}>
      <Table size="extra-small" className={view.compact}>
        <caption className={mergeClasses(view.caption, styles.start)}>{caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t(lang, "plan.colScenario")}</TableHeaderCell>
            {comparison.map((c) => (
              <TableHeaderCell key={c.year} className={view.headerNumber}>
                {c.year}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {plans.map((p) => (
            <TableRow key={p.scenario.id}>
              <TableHeaderCell scope="row" className={styles.rowHeader}>
                {p.scenario.name}
              </TableHeaderCell>
              {comparison.map((c) => {
                const v = c.closingEquity[p.scenario.id];
                const negative = v !== undefined && v.isNegative() && !v.isZero();
                return (
                  <TableCell key={c.year} className={mergeClasses(view.number, negative && view.bad)}>
                    {amount(v, (x) => bare(fmt, x))}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
          {plans.slice(1).map((p) => (
            <TableRow key={`diff-${p.scenario.id}`}>
              <TableHeaderCell scope="row" className={mergeClasses(styles.rowHeader, styles.indent)}>
                {t(lang, "plan.difference", { name: p.scenario.name })}
              </TableHeaderCell>
              {comparison.map((c) => (
                <TableCell key={c.year} className={view.number}>
                  {amount(c.differenceFromFirst[p.scenario.id], diff)}
                </TableCell>
              ))}
            </TableRow>
          ))}
          <TableRow>
            <TableHeaderCell scope="row" className={styles.rowHeader}>
              {t(lang, "plan.rowMax")}
            </TableHeaderCell>
            {comparison.map((c) => (
              <TableCell key={c.year} className={view.number}>
                {bare(fmt, c.maxEquity)}
              </TableCell>
            ))}
          </TableRow>
        </TableBody>
      </Table>
    </ScrollBox>
  );
}
