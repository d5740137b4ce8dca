import type { ScenarioPlan } from "./analyze";
import { formatKr, formatNumber, message, type Lang, type Message } from "./format";
import { Decimal, ZERO } from "./money";
import { FOLLOW_UP_SCENARIO } from "./followUp";
import { SHEET_PLAN, WORST_CASE } from "./plan";
import type { CostAssumption, Scenario } from "./types";

/** At most this many scenarios are compared side by side. */
export const MAX_COMPARED = 3;

/** What a förbundschef sets for a what-if, as the pane's form holds it. */
export interface ScenarioInput {
  readonly id: string;
  readonly name: string;
  /** The state's change per plan year as a signed fraction: −0.10 is a 10 % cut. */
  readonly stateChangeByYear: Readonly<Record<number, Decimal>>;
  /** The default change for plan years not in stateChangeByYear (−0.10). */
  readonly stateChange: Decimal;
  readonly stateFloor?: Decimal;
  readonly costs: CostAssumption;
  readonly plannedDrawdown?: Readonly<Record<number, Decimal>>;
}

/**
 * A scenario from the form: a change of −12 % is a reduction rate of 0,12.
 * A rise (a positive change) is not a reduction: the engine's rates lie in
 * 0–100 %, and validateSettings says so where a change is out of range.
 */
export function scenarioFromInput(input: ScenarioInput): Scenario {
  // A change of 0 % is a rate of 0, not −0 (which reads as negative).
  const rate = (change: Decimal) => (change.isZero() ? ZERO : change.negated());
  return {
    id: input.id,
    name: input.name,
    contributions: {
      kind: "reduction",
      rate: rate(input.stateChange),
      rateByYear: Object.fromEntries(Object.entries(input.stateChangeByYear).map(([y, c]) => [Number(y), rate(c)])),
      ...(input.stateFloor ? { stateFloor: input.stateFloor } : {}),
    },
    costs: input.costs,
    ...(input.plannedDrawdown ? { plannedDrawdown: input.plannedDrawdown } : {}),
  };
}

/** The form's view of a scenario (the inverse of scenarioFromInput for reduction scenarios). */
export function inputFromScenario(scenario: Scenario): ScenarioInput | undefined {
  const c = scenario.contributions;
  if (c.kind !== "reduction") return undefined;
  return {
    id: scenario.id,
    name: scenario.name,
    stateChange: c.rate.negated(),
    stateChangeByYear: Object.fromEntries(Object.entries(c.rateByYear ?? {}).map(([y, r]) => [Number(y), r.negated()])),
    ...(c.stateFloor ? { stateFloor: c.stateFloor } : {}),
    costs: scenario.costs,
    ...(scenario.plannedDrawdown ? { plannedDrawdown: scenario.plannedDrawdown } : {}),
  };
}

/** A new scenario that starts as the worst case, for the form. */
export function newScenario(id: string, name: string): ScenarioInput {
  return inputFromScenario({ ...WORST_CASE, id, name })!;
}

export interface ScenarioComparison {
  readonly year: number;
  /** Closing equity by scenario id. */
  readonly closingEquity: Readonly<Record<string, Decimal>>;
  /** Each scenario's closing equity less the first scenario's. */
  readonly differenceFromFirst: Readonly<Record<string, Decimal>>;
  /** The recommended maximum in the first scenario. */
  readonly maxEquity: Decimal;
}

/** Up to three plans side by side, year by year, with the differences to the first. */
export function compareScenarios(plans: readonly ScenarioPlan[]): ScenarioComparison[] {
  const compared = plans.slice(0, MAX_COMPARED);
  const first = compared[0];
  if (!first) return [];
  return first.years.map((base) => {
    const closingEquity: Record<string, Decimal> = {};
    const differenceFromFirst: Record<string, Decimal> = {};
    for (const plan of compared) {
      const year = plan.years.find((y) => y.year === base.year);
      if (!year) continue;
      closingEquity[plan.scenario.id] = year.closingEquity;
      differenceFromFirst[plan.scenario.id] = year.closingEquity.minus(base.closingEquity);
    }
    return { year: base.year, closingEquity, differenceFromFirst, maxEquity: base.maxEquity };
  });
}

