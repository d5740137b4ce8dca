import { analyzeGrid } from "../../src/app/analyzeGrid";
import { locateBudget } from "../../src/read/locate";
import { located } from "./located";
import type { Budget } from "../../src/domain";
import type { CellValue } from "../../src/grid";
import { grid, sheet } from "../grid/gridBuilder";

const total = (lines: Budget["costs"], year: number) =>
  lines.reduce((s, l) => s + (l.amounts.get(year)?.value.toNumber() ?? 0), 0);
const codes = (g: ReturnType<typeof grid>) => {
  const r = analyzeGrid(g);
  if (!r.ok) throw new Error(r.reason.sv);
  // The sheet as it stands; the worst case (the state −10 % a year) may run out of equity on a sound budget.
  return r.analysis.findings.filter((f) => f.scenario !== "worst-case").map((f) => f.code);
};

/** A sound budget: 4 000 000 in, 4 200 000 out, equity 1 000 000 → 800 000; shares exact. */
const members: [string, number][] = [
  ["Staten genom FK", 2000000],
  ["Region Västra Götaland", 1000000],
  ["Kungälvs kommun", 600000],
  ["STENUNGSUNDS KOMMUN", 400000],
];
const population = sheet("Invånare", [
  ["Kommun", "Invånare 31/12 2024"],
  ["Kungälv", 48000],
  ["Stenungsund", 32000],
]);

describe("rows that are not budget lines", () => {
  const rows: CellValue[][] = [
    ["Resultatbudget 2025"],
    ["", "Budget 2025"],
    ["Intäkter"],
    ...members,
    ["Summa intäkter", 4000000],
    ["Kommunernas andel (25 %)", 1000000],
    ["varav Kungälv", 600000],
    ["Kostnader"],
    ["Kansli", 1200000],
    ["Insats A", 1500000],
    ["Insats B", 1000000],
    ["Insatser", 2500000],
    ["Styrelse", 500000],
    ["Summa kostnader", 4200000],
    ["Finansiella intäkter", 0],
    ["Årets resultat", -200000],
    ["Eget kapital vid årets början", 1000000],
    ["Eget kapital vid årets slut", 800000],
  ];

  it("results, closing equity, derived rows and an arithmetic subtotal are not costs or income", () => {
    const { budget, findings, location } = located(locateBudget(grid([sheet("Resultatbudget", rows), population])));
    expect(budget.costs.map((c) => c.label)).toEqual(["Kansli", "Insats A", "Insats B", "Styrelse"]);
    expect(total(budget.costs, 2025)).toBe(4200000);
    expect(budget.otherIncome.map((l) => l.label)).toEqual(["Finansiella intäkter"]);
    expect(budget.openingEquity?.value.toNumber()).toBe(1000000);
    expect(budget.members.map((m) => m.population?.value.toNumber())).toEqual([undefined, undefined, 48000, 32000]);
    expect(budget.populationDate).toBe("2024-12-31");
    expect(findings.filter((f) => f.code === "INPUT_WEAK_EVIDENCE").map((f) => f.cell)).toEqual(["A15"]);
    expect(location.parts.find((p) => p.part === "closingEquity")).toEqual({
      part: "closingEquity",
      sheet: "Resultatbudget",
      range: "A21",
      evidence: expect.stringContaining("utgående eget kapital"),
    });
  });

  it("no false error on the sound budget: no EQUITY_NEGATIVE, CEILING_EXCEEDED or TOTAL_MISMATCH", () => {
    const found = codes(grid([sheet("Resultatbudget", rows), population]));
    expect(found.filter((c) => ["EQUITY_NEGATIVE", "CEILING_EXCEEDED", "TOTAL_MISMATCH"].includes(c))).toEqual([]);
  });

  it("a line equal by chance to the two lines above it is a line where the total counts it (values only)", () => {
    // The layout property's seed −1126815831: 999 000 + 520 000 = 1 519 000, and Summa kostnader counts all four.
    const chance = [
      ["", "Budget 2025"],
      ["Intäkter"],
      ...members,
      ["Kostnader"],
      ["Kansli", 1_162_000],
      ["Styrelse och revision", 999_000],
      ["Individinsatser", 520_000],
      ["Strukturinsatser", 1_519_000],
      ["Summa kostnader", 4_200_000],
      ["Ingående eget kapital", 1_000_000],
    ];
    const g = grid([sheet("Resultatbudget", chance), population]);
    const { budget, findings } = located(locateBudget(g));
    expect(budget.costs.map((c) => c.label)).toEqual([
      "Kansli",
      "Styrelse och revision",
      "Individinsatser",
      "Strukturinsatser",
    ]);
    expect(total(budget.costs, 2025)).toBe(4_200_000);
    expect(findings.filter((f) => f.code === "INPUT_WEAK_EVIDENCE")).toEqual([]);
    expect(codes(g).filter((c) => ["TOTAL_MISMATCH", "CEILING_EXCEEDED", "EQUITY_NEGATIVE"].includes(c))).toEqual([]);
    // Without the total, the same rows still read as a subtotal, and the cell says so.
    const noTotal = located(locateBudget(grid([sheet("Resultatbudget", chance.slice(0, -2)), population])));
    expect(noTotal.findings.filter((f) => f.code === "INPUT_WEAK_EVIDENCE").map((f) => f.cell)).toEqual(["A11"]);
  });

  it("formulas decide: a row computed from rows above is a total, one rolling equity a result, never a line", () => {
    const g = grid([
      sheet(
        "Budget",
        [
          ["", 2025, 2026],
          ["Intäkter"],
          ...members.map((m) => [...m, m[1]]),
          ["Kostnader"],
          ["Kansli", 1200000, 1200000],
          ["Insatser", 2800000, 2800000],
          ["Kostnader totalt", null, null],
          ["Netto", null, null],
          ["Ingående eget kapital", 1000000],
        ],
        {
          formulas: {
            B10: ["=B8+B9", 4000000],
            C10: ["=C8+C9", 4000000],
            B11: ["=B3+B4+B5+B6-B10", 0],
            C11: ["=C3+C4+C5+C6-C10", 0],
          },
        },
      ),
    ]);
    const { budget } = located(locateBudget(g));
    expect(budget.costs.map((c) => c.label)).toEqual(["Kansli", "Insatser"]);
    expect(budget.costTotal?.get(2026)?.ref?.cell).toBe("C10");
    expect(budget.otherIncome).toEqual([]);
  });
});

