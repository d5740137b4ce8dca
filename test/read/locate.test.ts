import { locateBudget } from "../../src/read/locate";
import { located } from "./located";
import type { Budget } from "../../src/domain";
import type { CellValue } from "../../src/grid";
import { readGridFromFile } from "../../src/xlsx/readGrid";
import { fixture } from "../support/paths";
import { grid, sheet } from "../grid/gridBuilder";

const amounts = (b: Budget, name: string) =>
  [...b.members.find((m) => m.name === name)!.amounts].map(([y, a]) => [
    y,
    a.value.toNumber(),
    a.ref?.cell,
    a.factor ?? 1,
  ]);
const total = (lines: Budget["costs"], year: number) =>
  lines.reduce((s, l) => s + (l.amounts.get(year)?.value.toNumber() ?? 0), 0);

describe("locating the budget in the fixtures", () => {
  it("SAMO: Långtidsbudget in kr, population from its own sheet dated 2021-12-31, equity 2022-12-31 as opening", async () => {
    const { budget, location, findings } = located(locateBudget(await readGridFromFile(fixture("samo-2023"))));
    expect([location.sheet, budget.unit, budget.budgetYear, budget.planYears]).toEqual([
      "Långtidsbudget",
      "kr",
      2023,
      [2024, 2025],
    ]);
    expect(budget.members.map((m) => [m.name, m.party, m.population?.value.toNumber(), m.population?.ref])).toEqual([
      ["Finspångs kommun", "kommun", 21889, { sheet: "Befolkning", cell: "B2" }],
      ["Norrköpings kommun", "kommun", 144458, { sheet: "Befolkning", cell: "B3" }],
      ["Söderköpings kommun", "kommun", 14673, { sheet: "Befolkning", cell: "B4" }],
      ["Valdemarsviks kommun", "kommun", 7660, { sheet: "Befolkning", cell: "B5" }],
      ["Region Östergötland", "region", undefined, undefined],
      ["Arbetsförmedlingen", "af", undefined, undefined],
      ["Försäkringskassan", "fk", undefined, undefined],
    ]);
    expect(budget.populationDate).toBe("2021-12-31");
    expect(amounts(budget, "Finspångs kommun")).toEqual([
      [2023, 501227, "B5", 1],
      [2024, 451104, "C5", 1],
      [2025, 405994, "D5", 1],
    ]);
    expect(
      budget.equityDrawdowns.map((l) => [
        l.label,
        l.amounts.get(2023)?.value.toNumber(),
        l.amounts.get(2023)?.ref?.cell,
      ]),
    ).toEqual([["Eget kapital", 1509000, "B12"]]);
    expect(budget.otherIncome.map((l) => [l.label, l.amounts.get(2023)?.value.toNumber()])).toEqual([
      ["Finansiella intäkter", 70000],
    ]);
    expect(budget.costs).toHaveLength(7);
    expect([total(budget.costs, 2023), total(budget.costs, 2024), total(budget.costs, 2025)]).toEqual([
      18861000, 17153800, 14998420,
    ]);
    expect(budget.costTotal?.get(2025)?.ref?.cell).toBe("D24");
    expect([budget.openingEquity?.value.toNumber(), budget.openingEquity?.ref?.cell]).toEqual([5809000, "B26"]);
    // The note "20 % av årlig medelstilldelning" is read as a note, not as a broken amount.
    expect(findings).toEqual([]);
  });

  it("Västra: population beside the amounts on the same sheet, Totalt as the stated total, the drawdown row", async () => {
    const { budget } = located(locateBudget(await readGridFromFile(fixture("vastra-2025"))));
    expect([budget.unit, budget.budgetYear, budget.planYears]).toEqual(["kr", 2025, []]);
    expect(budget.members.map((m) => [m.party, m.population?.ref?.cell])).toEqual([
      ["stat", undefined],
      ["region", undefined],
      ["kommun", "B5"],
      ["kommun", "B6"],
      ["kommun", "B7"],
      ["kommun", "B8"],
      ["kommun", "B9"],
    ]);
    expect([
      budget.statedContributionTotal?.get(2025)?.value.toNumber(),
      budget.statedContributionTotal?.get(2025)?.ref?.cell,
    ]).toEqual([8644000, "B21"]);
    expect(total(budget.costs, 2025)).toBe(10010000);
    expect(budget.equityDrawdowns.map((l) => [l.label, l.amounts.get(2025)?.value.toNumber()])).toEqual([
      ["Ianspråktagna egna medel 2025", 1366000],
    ]);
    expect([budget.openingEquity?.value.toNumber(), budget.openingEquity?.ref?.cell]).toEqual([3050000, "B34"]);
  });

  it("Örnsköldsvik: tkr and negative costs become kronor, with the factor that leads back to the cell", async () => {
    const { budget } = located(locateBudget(await readGridFromFile(fixture("ornskoldsvik-2024"))));
    expect([budget.unit, budget.budgetYear, budget.planYears]).toEqual(["tkr", 2024, [2025, 2026]]);
    expect(amounts(budget, "Region Västernorrland")[0]).toEqual([2024, 1255500, "B5", 1000]);
    expect(budget.costs.find((l) => l.label.startsWith("Uppdragsersättning"))!.amounts.get(2024)).toMatchObject({
      factor: -1000,
    });
    expect([total(budget.costs, 2024), total(budget.costs, 2025), total(budget.costs, 2026)]).toEqual([
      5022000, 5022000, 5022000,
    ]);
    // Lines only, no subtotals: the two Summa rows are sums, checked against their lines.
    expect(budget.costs).toHaveLength(17);
    expect(budget.sums.filter((s) => s.year === 2024).map((s) => [s.label, s.parts.length])).toEqual([
      ["Parternas insats", 3],
      ["Summa administration", 7],
      ["Summa insatser", 10],
      ["Summa totala kostnader", 2],
    ]);
    expect(budget.openingEquity?.value.toNumber()).toBe(370000);
  });
});