/**
 * The plan's equity in words, for the board: the year it goes below zero,
 * the years above the recommended maximum, or that it stays between them.
 */
export function equityOutcome(plan: ScenarioPlan): Message {
  const below = plan.years.find((y) => y.closingEquity.lessThan(ZERO));
  const above = plan.years.filter((y) => y.closingEquity.greaterThan(y.maxEquity));
  const name = plan.scenario.name;
  const parts: Message[] = [];
  if (below) {
    parts.push(
      message(
        `Eget kapital tar slut under ${below.year}: ${formatKr(below.closingEquity)} vid årets slut.`,
        `Equity runs out during ${below.year}: ${formatKr(below.closingEquity, "en")} at the end of the year.`,
      ),
    );
  }
  if (above.length > 0) {
    const years = above.map((y) => y.year).join(", ");
    const first = above[0]!;
    parts.push(
      message(
        `Eget kapital är över rekommenderad nivå ${years} (${first.year}: ${formatKr(first.closingEquity)} mot högst ${formatKr(first.maxEquity)}).`,
        `Equity is above the recommended level in ${years} (${first.year}: ${formatKr(first.closingEquity, "en")} against at most ${formatKr(first.maxEquity, "en")}).`,
      ),
    );
  }
  if (parts.length === 0) {
    const last = plan.years[plan.years.length - 1];
    parts.push(
      message(
        `Eget kapital håller sig mellan noll och rekommenderad nivå hela planen${last ? ` (${formatKr(last.closingEquity)} vid slutet av ${last.year})` : ""}.`,
        `Equity stays between zero and the recommended level throughout the plan${last ? ` (${formatKr(last.closingEquity, "en")} at the end of ${last.year})` : ""}.`,
      ),
    );
  }
  return message(`${name}: ${parts.map((p) => p.sv).join(" ")}`, `${name}: ${parts.map((p) => p.en).join(" ")}`);
}

/** Scenarios as plain JSON (amounts as decimal strings), for keeping them in the workbook. */
export function scenariosToJson(scenarios: readonly Scenario[]): string {
  return JSON.stringify(scenarios, (_key, value: unknown) =>
    Decimal.isDecimal(value) ? (value as Decimal).toFixed() : value,
  );
}

/** Reads scenarios back from scenariosToJson; undefined where the text is not such a list. */
export function scenariosFromJson(text: string): Scenario[] | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(raw)) return undefined;
  const scenarios: Scenario[] = [];
  for (const item of raw) {
    const s = readScenario(item);
    if (!s) return undefined;
    scenarios.push(s);
  }
  return scenarios;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const decimal = (v: unknown): Decimal | undefined => {
  if (typeof v !== "string" && typeof v !== "number") return undefined;
  try {
    const d = new Decimal(v);
    return d.isFinite() ? d : undefined;
  } catch {
    return undefined;
  }
};
const byYear = (v: unknown): Record<number, Decimal> | undefined => {
  if (v === undefined) return {};
  if (!isObject(v)) return undefined;
  const out: Record<number, Decimal> = {};
  for (const [year, amount] of Object.entries(v)) {
    const d = decimal(amount);
    if (!d || !/^\d{4}$/.test(year)) return undefined;
    out[Number(year)] = d;
  }
  return out;
};

function readScenario(v: unknown): Scenario | undefined {
  if (!isObject(v) || typeof v.id !== "string" || typeof v.name !== "string") return undefined;
  const c = v.contributions;
  const k = v.costs;
  if (!isObject(c) || !isObject(k)) return undefined;
  let contributions: Scenario["contributions"];
  if (c.kind === "sheet") contributions = { kind: "sheet" };
  else if (c.kind === "reduction") {
    const rate = decimal(c.rate);
    const rateByYear = byYear(c.rateByYear);
    const floor = c.stateFloor === undefined ? undefined : decimal(c.stateFloor);
    if (!rate || !rateByYear || (c.stateFloor !== undefined && !floor)) return undefined;
    contributions = { kind: "reduction", rate, rateByYear, ...(floor ? { stateFloor: floor } : {}) };
  } else return undefined;
  let costs: CostAssumption;
  if (k.kind === "sheet" || k.kind === "flat") costs = { kind: k.kind };
  else if (k.kind === "change" && decimal(k.rate)) costs = { kind: "change", rate: decimal(k.rate)! };
  else return undefined;
  const drawdown = byYear(v.plannedDrawdown);
  if (!drawdown) return undefined;
  return {
    id: v.id,
    name: v.name,
    contributions,
    costs,
    ...(Object.keys(drawdown).length > 0 ? { plannedDrawdown: drawdown } : {}),
  };
}