describe("parts on several sheets, put together", () => {
  const membersSheet = sheet("Medlemsavgifter 2025", [
    ["Medlemsavgifter 2025"],
    ["Part", 2025],
    ...members,
    ["Summa", 4000000],
  ]);
  const result = (contributions: number) =>
    sheet("Resultatbudget", [
      ["Resultatbudget"],
      ["", "Budget 2025"],
      ["Medlemsavgifter", contributions],
      ["Kostnader"],
      ["Kansli", 1200000],
      ["Insatser", 3000000],
      ["Summa kostnader", 4200000],
      ["Ingående eget kapital 2025-01-01", 1000000],
    ]);

  it("members from their sheet, lines and equity from the result budget, population from a third", () => {
    const { budget, location, findings } = located(locateBudget(grid([membersSheet, result(4000000), population])));
    expect(location.sheet).toBe("Resultatbudget");
    expect(budget.members.map((m) => [m.party, m.nameRef?.sheet, m.population?.ref?.sheet])).toEqual([
      ["stat", "Medlemsavgifter 2025", undefined],
      ["region", "Medlemsavgifter 2025", undefined],
      ["kommun", "Medlemsavgifter 2025", "Invånare"],
      ["kommun", "Medlemsavgifter 2025", "Invånare"],
    ]);
    expect(total(budget.costs, 2025)).toBe(4200000);
    expect(budget.openingEquity?.ref).toEqual({ sheet: "Resultatbudget", cell: "B8" });
    expect(findings.map((f) => f.code)).toEqual([]);
    expect(location.parts.filter((p) => ["members", "costs", "population"].includes(p.part))).toEqual([
      { part: "costs", sheet: "Resultatbudget", range: "A5:A6", evidence: expect.any(String) },
      { part: "members", sheet: "Medlemsavgifter 2025", range: "A3:A6", evidence: expect.any(String) },
      { part: "population", sheet: "Invånare", range: "B2:B3", evidence: expect.stringContaining("2024-12-31") },
    ]);
  });

  it("two sheets that state the members' total differently: INPUT_SOURCES_DISAGREE on the result budget's cell", () => {
    const { findings } = located(locateBudget(grid([membersSheet, result(3900000), population])));
    expect(
      findings.map((f) => [f.code, f.sheet, f.cell, f.year, f.expected?.toNumber(), f.actual?.toNumber()]),
    ).toEqual([["INPUT_SOURCES_DISAGREE", "Resultatbudget", "B3", 2025, 4000000, 3900000]]);
  });
});

