import { locateBudget } from "../../src/read/locate";
import { costsIn, otherIncomeIn, type Budget } from "../../src/domain";
import { located, vastraPopulation } from "./located";
import type { CellValue, GridSheet } from "../../src/grid";
import { grid, sheet } from "../grid/gridBuilder";

/** Västra Östergötland 2025 (DOMAIN.md Rule 2): the budget year on a sheet of its own. */
const budget2025 = sheet("Budget 2025", [
  ["Samordningsförbundet Västra Östergötland: budget 2025 (kr)"],
  [null, "Budget 2025"],
  ["Intäkter"],
  ["Staten genom FK", 4_322_000],
  ["Region Östergötland", 2_161_000],
  ["Motala kommun", 1_045_270],
  ["Mjölby kommun", 676_575],
  ["Vadstena kommun", 180_171],
  ["Boxholms kommun", 131_921],
  ["Ödeshögs kommun", 127_063],
  ["Kostnader"],
  ["Kansli", 1_600_000],
  ["Insatser", 8_000_000],
  ["Summa kostnader", 9_600_000],
  ["Eget kapital vid årets början", 3_080_000],
]);

const population = vastraPopulation;

/** The plan years 2026–2027 (state −10 % a year, DOMAIN.md Rule 3), members as the budget sheet names them. */
const planRows = (members: readonly (readonly CellValue[])[]): CellValue[][] => [
  ["Flerårsplan 2026–2027 (kr)"],
  [null, "Plan 2026", "Plan 2027"],
  ["Intäkter"],
  ...members.map((m) => [...m]),
  ["Kostnader"],
  ["Kansli", 1_600_000, 1_550_000],
  ["Insatser", 7_000_000, 6_500_000],
];

const vastraMembers: CellValue[][] = [
  ["Staten genom FK", 3_889_800, 3_500_820],
  ["Region Östergötland", 1_944_900, 1_750_410],
  ["Motala kommun", 940_743, 846_669],
  ["Mjölby kommun", 608_918, 548_026],
  ["Vadstena kommun", 162_154, 145_938],
  ["Boxholms kommun", 118_729, 106_856],
  ["Ödeshögs kommun", 114_356, 102_921],
];

const read = (...sheets: GridSheet[]): Budget => located(locateBudget(grid(sheets))).budget;

describe("a plan on a sheet of its own", () => {
  it("joins the budget when its members are the budget's: their plan-year amounts and the plan sheet's lines", () => {
    const budget = read(budget2025, sheet("Flerårsplan", planRows(vastraMembers)), population);
    expect([budget.budgetYear, budget.planYears]).toEqual([2025, [2026, 2027]]);
    const motala = budget.members.find((m) => m.name === "Motala kommun")!;
    expect([
      motala.amounts.get(2025)?.ref,
      motala.amounts.get(2026)?.ref,
      motala.amounts.get(2027)?.value.toNumber(),
    ]).toEqual([{ sheet: "Budget 2025", cell: "B6" }, { sheet: "Flerårsplan", cell: "B6" }, 846_669]);
    expect([2025, 2026, 2027].map((y) => costsIn(budget, y)?.toNumber())).toEqual([9_600_000, 8_600_000, 8_050_000]);
  });

  it("with no members of its own, joins when its formulas point at the budget sheet, and not otherwise", () => {
    const costsOnly = (formulas?: Record<string, [string, CellValue]>) =>
      sheet("Plan", planRows([]), formulas ? { formulas } : {});
    const linked = read(budget2025, costsOnly({ B8: ["='Budget 2025'!B12*1.05", 7_000_000] }), population);
    expect([linked.planYears, costsIn(linked, 2027)?.toNumber()]).toEqual([[2026, 2027], 8_050_000]);
    const unlinked = read(budget2025, costsOnly(), population);
    expect(unlinked.planYears).toEqual([]);
  });

  it("never joins another förbund's sheet: other kommuner are other members", () => {
    const other = planRows([
      ["Försäkringskassan", 1_000_000, 900_000],
      ["Region Västernorrland", 1_000_000, 900_000],
      ["Sundsvalls kommun", 700_000, 630_000],
      ["Timrå kommun", 300_000, 270_000],
    ]);
    const budget = read(budget2025, sheet("Finsam Mitt", other), population);
    expect([budget.budgetYear, budget.planYears, budget.members.map((m) => m.name)]).toEqual([
      2025,
      [],
      vastraMembers.map((m) => m[0]),
    ]);
  });
});