/** The built-in scenarios' names in each language; the user's own keep the name they were given. */
const BUILT_IN_NAMES: Readonly<Record<string, Message>> = {
  [SHEET_PLAN.id]: message("Enligt arket", "As in the sheet"),
  [WORST_CASE.id]: message("Värsta fall (statens del −10 % per år)", "Worst case (the state's half −10 % a year)"),
  [FOLLOW_UP_SCENARIO]: message("Prognosen för året", "The forecast for the year"),
};

/** A scenario's name in the reader's language. */
export function scenarioName(id: string, scenarios: readonly Scenario[], lang: Lang = "sv"): string {
  return BUILT_IN_NAMES[id]?.[lang] ?? scenarios.find((s) => s.id === id)?.name ?? id;
}

/** Several scenarios named in a sentence: "Enligt arket och Värsta fall (…)", "A, B and C". */
export function scenarioNames(ids: readonly string[], scenarios: readonly Scenario[], lang: Lang = "sv"): string {
  const names = ids.map((id) => scenarioName(id, scenarios, lang));
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} ${lang === "sv" ? "och" : "and"} ${names[names.length - 1]}`;
}

/**
 * A name for a scenario from its assumptions, for the board page before the user names it: the state's
 * change and the plan years it applies to, then what else differs from the worst case.
 * "Staten −15 % 2026–2027", "Staten −12 % 2026, −10 % 2027, golv 3 200 000 kr".
 */
export function proposedName(scenario: Scenario, planYears: readonly number[], lang: Lang = "sv"): string {
  const c = scenario.contributions;
  if (c.kind !== "reduction") return scenarioName(scenario.id, [scenario], lang);
  const percent = (rate: Decimal) => `${rate.isZero() ? "±" : "−"}${formatNumber(rate.times(100), lang, 1)} %`;
  const rates = planYears.map((year) => ({ year, text: percent(c.rateByYear?.[year] ?? c.rate) }));
  const runs: { from: number; to: number; text: string }[] = [];
  for (const r of rates) {
    const last = runs[runs.length - 1];
    if (last && last.text === r.text) last.to = r.year;
    else runs.push({ from: r.year, to: r.year, text: r.text });
  }
  const span = (r: { from: number; to: number }) => (r.from === r.to ? `${r.from}` : `${r.from}–${r.to}`);
  const parts = [`${lang === "sv" ? "Staten" : "State"} ${runs.map((r) => `${r.text} ${span(r)}`).join(", ")}`];
  if (c.stateFloor) parts.push(`${lang === "sv" ? "golv" : "floor"} ${formatKr(c.stateFloor, lang)}`);
  const costs = scenario.costs;
  if (costs.kind === "flat") parts.push(lang === "sv" ? "kostnader oförändrade" : "costs unchanged");
  if (costs.kind === "change") {
    const sign = costs.rate.isNegative() ? "−" : "+";
    parts.push(
      `${lang === "sv" ? "kostnader" : "costs"} ${sign}${formatNumber(costs.rate.abs().times(100), lang, 1)} % ${lang === "sv" ? "per år" : "a year"}`,
    );
  }
  const drawdown = Object.entries(scenario.plannedDrawdown ?? {}).filter(([, d]) => !d.isZero());
  if (drawdown.length > 0)
    parts.push(
      `${lang === "sv" ? "uttag" : "drawdown"} ${drawdown.map(([y, d]) => `${formatKr(d, lang)} ${y}`).join(", ")}`,
    );
  return parts.join(", ");
}
