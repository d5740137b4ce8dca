import { locateBudget } from "../../src/read/locate";
import { located, vastraPopulation } from "./located";
import type { CellValue } from "../../src/grid";
import { grid, sheet } from "../grid/gridBuilder";

/** Västra Östergötland 2025 (DOMAIN.md Rule 2) with the years before it beside the budget, as published budgets show them. */
const vastra = (header: readonly CellValue[], title = "Budget och plan (kr)") =>
  grid([
    sheet("Budget", [
      [`Samordningsförbundet Västra Östergötland: ${title}`],
      [],
      [null, ...header],
      ["Intäkter"],
      ["Staten genom FK", 4_900_000, 4_900_000, 4_322_000, 3_889_800, 3_500_820],
      ["Region Östergötland", 2_450_000, 2_450_000, 2_161_000, 1_944_900, 1_750_410],
      ["Motala kommun", 1_185_000, 1_185_000, 1_045_270, 940_743, 846_669],
      ["Mjölby kommun", 767_000, 767_000, 676_575, 608_918, 548_026],
      ["Vadstena kommun", 204_000, 204_000, 180_171, 162_154, 145_938],
      ["Boxholms kommun", 150_000, 150_000, 131_921, 118_729, 106_856],
      ["Ödeshögs kommun", 144_000, 144_000, 127_063, 114_356, 102_921],
      ["Kostnader"],
      ["Kansli", 1_550_000, 1_600_000, 1_600_000, 1_600_000, 1_600_000],
      ["Insatser", 8_600_000, 8_500_000, 8_000_000, 7_000_000, 6_500_000],
      ["Eget kapital vid årets slut", 3_050_000, null, 1_795_000, 568_000, -914_000],
    ]),
    vastraPopulation,
  ]);

describe("the budget year among history columns", () => {
  it("Bokslut 2024 | Budget 2024 | Budget 2025 | Plan 2026 | Plan 2027: the budget is 2025, the last Budget before the plans; 2024 is history", () => {
    const { budget, findings } = located(
      locateBudget(vastra(["Bokslut 2024", "Budget 2024", "Budget 2025", "Plan 2026", "Plan 2027"])),
    );
    expect([budget.budgetYear, budget.planYears]).toEqual([2025, [2026, 2027]]);
    // No member amount, line or follow-up of a history year.
    expect(budget.members.flatMap((m) => [...m.amounts.keys()]).filter((y) => y < 2025)).toEqual([]);
    expect(budget.costs.flatMap((l) => [...l.amounts.keys()]).filter((y) => y < 2025)).toEqual([]);
    expect(budget.followUp).toEqual([]);
    // The opening equity is what 2024 closed with, in the Bokslut column.
    expect([budget.openingEquity?.value.toNumber(), budget.openingEquity?.ref]).toEqual([
      3_050_000,
      { sheet: "Budget", cell: "B15" },
    ]);
    expect(findings.filter((f) => f.code === "INPUT_WEAK_EVIDENCE")).toEqual([]);
  });

  it("Utfall 2024 beside Budget 2025 is history, not a follow-up of 2024, and its closing equity opens 2025", () => {
    const { budget } = located(
      locateBudget(vastra(["Utfall 2024", "Prognos 2024", "Budget 2025", "Plan 2026", "Plan 2027"])),
    );
    expect([budget.budgetYear, budget.followUp, budget.openingEquity?.ref?.cell]).toEqual([2025, [], "B15"]);
  });

  it("the title decides between two Budget columns: 'Budget 2025 och plan 2026–2027' over Budget 2024 | Budget 2025", () => {
    const { budget, findings } = located(
      locateBudget(
        vastra(
          ["Beslutad budget 2024", "Reviderad budget 2024", "Budget 2025", "2026", "2027"],
          "Budget 2025 och plan 2026–2027",
        ),
      ),
    );
    expect([budget.budgetYear, budget.planYears]).toEqual([2025, [2026, 2027]]);
    expect(findings.filter((f) => f.code === "INPUT_WEAK_EVIDENCE")).toEqual([]);
  });

  it("two Budget columns and nothing else to go on: the later is read, and the cell says the other was almost as likely", () => {
    const g = grid([
      sheet("Budget", [
        [null, "Budget 2024", "Budget 2025"],
        ["Staten genom FK", 4_900_000, 4_322_000],
        ["Region Östergötland", 2_450_000, 2_161_000],
        ["Motala kommun", 1_225_000, 1_080_500],
        ["Mjölby kommun", 1_225_000, 1_080_500],
        ["Kansli", 9_800_000, 8_644_000],
      ]),
    ]);
    const { budget, findings } = located(locateBudget(g));
    expect(budget.budgetYear).toBe(2025);
    const weak = findings.find((f) => f.code === "INPUT_WEAK_EVIDENCE");
    expect([weak?.cell, weak?.message.sv]).toEqual([
      "C1",
      expect.stringMatching(/Budgetåret läses som 2025 .* men 2024 är nästan lika troligt/),
    ]);
  });

  it("plain years 2025 | 2026 | 2027 are still a budget and its plan", () => {
    const { budget, findings } = located(locateBudget(vastra(["2023", "2024", "2025", "2026", "2027"], "Budget 2025")));
    expect([budget.budgetYear, budget.planYears]).toEqual([2025, [2026, 2027]]);
    expect(findings.filter((f) => f.code === "INPUT_WEAK_EVIDENCE")).toEqual([]);
  });
});

