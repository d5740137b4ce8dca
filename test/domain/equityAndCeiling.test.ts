import {
  analyzeBudget,
  checkBudgetCeiling,
  checkEquity,
  checkFollowUp,
  checkTotals,
  Decimal,
  defaultSettings,
  maxEquity,
  targetBand,
  type Analysis,
  type EquityStep,
  type PlanYear,
} from "../../src/domain";
import { budget, member, samo, vastra } from "./budgets";

const d = (v: number | string) => new Decimal(v);
const kr = (v: Decimal | undefined) => v?.toNumber();
const codes = (a: Analysis, scenario?: string) =>
  a.findings.filter((f) => f.scenario === scenario).map((f) => `${f.code}:${f.severity}:${f.year}`);

function planYear(
  parts: Partial<Record<"contributions" | "otherIncome" | "costs" | "openingEquity" | "maxEquity", number>>,
): PlanYear {
  const contributions = d(parts.contributions ?? 1000000);
  const otherIncome = d(parts.otherIncome ?? 0);
  const costs = d(parts.costs ?? 1000000);
  const opening = d(parts.openingEquity ?? 0);
  const result = contributions.plus(otherIncome).minus(costs);
  return {
    year: 2025,
    scenario: "worst-case",
    contributions,
    split: { total: contributions, state: d(0), fk: d(0), af: d(0), region: d(0), kommuner: d(0) },
    kommunAmounts: [],
    otherIncome,
    costs,
    plannedDrawdown: d(0),
    result,
    openingEquity: opening,
    closingEquity: opening.plus(result),
    maxEquity: d(parts.maxEquity ?? contributions.times("0.2").toNumber()),
  };
}

describe("Rule 4: equity", () => {
  it("the recommended maximum is 20 % of the year's contributions by default", () => {
    expect(kr(maxEquity(defaultSettings().equityStaircase, d(15553800)))).toBe(3110760);
    expect(kr(maxEquity(defaultSettings().equityStaircase, d(5022000)))).toBe(1004400);
  });

  it("takes the staircase step that holds the förbund's size", () => {
    const staircase: EquityStep[] = [
      { from: d(0), to: d(5000000), maxPercent: d(30) },
      { from: d(5000000), to: d(10000000), maxPercent: d(25) },
      { from: d(10000000), maxPercent: d(20) },
    ];
    expect([4999999, 5000000, 8644000, 10000000, 17282000].map((t) => kr(maxEquity(staircase, d(t))))).toEqual([
      // 30 % of 4 999 999 kr is 1 499 999,7 kr: whole kronor, halves up, as ROUND(…;0) on Finsam-kontroll.
      1500000, 1250000, 2161000, 2000000, 3456400,
    ]);
  });

  it("a target band: Centrala Östergötland's 1,8 Mkr ± 20 % is 1 440 000–2 160 000 kr", () => {
    const band = targetBand(d(1800000), d("0.2"));
    expect([kr(band.min), kr(band.max)]).toEqual([1440000, 2160000]);
    const year = { year: 2025, contributions: d(13399500), maxEquity: d(2679900) };
    expect(checkEquity({ ...year, closingEquity: d(1811368) }, band, undefined, undefined)).toEqual([]);
    const low = checkEquity({ ...year, closingEquity: d(1400000) }, band, undefined, undefined);
    expect(low.map((f) => [f.code, f.severity, kr(f.expected), kr(f.actual)])).toEqual([
      ["EQUITY_OUTSIDE_TARGET", "warning", 1440000, 1400000],
    ]);
  });

  it("closing equity below zero is an error; exactly zero is not", () => {
    const year = { year: 2025, contributions: d(1000000), maxEquity: d(200000) };
    expect(checkEquity({ ...year, closingEquity: d(0) }, undefined, undefined, undefined)).toEqual([]);
    const negative = checkEquity({ ...year, closingEquity: d(-1) }, undefined, "sheet", { sheet: "S", cell: "B9" });
    expect(negative).toMatchObject([
      { code: "EQUITY_NEGATIVE", severity: "error", sheet: "S", cell: "B9", scenario: "sheet" },
    ]);
  });

  it("above the maximum is a warning that says the cap no longer protects", () => {
    const [f] = checkEquity(
      { year: 2023, contributions: d(17282000), maxEquity: d(3456400), closingEquity: d(4300000) },
      undefined,
      undefined,
      undefined,
    );
    expect(f).toMatchObject({ code: "EQUITY_ABOVE_MAX", severity: "warning" });
    expect(f!.message.sv).toContain("20 % × 17\u00a0282\u00a0000 kr = 3\u00a0456\u00a0400 kr");
    expect(f!.message.sv).toContain("tioprocentsspärren skyddar inte");
  });
});

