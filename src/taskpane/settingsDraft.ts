/**
 * The Inställningar form as plain data: what it starts from (the analysis), how what the user typed is
 * checked, and what it asks app/saveSettings to save. No React here, so it is tested on its own.
 */
import type { AnalysisOutcome } from "../app/analyseWorkbook";
import { MAPPING_FIELDS, rangeForName, YEAR_FIELDS, type MappingField } from "../app/budgetParts";
import type { SettingsToSave } from "../app/saveSettings";
import { Decimal, targetBand, type EquityStep, type Settings } from "../domain";

export interface SettingsDraft {
  /** What the user typed for each field; empty keeps what the workbook has (or detection). */
  readonly mapping: Readonly<Record<MappingField, string>>;
  /** The budget year as typed: what the budget and plan columns' names say (Finsam_Budget_2022). */
  readonly budgetYear: string;
  readonly keyKind: "population" | "fixed";
  /** Per kommun, as typed ("48,4"). */
  readonly fixedPercents: readonly { readonly name: string; readonly percent: string }[];
  readonly staircase: readonly { readonly from: string; readonly maxPercent: string }[];
  /** The target's centre in kronor and its tolerance in per cent, as typed; empty centre for none. */
  readonly targetCentre: string;
  readonly targetTolerance: string;
}

type Ok<T> = { readonly ok: true; readonly value: T };
type Bad = { readonly ok: false; readonly errors: Readonly<Record<string, true>> };

const EMPTY_MAPPING: Record<MappingField, string> = {
  budgetSheet: "",
  yearHeader: "",
  members: "",
  costs: "",
  population: "",
  openingEquity: "",
  unit: "",
  budgetColumn: "",
  planColumns: "",
};

/** A kommun as the form lists it: its name, and its share of the quarter under the key in use. */
export interface KommunEntry {
  readonly name: string;
  /** A fraction (0.484); the fixed percentages start from it when the key is population. */
  readonly share?: Decimal;
}

/** The kommuner of the budget year and their shares, from the analysis. */
export function kommunEntries(outcome: AnalysisOutcome | undefined): KommunEntry[] {
  if (outcome?.kind !== "ok") return [];
  const { analysis } = outcome;
  const year = analysis.budget.budgetYear;
  const kommuner = analysis.members.filter((m) => m.party === "kommun" && m.year === year);
  const total = kommuner.reduce((sum, k) => sum.plus(k.weight ?? 0), new Decimal(0));
  const named = analysis.budget.members.filter((m) => m.party === "kommun").map((m) => m.name);
  return named.map((name) => {
    const weight = kommuner.find((k) => k.name === name)?.weight;
    return weight && !total.isZero() ? { name, share: weight.dividedBy(total) } : { name };
  });
}

/** The form as the analysis left the settings. */
export function draftFromSettings(
  settings: Settings,
  kommuner: readonly (string | KommunEntry)[],
  /** The year the analysis read the budget as; none after a refusal. */
  budgetYear?: number,
): SettingsDraft {
  const key = settings.kommunKey;
  const target = settings.equityTarget;
  const centre = target ? target.min.plus(target.max).dividedBy(2) : undefined;
  const tolerance =
    target && centre && !centre.isZero() ? target.max.minus(centre).dividedBy(centre).times(100) : undefined;
  return {
    mapping: EMPTY_MAPPING,
    budgetYear: budgetYear === undefined ? "" : String(budgetYear),
    keyKind: key.kind,
    fixedPercents: kommuner.map((entry) => {
      const { name, share } = typeof entry === "string" ? { name: entry, share: undefined } : entry;
      // With the population key the fixed percentages start at the population's, to one decimal.
      const percent = key.kind === "fixed" ? key.percents[name] : share?.times(100).toDecimalPlaces(1);
      return { name, percent: decimalText(percent) };
    }),
    staircase: settings.equityStaircase.map((s) => ({
      from: decimalText(s.from),
      maxPercent: decimalText(s.maxPercent),
    })),
    targetCentre: decimalText(centre),
    targetTolerance: decimalText(tolerance) || "20",
  };
}