describe("names say what detection cannot", () => {
  // Seed 002's one column: no year anywhere on the sheet, the header says nothing, the state as one row.
  const rows: CellValue[][] = [
    ["Samordningsförbundet Degerfors/Karlskoga"],
    [],
    ["Intäkter", "Belopp"],
    ["Medlemsbidrag Försäkringskassa och Arbetsförmedlingen", 2_787_000],
    ["Medlemsbidrag Region Örebro län", 1_393_500],
    ["Medlemsbidrag Degerfors kommun", 348_375],
    ["Medlemsbidrag Karlskoga kommun", 1_045_125],
    ["Kostnader"],
    ["Coachingteamet", 4_407_000],
    ["Kansli", 1_167_000],
    ["Eget kapital", 1_200_000],
  ];
  const folk = sheet("Underlag", [
    ["Kommun", "Antal"],
    ["Degerfors", 9502],
    ["Karlskoga", 30418],
  ]);
  const names = [
    { name: "Finsam_Budget_2022", ref: "Budget!$B$4:$B$10" },
    { name: "Finsam_Medlemmar", ref: "Budget!$A$4:$A$7" },
    { name: "Finsam_Kostnader", ref: "Budget!$A$9:$A$10" },
    { name: "Finsam_Befolkning", ref: "Underlag!$B$2:$B$3" },
    { name: "Finsam_EgetKapital", ref: "Budget!$B$11" },
  ];

  it("without names the sheet is refused: it states no year", () => {
    expect(locateBudget(grid([sheet("Budget", rows), folk])).ok).toBe(false);
  });

  it("Finsam_Budget_2022 says which column is the budget of which year; with the members, lines, population and equity named it is read", () => {
    const { budget, location } = located(locateBudget(grid([sheet("Budget", rows), folk], names)));
    expect([budget.budgetYear, budget.planYears, budget.unit]).toEqual([2022, [], "kr"]);
    expect(
      budget.members.map((m) => [m.party, m.amounts.get(2022)?.value.toNumber(), m.population?.value.toNumber()]),
    ).toEqual([
      ["stat", 2_787_000, undefined],
      ["region", 1_393_500, undefined],
      ["kommun", 348_375, 9502],
      ["kommun", 1_045_125, 30418],
    ]);
    expect(budget.costs.map((c) => c.amounts.get(2022)?.value.toNumber())).toEqual([4_407_000, 1_167_000]);
    expect(budget.openingEquity?.value.toNumber()).toBe(1_200_000);
    expect(location.parts.find((p) => p.part === "years")?.evidence).toBe("namnen Finsam_Budget_2022");
  });

  it("named plan and history columns: Finsam_Historik_2021 is history whatever its header says, Finsam_Plan_2023 a plan year", () => {
    const wide = rows.map((r, i) =>
      i < 3 ? r : [r[0]!, typeof r[1] === "number" ? r[1] + 1000 : null, r[1] ?? null, r[1] ?? null],
    );
    const g = grid(
      [sheet("Budget", wide), folk],
      [
        { name: "Finsam_Historik_2021", ref: "Budget!$B$3" },
        { name: "Finsam_Budget_2022", ref: "Budget!$C$3" },
        { name: "Finsam_Plan_2023", ref: "Budget!$D$3" },
        ...names.filter((n) => n.name !== "Finsam_Budget_2022" && n.name !== "Finsam_EgetKapital"),
      ],
    );
    const { budget } = located(locateBudget(g));
    expect([budget.budgetYear, budget.planYears]).toEqual([2022, [2023]]);
    expect(budget.members[0]!.amounts.get(2022)?.ref?.cell).toBe("C4");
    expect(budget.members.some((m) => m.amounts.has(2021))).toBe(false);
  });
});