describe("Rule 5: the budget ceiling", () => {
  it("costs above income + opening equity cannot be financed", () => {
    const [f] = checkBudgetCeiling(
      planYear({ contributions: 4519800, costs: 5022000, openingEquity: 370000, maxEquity: 903960 }),
      undefined,
    );
    expect([f!.code, f!.severity, kr(f!.expected), kr(f!.actual)]).toEqual([
      "CEILING_EXCEEDED",
      "error",
      4889800,
      5022000,
    ]);
    expect(f!.message.sv).toContain("132\u00a0200 kr kan inte finansieras");
  });

  it("a deficit drawing down equity above the recommended level is information (synnerliga skäl)", () => {
    const f = checkBudgetCeiling(
      planYear({ contributions: 8644000, costs: 10010000, openingEquity: 3050000, maxEquity: 1728800 }),
      undefined,
    );
    expect(f.map((x) => [x.code, x.severity])).toEqual([["DEFICIT_JUSTIFIED", "info"]]);
  });

  it("a deficit while equity is at or below that level is a warning", () => {
    const atMax = checkBudgetCeiling(
      planYear({ contributions: 1000000, costs: 1100000, openingEquity: 200000, maxEquity: 200000 }),
      undefined,
    );
    expect(atMax.map((x) => [x.code, x.severity])).toEqual([["DEFICIT_UNJUSTIFIED", "warning"]]);
  });

  it("a balanced year or a surplus is no finding", () => {
    expect(checkBudgetCeiling(planYear({ contributions: 1000000, costs: 1000000 }), undefined)).toEqual([]);
    expect(
      checkBudgetCeiling(planYear({ contributions: 1000000, otherIncome: 70000, costs: 1050000 }), undefined),
    ).toEqual([]);
  });

  it("a line whose outcome or forecast exceeds its budget is a warning on that cell; the total forecast above the frame an error", () => {
    const ref = (cell: string) => ({ sheet: "Uppföljning", cell });
    const b = budget({
      budgetYear: 2025,
      members: [],
      followUp: [
        {
          label: "Kansli",
          year: 2025,
          budget: { value: d(1600000) },
          outcome: { value: d(1200000), ref: ref("C2") },
          forecast: { value: d(1700000), ref: ref("D2") },
        },
        {
          label: "Försteg",
          year: 2025,
          budget: { value: d(2700000) },
          forecast: { value: d(2700000), ref: ref("D3") },
        },
        { label: "Fontänhus", year: 2025, budget: { value: d(500000) }, outcome: { value: d(550000), ref: ref("C4") } },
      ],
      budgetFrame: { value: d(4800000), ref: ref("B10") },
    });
    expect(checkFollowUp(b).map((f) => [f.code, f.severity, f.cell, kr(f.expected), kr(f.actual)])).toEqual([
      ["LINE_OVER_BUDGET", "warning", "D2", 1600000, 1700000],
      ["LINE_OVER_BUDGET", "warning", "C4", 500000, 550000],
      ["CEILING_EXCEEDED", "error", "B10", 4800000, 4950000],
    ]);
  });

  it("a total that is not the sum of its lines is a warning; under a krona is not", () => {
    const ref = { sheet: "Långtidsbudget", cell: "B14" };
    const parts = [501227, 3307880, 335991, 175403, 4320500, 4320500, 4320500, 70000].map((v) => ({ value: d(v) }));
    const b = budget({
      budgetYear: 2023,
      members: [],
      sums: [
        { label: "Summa intäkter", year: 2023, stated: { value: d(17352000), ref }, parts },
        { label: "Summa kostnader", year: 2023, stated: { value: d("100.4") }, parts: [{ value: d(100) }] },
      ],
    });
    expect(checkTotals(b).map((f) => [f.code, f.severity, f.cell, kr(f.expected), kr(f.actual)])).toEqual([
      ["TOTAL_MISMATCH", "warning", "B14", 17352001, 17352000],
    ]);
  });
});

