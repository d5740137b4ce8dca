/**
 * The Flerårsplan's scenario form as plain data (issue 6): the text of each field, its Swedish
 * validation, the last valid value of each (the plan is computed with those, so a wrong entry keeps the
 * last valid plan), and the scenario the form describes. Also the pure steps around it: the plan of a
 * scenario by the engine (projectPlan, no workbook) and the saved scenarios. Saving them and the board
 * sheet are use cases of app/ (saveScenarios, createBoardOfScenarios). No React here, so it is tested on its own.
 */
import { BUILT_IN_IDS } from "../app/saveScenarios";
import {
  Decimal,
  formatNumber,
  inputFromScenario,
  planYears,
  projectPlan,
  scenarioFromInput,
  scenarioName,
  SHEET_PLAN,
  WORST_CASE,
  yearEquityRunsOut,
  type Analysis,
  type Scenario,
  type ScenarioInput,
  type ScenarioPlan,
} from "../domain";
import type { Lang, TextKey } from "./strings";

/** The id of the scenario the form describes, before it is saved; a saved id never looks like it. */
export const DRAFT_ID = "_draft";

export type CostKind = "sheet" | "flat" | "change";

/** A field of the form: the state's change or the planned drawdown of a plan year, the floor, the costs' rate. */
export type FieldKey = `change.${number}` | `drawdown.${number}` | "floor" | "costRate";

export type FieldError = Extract<
  TextKey,
  "plan.errRise" | "plan.errTooLow" | "plan.errPercent" | "plan.errAmount" | "plan.errNegative"
>;

export interface ScenarioForm {
  /** The scenario the form started from (worst-case, or a saved one). */
  readonly sourceId: string;
  /** The name typed for saving; empty until the user gives one (a saved scenario's name when loaded). */
  readonly name: string;
  /** The plan years (after the budget year), one field each for the change and the drawdown. */
  readonly years: readonly number[];
  readonly texts: Readonly<Record<FieldKey, string>>;
  readonly costs: CostKind;
  readonly errors: Readonly<Partial<Record<FieldKey, FieldError>>>;
  /** The last valid value of each field: a change and the costs' rate as signed fractions, amounts in kronor, null for no floor. */
  readonly values: Readonly<Record<FieldKey, Decimal | null>>;
  /** The change for years the scenario gives none (−0,10 for the worst case). */
  readonly baseChange: Decimal;
  /** What the form said when it was started or saved: "changed" compares with it. */
  readonly initial: { readonly texts: Readonly<Record<FieldKey, string>>; readonly costs: CostKind };
}

/** A number as typed: "−12", "-12 %", "3 200 000 kr", "12,5", "3,200,000", "3.5"; undefined for anything else. */
export function parseTyped(text: string): Decimal | undefined {
  let s = text
    .trim()
    .replace(/[\u2212\u2013]/g, "-")
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(/(%|kr|sek)$/i, "")
    .replace(/^\+/, "");
  const commas = s.split(",").length - 1;
  const dots = s.split(".").length - 1;
  if (commas > 0 && dots > 0) {
    // Both: the later one is the decimal mark, the other groups thousands.
    const decimal = s.lastIndexOf(",") > s.lastIndexOf(".") ? "," : ".";
    s = s
      .split(decimal === "," ? "." : ",")
      .join("")
      .replace(decimal, ".");
  } else if (commas > 1) s = s.replace(/,/g, "");
  else if (dots > 1) s = s.replace(/\./g, "");
  else s = s.replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
  return new Decimal(s);
}

const percentText = (fraction: Decimal, lang: Lang) => formatNumber(fraction.times(100), lang, 2);
const amountText = (kronor: Decimal, lang: Lang) => formatNumber(kronor, lang, 0);

/** The plan years of an analysis: those after the budget year. */
export function planYearsOf(analysis: Analysis): number[] {
  return planYears(analysis.budget, analysis.settings.planLength).slice(1);
}