describe("other layouts from the same vocabulary", () => {
  it("Degerfors/Karlskoga style: 'Medlemsbidrag …' rows, amounts typed with spaces, population beside them, negative costs", () => {
    const g = grid([
      sheet("Budget", [
        ["Samordningsförbundet Degerfors/Karlskoga – Verksamhets- och budgetplan 2022"],
        [],
        ["Intäkter, kr", "Budget 2022", "Invånare 2020-12-31"],
        ["Medlemsbidrag Försäkringskassa och Arbetsförmedlingen", "2 787 000"],
        ["Medlemsbidrag Region Örebro län", 1393500],
        ["Medlemsbidrag Degerfors kommun", "348\u00a0375", 9502],
        ["Medlemsbidrag Karlskoga kommun", "1045 125", 30418],
        ["Ränteintäkter", 0],
        ["Summa", 5574000],
        ["Kostnader, kr"],
        ["Coachingteamet", "−4 407 000"],
        ["Strukturella insatser", -602000],
        ["Summa", "-5 009 000"],
        ["Ingående eget kapital 2022-01-01", 1200000],
      ]),
    ]);
    const { budget, findings } = located(locateBudget(g));
    expect(
      budget.members.map((m) => [m.party, m.amounts.get(2022)?.value.toNumber(), m.population?.value.toNumber()]),
    ).toEqual([
      ["stat", 2787000, undefined],
      ["region", 1393500, undefined],
      ["kommun", 348375, 9502],
      ["kommun", 1045125, 30418],
    ]);
    expect(total(budget.costs, 2022)).toBe(5009000);
    expect(budget.costTotal?.get(2022)?.value.toNumber()).toBe(5009000);
    expect(budget.otherIncome.map((l) => l.label)).toEqual(["Ränteintäkter"]);
    expect(budget.openingEquity?.value.toNumber()).toBe(1200000);
    expect(findings.filter((f) => f.code === "INPUT_TEXT_AMOUNT").map((f) => f.cell)).toEqual([
      "B4",
      "B6",
      "B7",
      "B11",
      "B13",
    ]);
    expect(budget.sums.map((s) => [s.label, s.stated.value.toNumber(), s.parts.length])).toEqual([
      ["Summa", 5574000, 5],
      ["Summa", 5009000, 2],
    ]);
  });

  it("'Belopp i tkr', FK and AF as two rows, budget and plan headers, a forecast column, income booked negative", () => {
    const g = grid([
      sheet("Resultatbudget", [
        ["Resultatbudget, belopp i tkr"],
        ["", "Prognos 2025", "Budget 2026", "Plan 2027", "Plan 2028"],
        ["Intäkter"],
        ["Försäkringskassan", -1000, -1000, -900, -810],
        ["Arbetsförmedlingen", -1000, -1000, -900, -810],
        ["Region Gävleborg", -1000, -1000, -900, -810],
        ["Gävle kommun", -700, -700, -630, -567],
        ["Sandvikens kommun", -300, -300, -270, -243],
        ["Kostnader"],
        ["Personal", 3500, 3600, 3600, 3600],
        ["Lokaler", 400, 400, 400, 400],
        ["Summa kostnader", 3900, 4000, 4000, 4000],
        ["Eget kapital 2025-12-31", 800],
      ]),
    ]);
    const { budget } = located(locateBudget(g));
    expect([budget.unit, budget.budgetYear, budget.planYears]).toEqual(["tkr", 2026, [2027, 2028]]);
    expect(
      budget.members.map((m) => [m.party, m.amounts.get(2026)?.value.toNumber(), m.amounts.get(2026)?.factor]),
    ).toEqual([
      ["fk", 1000000, -1000],
      ["af", 1000000, -1000],
      ["region", 1000000, -1000],
      ["kommun", 700000, -1000],
      ["kommun", 300000, -1000],
    ]);
    expect(total(budget.costs, 2026)).toBe(4000000);
    expect(budget.openingEquity?.value.toNumber()).toBe(800000);
  });

  it("follow-up: outcome and forecast beside the budget of the same year", () => {
    const g = grid([
      sheet("Uppföljning", [
        ["Uppföljning 2025"],
        ["", "Budget 2025", "Utfall 2025", "Prognos 2025"],
        ["Intäkter"],
        ["Staten", 2000000, 2000000, 2000000],
        ["Region", 1000000, 1000000, 1000000],
        ["Ludvika kommun", 1000000, 1000000, 1000000],
        ["Kostnader"],
        ["Kansli", 1500000, 1300000, 1600000],
        ["Insatser", 2500000, 2600000, 2400000],
        ["Summa kostnader", 4000000, 3900000, 4000000],
      ]),
    ]);
    const { budget } = located(locateBudget(g));
    expect(
      budget.followUp.map((l) => [
        l.label,
        l.budget.value.toNumber(),
        l.outcome?.value.toNumber(),
        l.forecast?.value.toNumber(),
        l.forecast?.ref?.cell,
      ]),
    ).toEqual([
      ["Kansli", 1500000, 1300000, 1600000, "D8"],
      ["Insatser", 2500000, 2600000, 2400000, "D9"],
    ]);
    expect(budget.budgetFrame?.value.toNumber()).toBe(4000000);
  });

  it("a stated budget frame wins over the cost total as the frame", () => {
    const g = grid([
      sheet("Uppföljning", [
        ["", "Budget 2025", "Prognos 2025"],
        ["Intäkter"],
        ["Staten", 2000000],
        ["Region", 1000000],
        ["Ludvika kommun", 1000000],
        ["Kostnader"],
        ["Kansli", 1500000, 1600000],
        ["Insatser", 2500000, 2400000],
        ["Summa kostnader", 4000000, 4000000],
        ["Budgetram", 3900000],
      ]),
    ]);
    const { budget } = located(locateBudget(g));
    expect([budget.budgetFrame?.value.toNumber(), budget.budgetFrame?.ref?.cell]).toEqual([3900000, "B10"]);
  });

  it("tkr from the number format alone", () => {
    const g = grid([
      sheet("Budget", [
        ["", 2025],
        ["Intäkter"],
        ["Staten genom FK", 2000],
        ["Region", 1000],
        ["Kiruna kommun", 1000],
        ["Kostnader"],
        ["Kansli", 4000],
      ]),
    ]);
    const plain = g.sheets[0]!;
    const rows = new Map(
      [...plain.rows].map(([r, row]) => [r, { ...row, numberFormats: row.columns.map(() => '#,##0 "tkr"') }]),
    );
    const formatted = { ...plain, rows };
    const { budget } = located(locateBudget(grid([formatted])));
    expect([budget.unit, budget.members[0]!.amounts.get(2025)!.value.toNumber()]).toEqual(["tkr", 2000000]);
  });
});

