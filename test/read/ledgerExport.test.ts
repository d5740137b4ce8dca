import { locateBudget } from "../../src/read/locate";
import { costsIn, otherIncomeIn } from "../../src/domain";
import { located } from "./located";
import type { CellValue } from "../../src/grid";
import { grid, sheet } from "../grid/gridBuilder";

/** Degerfors/Karlskoga 2022 (seed 002) as a finance system exports it: one row per year and account. */
const exportRows = (sign: 1 | -1): CellValue[][] => {
  const rows: CellValue[][] = [
    ["Budgetrapport – export från ekonomisystemet, belopp i kr"],
    [],
    ["År", "Konto", "Kontobenämning", "Belopp"],
  ];
  const year = (y: number, t: number, costs: number) => {
    const half = t / 4;
    rows.push(
      [y, 3511, "Medlemsbidrag Försäkringskassan", sign * -half],
      [y, 3512, "Medlemsbidrag Arbetsförmedlingen", sign * -half],
      [y, 3513, "Medlemsbidrag Region Örebro län", sign * -half],
      [y, 3514, "Medlemsbidrag Degerfors kommun", sign * -Math.round((half * 9358) / 39682)],
      [y, 3515, "Medlemsbidrag Karlskoga kommun", sign * -(half - Math.round((half * 9358) / 39682))],
      [y, 8311, "Ränteintäkter", sign * -4_000],
      [y, 7010, "Löner", sign * costs * 0.25],
      [y, 4630, "Köpta tjänster, insatser", sign * costs * 0.75],
    );
  };
  year(2022, 5_574_000, 5_998_000);
  year(2023, 5_016_600, 5_016_000);
  return rows;
};

const summary = sheet(
  "Sammanställning",
  [
    ["Sammanställning (kr)"],
    [null, "Budget 2022"],
    ["Medlemsbidrag Försäkringskassan", 1_393_500],
    ["Medlemsbidrag Arbetsförmedlingen", 1_393_500],
    ["Eget kapital vid årets början", 1_200_000],
  ],
  {
    formulas: {
      B3: ["=-SUMIFS(Export!$D:$D,Export!$A:$A,2022,Export!$B:$B,3511)", 1_393_500],
      B4: ["=-SUMIFS(Export!$D:$D,Export!$A:$A,2022,Export!$B:$B,3512)", 1_393_500],
    },
  },
);

const population = sheet("Befolkning", [
  ["Kommun", "Invånare 2021-12-31"],
  ["Degerfors", 9358],
  ["Karlskoga", 30324],
]);

describe("an export from the finance system", () => {
  it.each([
    ["credit negative", 1 as const],
    ["income positive", -1 as const],
  ])("is the budget, read by account class (%s); its SUMIFS summary is no second budget", (_, sign) => {
    const { budget } = located(locateBudget(grid([summary, sheet("Export", exportRows(sign)), population])));
    expect([budget.budgetYear, budget.planYears]).toEqual([2022, [2023]]);
    const fk = budget.members.find((m) => m.party === "fk")!;
    expect([fk.amounts.get(2022)?.value.toNumber(), fk.amounts.get(2022)?.ref]).toEqual([
      1_393_500,
      { sheet: "Export", cell: "D4" },
    ]);
    expect(budget.members.map((m) => m.party)).toEqual(["fk", "af", "region", "kommun", "kommun"]);
    expect([costsIn(budget, 2022)?.toNumber(), otherIncomeIn(budget, 2022)?.toNumber()]).toEqual([5_998_000, 4_000]);
    expect(costsIn(budget, 2023)?.toNumber()).toBe(5_016_000);
    // The opening equity only the summary states.
    expect(budget.openingEquity?.ref).toEqual({ sheet: "Sammanställning", cell: "B5" });
  });
});

describe("an export with a column that says what each row is", () => {
  it("leaves the outcome of the year before out, and adds up the rows of one account under several Ansvar", () => {
    const rows: CellValue[][] = [
      ["År", "Version", "Konto", "Benämning", "Ansvar", "Belopp"],
      [2021, "Utfall", 3511, "Medlemsbidrag Försäkringskassan", "100", -1_500_000],
      [2021, "Utfall", 3512, "Medlemsbidrag Arbetsförmedlingen", "100", -1_500_000],
      [2021, "Utfall", 4630, "Köpta tjänster", "410", 2_900_000],
      ...exportRows(1)
        .slice(3)
        .map((r) => [r[0]!, "Budget", r[1]!, r[2]!, "100", r[3]!]),
      [2022, "Budget", 4630, "Köpta tjänster, insatser", "420", 100_000],
    ];
    const { budget } = located(locateBudget(grid([sheet("Export", rows), population])));
    expect([budget.budgetYear, budget.planYears]).toEqual([2022, [2023]]);
    expect(budget.members.find((m) => m.party === "fk")?.amounts.has(2021)).toBe(false);
    // 5 998 000 kr, and the second Ansvar's 100 000 kr beside it.
    expect(costsIn(budget, 2022)?.toNumber()).toBe(6_098_000);
  });
});