describe("periods are never years", () => {
  const months = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
  // Monthly amounts that round: the year total, not a month, is the year's amount.
  const line = (label: string, yearly: number) => [
    label,
    ...months.map(() => Math.round(yearly / 12)),
    yearly,
    yearly,
    yearly,
  ];

  it("jan 2026 … dec 2026 | Helår 2026 | Plan 2027 | Plan 2028: the budget is the Helår column", () => {
    const g = grid([
      sheet("Budget 2026", [
        ["Budget per månad (kr)"],
        [null, ...months.map((m) => `${m} 2026`), "Helår 2026", "Plan 2027", "Plan 2028"],
        line("Staten genom FK", 4_322_400),
        line("Region Östergötland", 2_161_200),
        line("Motala kommun", 1_311_987),
        line("Mjölby kommun", 849_213),
        ["Kostnader"],
        line("Insatser", 8_600_000),
      ]),
    ]);
    const { budget } = located(locateBudget(g));
    expect([budget.budgetYear, budget.planYears]).toEqual([2026, [2027, 2028]]);
    expect(budget.members[0]!.amounts.get(2026)?.ref?.cell).toBe("N3");
    expect(budget.costs[0]!.amounts.get(2026)?.value.toNumber()).toBe(8_600_000);
  });

  it("a year merged over Kv1 … Kv4 | Totalt: the year's amounts are the Totalt column (tkr)", () => {
    const q = (label: string, y: number) => [label, y / 4, y / 4, y / 4, y / 4, y, y, y];
    const g = grid([
      sheet("Budget", [
        ["Budget per kvartal, tkr"],
        [null, 2026, null, null, null, null, 2027, 2028],
        [null, "Kv1", "Kv2", "Kv3", "Kv4", "Totalt", "Plan", "Plan"],
        q("Staten genom FK", 4322.4),
        q("Region Östergötland", 2161.2),
        q("Motala kommun", 1311.988),
        q("Mjölby kommun", 849.212),
        ["Kostnader"],
        q("Insatser", 8600),
      ]),
    ]);
    const { budget } = located(locateBudget(g));
    expect([budget.budgetYear, budget.planYears, budget.unit]).toEqual([2026, [2027, 2028], "tkr"]);
    expect(budget.members.map((m) => m.amounts.get(2026)?.ref?.cell)).toEqual(["F4", "F5", "F6", "F7"]);
    expect(budget.members[0]!.amounts.get(2026)?.value.toNumber()).toBe(4_322_400);
  });
});

describe("a follow-up whose Utfall and Prognos state no year", () => {
  it("Budget 2025 | Utfall jan–aug | Utfall i % av budget | Helårsprognos | Avvikelse (budget – prognos): read as the follow-up of 2025, never refused", () => {
    const g = grid([
      sheet("Uppföljning aug", [
        ["Budgetuppföljning per 2025-08-31, tkr"],
        [
          "Verksamhet",
          "Budget 2025",
          "Utfall jan–aug",
          "Utfall i % av budget",
          "Helårsprognos",
          "Avvikelse (budget – prognos)",
        ],
        ["Plattform Norrköping", 8257, 5480.7, 0.66, 8420, -163],
        ["Kansli", 3468, 2390.6, 0.69, 3468, 0],
        ["Summa kostnader", 11725, 7871.3, 0.67, 11888, -163],
        ["Budgetram 2025", 11725],
      ]),
    ]);
    const { budget } = located(locateBudget(g));
    expect(budget.members).toEqual([]);
    expect(
      budget.followUp.map((l) => [
        l.label,
        l.year,
        l.outcome?.ref?.cell,
        l.forecast?.value.toNumber(),
        l.forecast?.ref?.cell,
      ]),
    ).toEqual([
      ["Plattform Norrköping", 2025, "C3", 8_420_000, "E3"],
      ["Kansli", 2025, "C4", 3_468_000, "E4"],
    ]);
  });
});

describe("a deviation column is no forecast", () => {
  it("a lone Budget with the year in the title: 'Avvikelse (budget – prognos)' right of Prognos does not replace the forecast", () => {
    const g = grid([
      sheet("Uppföljning", [
        ["Budgetuppföljning 2025, budget 2025 (kr)"],
        ["Verksamhet", "Budget", "Utfall jan–aug", "Prognos", "Avvikelse (budget – prognos)"],
        ["Plattform Norrköping", 8_257_000, 5_480_700, 8_420_000, -163_000],
        ["Kansli", 3_468_000, 2_390_600, 3_468_000, 0],
      ]),
    ]);
    const { budget } = located(locateBudget(g));
    expect(budget.followUp.map((l) => [l.label, l.year, l.forecast?.value.toNumber(), l.forecast?.ref?.cell])).toEqual([
      ["Plattform Norrköping", 2025, 8_420_000, "D3"],
      ["Kansli", 2025, 3_468_000, "D4"],
    ]);
  });
});