function decimalText(value: Decimal | undefined): string {
  return value === undefined ? "" : value.toDecimalPlaces(4).toFixed().replace(".", ",");
}

/** "1 386 000", "48,4", "−5" → a Decimal; undefined for anything else. */
export function parseNumber(text: string): Decimal | undefined {
  const cleaned = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(/\u2212/g, "-")
    .replace(/%$/, "")
    .replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return undefined;
  return new Decimal(cleaned);
}

/** The settings the form describes, on top of the analysis's; or which fields are wrong. */
export function settingsFromDraft(draft: SettingsDraft, base: Settings): Ok<Settings> | Bad {
  const errors: Record<string, true> = {};
  let kommunKey: Settings["kommunKey"] = { kind: "population" };
  if (draft.keyKind === "fixed") {
    const percents: Record<string, Decimal> = {};
    draft.fixedPercents.forEach((p, i) => {
      const value = parseNumber(p.percent);
      if (!value || value.isNegative()) errors[`fixed.${i}`] = true;
      else percents[p.name] = value;
    });
    kommunKey = { kind: "fixed", percents };
  }
  const staircase: EquityStep[] = [];
  draft.staircase.forEach((s, i) => {
    const from = parseNumber(s.from);
    const max = parseNumber(s.maxPercent);
    if (!from || from.isNegative()) errors[`step.${i}.from`] = true;
    if (!max || max.isNegative()) errors[`step.${i}.max`] = true;
    if (from && max) staircase.push({ from, maxPercent: max });
  });
  staircase.sort((a, b) => a.from.comparedTo(b.from));
  const withTo = staircase.map((s, i) => {
    const next = staircase[i + 1];
    return next ? { ...s, to: next.from } : s;
  });
  if (draft.staircase.length === 0) errors["step.0.max"] = true;
  let equityTarget: Settings["equityTarget"];
  if (draft.targetCentre.trim() !== "") {
    const centre = parseNumber(draft.targetCentre);
    const tolerance = parseNumber(draft.targetTolerance);
    if (!centre || centre.isNegative()) errors.targetCentre = true;
    if (!tolerance || tolerance.isNegative()) errors.targetTolerance = true;
    if (centre && tolerance) equityTarget = targetBand(centre, tolerance.dividedBy(100));
  }
  for (const field of MAPPING_FIELDS) {
    if (draft.mapping[field].trim() !== "" && !rangeForName(field, draft.mapping[field])) errors[`map.${field}`] = true;
  }
  // The year columns' names need the year they are of.
  const yearTyped = YEAR_FIELDS.some((f) => draft.mapping[f].trim() !== "");
  if (yearTyped && typedYear(draft.budgetYear) === undefined) errors.budgetYear = true;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const { equityTarget: _old, ...rest } = base;
  return {
    ok: true,
    value: { ...rest, kommunKey, equityStaircase: withTo, ...(equityTarget ? { equityTarget } : {}) },
  };
}

/** What saving the form asks of the workbook: the checked settings, the kommuner in the form's order, the ranges typed. */
export function settingsToSave(draft: SettingsDraft, settings: Settings): SettingsToSave {
  const budgetYear = typedYear(draft.budgetYear);
  return {
    settings,
    kommuner: draft.fixedPercents.map((p) => p.name),
    mapping: draft.mapping,
    ...(budgetYear !== undefined ? { budgetYear } : {}),
  };
}

/** "2022" → 2022; anything that is not a year from 1990 to 2100 → undefined. */
function typedYear(text: string): number | undefined {
  const year = /^\s*(\d{4})\s*$/.exec(text)?.[1];
  return year && Number(year) >= 1990 && Number(year) <= 2100 ? Number(year) : undefined;
}