describe("members on one sheet, the result budget on another", () => {
  const members = sheet("Medlemsavgifter", [
    ["Medlemsavgifter 2026"],
    ["Medlem", "Budget 2026"],
    ["Staten genom FK", "3 889 800 kr"],
    ["Region Östergötland", "1 944 900 kr"],
    ["Motala kommun", "941 496 kr"],
    ["Mjölby kommun", "612 982 kr"],
    ["Vadstena kommun", "160 267 kr"],
    ["Boxholms kommun", "116 821 kr"],
    ["Ödeshögs kommun", "113 334 kr"],
    ["Summa kommuner", "1 944 900 kr"],
    ["Totalt", "7 779 600 kr"],
  ]);
  const result = sheet("Resultatbudget", [
    ["Resultatbudget 2026 (kr)"],
    [null, "Budget 2026"],
    ["Intäkter"],
    ["Tilldelning från förbundsmedlemmarna", 7_779_600],
    ["Ränteintäkter", 4_000],
    ["Kostnader"],
    ["Kansli", 1_550_000],
    ["Insatser", 6_554_000],
    ["Summa kostnader", 8_104_000],
    ["Årets resultat", -320_400],
    ["Eget kapital vid årets början", 1_684_000],
    ["Förändring av eget kapital", -320_400],
    ["Eget kapital vid årets slut", 1_363_600],
  ]);
  const pop2025 = sheet("Befolkning", [
    ["Kommun", "Invånare 2025-12-31"],
    ["Motala", 44012],
    ["Mjölby", 28655],
    ["Vadstena", 7492],
    ["Boxholm", 5461],
    ["Ödeshög", 5298],
  ]);

  it("a subtotal of the kommuner under the state and the region is no members' total; the Totalt below it is, and both add up", () => {
    const { budget, findings } = located(locateBudget(grid([members, result, pop2025])));
    expect(budget.statedContributionTotal?.get(2026)?.ref).toEqual({ sheet: "Medlemsavgifter", cell: "B11" });
    const sums = budget.sums.filter((s) => s.stated.ref?.sheet === "Medlemsavgifter");
    expect(sums.map((s) => [s.label, s.parts.length])).toEqual([
      ["Summa kommuner", 5],
      ["Totalt", 3],
    ]);
    expect(findings.filter((f) => f.code === "INPUT_SOURCES_DISAGREE")).toEqual([]);
  });

  it("an income line equal to the members' sum is their contributions, not other income; the equity's roll after the result is no cost", () => {
    const budget = read(members, result, pop2025);
    expect([otherIncomeIn(budget, 2026)?.toNumber(), costsIn(budget, 2026)?.toNumber()]).toEqual([4_000, 8_104_000]);
    expect(budget.costs.map((l) => l.label)).toEqual(["Kansli", "Insatser"]);
  });
});