describe("years and dates", () => {
  it("a single column whose year stands only in the title; a population date in the header is no year column", () => {
    const g = grid([
      sheet("Budget", [
        ["Samordningsförbundet Kungälv–Stenungsund – Verksamhets- och budgetplan 2022"],
        ["", "Budget", "Folkmängd 31 dec 2020"],
        ["Intäkter"],
        ["Staten", 2000000],
        ["Region Västra Götaland", 1000000],
        ["Kungälv", 600000, 48000],
        ["Stenungsund", 400000, 32000],
        ["Kostnader"],
        ["Kansli", 4000000],
      ]),
    ]);
    const { budget, location } = located(locateBudget(g));
    expect([budget.budgetYear, budget.planYears, budget.populationDate]).toEqual([2022, [], "2020-12-31"]);
    expect(budget.members.map((m) => m.population?.value.toNumber())).toEqual([undefined, undefined, 48000, 32000]);
    expect(location.parts.find((p) => p.part === "years")?.evidence).toBe("årtalet i rubriken A1");
  });

  it("“Kommun | 2025 | 2026 | 2027” and “Region | 2025 | 2026 | 2027” head their columns: a bare party word is no member", () => {
    const members: CellValue[][] = [
      ["Staten genom FK", 2000000, 1800000, 1620000],
      ["Region Västra Götaland", 1000000, 900000, 810000],
      ["Kungälvs kommun", 600000, 540000, 486000],
      ["STENUNGSUNDS KOMMUN", 400000, 360000, 324000],
    ];
    for (const word of ["Kommun", "Region"]) {
      const g = grid([
        sheet("Medlemsavgifter", [[word, 2025, 2026, 2027], ...members]),
        sheet("Resultatbudget", [
          ["", 2025, 2026, 2027],
          ["Medlemsavgifter", 4000000, 3600000, 3240000],
          ["Kostnader"],
          ["Kansli", 3000000, 3000000, 3000000],
          ["Ingående eget kapital", 1000000],
        ]),
        population,
      ]);
      const { budget } = located(locateBudget(g));
      expect([word, budget.budgetYear, budget.planYears]).toEqual([word, 2025, [2026, 2027]]);
      expect(budget.members.map((m) => m.amounts.get(2027)?.value.toNumber())).toEqual([
        1620000, 810000, 486000, 324000,
      ]);
    }
  });
});

