import fc from "fast-check";
import {
  analyzeBudget,
  Decimal,
  defaultSettings,
  WORST_CASE,
  type Analysis,
  type Budget,
  type Settings,
} from "../../src/domain";
import { budget, member, samo, vastra } from "./budgets";

const d = (v: number | string) => new Decimal(v);
const input = (a: Analysis) =>
  a.findings.filter((f) => f.code.startsWith("INPUT_")).map((f) => [f.code, f.severity, f.cell]);

function withKommun(
  b: Budget,
  name: string,
  change: (m: Budget["members"][number]) => Budget["members"][number],
): Budget {
  return { ...b, members: b.members.map((m) => (m.name === name ? change(m) : m)) };
}

describe("bad input gives INPUT_* findings, never an exception or a wrong number", () => {
  it("no members at all", () => {
    const a = analyzeBudget(budget({ budgetYear: 2025, members: [] }));
    expect(input(a)).toEqual([["INPUT_NO_MEMBERS", "error", undefined]]);
    expect(a.members).toEqual([]);
    expect(a.plans).toEqual([]);
  });

  it("no kommuner: the parties are still checked, no kommun share is invented", () => {
    const b = vastra();
    const a = analyzeBudget({ ...b, members: b.members.filter((m) => m.party !== "kommun") });
    expect(input(a)).toEqual([["INPUT_NO_KOMMUN", "error", undefined]]);
    expect(a.members.map((m) => m.party)).toEqual(["stat", "region"]);
    expect(a.plans.length).toBe(2);
  });

  it.each([0, -5])("a population of %d names the cell and computes no kommun share", (population) => {
    const b = withKommun(samo(), "Söderköpings kommun", (m) => ({
      ...m,
      population: { value: d(population), ref: { sheet: "Befolkning", cell: "B4" } },
    }));
    const a = analyzeBudget(b);
    expect(input(a)).toEqual([["INPUT_POPULATION", "error", "B4"]]);
    expect(a.members.some((m) => m.party === "kommun")).toBe(false);
    expect(a.findings.some((f) => f.code === "SHARE_DEVIATION")).toBe(false);
    expect(a.findings.find((f) => f.code === "INPUT_POPULATION")!.message.sv).toContain("Söderköpings kommun");
  });

  it("a missing population under the population key", () => {
    const b = withKommun(vastra(), "Motala kommun", ({ population: _p, ...m }) => ({
      ...m,
      nameRef: { sheet: "Budget 2025", cell: "A16" },
    }));
    expect(input(analyzeBudget(b))).toEqual([["INPUT_POPULATION", "error", "A16"]]);
  });

  it("a fixed key that misses a kommun", () => {
    const settings = defaultSettings({ kommunKey: { kind: "fixed", percents: { "Motala kommun": d(100) } } });
    const codes = input(analyzeBudget(vastra(), settings)).map(([code]) => code);
    expect(codes).toEqual(["INPUT_KEY", "INPUT_KEY", "INPUT_KEY", "INPUT_KEY"]);
  });

  it("a negative contribution", () => {
    const b = withKommun(vastra(), "Mjölby kommun", (m) => ({
      ...m,
      amounts: new Map([[2025, { value: d(-676393), ref: { sheet: "Budget 2025", cell: "B17" } }]]),
    }));
    const a = analyzeBudget(b);
    expect(input(a)).toEqual([["INPUT_NEGATIVE_AMOUNT", "error", "B17"]]);
  });

  it.each(["-0.1", "1.5"])("a rate of %s is outside 0–100 %%", (rate) => {
    const settings: Settings = defaultSettings({
      scenarios: [{ ...WORST_CASE, contributions: { kind: "reduction", rate: d(rate) } }],
    });
    const a = analyzeBudget(samo(), settings);
    expect(input(a)).toEqual([["INPUT_SETTING", "error", undefined]]);
    expect(a.plans).toEqual([]);
    expect(a.findings.find((f) => f.code === "INPUT_SETTING")!.message.sv).toMatch(/utanför 0–100 %/);
  });

  it("a rate for one year outside 0–100 % and other broken settings", () => {
    const settings: Settings = defaultSettings({
      planLength: -1,
      equityStaircase: [{ from: d(0), maxPercent: d(120) }],
      equityTarget: { min: d(2), max: d(1) },
      scenarios: [
        {
          ...WORST_CASE,
          contributions: { kind: "reduction", rate: d("0.1"), rateByYear: { 2024: d(2) }, stateFloor: d(-1) },
        },
      ],
    });
    expect(input(analyzeBudget(samo(), settings))).toHaveLength(5);
  });

  it("a budget year with no contributions, and one with no costs", () => {
    const b = samo();
    const noYear = analyzeBudget({ ...b, budgetYear: 2022 });
    expect(input(noYear).map(([code]) => code)).toEqual(["INPUT_MISSING_YEAR", "INPUT_MISSING_YEAR"]);
    expect(noYear.plans).toEqual([]);
    const noCosts = analyzeBudget({ ...b, costs: [], costTotal: undefined });
    expect(input(noCosts).map(([code]) => code)).toEqual(["INPUT_MISSING_YEAR"]);
    expect(noCosts.plans).toEqual([]);
    expect(noCosts.members.length).toBeGreaterThan(0);
  });

  it("no state rows: T from the stated total, with a warning", () => {
    const b = vastra();
    const a = analyzeBudget({ ...b, members: b.members.filter((m) => m.party !== "stat") });
    expect(input(a)).toEqual([["INPUT_NO_STATE", "warning", undefined]]);
    expect(a.splits[0]!.split.total.toNumber()).toBe(8644000);
  });

  it("no opening equity: a warning, and the plan starts from 0 kr", () => {
    const { openingEquity: _e, ...b } = vastra();
    const a = analyzeBudget(b);
    expect(input(a)).toEqual([["INPUT_NO_EQUITY", "warning", undefined]]);
    expect(a.plans[0]!.years[0]!.openingEquity.toNumber()).toBe(0);
  });

  it("two rows for the region", () => {
    const b = vastra();
    const extra = {
      ...member("Region Östergötland (extra)", "region", "Budget 2025", { 2025: 1 }),
      nameRef: { sheet: "Budget 2025", cell: "A22" },
    };
    expect(input(analyzeBudget({ ...b, members: [...b.members, extra] }))).toEqual([
      ["INPUT_DUPLICATE_PARTY", "warning", "A22"],
    ]);
  });

  it("never throws on random members, populations, amounts and rates (property)", () => {
    const amount = fc.oneof(
      fc.integer({ min: -1_000_000, max: 100_000_000 }),
      fc.double({ min: -1e6, max: 1e8, noNaN: true }),
    );
    const kommun = fc.record({ pop: fc.integer({ min: -10, max: 200_000 }), amount });
    fc.assert(
      fc.property(
        fc.array(kommun, { maxLength: 12 }),
        amount,
        amount,
        fc.double({ min: -1, max: 2, noNaN: true }),
        fc.option(amount),
        (kommuner, state, costs, rate, equity) => {
          const b = budget({
            budgetYear: 2025,
            members: [
              member("Staten", "stat", "S", { 2025: state }),
              ...kommuner.map((k, i) => member(`K${i}`, "kommun", "S", { 2025: k.amount }, k.pop)),
            ],
            costs: [{ label: "Kostnader", amounts: new Map([[2025, { value: d(costs) }]]) }],
            ...(equity !== null ? { openingEquity: { value: d(equity) } } : {}),
          });
          const settings = defaultSettings({
            scenarios: [{ ...WORST_CASE, contributions: { kind: "reduction", rate: d(rate) } }],
          });
          const a = analyzeBudget(b, settings);
          // Whatever comes in, the kommun shares that are computed sum to the quarter.
          for (const s of a.splits) {
            const kommunSum = a.members
              .filter((m) => m.party === "kommun" && m.year === s.year)
              .reduce((acc, m) => acc.plus(m.computedAmount), d(0));
            if (a.members.some((m) => m.party === "kommun") && !kommunSum.equals(s.split.kommuner)) return false;
          }
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("amounts that are not whole kronor", () => {
  it("a state's half of 2 511 000,4 kr gives an INPUT_AMOUNT warning on its cell, and no share check that year", () => {
    const b = budget({
      budgetYear: 2024,
      members: [
        member("Försäkringskassan/Arbetsförmedlingen", "stat", "S", { 2024: [2511000.4, "B7"] }),
        member("Örnsköldsviks Kommun", "kommun", "S", { 2024: [1255500, "B6"] }, 55000),
      ],
      costs: [{ label: "Kostnader", amounts: new Map([[2024, { value: d(5022000) }]]) }],
      openingEquity: { value: d(370000) },
    });
    const a = analyzeBudget(b);
    expect(input(a)).toEqual([["INPUT_AMOUNT", "warning", "B7"]]);
    expect(a.members).toEqual([]);
    expect(a.plans.find((p) => p.scenario.id === "worst-case")!.years.map((y) => y.contributions.toNumber())).toEqual([
      5022000.8,
      4519800,
      4067820, // 2 511 000,4 × 0,9 = 2 259 900,36 → 2 259 900
    ]);
  });
});
