import { readFile } from "node:fs/promises";
import { Decimal, followUp, lineForecast, type Budget, type Settings } from "../../src/domain";
import { analyzeGrid } from "../../src/app/analyzeGrid";
import { readGridFromBuffer } from "../../src/xlsx/readGrid";
import { EXAMPLE } from "../support/paths";

/** The utfall January–August 2025 that assets/exempel-bokforing.se holds, per line of the example budget. */
export const EXAMPLE_OUTCOME = new Map<string, Decimal>([
  ["Kansli 1.0", new Decimal(1200000)],
  ["Nätverk 2.4.1", new Decimal(2000000)],
  ["Försteg 4.0", new Decimal(1900000)],
  ["Digitaliseringscenter 4.2", new Decimal(780000)],
  ["Utbildning 11.1", new Decimal(40000)],
  ["Utveckling-struktur 11.7", new Decimal(240000)],
]);

async function example(): Promise<{ budget: Budget; settings: Settings }> {
  const result = analyzeGrid(await readGridFromBuffer(await readFile(EXAMPLE)));
  if (!result.ok) throw new Error(result.reason.sv);
  return { budget: result.analysis.budget, settings: result.analysis.settings };
}

describe("follow-up (Rule 6) on the example, by hand", () => {
  it("forecast per line: utfall × 12 / 8, the budget where nothing is spent, typed where typed", async () => {
    const { budget, settings } = await example();
    const f = followUp(budget, settings, {
      outcomes: EXAMPLE_OUTCOME,
      monthsElapsed: 8,
      typedForecasts: new Map([["Utbildning 11.1", new Decimal(95000)]]),
    });
    expect(
      f.rows.map((r) => [
        r.label,
        r.budget.value.toNumber(),
        r.outcome.toNumber(),
        r.forecast.toNumber(),
        r.method,
        r.deviation.toNumber(),
      ]),
    ).toEqual([
      ["Kansli 1.0", 1600000, 1200000, 1800000, "scaled", 200000], // 1 200 000 × 12 / 8
      ["Nätverk 2.4.1", 3260000, 2000000, 3000000, "scaled", -260000],
      ["Försteg 4.0", 2700000, 1900000, 2850000, "scaled", 150000],
      ["Digitaliseringscenter 4.2", 1190000, 780000, 1170000, "scaled", -20000],
      ["Fontänhus 6.1", 500000, 0, 500000, "budget", 0],
      ["Utbildning 11.1", 100000, 40000, 95000, "typed", -5000],
      ["Utveckling-struktur 11.7", 450000, 240000, 360000, "scaled", -90000],
    ]);
    expect(f.rows[0]!.deviationPercent?.toNumber()).toBe(0.125);
    // 1 800 000 + 3 000 000 + 2 850 000 + 1 170 000 + 500 000 + 95 000 + 360 000
    expect(f.total.forecast.toNumber()).toBe(9775000);
    expect(f.total.budget.toNumber()).toBe(9800000);
    expect(f.total.outcome.toNumber()).toBe(6160000);
    expect(f.total.deviation.toNumber()).toBe(-25000);
  });

  it("result and equity at year end: 8 644 000 + 15 000 − 9 740 000, on 3 050 000 opening", async () => {
    const { budget, settings } = await example();
    const f = followUp(budget, settings, { outcomes: EXAMPLE_OUTCOME, monthsElapsed: 8 });
    expect(f.total.forecast.toNumber()).toBe(9740000);
    expect(f.income.contributions.toNumber()).toBe(8644000);
    expect(f.income.other.toNumber()).toBe(15000);
    expect(f.result.toNumber()).toBe(-1081000);
    expect(f.closingEquity?.toNumber()).toBe(1969000);
    expect(f.maxEquity.toNumber()).toBe(1728800); // 20 % of 8 644 000
    expect(f.frame?.value.toNumber()).toBe(9800000);
    expect(f.findings.map((x) => [x.code, x.severity, x.cell, x.actual?.toNumber()])).toEqual([
      ["LINE_OVER_BUDGET", "warning", "B17", 1800000],
      ["LINE_OVER_BUDGET", "warning", "B19", 2850000],
      // About the forecast: on no input cell (B26, the opening equity, is typed right).
      ["EQUITY_ABOVE_MAX", "warning", undefined, 1969000],
    ]);
  });

  it("a forecast above the frame is CEILING_EXCEEDED, and equity below zero EQUITY_NEGATIVE", async () => {
    const { budget, settings } = await example();
    const outcomes = new Map(EXAMPLE_OUTCOME);
    outcomes.set("Nätverk 2.4.1", new Decimal(5000000)); // → 7 500 000, the total 14 240 000
    const f = followUp(budget, settings, { outcomes, monthsElapsed: 8 });
    expect(f.total.forecast.toNumber()).toBe(14240000);
    expect(f.closingEquity?.toNumber()).toBe(-2531000);
    const codes = f.findings.map((x) => [x.code, x.severity, x.cell]);
    expect(codes).toContainEqual(["CEILING_EXCEEDED", "error", "B24"]);
    expect(codes).toContainEqual(["EQUITY_NEGATIVE", "error", undefined]);
    // Utfall 5 000 000 is itself above the budget 3 260 000: both utfall and forecast are flagged.
    expect(f.findings.filter((x) => x.code === "LINE_OVER_BUDGET" && x.cell === "B18")).toHaveLength(2);
  });

  it("outcome on a label that is no cost line is listed, not dropped", async () => {
    const { budget, settings } = await example();
    const f = followUp(budget, settings, {
      outcomes: new Map([["Styrelse", new Decimal(12000)]]),
      monthsElapsed: 8,
    });
    expect(f.withoutLine.map((w) => [w.label, w.outcome.toNumber()])).toEqual([["Styrelse", 12000]]);
  });

  it.each([
    [100000, 0, 8, undefined, 100000, "budget"],
    [100000, 1, 3, undefined, 4, "scaled"],
    [100000, 50001, 8, undefined, 75002, "scaled"], // 75 001,5 rounds half up
    [100000, 50000, 8, 1, 1, "typed"],
  ])("lineForecast(%d, %d, %d months, typed %s) = %d by %s", (budget, outcome, months, typed, forecast, method) => {
    const r = lineForecast(
      new Decimal(budget),
      new Decimal(outcome),
      months,
      typed === undefined ? undefined : new Decimal(typed),
    );
    expect([r.forecast.toNumber(), r.method]).toEqual([forecast, method]);
  });

  // The user's choice in the pane wins over a typed forecast (the sheet's) and over the default.
  it.each([
    [100000, 50000, 8, 90000, { method: "typed" as const, amount: new Decimal(120000) }, 120000, "typed"],
    [100000, 50000, 8, 90000, { method: "budget" as const }, 100000, "budget"],
    [100000, 50000, 8, 90000, { method: "scaled" as const }, 75000, "scaled"],
    [100000, 0, 8, undefined, { method: "scaled" as const }, 0, "scaled"],
    [100000, 50000, 0, undefined, { method: "scaled" as const }, 100000, "budget"],
  ])(
    "lineForecast(%d, %d, %d months, typed %s, chosen %o) = %d by %s",
    (budget, outcome, months, typed, choice, forecast, method) => {
      const r = lineForecast(
        new Decimal(budget),
        new Decimal(outcome),
        months,
        typed === undefined ? undefined : new Decimal(typed),
        choice,
      );
      expect([r.forecast.toNumber(), r.method]).toEqual([forecast, method]);
    },
  );
});