describe("what cannot be read is said, with the cell", () => {
  const budgetRows = (): CellValue[][] => [
    ["Budget 2025"],
    ["", 2025],
    ["Intäkter"],
    ["Staten genom FK", 2000000],
    ["Region", 1000000],
    ["Kiruna kommun", 600000],
    ["Gällivare kommun", 400000],
    ["Kostnader"],
    ["Kansli", 1000000],
    ["Insatser", 3000000],
    ["Summa kostnader", 4000000],
  ];

  it("#REF! and text in amount cells", () => {
    const rows = budgetRows();
    rows[5] = ["Kiruna kommun", { error: "#REF!" }];
    rows[6] = ["Gällivare kommun", "saknas"];
    const { findings } = located(locateBudget(grid([sheet("Budget", rows)])));
    expect(findings.map((f) => [f.code, f.severity, f.cell])).toEqual([
      ["INPUT_ERROR_VALUE", "warning", "B6"],
      ["INPUT_TEXT_IN_AMOUNT", "warning", "B7"],
    ]);
    expect(findings[0]!.message.sv).toContain("Budget!B6 innehåller felvärdet #REF!");
  });

  it("hidden rows are read and counted, and said", () => {
    const { budget, findings } = located(locateBudget(grid([sheet("Budget", budgetRows(), { hiddenRows: [10] })])));
    expect(total(budget.costs, 2025)).toBe(4000000);
    expect(findings.map((f) => [f.code, f.severity, f.cell])).toEqual([["INPUT_HIDDEN_ROW", "info", "A10"]]);
  });

  it("a budget on a hidden sheet is read, and said", () => {
    const { location, findings } = located(
      locateBudget(grid([sheet("Start", [["Välkommen"]]), sheet("Budget", budgetRows(), { visible: false })])),
    );
    expect(location.sheet).toBe("Budget");
    expect(findings.map((f) => f.code)).toEqual(["INPUT_HIDDEN_SHEET"]);
  });

  it("merged title cells (null beside the first) do not disturb the reading", () => {
    const rows = budgetRows();
    rows[0] = ["Budget 2025 för Samordningsförbundet Malmfälten", null, null];
    expect(located(locateBudget(grid([sheet("Budget", rows)]))).budget.members).toHaveLength(4);
  });

  it("a workbook with no budget", () => {
    const result = locateBudget(grid([sheet("Anteckningar", [["Styrelsemöte"], ["Närvarande", "Ordförande"]])]));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason.sv).toMatch(/ingen budget/);
  });
});