describe("an overview that repeats the budget year beside the years to come", () => {
  /** Degerfors/Karlskoga 2022 (seed 002): the budget sheet names its year only in its title. */
  const budget2022 = sheet("Budget 2022", [
    ["Verksamhets- och budgetplan 2022"],
    [null, "kr"],
    ["Intäkter, kr"],
    ["Medlemsbidrag Försäkringskassa och Arbetsförmedlingen", 2_787_000],
    ["Medlemsbidrag Region Örebro län", 1_393_500],
    ["Medlemsbidrag Degerfors kommun", 327_812],
    ["Medlemsbidrag Karlskoga kommun", 1_065_688],
    ["Kostnader, kr"],
    ["Insatser", 5_009_000],
    ["Kansli", 989_000],
  ]);
  const overview = sheet(
    "Budgetöversikt",
    [
      ["Budgetöversikt för kommande år"],
      [null, "Budget 2022", "Prognos 2023", "Prognos 2024"],
      ["Intäkter"],
      ["Medlemsbidrag FK och AF", 2_787_000, 2_648_000, 2_515_000],
      ["Medlemsbidrag Region Örebro län", 1_393_500, 1_324_000, 1_257_500],
      ["Medlemsbidrag Degerfors kommun", 327_812, 311_436, 295_791],
      ["Medlemsbidrag Karlskoga kommun", 1_065_688, 1_012_564, 961_709],
      ["Kostnader"],
      ["Verksamhet", -5_998_000, -5_296_000, -5_030_000],
      ["Eget kapital vid årets början", 1_050_000],
    ],
    { formulas: { B4: ["='Budget 2022'!B4", 2_787_000] } },
  );
  const befolkning = sheet("Befolkning", [
    ["Kommun", "Invånare 2020-12-31"],
    ["Degerfors", 9358],
    ["Karlskoga", 30324],
  ]);

  it("gives the plan years from its Prognos columns, and the opening equity the budget sheet lacks", () => {
    const budget = read(budget2022, overview, befolkning);
    expect([budget.budgetYear, budget.planYears]).toEqual([2022, [2023, 2024]]);
    const karlskoga = budget.members.find((m) => m.name === "Medlemsbidrag Karlskoga kommun")!;
    expect([karlskoga.amounts.get(2022)?.ref?.sheet, karlskoga.amounts.get(2024)?.ref]).toEqual([
      "Budget 2022",
      { sheet: "Budgetöversikt", cell: "D7" },
    ]);
    expect([2022, 2023, 2024].map((y) => costsIn(budget, y)?.toNumber())).toEqual([5_998_000, 5_296_000, 5_030_000]);
    expect(budget.openingEquity?.ref).toEqual({ sheet: "Budgetöversikt", cell: "B10" });
  });
});

describe("two förbund in one workbook", () => {
  const other = sheet("Finsam Mitt", [
    ["Finsam Mitt (kr)"],
    [null, "Budget 2025"],
    ["Intäkter"],
    ["Försäkringskassan", 2_200_000],
    ["Arbetsförmedlingen", 2_200_000],
    ["Region Västernorrland", 2_200_000],
    ["Sundsvalls kommun", 1_825_000],
    ["Timrå kommun", 375_000],
    ["Kostnader"],
    ["Insatser", 8_800_000],
  ]);
  const otherPopulation = sheet("Befolkning Mitt", [
    ["Kommun", "Folkmängd 2024-12-31"],
    ["Sundsvall", 99_800],
    ["Timrå", 18_100],
  ]);
  const workbook = grid([budget2025, population, other, otherPopulation]);

  it("finds both; with none chosen the first is read and a warning names both and how to choose", () => {
    const first = located(locateBudget(workbook));
    expect([first.budgets.map((b) => b.sheet), first.chosen]).toEqual([["Budget 2025", "Finsam Mitt"], 0]);
    const said = first.findings.filter((f) => f.code === "INPUT_SEVERAL_BUDGETS");
    expect(said.map((f) => [f.severity, f.sheet, f.cell])).toEqual([["warning", "Budget 2025", "A1"]]);
    expect(said[0]!.message.sv).toContain("Välj budget i fönstret");
    expect(first.budget.members.map((m) => m.name)).toContain("Motala kommun");
  });

  it("reads the chosen one with its own population, and says nothing more", () => {
    const second = located(locateBudget(workbook, "Finsam Mitt"));
    expect(second.chosen).toBe(1);
    expect(second.budget.members.filter((m) => m.party === "kommun").map((m) => m.population?.ref?.sheet)).toEqual([
      "Befolkning Mitt",
      "Befolkning Mitt",
    ]);
    expect(second.findings.filter((f) => f.code === "INPUT_SEVERAL_BUDGETS")).toEqual([]);
  });
});
