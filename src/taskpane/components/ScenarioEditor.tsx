import {
  Caption1,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Decimal, equityOutcome, type ScenarioPlan } from "../../domain";
import type { PaneFormat } from "../paneFormat";
import { t } from "../strings/withPlan";
import type { CostKind, FieldKey, ScenarioForm } from "../scenarioDraft";
import { useViewStyles } from "./styles";

export interface ScenarioEditorProps {
  readonly form: ScenarioForm;
  readonly fmt: PaneFormat;
  /** The form's plan, for the outcome in words under the fields (absent where it could not be computed). */
  readonly plan: ScenarioPlan | undefined;
  readonly startOptions: readonly { readonly id: string; readonly label: string }[];
  readonly onField: (key: FieldKey, text: string) => void;
  readonly onCosts: (kind: CostKind) => void;
  readonly onStartFrom: (id: string) => void;
}

const COSTS: readonly { kind: CostKind; label: "plan.costsSheet" | "plan.costsFlat" | "plan.costsChange" }[] = [
  { kind: "sheet", label: "plan.costsSheet" },
  { kind: "flat", label: "plan.costsFlat" },
  { kind: "change", label: "plan.costsChange" },
];

const useStyles = makeStyles({
  years: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(9.5rem, 1fr))",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    alignItems: "start",
  },
  input: { minWidth: 0, width: "100%" },
  outcome: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

/**
 * The scenario's assumptions, each a labelled field: the state's change per plan year, a floor for the
 * state's half, the costs in the plan years, and a planned drawdown of equity per plan year. A wrong
 * entry says why on its field (in Swedish or English) and the plan keeps the last valid value.
 */
export function ScenarioEditor({ form, fmt, plan, startOptions, onField, onCosts, onStartFrom }: ScenarioEditorProps) {
  const styles = useStyles();
  const view = useViewStyles();
  const { lang } = fmt;

  /** The field's problem in words, with the value the plan is computed with meanwhile. */
  const problem = (key: FieldKey): string | undefined => {
    const error = form.errors[key];
    if (!error) return undefined;
    const value = form.values[key];
    const last =
      key === "floor"
        ? value
          ? fmt.money(value)
          : t(lang, "plan.noFloor")
        : key.startsWith("drawdown.")
          ? fmt.money(value ?? new Decimal(0))
          : fmt.percent(value ?? new Decimal(0), 2);
    return t(lang, error, { last });
  };

  const field = (key: FieldKey, label: string, hint?: string) => {
    const message = problem(key);
    return (
      <Field
        key={key}
        label={label}
        {...(hint ? { hint } : {})}
        validationState={message ? "error" : "none"}
        {...(message ? { validationMessage: message } : {})}
      >
        <Input
          className={styles.input}
          value={form.texts[key]}
          autoComplete="off"
          onChange={(_, data) => onField(key, data.value)}
        />
      </Field>
    );
  };

  const known = startOptions.some((o) => o.id === form.sourceId);

  return (
    <section className={view.section} aria-labelledby="plan-assumptions">
      <Subtitle2 as="h2" id="plan-assumptions" className={view.heading}>
        {t(lang, "plan.assumptions")}
      </Subtitle2>
      <Field label={t(lang, "plan.startFrom")}>
        <Select className={view.fit} value={known ? form.sourceId : ""} onChange={(_, data) => onStartFrom(data.value)}>
          {!known && <option value="" disabled />}
          {startOptions.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>

      <div className={styles.years}>
        {form.years.map((year, i) =>
          field(
            `change.${year}`,
            t(lang, "plan.stateChangeFor", { year }),
            i === 0 ? t(lang, "plan.stateChangeHint") : undefined,
          ),
        )}
      </div>
      {field("floor", t(lang, "plan.floor"), t(lang, "plan.floorHint"))}

      <Field label={t(lang, "plan.costs")}>
        <RadioGroup value={form.costs} onChange={(_, data) => onCosts(data.value as CostKind)}>
          {COSTS.map((c) => (
            <Radio key={c.kind} value={c.kind} label={t(lang, c.label)} />
          ))}
        </RadioGroup>
      </Field>
      {form.costs === "change" && field("costRate", t(lang, "plan.costsRate"))}

      <div className={styles.years}>
        {form.years.map((year, i) =>
          field(
            `drawdown.${year}`,
            t(lang, "plan.drawdownFor", { year }),
            i === 0 ? t(lang, "plan.drawdownHint") : undefined,
          ),
        )}
      </div>

      <Caption1 as="p" role="status" className={styles.outcome}>
        {plan ? t(lang, "plan.outcomeNow", { outcome: equityOutcome(plan)[lang] }) : ""}
      </Caption1>
    </section>
  );
}