describe("the workbook's own mapping wins over detection", () => {
  const rows = [
    ["Budget 2025"],
    ["", 2025],
    ["Intäkter"],
    ["Staten genom FK", 2000000],
    ["Region Norrbotten", 1000000],
    ["Kiruna", 600000],
    ["Gällivare", 400000],
    ["Kostnader"],
    ["Kansli", 4000000],
    ["EK vid årets start", 900000],
  ];
  const folk = sheet("Underlag", [
    ["Kommun", "Antal"],
    ["Kiruna", 22500],
    ["Gällivare", 17500],
  ]);

  it("Finsam_Medlemmar, Finsam_Befolkning and Finsam_EgetKapital name the cells detection cannot know", () => {
    const g = grid(
      [sheet("Budget", rows), folk],
      [
        { name: "Finsam_Medlemmar", ref: "'Budget'!$A$4:$A$7" },
        { name: "Finsam_Befolkning", ref: "Underlag!$B$2:$B$3" },
        { name: "Finsam_EgetKapital", ref: "Budget!$B$10" },
      ],
    );
    const { budget } = located(locateBudget(g));
    expect(
      budget.members.map((m) => [m.name, m.party, m.population?.value.toNumber(), m.population?.ref?.cell]),
    ).toEqual([
      ["Staten genom FK", "stat", undefined, undefined],
      ["Region Norrbotten", "region", undefined, undefined],
      ["Kiruna", "kommun", 22500, "B2"],
      ["Gällivare", "kommun", 17500, "B3"],
    ]);
    expect([budget.openingEquity?.value.toNumber(), budget.openingEquity?.ref?.cell]).toEqual([900000, "B10"]);
  });

  it("without the mapping, the register of kommuner knows the bare names; the population headed only Antal is not found", () => {
    const { budget } = located(locateBudget(grid([sheet("Budget", rows), folk])));
    expect(budget.members.map((m) => [m.party, m.population])).toEqual([
      ["stat", undefined],
      ["region", undefined],
      ["kommun", undefined],
      ["kommun", undefined],
    ]);
  });

  it("a name that points at deleted cells is an INPUT_MAPPING error, and detection goes on", () => {
    const g = grid([sheet("Budget", rows), folk], [{ name: "Finsam_Befolkning", ref: "'Gammalt blad'!$B$2:$B$3" }]);
    const result = located(locateBudget(g));
    expect(result.findings.map((f) => [f.code, f.severity])).toEqual([["INPUT_MAPPING", "error"]]);
    expect(result.findings[0]!.message.sv).toContain("Finsam_Befolkning");
  });
});
