/**
 * The Flerårsplan's state (issue 6): the scenario form, the plan it gives (by the engine, at each
 * change), the scenarios chosen for comparison and their plans side by side. It holds no workbook:
 * saving a scenario and writing the board sheet go through the callbacks useFinsam gives, which call
 * the WorkbookPort. Held by the pane (App), so the form survives a switch of tabs.
 */
import { useCallback, useMemo, useState } from "react";
import type { AnalysisOutcome } from "../app/analyseWorkbook";
import {
  compareScenarios,
  MAX_COMPARED,
  planYears,
  proposedName,
  SHEET_PLAN,
  WORST_CASE,
  type Analysis,
  type Message,
  type Scenario,
  type ScenarioComparison,
  type ScenarioPlan,
  type Settings,
} from "../domain";
import { scenarioName } from "./components/labels";
import { both, type Lang, t } from "./strings/withPlan";
import {
  DRAFT_ID,
  formFromScenario,
  hasErrors,
  isChanged,
  nameError,
  planYearsOf,
  projectScenario,
  savedForm,
  savedScenarios,
  scenarioIdFor,
  scenarioOfForm,
  setCosts,
  setName,
  updateField,
  withSaved,
  type CostKind,
  type FieldKey,
  type ScenarioForm,
} from "./scenarioDraft";

type Ok = Extract<AnalysisOutcome, { kind: "ok" }>;

export interface PlanActions {
  /** Writes the named scenarios into the workbook (settingsEdits) and analyses again; true when it did. */
  readonly saveScenarios: (named: readonly Scenario[], notice: Message) => Promise<boolean>;
  /** Writes the board sheet with these scenarios, in this order. */
  readonly createBoard: (scenarios: readonly Scenario[]) => Promise<void>;
}

export interface CompareOption {
  readonly id: string;
  readonly label: string;
  /** A scenario saved in the workbook (it can be removed). */
  readonly saved: boolean;
}

export interface PlanState {
  /** All the years: the budget year, then the plan years. */
  readonly years: readonly number[];
  readonly form: ScenarioForm;
  /** The name the form's scenario goes by on screen. */
  readonly draftName: string;
  readonly changed: boolean;
  /** The form's plan, computed by the engine; absent where the engine could not (planError says why). */
  readonly draftPlan: ScenarioPlan | undefined;
  readonly planError: string | undefined;
  /** What the form can start from: the worst case and each saved scenario. */
  readonly startOptions: readonly { readonly id: string; readonly label: string }[];
  readonly compareOptions: readonly CompareOption[];
  readonly compared: readonly string[];
  /** The compared scenarios' plans, in the list's order, named as on screen. */
  readonly comparedPlans: readonly ScenarioPlan[];
  readonly comparison: readonly ScenarioComparison[];
  /** Why the typed name cannot be saved, once a save was tried. */
  readonly nameProblem: "plan.errName" | "plan.errNameBuiltIn" | "plan.errInvalid" | undefined;
  setField(key: FieldKey, text: string): void;
  setCosts(kind: CostKind): void;
  setName(name: string): void;
  startFrom(id: string): void;
  setCompared(id: string, on: boolean): void;
  save(): Promise<void>;
  remove(id: string): Promise<void>;
  createBoard(): Promise<void>;
}

/** The plan view's state for an analysed workbook; undefined until there is one. */
export function usePlan(outcome: Ok | undefined, lang: Lang, actions: PlanActions): PlanState | undefined {
  const analysis = outcome?.analysis;
  const years = useMemo(() => (analysis ? planYears(analysis.budget, analysis.settings.planLength) : []), [analysis]);
  const worst = analysis?.settings.scenarios.find((s) => s.id === WORST_CASE.id) ?? WORST_CASE;
  const saved = useMemo(() => (analysis ? savedScenarios(analysis) : []), [analysis]);

  // The form starts from the worst case, and again when the budget's years change (another workbook).
  const basis = analysis ? `${outcome?.location.sheet}|${years.join(",")}` : "";
  const [state, setState] = useState<{ basis: string; form: ScenarioForm | undefined }>({
    basis: "",
    form: undefined,
  });
  let form = state.form;
  if (analysis && (state.basis !== basis || !form)) {
    form = formFromScenario(worst, planYearsOf(analysis), lang);
    setState({ basis, form });
  }
  const [compared, setComparedIds] = useState<readonly string[]>([DRAFT_ID, SHEET_PLAN.id]);
  const [nameProblem, setNameProblem] = useState<PlanState["nameProblem"]>(undefined);

  const update = useCallback(
    (change: (form: ScenarioForm) => ScenarioForm) =>
      setState((old) => (old.form ? { ...old, form: change(old.form) } : old)),
    [],
  );

  const settings = analysis?.settings;
  const changed = form ? isChanged(form) : false;
  const draftName = form && settings ? draftNameOf(form, settings, years.slice(1), lang) : "";

  const { draftPlan, planError } = useDraftPlan(analysis, form, draftName, lang);

  const { compareOptions, chosen, comparedPlans, comparison } = useComparison(
    analysis,
    saved,
    { draftName, draftPlan },
    compared,
    lang,
  );

  const { saveScenarios, createBoard } = actions;

  if (!analysis || !settings || !form || !outcome) return undefined;
  const current = form;

  return {
    years,
    form: current,
    draftName,
    changed,
    draftPlan,
    planError,
    startOptions: [
      { id: WORST_CASE.id, label: scenarioName(WORST_CASE.id, settings, lang) },
      ...saved.map((s) => ({ id: s.id, label: s.name })),
    ],
    compareOptions,
    compared: chosen,
    comparedPlans,
    comparison,
    nameProblem,
    setField: (key, text) => update((f) => updateField(f, key, text)),
    setCosts: (kind) => update((f) => setCosts(f, kind)),
    setName: (name) => {
      setNameProblem(undefined);
      update((f) => setName(f, name));
    },
    startFrom: (id) => {
      const scenario = id === WORST_CASE.id ? worst : saved.find((s) => s.id === id);
      const next =
        scenario && formFromScenario(scenario, planYearsOf(analysis), lang, scenario === worst ? "" : scenario.name);
      if (next) {
        setNameProblem(undefined);
        setState({ basis, form: next });
      }
    },
    setCompared: (id, on) =>
      setComparedIds((old) => {
        const now = old.filter((x) => compareOptions.some((o) => o.id === x));
        if (!on) return now.filter((x) => x !== id);
        return now.includes(id) || now.length >= MAX_COMPARED ? now : [...now, id];
      }),
    save: async () => {
      const problem = nameError(current.name) ?? (hasErrors(current) ? "plan.errInvalid" : undefined);
      setNameProblem(problem);
      if (problem) return;
      const name = current.name.trim();
      const id = scenarioIdFor(name, saved);
      const scenario = scenarioOfForm(current, id, name);
      const done = await saveScenarios(withSaved(saved, scenario), both("plan.saved", { name }));
      // The form now stands for the saved scenario; the comparison keeps following the form.
      if (done) setState((old) => (old.form ? { ...old, form: savedForm(old.form, id) } : old));
    },
    remove: async (id) => {
      const scenario = saved.find((s) => s.id === id);
      if (!scenario) return;
      const done = await saveScenarios(
        saved.filter((s) => s.id !== id),
        both("plan.removed", { name: scenario.name }),
      );
      if (done) setComparedIds((old) => old.filter((x) => x !== id));
    },
    createBoard: async () => {
      // The board sheet is in Swedish: the built-in scenarios keep the engine's names, the form's its own.
      const scenarios = chosen.slice(0, MAX_COMPARED).flatMap((id): Scenario[] => {
        if (id === DRAFT_ID)
          return [scenarioOfForm(current, DRAFT_ID, draftNameOf(current, settings, years.slice(1), "sv"))];
        const s = settings.scenarios.find((x) => x.id === id);
        return s ? [s] : [];
      });
      if (scenarios.length > 0) await createBoard(scenarios);
    },
  };
}