describe("what is not a budget, and a follow-up", () => {
  it("a parts list with year-like numbers is not a budget", () => {
    const result = locateBudget(
      grid([
        sheet("Ersatzteile", [
          ["Teil", 2000, 2001],
          ["Schraube M6", 12, 14],
          ["Mutter", 8, 9],
          ["Summe", 20, 23],
        ]),
      ]),
    );
    expect(!result.ok && result.reason.sv).toMatch(/ser inte ut som en budget/);
  });

  it("budget, utfall and prognos per insats with a budgetram and no members: analysed as a follow-up", () => {
    const g = grid([
      sheet("Uppföljning 2025", [
        ["Uppföljning per insats 2025"],
        ["Insats", "Budget", "Utfall jan–aug", "Helårsprognos"],
        ["Kansli", 1200000, 900000, 1350000],
        ["Insats A", 1500000, 800000, 1400000],
        ["Budgetram", 2700000],
      ]),
    ]);
    const r = analyzeGrid(g);
    if (!r.ok) throw new Error(r.reason.sv);
    expect(
      r.analysis.budget.followUp.map((l) => [l.label, l.outcome?.value.toNumber(), l.forecast?.value.toNumber()]),
    ).toEqual([
      ["Kansli", 900000, 1350000],
      ["Insats A", 800000, 1400000],
    ]);
    const found = r.analysis.findings.map((f) => [f.code, f.severity, f.cell]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["INPUT_NO_MEMBERS", "info", undefined],
        ["LINE_OVER_BUDGET", "warning", expect.any(String)],
      ]),
    );
  });
});

describe("the members with the years as rows and the parties as columns", () => {
  const result = [
    ["Resultatbudget 2025"],
    ["", "Budget 2025", "Plan 2026"],
    ["Intäkter"],
    ["Medlemsavgifter", 4000000, 3800000],
    ["Kostnader"],
    ["Kansli", 1200000, 1200000],
    ["Insatser", 3000000, 2800000],
    ["Eget kapital vid årets början", 1000000],
  ] satisfies CellValue[][];
  const byRows = sheet("Medlemsavgifter", [
    ["Medlemsavgifter per år (belopp i tkr)"],
    [],
    ["År", "Staten genom FK", "Region Västra Götaland", "Kungälvs kommun", "STENUNGSUNDS KOMMUN", "Summa"],
    [],
    [2025, 2000, 1000, 600, 400, 4000],
    ["Plan 2026", 1800, 1000, 600, 400, 3800],
    ["Invånare 31/12 2024", null, null, 48000, 32000],
  ]);

  it("reads each party's column by year, the total column, and the population row under the kommuner", () => {
    const { budget, location, findings } = located(locateBudget(grid([sheet("Resultatbudget", result), byRows])));
    expect(
      budget.members.map((m) => [m.party, m.amounts.get(2025)?.value.toNumber(), m.amounts.get(2026)?.ref?.cell]),
    ).toEqual([
      ["stat", 2000000, "B6"],
      ["region", 1000000, "C6"],
      ["kommun", 600000, "D6"],
      ["kommun", 400000, "E6"],
    ]);
    expect(budget.members[2]?.population).toEqual({
      value: expect.anything(),
      ref: { sheet: "Medlemsavgifter", cell: "D7" },
    });
    expect(budget.members[2]?.population?.value.toNumber()).toBe(48000);
    expect(budget.populationDate).toBe("2024-12-31");
    expect(budget.planYears).toEqual([2026]);
    const members = location.parts.find((p) => p.part === "members");
    expect(members).toEqual({
      part: "members",
      sheet: "Medlemsavgifter",
      range: "B3:E3",
      evidence: "partsnamn i etiketterna (staten, regionen, kommunerna), årtal som rader",
    });
    expect(findings.map((f) => f.code)).not.toContain("INPUT_SOURCES_DISAGREE");
  });

  it("a total column that does not add up, and a result budget that disagrees, are said on their cells", () => {
    const wrong = sheet("Medlemsavgifter", [
      ["År", "Staten genom FK", "Region Västra Götaland", "Kungälvs kommun", "STENUNGSUNDS KOMMUN", "Summa"],
      [2025, 2000000, 1000000, 600000, 400000, 4000001],
    ]);
    const r = analyzeGrid(
      grid([
        sheet("Resultatbudget", [...result.slice(0, 3), ["Medlemsavgifter", 3900000], ...result.slice(4)]),
        wrong,
        population,
      ]),
    );
    if (!r.ok) throw new Error(r.reason.sv);
    const all = r.analysis.findings;
    const at = (code: string) => all.filter((f) => f.code === code).map((f) => `${f.sheet}!${f.cell}`);
    expect(at("TOTAL_MISMATCH")).toEqual(["Medlemsavgifter!F2"]);
    expect(at("INPUT_SOURCES_DISAGREE")).toEqual(["Resultatbudget!B4"]);
  });

  it("a row of parties with no years under it is no members' table", () => {
    const list = sheet("Parter", [
      ["Försäkringskassan", "Arbetsförmedlingen", "Region Västra Götaland", "Kungälvs kommun"],
      ["Huvudman", "Huvudman", "Huvudman", "Huvudman"],
    ]);
    expect(locateBudget(grid([list])).ok).toBe(false);
  });
});