/** The form for a reduction scenario (the worst case or a saved one); undefined for the sheet's plan. */
export function formFromScenario(
  scenario: Scenario,
  years: readonly number[],
  lang: Lang,
  name = "",
): ScenarioForm | undefined {
  const input = inputFromScenario(scenario);
  if (!input) return undefined;
  const texts: Record<string, string> = {};
  const values: Record<string, Decimal | null> = {};
  for (const year of years) {
    const change = input.stateChangeByYear[year] ?? input.stateChange;
    texts[`change.${year}`] = percentText(change, lang);
    values[`change.${year}`] = change;
    const drawdown = input.plannedDrawdown?.[year] ?? new Decimal(0);
    texts[`drawdown.${year}`] = amountText(drawdown, lang);
    values[`drawdown.${year}`] = drawdown;
  }
  texts.floor = input.stateFloor ? amountText(input.stateFloor, lang) : "";
  values.floor = input.stateFloor ?? null;
  const costRate = input.costs.kind === "change" ? input.costs.rate : new Decimal(0);
  texts.costRate = percentText(costRate, lang);
  values.costRate = costRate;
  const form = {
    sourceId: scenario.id,
    name,
    years: [...years],
    texts: texts as Record<FieldKey, string>,
    costs: input.costs.kind,
    errors: {},
    values: values as Record<FieldKey, Decimal | null>,
    baseChange: input.stateChange,
  };
  return { ...form, initial: { texts: form.texts, costs: form.costs } };
}

/** Checks one field as typed: its value (null: no floor), or why it is wrong. */
export function checkField(key: FieldKey, text: string): { value: Decimal | null } | { error: FieldError } {
  const blank = text.trim() === "";
  if (key === "floor" && blank) return { value: null };
  if (key.startsWith("drawdown.") && blank) return { value: new Decimal(0) };
  const number = parseTyped(text);
  if (key.startsWith("change.") || key === "costRate") {
    if (!number) return { error: "plan.errPercent" };
    // A change of the state's half is a cut or nothing: a rise is not what the engine projects.
    if (key.startsWith("change.") && number.isPositive() && !number.isZero()) return { error: "plan.errRise" };
    if (number.lessThan(-100)) return { error: "plan.errTooLow" };
    // −0 is 0: the engine takes a negative zero for a negative rate.
    return { value: number.isZero() ? new Decimal(0) : number.dividedBy(100) };
  }
  if (!number) return { error: "plan.errAmount" };
  if (number.isNegative() && !number.isZero()) return { error: "plan.errNegative" };
  return { value: number };
}

/** The form with one field typed: valid, its value is taken; not, the last valid value stays. */
export function updateField(form: ScenarioForm, key: FieldKey, text: string): ScenarioForm {
  const checked = checkField(key, text);
  const errors = { ...form.errors };
  delete errors[key];
  if ("error" in checked) errors[key] = checked.error;
  return {
    ...form,
    texts: { ...form.texts, [key]: text },
    errors,
    values: "value" in checked ? { ...form.values, [key]: checked.value } : form.values,
  };
}

export function setCosts(form: ScenarioForm, costs: CostKind): ScenarioForm {
  return { ...form, costs };
}

export function setName(form: ScenarioForm, name: string): ScenarioForm {
  return { ...form, name };
}

/** Whether the user has changed a field since the form was started or saved. */
export function isChanged(form: ScenarioForm): boolean {
  return (
    form.costs !== form.initial.costs ||
    (Object.keys(form.texts) as FieldKey[]).some(
      (k) => (form.texts[k] ?? "").trim() !== (form.initial.texts[k] ?? "").trim(),
    )
  );
}

export const hasErrors = (form: ScenarioForm): boolean => Object.keys(form.errors).length > 0;

