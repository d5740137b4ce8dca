import { locateBudget } from "../../src/read/locate";
import { costsIn, otherIncomeIn } from "../../src/domain";
import { located } from "./located";
import { SheetView, transposeSheet, transposedAddress } from "../../src/grid";
import { grid, sheet } from "../grid/gridBuilder";

/**
 * Finsam Mitt (invented, DOMAIN.md Rules 1–4): one row per year, the parties,
 * the result and the equity as columns; the Utfall row of 2024 is history.
 */
const finsamMitt = sheet(
  "Finsam Mitt",
  [
    ["Finsam Mitt: medlemsavgifter och resultat per år (kr)"],
    [],
    [
      "År",
      "Avser",
      "Försäkringskassan",
      "Arbetsförmedlingen",
      "Region Västernorrland",
      "Sundsvalls kommun",
      "Timrå kommun",
      "Summa medlemsavgifter",
      "Finansiella intäkter",
      "Kostnader",
      "Eget kapital vid årets slut",
    ],
    [2024, "Utfall", 2_300_000, 2_300_000, 2_300_000, 1_900_000, 400_000, 9_200_000, 5_200, 9_080_000, 1_480_000],
    [2025, "Budget", 2_200_000, 2_200_000, 2_200_000, 1_817_000, 383_000, 8_800_000, 6_000, 9_186_000, 1_100_000],
    [2026, "Plan", 1_980_000, 1_980_000, 1_980_000, 1_635_300, 344_700, 7_920_000, 6_000, 8_500_000, 526_000],
    [2027, "Plan", 1_782_000, 1_782_000, 1_782_000, 1_471_770, 310_230, 7_128_000, 6_000, 7_000_000, 660_000],
  ],
  {
    formulas: {
      H4: ["=SUM(C4:G4)", 9_200_000],
      H5: ["=SUM(C5:G5)", 8_800_000],
      H6: ["=SUM(C6:G6)", 7_920_000],
      H7: ["=SUM(C7:G7)", 7_128_000],
    },
  },
);

const population = sheet("Befolkning", [
  ["Kommun", "Folkmängd 2024-12-31"],
  ["Sundsvall", 99_800],
  ["Timrå", 18_100],
]);

describe("a table with the years as rows", () => {
  it("is read turned: the budget year by its kind, history left out, every cell in its own place", () => {
    const { budget, location } = located(locateBudget(grid([finsamMitt, population])));
    expect([budget.budgetYear, budget.planYears]).toEqual([2025, [2026, 2027]]);
    const sundsvall = budget.members.find((m) => m.name === "Sundsvalls kommun")!;
    expect([sundsvall.nameRef, sundsvall.amounts.get(2025)?.ref, sundsvall.amounts.has(2024)]).toEqual([
      { sheet: "Finsam Mitt", cell: "F3" },
      { sheet: "Finsam Mitt", cell: "F5" },
      false,
    ]);
    expect([2025, 2026, 2027].map((y) => costsIn(budget, y)?.toNumber())).toEqual([9_186_000, 8_500_000, 7_000_000]);
    expect(otherIncomeIn(budget, 2025)?.toNumber()).toBe(6_000);
    // The equity 2024 closed with opens 2025.
    expect([budget.openingEquity?.value.toNumber(), budget.openingEquity?.ref?.cell]).toEqual([1_480_000, "K4"]);
    expect(budget.statedContributionTotal?.get(2026)?.ref?.cell).toBe("H6");
    expect(location.yearColumns.map((c) => c.header.cell)).toEqual(["A4", "A5", "A6", "A7"]);
  });
});

describe("two tables of years as rows on one sheet", () => {
  it("are each read: the members' above, the result budget's below", () => {
    const stacked = sheet("Höga Kusten", [
      ["Samordningsförbundet Höga Kusten (kr)"],
      [
        "År",
        "Avser",
        "Försäkringskassan/Arbetsförmedlingen",
        "Region Västernorrland",
        "Kramfors kommun",
        "Sollefteå kommun",
      ],
      [2023, "Utfall", 2_511_000, 1_255_500, 620_000, 635_500],
      [2024, "Budget", 2_511_000, 1_255_500, 620_133, 635_367],
      [2025, "Plan", 2_259_900, 1_129_950, 558_120, 571_830],
      [],
      ["Resultatbudget (kr)"],
      ["År", "Avser", "Medlemsbidrag", "Kostnader", "Eget kapital 1 jan", "Eget kapital 31 dec"],
      [2023, "Utfall", 5_022_000, -5_100_000, 448_000, 370_000],
      [2024, "Budget", 5_022_000, -5_022_000, 370_000, 370_000],
      [2025, "Plan", 4_519_800, -4_519_800, 370_000, 370_000],
    ]);
    const befolkning = sheet("Befolkning", [
      ["Kommun", "Invånare 2023-12-31"],
      ["Kramfors", 18_054],
      ["Sollefteå", 18_623],
    ]);
    const { budget } = located(locateBudget(grid([stacked, befolkning])));
    expect([budget.budgetYear, budget.planYears]).toEqual([2024, [2025]]);
    expect([costsIn(budget, 2024)?.toNumber(), costsIn(budget, 2025)?.toNumber()]).toEqual([5_022_000, 4_519_800]);
    expect([budget.openingEquity?.value.toNumber(), budget.openingEquity?.ref?.cell]).toEqual([370_000, "E10"]);
    expect(budget.members.find((m) => m.name === "Kramfors kommun")?.amounts.get(2024)?.ref?.cell).toBe("E4");
  });
});

describe("a sheet turned on its diagonal", () => {
  it("swaps rows and columns, and its own references in formulas, not other sheets'", () => {
    const turned = new SheetView(
      transposeSheet(sheet("S", [["a", 1, 2]], { formulas: { D1: ["=SUM(B1:C1)+Blad2!B1+'Min plan'!C1:C3", 3] } })),
    );
    expect([turned.value(2, 1), turned.value(3, 1), turned.formula(4, 1)]).toEqual([
      1,
      2,
      "=SUM(A2:A3)+Blad2!B1+'Min plan'!C1:C3",
    ]);
    expect([transposedAddress("G6"), transposedAddress("$AA$3"), transposedAddress("F7")]).toEqual(["F7", "C27", "G6"]);
  });
});
