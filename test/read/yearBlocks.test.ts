import { locateBudget } from "../../src/read/locate";
import { addedRows } from "../../src/read/totals";
import { located } from "./located";
import { grid, sheet } from "../grid/gridBuilder";

/** Degerfors/Karlskoga (seed 002, tkr): the members in a block per year, the year in each block's heading. */
const stacked = sheet("Medlemsinsatser", [
  ["Samordningsförbundet Degerfors/Karlskoga (tkr)"],
  ["Medlemsinsatser budget 2022"],
  ["Medlemsbidrag Försäkringskassa och Arbetsförmedlingen", 2_787],
  ["Region Örebro län", 1_393.5],
  ["Degerfors kommun", 328.601],
  ["Karlskoga kommun", 1_064.899],
  ["Summa medlemsinsatser 2022", 5_574],
  [],
  ["Medlemsinsatser plan 2023 (−10 %)"],
  ["Medlemsbidrag Försäkringskassa och Arbetsförmedlingen", 2_508.3],
  ["Region Örebro län", 1_254.15],
  ["Degerfors kommun", 295.741],
  ["Karlskoga kommun", 958.409],
  ["Summa medlemsinsatser 2023", 5_016.6],
  [],
  ["Resultatbudget (tkr)", "Budget 2022", "Plan 2023"],
  ["Kostnader"],
  ["Insatser", 5_574, 5_016.6],
]);
const population = sheet("Befolkning", [
  ["Kommun", "Invånare 2021-12-31"],
  ["Degerfors", 9_358],
  ["Karlskoga", 30_324],
]);

describe("members in blocks stacked one per year", () => {
  it("take each block's year from its heading and meet the result budget below them", () => {
    const { budget } = located(locateBudget(grid([stacked, population])));
    expect([budget.budgetYear, budget.planYears, budget.unit]).toEqual([2022, [2023], "tkr"]);
    const karlskoga = budget.members.find((m) => m.name === "Karlskoga kommun")!;
    expect([...karlskoga.amounts].map(([y, a]) => [y, a.value.toNumber(), a.ref?.cell])).toEqual([
      [2022, 1_064_899, "B6"],
      [2023, 958_409, "B13"],
    ]);
    expect(budget.sums.filter((s) => /medlemsinsatser/.test(s.label)).map((s) => [s.year, s.parts.length])).toEqual([
      [2022, 4],
      [2023, 4],
    ]);
  });
});

describe("what an addition covers", () => {
  it.each([
    ["=C4+C5+C6+C13", [4, 5, 6, 13]],
    ["=E7+E8+SUM(E18:E20)", [7, 8, 18, 19, 20]],
    ["=SUM(D6:D8,D12)", [6, 7, 8, 12]],
    ["=D7", undefined],
    ["=D7*2+D8", undefined],
    ["=SUM(D6:D8,E12)", undefined],
  ])("%s covers %j", (formula, rows) => {
    const column = formula.includes("C4") ? 3 : formula.includes("E7") ? 5 : 4;
    expect(addedRows(formula, column)).toEqual(rows);
  });
});
