import {
  analyzeBudget,
  compareScenarios,
  Decimal,
  defaultSettings,
  equityOutcome,
  inputFromScenario,
  newScenario,
  projectPlan,
  proposedName,
  scenarioFromInput,
  scenariosFromJson,
  scenariosToJson,
  SHEET_PLAN,
  WORST_CASE,
  type Scenario,
} from "../../src/domain";
import { ornskoldsvik, samo, vastra } from "./budgets";

const d = (v: number | string) => new Decimal(v);
const kr = (v: Decimal) => v.toNumber();

describe("scenarios for the board", () => {
  it("Västra: a 12 % first plan year, then 10 %, and a floor of 3 200 000 kr for the state's half", () => {
    const scenario = scenarioFromInput({
      ...newScenario("tolv", "12 % första året, golv 3,2 Mkr"),
      stateChangeByYear: { 2026: d("-0.12") },
      stateFloor: d(3200000),
    });
    const plan = projectPlan(vastra(), scenario, defaultSettings({ planLength: 4 }));
    // Independently, in whole kronor: each year's half is the last one less the rate, rounded, but never below the floor.
    const halves = [4322000];
    for (const percent of [12, 10, 10, 10]) {
      const last = halves[halves.length - 1]!;
      const reduced = Math.round((last * (100 - percent)) / 100);
      halves.push(last <= 3200000 ? last : Math.max(reduced, 3200000));
    }
    expect(halves).toEqual([4322000, 3803360, 3423024, 3200000, 3200000]);
    expect(plan.map((y) => kr(y.split.state))).toEqual(halves);
    expect(plan.map((y) => kr(y.contributions))).toEqual(halves.map((h) => 2 * h));
    // Equity: 3 050 000 opening, costs held at 10 010 000 kr.
    let equity = 3050000;
    const closing = halves.map((h) => (equity += 2 * h - 10010000));
    expect(plan.map((y) => kr(y.closingEquity))).toEqual(closing);
  });

  it("Örnsköldsvik: the worst case 4 519,8 and 4 067,82 tkr, equity below zero during 2025, said in words", () => {
    const a = analyzeBudget(ornskoldsvik());
    const worst = a.plans.find((p) => p.scenario.id === "worst-case")!;
    expect(worst.years.map((y) => kr(y.contributions))).toEqual([5022000, 4519800, 4067820]);
    expect(equityOutcome(worst).sv).toBe(
      "Värsta fall (−10 % per år): Eget kapital tar slut under 2025: −132\u00a0200 kr vid årets slut.",
    );
    const sheet = a.plans.find((p) => p.scenario.id === "sheet")!;
    expect(equityOutcome(sheet).sv).toContain("håller sig mellan noll och rekommenderad nivå hela planen");
  });

  it("SAMO: the worst case reproduces the seed's own plan, and equity above the maximum in 2023 is called out", () => {
    const a = analyzeBudget(samo());
    const worst = a.plans.find((p) => p.scenario.id === "worst-case")!;
    expect(worst.years.map((y) => kr(y.contributions))).toEqual([17282000, 15553800, 13998420]);
    expect(equityOutcome(worst).sv).toContain(
      "över rekommenderad nivå 2023 (2023: 4\u00a0300\u00a0000 kr mot högst 3\u00a0456\u00a0400 kr)",
    );
  });

  it("a planned drawdown from equity adds to the year's costs", () => {
    const scenario = scenarioFromInput({
      ...newScenario("uttag", "Snabbare uttag"),
      plannedDrawdown: { 2024: d(500000), 2025: d(500000) },
    });
    const plan = projectPlan(samo(), scenario, defaultSettings());
    expect(plan.map((y) => [kr(y.costs), kr(y.plannedDrawdown), kr(y.closingEquity)])).toEqual([
      [18861000, 0, 4300000],
      [17653800, 500000, 2200000],
      [15498420, 500000, 700000],
    ]);
  });

  it("costs held flat, or changed by a per cent a year", () => {
    const flat = projectPlan(
      samo(),
      scenarioFromInput({ ...newScenario("f", "Flat"), costs: { kind: "flat" } }),
      defaultSettings(),
    );
    expect(flat.map((y) => kr(y.costs))).toEqual([18861000, 18861000, 18861000]);
    const cut = projectPlan(
      samo(),
      scenarioFromInput({ ...newScenario("c", "−5 %"), costs: { kind: "change", rate: d("-0.05") } }),
      defaultSettings(),
    );
    expect(cut.map((y) => kr(y.costs))).toEqual([18861000, 17917950, 17022053]);
  });

  it("compares up to three scenarios side by side with the differences per year", () => {
    const gentle = scenarioFromInput({ ...newScenario("mild", "−5 % per år"), stateChange: d("-0.05") });
    const settings = defaultSettings({
      scenarios: [WORST_CASE, gentle, SHEET_PLAN, { ...WORST_CASE, id: "fourth", name: "Fjärde" }],
    });
    const a = analyzeBudget(ornskoldsvik(), settings);
    const rows = compareScenarios(a.plans);
    expect(rows.map((r) => [r.year, Object.keys(r.closingEquity)])).toEqual([
      [2024, ["worst-case", "mild", "sheet"]],
      [2025, ["worst-case", "mild", "sheet"]],
      [2026, ["worst-case", "mild", "sheet"]],
    ]);
    // −5 %: 5 022 000 → 4 770 900 → 4 532 356 (the state's half 2 266 177,5 → 2 266 178, twice).
    expect(
      rows.map((r) => [kr(r.closingEquity.mild!), kr(r.differenceFromFirst.mild!), kr(r.differenceFromFirst.sheet!)]),
    ).toEqual([
      [370000, 0, 0],
      [118900, 251100, 502200],
      [-370744, 715636, 1456380],
    ]);
  });

  it("the form's change (−12 %) is the engine's reduction rate (0,12), and back", () => {
    const input = { ...newScenario("x", "X"), stateChangeByYear: { 2026: d("-0.12") } };
    const scenario = scenarioFromInput(input);
    expect(scenario.contributions.kind === "reduction" && scenario.contributions.rateByYear?.[2026]?.toNumber()).toBe(
      0.12,
    );
    expect(inputFromScenario(scenario)!.stateChangeByYear[2026]!.toNumber()).toBe(-0.12);
    expect(inputFromScenario(SHEET_PLAN)).toBeUndefined();
  });

  it("a rise in the state's allocation is outside 0–100 % and refused with INPUT_SETTING", () => {
    const up = scenarioFromInput({ ...newScenario("upp", "Uppräkning"), stateChange: d("0.05") });
    const a = analyzeBudget(samo(), defaultSettings({ scenarios: [up] }));
    expect(a.findings.map((f) => f.code)).toContain("INPUT_SETTING");
    expect(a.plans).toEqual([]);
  });

  it("scenarios survive JSON, exactly", () => {
    const scenarios: Scenario[] = [
      scenarioFromInput({
        ...newScenario("a", "Tolv procent"),
        stateChangeByYear: { 2026: d("-0.12") },
        stateFloor: d(3200000),
        costs: { kind: "change", rate: d("-0.025") },
        plannedDrawdown: { 2027: d("250000.5") },
      }),
      SHEET_PLAN,
    ];
    const back = scenariosFromJson(scenariosToJson(scenarios))!;
    expect(scenariosToJson(back)).toBe(scenariosToJson(scenarios));
    expect(back[0]!.plannedDrawdown?.[2027]?.toFixed()).toBe("250000.5");
    expect(scenariosFromJson("inte json")).toBeUndefined();
    expect(scenariosFromJson('[{"id":"x"}]')).toBeUndefined();
  });
});