/**
 * The form's scenario on screen and on the board page: the name typed, else its source's while
 * unchanged, else a name proposed from its assumptions ("Staten −15 % 2026–2027"), which the user may
 * type over.
 */
function draftNameOf(form: ScenarioForm, settings: Settings, planYears: readonly number[], lang: Lang): string {
  const typed = form.name.trim();
  if (typed !== "") return typed;
  if (!isChanged(form)) return scenarioName(form.sourceId, settings, lang);
  try {
    return proposedName(scenarioOfForm(form, DRAFT_ID, ""), planYears, lang);
  } catch {
    // A form that cannot make a scenario yet (a field being typed) keeps the plain name.
    return t(lang, "plan.newScenario");
  }
}

/**
 * The comparison: the scenarios one can compare (the form's, the worst case, the sheet's, the saved
 * ones), those chosen in the list's order, their plans (at most three) and the differences between them.
 */
function useComparison(
  analysis: Analysis | undefined,
  saved: readonly Scenario[],
  draft: { draftName: string; draftPlan: ScenarioPlan | undefined },
  compared: readonly string[],
  lang: Lang,
) {
  const { draftName, draftPlan } = draft;
  const settings = analysis?.settings;
  const compareOptions: CompareOption[] = useMemo(() => {
    if (!settings) return [];
    return [
      { id: DRAFT_ID, label: t(lang, "plan.compareEditing", { name: draftName }), saved: false },
      { id: WORST_CASE.id, label: scenarioName(WORST_CASE.id, settings, lang), saved: false },
      { id: SHEET_PLAN.id, label: scenarioName(SHEET_PLAN.id, settings, lang), saved: false },
      ...saved.map((s) => ({ id: s.id, label: s.name, saved: true })),
    ];
  }, [settings, saved, draftName, lang]);

  // The chosen ones, in the list's order, and only those that exist (a removed one drops out).
  const chosen = compareOptions.filter((o) => compared.includes(o.id)).map((o) => o.id);

  const chosenKey = chosen.join("|");
  const comparedPlans = useMemo(() => {
    if (!analysis || !settings || chosenKey === "") return [];
    return chosenKey
      .split("|")
      .slice(0, MAX_COMPARED)
      .map((id): ScenarioPlan | undefined => {
        if (id === DRAFT_ID) return draftPlan;
        const plan = analysis.plans.find((p) => p.scenario.id === id);
        return plan && { ...plan, scenario: { ...plan.scenario, name: scenarioName(id, settings, lang) } };
      })
      .filter((p): p is ScenarioPlan => p !== undefined);
  }, [analysis, settings, draftPlan, chosenKey, lang]);

  const comparison = useMemo(() => compareScenarios(comparedPlans), [comparedPlans]);
  return { compareOptions, chosen, comparedPlans, comparison };
}

/** The form's scenario projected by the engine, or why it cannot be (a message for the view). */
function useDraftPlan(analysis: Analysis | undefined, form: ScenarioForm | undefined, draftName: string, lang: Lang) {
  return useMemo(() => {
    if (!analysis || !form) return { draftPlan: undefined, planError: undefined };
    try {
      return { draftPlan: projectScenario(analysis, scenarioOfForm(form, DRAFT_ID, draftName)), planError: undefined };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { draftPlan: undefined, planError: t(lang, "plan.planFailed", { detail }) };
    }
  }, [analysis, form, draftName, lang]);
}
