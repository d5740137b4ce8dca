import { locateBudget } from "../../src/read/locate";
import { costsIn } from "../../src/domain";
import { located, vastraPopulation } from "./located";
import type { CellValue } from "../../src/grid";
import { grid, sheet } from "../grid/gridBuilder";

/**
 * Västra Östergötland 2025 (DOMAIN.md Rule 2) with a hidden block of last
 * autumn's preliminary split (rows 4–6) above the members that count (7–13).
 */
const rows: CellValue[][] = [
  ["Budget 2025 (kr)"],
  [null, "Budget 2025"],
  ["Intäkter"],
  ["Region Östergötland (prel.)", 2_450_000],
  ["Motala kommun (prel.)", 1_185_000],
  ["Mjölby kommun (prel.)", 767_000],
  ["Staten genom FK", 4_322_000],
  ["Region Östergötland", 2_161_000],
  ["Motala kommun", 1_045_270],
  ["Mjölby kommun", 676_575],
  ["Vadstena kommun", 180_171],
  ["Boxholms kommun", 131_921],
  ["Ödeshögs kommun", 127_063],
  ["Summa medlemsbidrag", 8_644_000],
  ["Kostnader"],
  ["Kansli", 1_600_000],
  ["Insatser", 7_044_000],
  ["Eget kapital vid årets början", 1_500_000],
];

const population = vastraPopulation;

const read = (formula: string | undefined, hiddenRows = [4, 5, 6]) =>
  located(
    locateBudget(
      grid([
        sheet("Budget", rows, { hiddenRows, ...(formula ? { formulas: { B14: [formula, 8_644_000] } } : {}) }),
        population,
      ]),
    ),
  );

describe("hidden rows the totals leave out", () => {
  it("a hidden member row the members' total's formula leaves out is superseded: not counted, and said so on its cell", () => {
    const { budget, findings } = read("=B7+B8+SUM(B9:B13)");
    expect(budget.members.map((m) => m.nameRef?.cell)).toEqual(["A7", "A8", "A9", "A10", "A11", "A12", "A13"]);
    const said = findings.filter((f) => f.code === "INPUT_WEAK_EVIDENCE").map((f) => f.cell);
    expect(said).toEqual(["A4", "A5", "A6"]);
    expect(findings.filter((f) => f.code === "INPUT_HIDDEN_ROW")).toEqual([]);
    expect(budget.statedContributionTotal?.get(2025)?.ref?.cell).toBe("B14");
  });

  it("SUBTOTAL(109, …) leaves hidden rows out, as Excel does: a hidden member row in its range is superseded", () => {
    const { budget, findings } = read("=SUBTOTAL(109,B4:B13)");
    expect(budget.members).toHaveLength(7);
    expect(findings.filter((f) => f.code === "TOTAL_MISMATCH")).toEqual([]);
  });

  it("with no formula, a hidden row repeating a visible member is superseded", () => {
    const { budget } = read(undefined);
    expect(budget.members).toHaveLength(7);
  });

  it("a hidden row the formula counts is counted, and a visible row it leaves out still counts (the total is what is wrong)", () => {
    const counted = read("=SUM(B4:B13)");
    expect(counted.budget.members).toHaveLength(10);
    expect(counted.findings.filter((f) => f.code === "INPUT_HIDDEN_ROW").map((f) => f.cell)).toEqual([
      "A4",
      "A5",
      "A6",
    ]);
    const visible = read("=B7+B8+SUM(B9:B13)", []);
    expect(visible.budget.members).toHaveLength(10);
  });
});

describe("a sentence that mentions the population", () => {
  it("is no population heading: the amounts below it are not population", () => {
    const note = sheet("Översikt", [
      ["Budgetöversikt"],
      ["Belopp i kr. Kommunernas del fördelas efter folkmängd 2024-12-31."],
      ["Motala kommun", 1_045_270],
      ["Mjölby kommun", 676_575],
    ]);
    const { budget } = located(locateBudget(grid([sheet("Budget", rows), note, population])));
    expect(budget.members.find((m) => m.name === "Motala kommun")?.population?.ref?.sheet).toBe("Befolkning");
  });
});

describe("a population table below the budget", () => {
  it("ends the table: its numbers are no costs", () => {
    const withPopulationBelow = [
      ...rows.slice(0, 3),
      ...rows.slice(6),
      [],
      ["Invånare per kommun", "Invånare 2024-12-31"],
      ["Motala kommun", 43674],
      ["Mjölby kommun", 28269],
      ["Vadstena kommun", 7528],
      ["Boxholms kommun", 5512],
      ["Ödeshögs kommun", 5309],
      ["Summa invånare", 90292],
    ];
    const { budget } = located(locateBudget(grid([sheet("Budget", withPopulationBelow)])));
    expect([costsIn(budget, 2025)?.toNumber(), budget.costs.map((l) => l.label)]).toEqual([
      8_644_000,
      ["Kansli", "Insatser"],
    ]);
    expect(budget.members.find((m) => m.name === "Motala kommun")?.population?.value.toNumber()).toBe(43674);
  });
});
