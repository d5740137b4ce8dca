/**
 * One finding per fact (issue 22): a fact that several scenarios' plans share is said once and names
 * them; costs that cannot be financed and the negative equity they leave are one error; a plan year's
 * finding never stands on an input that is right as typed (the opening equity).
 */
import { analyzeBudget, FINDING_TITLES, findingTitle, scenarioNames, defaultSettings } from "../../src/domain";
import { samo, vastra } from "./budgets";

const NB = "\u00a0";

describe("Västra 2025", () => {
  const analysis = analyzeBudget(vastra());
  const errors = analysis.findings.filter((f) => f.severity === "error");

  it("has three errors, one a year that cannot be financed, each with its negative equity", () => {
    // Before: three CEILING_EXCEEDED and three EQUITY_NEGATIVE for the same three years.
    expect(errors.map((f) => [f.code, f.year, f.scenarios, f.actual!.toNumber(), f.expected!.toNumber()])).toEqual([
      ["CEILING_EXCEEDED", 2027, ["sheet"], 10_010_000, 8_962_000],
      ["CEILING_EXCEEDED", 2026, ["worst-case"], 10_010_000, 9_463_600],
      ["CEILING_EXCEEDED", 2027, ["worst-case"], 10_010_000, 6_455_240],
    ]);
    expect(errors[1]!.message.sv).toContain(
      `546${NB}400 kr kan inte finansieras, och eget kapital vid årets slut blir −546${NB}400 kr`,
    );
    expect(analysis.findings.some((f) => f.code === "EQUITY_NEGATIVE")).toBe(false);
  });

  it("says the budget year's deficit once, naming both scenarios, on the sheet's own result cell", () => {
    const deficit = analysis.findings.filter((f) => f.code === "DEFICIT_JUSTIFIED");
    expect(deficit.map((f) => [f.year, f.cell, f.scenarios])).toEqual([[2025, "B31", ["sheet", "worst-case"]]]);
    expect(scenarioNames(deficit[0]!.scenarios!, analysis.settings.scenarios)).toBe(
      "Enligt arket och Värsta fall (statens del −10 % per år)",
    );
  });

  it("puts no plan-year finding on the opening equity the user typed", () => {
    const opening = analysis.budget.openingEquity!.ref!;
    expect(analysis.findings.filter((f) => f.sheet === opening.sheet && f.cell === opening.cell)).toEqual([]);
    expect(analysis.findings.filter((f) => f.figure === "closingEquity" && f.cell)).toEqual([]);
  });
});

it("SAMO: equity above the maximum in 2023 is two facts where the scenarios' numbers differ by a krona", () => {
  const above = analyzeBudget(samo()).findings.filter((f) => f.code === "EQUITY_ABOVE_MAX");
  expect(above.map((f) => [f.year, f.scenarios, f.actual!.toNumber()])).toEqual([
    [2023, ["sheet"], 4_300_001],
    [2023, ["worst-case"], 4_300_000],
  ]);
});

describe("finding titles", () => {
  it("names every kind in Swedish and English, each title its own", () => {
    const titles = Object.values(FINDING_TITLES);
    for (const t of titles) expect(t.sv.length * t.en.length).toBeGreaterThan(0);
    expect(new Set(titles.map((t) => t.sv)).size).toBe(titles.length);
    expect(new Set(titles.map((t) => t.en)).size).toBe(titles.length);
  });

  it("reads as the issue asks", () => {
    expect(findingTitle("EQUITY_NEGATIVE")).toBe("Eget kapital tar slut");
    expect(findingTitle("CEILING_EXCEEDED")).toBe("Kostnaderna kan inte finansieras");
    expect(findingTitle("SHARE_DEVIATION")).toBe("Andelen avviker");
    expect(findingTitle("SHARE_DEVIATION", "en")).toBe("The share deviates");
    expect(findingTitle("SOMETHING_NEW")).toBe("SOMETHING_NEW");
  });

  it("names the scenarios in a sentence, the user's own as named", () => {
    const scenarios = [
      ...defaultSettings().scenarios,
      { ...defaultSettings().scenarios[1]!, id: "s1", name: "Staten −15 %" },
    ];
    expect(scenarioNames(["sheet", "worst-case", "s1"], scenarios, "en")).toBe(
      "As in the sheet, Worst case (the state's half −10 % a year) and Staten −15 %",
    );
  });
});