describe("a year-like amount is an amount", () => {
  it("“Finansiella intäkter | 2 000” on the sheet “Budget 2024” is no year header: the lone Budget column is 2024", () => {
    const g = grid([
      sheet("Budget 2024", [
        ["Samordningsförbundet Prov: Budget och plan"],
        [],
        ["", "Budget"],
        ["Intäkter"],
        ["Staten genom FK", 2000000],
        ["Region Västra Götaland", 1000000],
        ["Kungälvs kommun", 600000],
        ["STENUNGSUNDS KOMMUN", 400000],
        ["Finansiella intäkter", 2000],
        ["Kostnader"],
        ["Kansli", 59000],
      ]),
      population,
    ]);
    const { budget, location } = located(locateBudget(g));
    expect(budget.budgetYear).toBe(2024);
    expect(location.yearColumns.map((c) => c.header.cell)).toEqual(["B3"]);
    expect(budget.otherIncome.map((l) => l.amounts.get(2024)?.value.toNumber())).toEqual([2000]);
  });

  it("amounts equal to the budget year in tkr (2 029 tkr) are a member's and a line's amounts, not repeated year headers", () => {
    // Seed -1595455020 of the layout property: FK, AF and the region each 2 029 000 kr, written in tkr under a title year 2029.
    const g = grid([
      sheet("Budget 2029", [
        ["Samordningsförbundet Prov: Verksamhets- och budgetplan 2029 (belopp i tkr)"],
        [],
        ["", "Budget"],
        ["Verksamhetens intäkter"],
        ["Medlemsbidrag Försäkringskassan", 2029],
        ["Medlemsbidrag Arbetsförmedlingen", 2029],
        ["Medlemsbidrag Region Halland", 2029],
        ["Medlemsbidrag Ale kommun", 1729.981],
        ["Medlemsbidrag Lerums kommun", 299.019],
        ["Finansiella intäkter", 1],
        [],
        ["Verksamhetens kostnader"],
        ["Kansli", 2029],
        ["Individinsatser", 4076],
        [],
        ["Ingående eget kapital 2029-01-01", 2441],
      ]),
      sheet("Befolkning", [
        ["Kommun", "Invånare 2028-12-31"],
        ["Ale", 117683],
        ["Lerum", 20341],
      ]),
    ]);
    const { budget, location } = located(locateBudget(g));
    expect(budget.budgetYear).toBe(2029);
    expect(location.yearColumns.map((c) => c.header.cell)).toEqual(["B3"]);
    expect(budget.members.map((m) => [m.party, m.amounts.get(2029)?.value.toNumber()])).toEqual([
      ["fk", 2029000],
      ["af", 2029000],
      ["region", 2029000],
      ["kommun", 1729981],
      ["kommun", 299019],
    ]);
    expect(budget.costs.map((c) => c.amounts.get(2029)?.value.toNumber())).toEqual([2029000, 4076000]);
    expect(codes(g)).not.toContain("EQUITY_NEGATIVE");
  });

  // Seed 202 of the layout property, cases 3107 and 3230: every member's budget-year amount in tkr looks like a year.
  const resultatbudget = (header: CellValue[], medlemsavgifter: CellValue[]) =>
    sheet("Resultatbudget", [
      ["Samordningsförbundet Prov: Resultatbudget (belopp i tkr)"],
      header,
      medlemsavgifter,
      ["Kostnader"],
      ["Kansli", ...header.slice(1).map(() => 5000)],
      ["Ingående eget kapital 2023-01-01", 2702],
    ]);
  const memberRows = (...amounts: CellValue[]): CellValue[][] =>
    ["Försäkringskassan", "Arbetsförmedlingen", "Region Skåne", "Ale kommun"].map((m) => [m, ...amounts]);
  const ale = sheet("Invånare", [
    ["Kommun", "Invånare 31/12 2022"],
    ["Ale", 31000],
  ]);

  it("members of 2 056 tkr each under a lone Budget on “Medlemsavgifter 2023” are 2 056 000 kr, not years", () => {
    const g = grid([
      resultatbudget(["", "Budget"], ["Medlemsavgifter", 8224]),
      sheet("Medlemsavgifter 2023", [["Medlemsavgifter 2023 (belopp i tkr)"], ["", "Budget"], ...memberRows(2056)]),
      ale,
    ]);
    const { budget, location } = located(locateBudget(g));
    expect(budget.budgetYear).toBe(2023);
    expect(location.yearColumns.map((c) => `${c.header.sheet}!${c.header.cell}`)).toEqual(["Resultatbudget!B2"]);
    expect(budget.members.map((m) => m.amounts.get(2023)?.value.toNumber())).toEqual([
      2056000, 2056000, 2056000, 2056000,
    ]);
  });

  it("the same members typed as text (“2056”, a number stored as text) are amounts too", () => {
    const g = grid([
      resultatbudget(["", "Budget"], ["Medlemsavgifter", 8224]),
      sheet("Medlemsavgifter 2023", [["Medlemsavgifter 2023 (belopp i tkr)"], ["", "Budget"], ...memberRows("2056")]),
      ale,
    ]);
    const { budget } = located(locateBudget(g));
    expect(budget.members.map((m) => m.amounts.get(2023)?.value.toNumber())).toEqual([
      2056000, 2056000, 2056000, 2056000,
    ]);
  });

  it("members of 2 086 tkr in the Budget column beside Plan 2024 and Plan 2025 are the budget year's amounts", () => {
    const g = grid([
      resultatbudget(["", "Budget", "Plan 2024", "Plan 2025"], ["Medlemsavgifter", 8344, 7926.8, 7530.46]),
      sheet("Medlemsavgifter", [
        ["Medlemsavgifter 2023–2025 (belopp i tkr)"],
        ["", "Budget", "Plan 2024", "Plan 2025"],
        ...memberRows(2086, 1981.7, 1882.615),
      ]),
      ale,
    ]);
    const { budget } = located(locateBudget(g));
    expect(budget.members.map((m) => [2023, 2024, 2025].map((y) => m.amounts.get(y)?.value.toNumber()))).toEqual(
      Array(4).fill([2086000, 1981700, 1882615]),
    );
  });

  it("a year row “2028 | 2 044 | 2 044 | 2 044 | 2 044” (tkr) under the parties is that year's amounts, not a header", () => {
    // Seed 303 of the layout property, case 4655: the years as rows, every party 2 044 tkr in the budget year.
    const g = grid([
      sheet("Resultatbudget", [
        ["Samordningsförbundet Prov: Resultatbudget (belopp i tkr)"],
        ["", "Budget"],
        ["Medlemsavgifter", 8176],
        ["Kostnader"],
        ["Kansli", 8000],
        ["Eget kapital vid årets början", 1000],
      ]),
      sheet("Medlemsavgifter 2028", [
        ["Medlemsavgifter per år (belopp i tkr)"],
        ["År", "Försäkringskassan", "Arbetsförmedlingen", "Region Skåne", "Ale", "Summa"],
        [2028, 2044, 2044, 2044, 2044, 8176],
        ["Folkmängd 31 dec 2027", null, null, null, 31149],
      ]),
    ]);
    const { budget } = located(locateBudget(g));
    expect(budget.budgetYear).toBe(2028);
    expect(budget.members.map((m) => [m.party, m.amounts.get(2028)?.value.toNumber()])).toEqual([
      ["fk", 2044000],
      ["af", 2044000],
      ["region", 2044000],
      ["kommun", 2044000],
    ]);
    expect(codes(g)).not.toContain("INPUT_MISSING_YEAR");
  });

  it("“Styrelse och revision | 2022” (tkr) under “Budget 2022” is 2 022 000 kr; a row repeating “2025” under “2025” is a header", () => {
    // Seed 505 of the layout property, case 17330; the repeated header as seed 001 has it ("Planerade kostnader | 2025").
    const g = grid([
      sheet("Budget", [
        ["Samordningsförbundet Prov: Budget och plan (belopp i tkr)"],
        ["", "Budget 2022"],
        ["Intäkter"],
        ["Staten genom FK", 6659],
        ["Region Halland", 3329.5],
        ["Ale kommun", 3329.5],
        ["Kostnader"],
        ["Kansli", 1689],
        ["Styrelse och revision", 2022],
        ["Individinsatser", 2139],
        ["Eget kapital 2021-12-31", 1077],
      ]),
      sheet("Invånare", [
        ["Kommun", "Invånare 31/12 2021"],
        ["Ale", 31000],
      ]),
    ]);
    expect(located(locateBudget(g)).budget.costs.map((c) => c.amounts.get(2022)?.value.toNumber())).toEqual([
      1689000, 2022000, 2139000,
    ]);
    const seed001 = grid([
      sheet("Bilaga 2", [
        ["Intäkter/tilldelning", 2025],
        ["Staten genom FK", 4322000],
        ["Region Östergötland", 2161000],
        ["Motala kommun", 2161000],
        ["Totalt", 8644000],
        ["Planerade kostnader", 2025],
        ["Kansli 1.0", 1600000],
        ["Nätverk 2.4.1", 3260000],
        ["Totalt", 4860000],
      ]),
    ]);
    const { budget } = located(locateBudget(seed001));
    expect(budget.costs.map((c) => [c.label, c.amounts.get(2025)?.value.toNumber()])).toEqual([
      ["Kansli 1.0", 1600000],
      ["Nätverk 2.4.1", 3260000],
    ]);
  });
});