describe("the whole analysis", () => {
  it("SAMO: the seed's plan draws down equity above the maximum until 2025, then without synnerliga skäl", () => {
    const a = analyzeBudget(samo());
    // The drawdown row 1 509 000 kr is one krona more than the deficit the sheet's own rows give.
    expect(codes(a)).toEqual(["SHARE_SUM:info:2023", "SHARE_DEVIATION:info:2023", "DRAWDOWN_MISMATCH:info:2023"]);
    expect(codes(a, "sheet")).toEqual([
      "EQUITY_ABOVE_MAX:warning:2023",
      "DEFICIT_UNJUSTIFIED:warning:2025",
      "DEFICIT_JUSTIFIED:info:2023",
      "DEFICIT_JUSTIFIED:info:2024",
    ]);
    expect(codes(a, "worst-case")).toEqual([
      "EQUITY_ABOVE_MAX:warning:2023",
      "DEFICIT_UNJUSTIFIED:warning:2025",
      "DEFICIT_JUSTIFIED:info:2023",
      "DEFICIT_JUSTIFIED:info:2024",
    ]);
  });

  it("Västra: five share warnings and a justified drawdown of 1 366 000 kr in 2025", () => {
    const a = analyzeBudget(vastra());
    const sheet = a.plans.find((p) => p.scenario.id === "sheet")!;
    expect(sheet.years.map((y) => [y.year, kr(y.closingEquity)])).toEqual([
      [2025, 1684000],
      [2026, 318000],
      [2027, -1048000],
    ]);
    expect(codes(a, undefined).filter((c) => c.startsWith("SHARE_DEVIATION"))).toHaveLength(5);
    expect(a.findings.some((f) => f.code === "DRAWDOWN_MISMATCH")).toBe(false);
  });

  it("keeps every finding's cell, and sorts errors before warnings before information", () => {
    const a = analyzeBudget(vastra());
    const order = a.findings.map((f) => ({ error: 0, warning: 1, info: 2 })[f.severity]);
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(a.findings.filter((f) => f.code.startsWith("SHARE")).every((f) => f.sheet && f.cell)).toBe(true);
  });

  it("a member with no row for a plan year is simply not checked that year", () => {
    const b = budget({
      budgetYear: 2025,
      members: [
        member("Staten genom FK", "stat", "S", { 2025: 4322000, 2026: 3889800 }),
        member("Region", "region", "S", { 2025: 2161000 }),
        member("Motala kommun", "kommun", "S", { 2025: 2161000 }, 43674),
      ],
      costs: [{ label: "Kostnader", amounts: new Map([[2025, { value: d(8644000) }]]) }],
      openingEquity: { value: d(0) },
      planYears: [2026],
    });
    const a = analyzeBudget(b);
    expect(
      a.members.filter((m) => m.year === 2026).map((m) => [m.name, kr(m.sheetAmount?.value), kr(m.computedAmount)]),
    ).toEqual([
      ["Staten genom FK", 3889800, 3889800],
      ["Region", undefined, 1944900],
      ["Motala kommun", undefined, 1944900],
    ]);
  });
});