describe("a change of 0 %", () => {
  it("is a rate of 0, and the state's half is held", () => {
    const held = scenarioFromInput({
      ...newScenario("noll", "Oförändrat"),
      stateChange: d(0),
      stateChangeByYear: { 2025: d("-0") },
    });
    const a = analyzeBudget(ornskoldsvik(), defaultSettings({ scenarios: [held] }));
    expect(a.findings.filter((f) => f.code === "INPUT_SETTING")).toEqual([]);
    expect(a.plans[0]!.years.map((y) => kr(y.contributions))).toEqual([5022000, 5022000, 5022000]);
  });
});

describe("a scenario's name proposed from its assumptions (the board page names every scenario)", () => {
  const NB = "\u00a0";
  const of = (input: Partial<Parameters<typeof scenarioFromInput>[0]>) =>
    scenarioFromInput({ ...newScenario("x", ""), ...input });

  it("the state's change over the plan years", () => {
    expect(proposedName(of({ stateChange: d("-0.15") }), [2026, 2027])).toBe("Staten −15 % 2026–2027");
    expect(proposedName(of({ stateChange: d("-0.15") }), [2026, 2027], "en")).toBe("State −15 % 2026–2027");
    expect(proposedName(of({ stateChangeByYear: { 2026: d("-0.12") } }), [2026, 2027])).toBe(
      "Staten −12 % 2026, −10 % 2027",
    );
    expect(proposedName(of({ stateChange: d(0) }), [2026, 2027])).toBe("Staten ±0 % 2026–2027");
  });

  it("and what else differs: a floor, the costs, a drawdown", () => {
    expect(
      proposedName(
        of({
          stateFloor: d(3200000),
          costs: { kind: "change", rate: d("0.02") },
          plannedDrawdown: { 2027: d(250000) },
        }),
        [2026, 2027],
      ),
    ).toBe(`Staten −10 % 2026–2027, golv 3${NB}200${NB}000 kr, kostnader +2 % per år, uttag 250${NB}000 kr 2027`);
    expect(proposedName(of({ costs: { kind: "flat" } }), [2026])).toBe("Staten −10 % 2026, kostnader oförändrade");
  });
});