describe("a lone Budget column on a sheet that names no year", () => {
  it("takes the year the members' sheet states, and says so on its header", () => {
    const g = grid([
      sheet("Medlemsavgifter", [["Part", 2025], ...members, ["Summa", 4000000]]),
      sheet("Resultatbudget", [
        ["Resultatbudget"],
        ["", "Budget"],
        ["Medlemsavgifter", 4000000],
        ["Kostnader"],
        ["Kansli", 1200000],
        ["Insatser", 3000000],
        ["Ingående eget kapital", 1000000],
      ]),
      population,
    ]);
    const { budget, findings, location } = located(locateBudget(g));
    expect(budget.budgetYear).toBe(2025);
    expect(location.sheet).toBe("Resultatbudget");
    expect(budget.costs.map((c) => c.amounts.get(2025)?.value.toNumber())).toEqual([1200000, 3000000]);
    const weak = findings.filter((f) => f.code === "INPUT_WEAK_EVIDENCE");
    expect(weak.map((f) => [f.sheet, f.cell, f.year, f.message.sv])).toEqual([
      [
        "Resultatbudget",
        "B2",
        2025,
        "Bladet ”Resultatbudget” anger inget år för kolumnen Budget (B2); budgetåret 2025 är taget från bladet ”Medlemsavgifter”. Skriv året i rubriken om det är fel.",
      ],
    ]);
  });
});