/** The scenario input the form describes, from the last valid value of each field. */
export function inputOfForm(form: ScenarioForm, id: string, name: string): ScenarioInput {
  const stateChangeByYear: Record<number, Decimal> = {};
  const plannedDrawdown: Record<number, Decimal> = {};
  for (const year of form.years) {
    stateChangeByYear[year] = form.values[`change.${year}`] ?? form.baseChange;
    const drawdown = form.values[`drawdown.${year}`];
    if (drawdown && !drawdown.isZero()) plannedDrawdown[year] = drawdown;
  }
  const floor = form.values.floor;
  return {
    id,
    name,
    stateChange: form.baseChange,
    stateChangeByYear,
    ...(floor && !floor.isZero() ? { stateFloor: floor } : {}),
    costs:
      form.costs === "change" ? { kind: "change", rate: form.values.costRate ?? new Decimal(0) } : { kind: form.costs },
    ...(Object.keys(plannedDrawdown).length > 0 ? { plannedDrawdown } : {}),
  };
}

export function scenarioOfForm(form: ScenarioForm, id: string, name: string): Scenario {
  const scenario = scenarioFromInput(inputOfForm(form, id, name));
  const c = scenario.contributions;
  if (c.kind !== "reduction") return scenario;
  // A change of 0 % negates to a rate of −0, which the engine (isNegative) takes for a rise: make it 0.
  const unsigned = (rate: Decimal) => (rate.isZero() ? new Decimal(0) : rate);
  return {
    ...scenario,
    contributions: {
      ...c,
      rate: unsigned(c.rate),
      ...(c.rateByYear
        ? {
            rateByYear: Object.fromEntries(
              Object.entries(c.rateByYear).map(([year, rate]) => [Number(year), unsigned(rate)]),
            ),
          }
        : {}),
    },
  };
}

/** The form after saving under an id: it now stands for that scenario, unchanged. */
export function savedForm(form: ScenarioForm, id: string): ScenarioForm {
  return { ...form, sourceId: id, initial: { texts: form.texts, costs: form.costs } };
}

/**
 * A scenario's plan by the engine alone (Rule 3 and 4 on the analysed budget and settings), as
 * the analysis would give it: no workbook round trip, so it follows every keystroke.
 */
export function projectScenario(analysis: Analysis, scenario: Scenario): ScenarioPlan {
  const years = projectPlan(analysis.budget, scenario, analysis.settings);
  const runsOut = yearEquityRunsOut(years);
  return { scenario, years, ...(runsOut !== undefined ? { equityRunsOut: runsOut } : {}) };
}

/** The förbundschef's named scenarios the analysis read from the workbook (Finsam_Scenarier). */
export function savedScenarios(analysis: Analysis): Scenario[] {
  return analysis.settings.scenarios.filter((s) => !BUILT_IN_IDS.includes(s.id));
}

/** Why a name cannot be saved under, if it cannot: empty, or a built-in scenario's. */
export function nameError(name: string): Extract<TextKey, "plan.errName" | "plan.errNameBuiltIn"> | undefined {
  const typed = name.trim().toLocaleLowerCase("sv");
  if (typed === "") return "plan.errName";
  const builtIn = [
    SHEET_PLAN.name,
    WORST_CASE.name,
    ...(["sv", "en"] as const).flatMap((l) => [SHEET_PLAN, WORST_CASE].map((b) => scenarioName(b.id, [], l))),
  ];
  return builtIn.some((n) => n.toLocaleLowerCase("sv") === typed) ? "plan.errNameBuiltIn" : undefined;
}

/** The id to save a name under: a saved scenario of the same name keeps its id, else a new one from the name. */
export function scenarioIdFor(name: string, saved: readonly Scenario[]): string {
  const typed = name.trim().toLocaleLowerCase("sv");
  const same = saved.find((s) => s.name.trim().toLocaleLowerCase("sv") === typed);
  if (same) return same.id;
  const base =
    typed
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "scenario";
  const taken = new Set([...saved.map((s) => s.id), ...BUILT_IN_IDS]);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** The saved scenarios with one added, or replaced where it has the same id. */
export function withSaved(saved: readonly Scenario[], scenario: Scenario): Scenario[] {
  return saved.some((s) => s.id === scenario.id)
    ? saved.map((s) => (s.id === scenario.id ? scenario : s))
    : [...saved, scenario];
}
