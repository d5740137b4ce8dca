/**
 * Writes the layout corpus, test/fixtures/layouts/: each fixture an .xlsx and,
 * beside it, the report it must give (.json). Run: npx tsx scripts/make-layouts.ts
 *
 * The budgets are test/layouts/budgets.ts (the seeds' numbers and made-up
 * förbund); the layouts are the generator's variations (test/layouts/generator.ts),
 * and two follow-up workbooks are written here by hand. The expected numbers
 * come from test/layouts/expected.ts, a calculation of its own with decimal.js
 * (never the add-in), whose results test/layouts/expected.test.ts checks
 * against DOMAIN.md's worked numbers.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import * as budgets from "../test/layouts/budgets";
import type { FixtureExpectation } from "../test/layouts/compare";
import { RULE_CODES } from "../test/layouts/expected";
import { expectationFor } from "../test/layouts/expectation";
import { render, VARIATIONS, type Rendering, type Variation } from "../test/layouts/generator";
import type { AbstractBudget } from "../test/layouts/model";

export const LAYOUTS_DIR = resolve(__dirname, "../test/fixtures/layouts");

interface Spec {
  readonly name: string;
  readonly budget: () => AbstractBudget;
  readonly variations: readonly Variation[];
  readonly description: string;
  readonly source: string;
}

const SEED = {
  vastra:
    "seed 001 (Västra Östergötland 2025, Bilaga 2); plan years and lines as assets/exempel-budget.xlsx; equity per DOMAIN.md",
  samo: "seed 000 (Östra Östergötland 2023–2025, 12.2); costs and drawdowns as shared/fixtures/samo-2023.xlsx; equity per DOMAIN.md",
  ornskoldsvik:
    "seed 003 (Örnsköldsvik 2024, Budget 2024, Plan 2025–2026, tkr), every line; equity ≈ 370 tkr per the seed",
  degerfors:
    "seed 002 (Degerfors/Karlskoga 2022, 5.1); population chosen 1:3 to give the seed's kommun amounts; opening equity chosen",
  degerforsPlan: "seed 002 (Degerfors/Karlskoga 2022, 5.2 Budgetöversikt: 2022 and the 2023–2024 prognos)",
  centrala:
    "seed 004 (Centrala Östergötland 2025, Resultatbudget, target 1,8 Mkr +/- 20 %); kommuner, population and plan years made up",
  kungalv: "made up: a sound four-kommun budget (no error, no warning)",
  sydnarke: "made up on Sydnärke's kommuner (approximate population); sound",
};

/** Mkr, and the variations added after fixture 22 was written: the layout property's, not this fixture's. */
const LATER_VARIATIONS: readonly Variation[] = [
  "Mkr",
  "historyColumn",
  "hiddenSuperseded",
  "quarters",
  "secondForbund",
  "planSheet",
  "turned",
  "export",
];

export const SPECS: readonly Spec[] = [
  {
    name: "01-vastra-canonical",
    budget: budgets.vastra2025,
    variations: [],
    source: SEED.vastra,
    description: "One sheet, years as columns, kr, population on its own sheet: the layout the reader was built on.",
  },
  {
    name: "02-vastra-split-sheets",
    budget: budgets.vastra2025,
    variations: ["splitSheets"],
    source: SEED.vastra,
    description:
      "Members on 'Medlemsavgifter 2025', the result budget on 'Resultatbudget' with a 'Medlemsavgifter' line, population on 'Invånare' headed 'Invånare 31/12 2024'.",
  },
  {
    name: "03-vastra-split-totals-formulas",
    budget: budgets.vastra2025,
    variations: ["splitSheets", "totalsRows", "subtotals", "formulas"],
    source: SEED.vastra,
    description:
      "Split over three sheets, with members' total, Kommunernas andel (25 %), subtotals per insats group, Summa kostnader, Årets resultat and equity at start and end of each year, all as formulas with cached values; 'Medlemsavgifter' in the result budget refers to the members' sheet.",
  },
  {
    name: "04-vastra-years-as-rows-text",
    budget: budgets.vastra2025,
    variations: ["yearsAsRows", "textAmounts", "synonyms"],
    source: SEED.vastra,
    description:
      "Members with years as rows and parties as columns, amounts typed as text with no-break spaces, 'Medlemsbidrag …' labels.",
  },
  {
    name: "05-samo-canonical",
    budget: budgets.samo2023,
    variations: [],
    source: SEED.samo,
    description: "FK and AF as two rows, Finspång's extra krona, financial income in 2023 only, drawdowns.",
  },
  {
    name: "06-samo-years-as-rows",
    budget: budgets.samo2023,
    variations: ["yearsAsRows", "totalsRows"],
    source: SEED.samo,
    description:
      "Years as rows with a 'Summa' column (17 282 001 in 2023: a PARTY_SPLIT on it), the result budget with totals, result and equity rows.",
  },
  {
    name: "07-samo-kommunernas-andel-formulas",
    budget: budgets.samo2023,
    variations: ["totalsRows", "formulas"],
    source: SEED.samo,
    description:
      "'Kommunernas andel (25 %)' under the kommuner, 'Summa intäkter' over members, income and drawdown, result and equity rows, as formulas.",
  },
  {
    name: "08-samo-text-nbsp",
    budget: budgets.samo2023,
    variations: ["textAmounts"],
    source: SEED.samo,
    description: "Member amounts, population and opening equity typed as text with no-break spaces.",
  },
  {
    name: "09-ornskoldsvik-tkr-negative-subtotals",
    budget: budgets.ornskoldsvik2024,
    variations: ["tkr", "negativeCosts", "subtotals", "totalsRows"],
    source: SEED.ornskoldsvik,
    description:
      "The seed's own layout: tkr, costs negative, 'Summa administration'/'Summa insatser' subtotals, totals, one kommun.",
  },
  {
    name: "10-ornskoldsvik-tkr-text",
    budget: budgets.ornskoldsvik2024,
    variations: ["tkr", "textAmounts", "negativeCosts"],
    source: SEED.ornskoldsvik,
    description: "tkr with decimal comma as text ('1\u00a0255,5'), costs negative.",
  },
  {
    name: "11-degerfors-year-in-title",
    budget: budgets.degerfors2022,
    variations: ["yearInTitle", "synonyms", "subtotals"],
    source: SEED.degerfors,
    description:
      "One year, standing only in the title 'Verksamhets- och budgetplan 2022', column headed 'Budget'; 'Medlemsbidrag …' labels, 'Folkmängd 31 dec 2021'; a subtotal per cost group; a cost line called 'Medlemsavgifter'.",
  },
  {
    name: "12-degerfors-year-in-sheet-name-accounts",
    budget: budgets.degerfors2022,
    variations: ["yearInSheetName", "accountColumn"],
    source: SEED.degerfors,
    description: "One year, only in the sheet name 'Budget 2022'; an account-number column before the labels.",
  },
  {
    name: "13-degerfors-plan-split-rows-pop-beside",
    budget: budgets.degerfors2022Plan,
    variations: ["splitSheets", "yearsAsRows", "populationBeside"],
    source: SEED.degerforsPlan,
    description:
      "Members on 'Medlemsavgifter 2022' with years as rows and a row 'Invånare 31/12 2021' under them; result budget on 'Resultatbudget'.",
  },
  {
    name: "14-centrala-split-negative-target",
    budget: budgets.centrala2025,
    variations: ["splitSheets", "negativeCosts", "totalsRows", "synonyms"],
    source: SEED.centrala,
    description:
      "Result budget with 'Summa verksamhetens intäkter/kostnader', negative costs, 'Resultat', equity rows; members on their own sheet; equity target as text '1,8 Mkr +/- 20 %'.",
  },
  {
    name: "15-centrala-mkr-merged",
    budget: budgets.centrala2025,
    variations: ["Mkr", "mergedHeaders"],
    source: SEED.centrala,
    description:
      "Amounts in Mkr, merged title and merged 'Budget' / 'Plan' headers over numeric year headers; equity target as text.",
  },
  {
    name: "16-kungalv-names-across-sheets",
    budget: budgets.kungalv2024,
    variations: ["splitSheets", "synonyms"],
    source: SEED.kungalv,
    description:
      "Kommun names as 'Medlemsbidrag Kungälvs kommun' (members), 'KUNGÄLVS KOMMUN' (population, 'Folkmängd 31 dec 2023'); a sound budget: no error.",
  },
  {
    name: "17-kungalv-blank-merged",
    budget: budgets.kungalv2024,
    variations: ["blankRowsCols", "mergedHeaders"],
    source: SEED.kungalv,
    description: "Table from B3, a blank column after the labels, blank rows, merged headers; sound.",
  },
  {
    name: "18-kungalv-accounts-totals-formulas",
    budget: budgets.kungalv2024,
    variations: ["accountColumn", "totalsRows", "formulas"],
    source: SEED.kungalv,
    description:
      "Account numbers before the labels, totals, result and equity rows as formulas (=B24+B22 rolls equity); sound.",
  },
  {
    name: "19-kungalv-population-beside",
    budget: budgets.kungalv2024,
    variations: ["populationBeside"],
    source: SEED.kungalv,
    description:
      "Population in a column headed 'Invånare 31/12 2023' right of the year columns (not a year column); sound.",
  },
  {
    name: "20-sydnarke-mkr-negative",
    budget: budgets.sydnarke2025,
    variations: ["Mkr", "negativeCosts"],
    source: SEED.sydnarke,
    description: "Mkr with six decimals, costs negative; sound.",
  },
  {
    name: "21-sydnarke-tkr-formulas-blank",
    budget: budgets.sydnarke2025,
    variations: ["tkr", "totalsRows", "subtotals", "formulas", "blankRowsCols"],
    source: SEED.sydnarke,
    description: "tkr, subtotals and totals as formulas, blank rows and columns; sound.",
  },
  {
    name: "22-sydnarke-everything",
    budget: budgets.sydnarke2025,
    // The variations there were when it was written; later ones are the layout property's.
    variations: VARIATIONS.filter((v) => !LATER_VARIATIONS.includes(v)),
    source: SEED.sydnarke,
    description:
      "Every variation at once (tkr): split sheets, years as rows, text, synonyms, year in title and sheet name, blanks, merges, accounts, totals, subtotals, formulas, population beside.",
  },
  {
    name: "23-samo-merged-accounts-blank",
    budget: budgets.samo2023,
    variations: ["mergedHeaders", "accountColumn", "blankRowsCols"],
    source: SEED.samo,
    description: "Merged headers, account column, blank rows and columns.",
  },
  {
    name: "24-ornskoldsvik-split-rows-tkr",
    budget: budgets.ornskoldsvik2024,
    variations: ["splitSheets", "yearsAsRows", "tkr"],
    source: SEED.ornskoldsvik,
    description:
      "tkr, members with years as rows on 'Medlemsavgifter 2024', result budget on 'Resultatbudget', one kommun.",
  },
  {
    name: "25-centrala-canonical-target",
    budget: budgets.centrala2025,
    variations: [],
    source: SEED.centrala,
    description:
      "One sheet, other income lines (EU-medel, övriga intäkter), equity target as text '1,8 Mkr +/- 20 %' beside its label.",
  },
  {
    name: "26-degerfors-canonical",
    budget: budgets.degerfors2022,
    variations: [],
    source: SEED.degerfors,
    description:
      "One year with its year in the header ('Budget 2022'), 'Överskott'-style drawdown, the cost line 'Medlemsavgifter'.",
  },
  {
    name: "27-kungalv-canonical",
    budget: budgets.kungalv2024,
    variations: [],
    source: SEED.kungalv,
    description: "Sound budget in the canonical layout.",
  },
  {
    name: "28-sydnarke-canonical",
    budget: budgets.sydnarke2025,
    variations: [],
    source: SEED.sydnarke,
    description: "Sound budget, FK and AF as two rows, in the canonical layout.",
  },
  {
    name: "29-vastra-year-in-sheet-name-negative",
    budget: budgets.vastra2025,
    variations: ["yearInSheetName", "negativeCosts", "totalsRows", "synonyms"],
    source: SEED.vastra,
    description:
      "Sheet 'Budget 2025', column 'Budget' then 'Plan 2026'/'Plan 2027', costs negative, 'Eget kapital vid årets början/slut', 'Användning av eget kapital'.",
  },
];

/** A spec's workbook and the report it must give. */
export function renderSpec(spec: Spec): { workbook: ExcelJS.Workbook; expectation: FixtureExpectation } {
  const budget = spec.budget();
  const rendering = render(budget, spec.variations);
  const text = {
    fixture: spec.name,
    description: spec.description,
    exercises: spec.variations.length ? spec.variations : ["canonical"],
    source: spec.source,
  };
  return { workbook: rendering.workbook, expectation: expectationFor(text, budget, rendering) };
}

/** A workbook written cell by cell, recording where each abstract cell went (as the generator does). */
class Hand {
  readonly workbook = new ExcelJS.Workbook();
  readonly cells = new Map<string, { sheet: string; cell: string }>();
  constructor() {
    this.workbook.created = new Date("2025-11-03T00:00:00Z");
    this.workbook.modified = this.workbook.created;
  }
  put(ws: ExcelJS.Worksheet, address: string, value: ExcelJS.CellValue, key?: string): void {
    ws.getCell(address).value = value;
    if (typeof value === "number" || (value && typeof value === "object" && "formula" in value))
      ws.getCell(address).numFmt = "#,##0";
    if (key) this.cells.set(key, { sheet: ws.name, cell: address });
  }
  rendering(extraFindings: Rendering["extraFindings"] = []): Rendering {
    return { workbook: this.workbook, cells: this.cells, unit: "kr", extraFindings };
  }
}

const COLS = ["B", "C", "D", "E"];

/** 32: a summary sheet with year columns (Utfall 2023, Prognos 2024, Budget 2025) in front of the real one-year budget. */
function decoySummary(): { workbook: ExcelJS.Workbook; expectation: FixtureExpectation } {
  const budget = budgets.firstYearOnly(budgets.sydnarke2025());
  const rendering = render(budget, []);
  const ws = rendering.workbook.addWorksheet("Översikt");
  ws.getColumn(1).width = 32;
  ws.getCell("A1").value = "Samordningsförbundet Sydnärke – ekonomin i sammandrag";
  ws.getRow(3).values = ["", "Utfall 2023", "Prognos 2024", "Budget 2025"];
  const rows: [string, number, number, number][] = [
    ["Medlemsavgifter", 4_650_000, 4_700_000, 4_800_000],
    ["Övriga intäkter", 3_000, 4_000, 5_000],
    ["Kostnader", 4_500_000, 4_720_000, 4_770_000],
    ["Årets resultat", 153_000, -16_000, 35_000],
    ["Eget kapital vid årets slut", 816_000, 800_000, 835_000],
  ];
  rows.forEach((r, i) => (ws.getRow(4 + i).values = r));
  // The summary first, as workbooks often have it.
  const sheets = rendering.workbook.worksheets;
  sheets.forEach((s, i) => ((s as unknown as { orderNo: number }).orderNo = s === ws ? 0 : i + 1));
  return {
    workbook: rendering.workbook,
    expectation: expectationFor(
      {
        fixture: "32-sydnarke-decoy-summary",
        description:
          "A summary sheet 'Översikt' with year columns (Utfall 2023, Prognos 2024, Budget 2025) before the real budget 'Budget', which has one year column; the budget is the one-column sheet.",
        exercises: ["summarySheet", "oneYear"],
        source: SEED.sydnarke,
      },
      budget,
      rendering,
    ),
  };
}

/** 33: kommun amounts as =ROUND(quarter × population / total, 0) beside their population, the quarter a formula too. */
function roundFormulas(): { workbook: ExcelJS.Workbook; expectation: FixtureExpectation } {
  const budget = budgets.sydnarkeRounded();
  const years = budget.years;
  const h = new Hand();
  const m = h.workbook.addWorksheet("Medlemsavgifter");
  m.getColumn(1).width = 30;
  h.put(m, "A1", "Samordningsförbundet Sydnärke – medlemsavgifter 2025–2027 (kr)");
  h.put(m, "A3", "Medlem");
  h.put(m, "B3", "Invånare 31/12 2024");
  years.forEach((y, i) => h.put(m, `${COLS[i + 1]}3`, y));
  const state = budget.state.kind === "fkaf" ? budget.state : undefined;
  years.forEach((y, i) => {
    const c = COLS[i + 1]!;
    h.put(m, `${c}4`, state!.fk[y]!, `member:fk:${y}`);
    h.put(m, `${c}5`, state!.af[y]!, `member:af:${y}`);
    h.put(m, `${c}6`, { formula: `ROUND((${c}4+${c}5)/2,0)`, result: budget.region.amounts[y]! }, `member:region:${y}`);
    h.put(m, `${c}7`, { formula: `ROUND((${c}4+${c}5)/2,0)`, result: 1_200_000 }, `kommunShareRow:${y}`);
  });
  h.put(m, "A4", "Försäkringskassan");
  h.put(m, "A5", "Arbetsförmedlingen");
  h.put(m, "A6", budget.region.label);
  h.put(m, "A7", "Kommunernas andel (25 %)");
  const first = 8;
  const last = first + budget.kommuner.length - 1;
  const popTotal = budget.kommuner.reduce((s, k) => s + k.population, 0);
  budget.kommuner.forEach((k, i) => {
    const r = first + i;
    h.put(m, `A${r}`, k.official);
    h.put(m, `B${r}`, k.population, `pop:${k.name}`);
    years.forEach((y, j) => {
      const c = COLS[j + 1]!;
      h.put(
        m,
        `${c}${r}`,
        { formula: `ROUND(${c}$7*$B${r}/$B$${last + 1},0)`, result: k.amounts[y]! },
        `member:${k.name}:${y}`,
      );
    });
  });
  h.put(m, `A${last + 1}`, "Summa kommuner");
  h.put(m, `B${last + 1}`, { formula: `SUM(B${first}:B${last})`, result: popTotal });
  const kommunSum = budget.kommuner.reduce((s, k) => s + k.amounts[years[0]!]!, 0);
  years.forEach((y, j) => {
    const c = COLS[j + 1]!;
    h.put(m, `${c}${last + 1}`, { formula: `SUM(${c}${first}:${c}${last})`, result: kommunSum });
    h.put(
      m,
      `${c}${last + 3}`,
      { formula: `${c}4+${c}5+${c}6+${c}${last + 1}`, result: 3_600_000 + kommunSum },
      `membersTotal:${y}`,
    );
  });
  h.put(m, `A${last + 3}`, "Summa medlemsavgifter");

  const r = h.workbook.addWorksheet("Resultatbudget");
  r.getColumn(1).width = 34;
  h.put(r, "A1", "Resultatbudget 2025–2027 (kr)");
  years.forEach((y, i) => h.put(r, `${COLS[i]}3`, `${i === 0 ? "Budget" : "Plan"} ${y}`));
  h.put(r, "A4", "Medlemsavgifter");
  h.put(r, "A5", budget.otherIncome[0]!.label);
  const lines = budget.costGroups.flatMap((g) => g.lines);
  lines.forEach((l, i) => h.put(r, `A${7 + i}`, l.label));
  const totalRow = 7 + lines.length;
  h.put(r, `A${totalRow}`, "Summa kostnader");
  h.put(r, `A${totalRow + 2}`, "Eget kapital vid årets början");
  years.forEach((y, j) => {
    const c = COLS[j]!;
    const mc = COLS[j + 1]!;
    h.put(
      r,
      `${c}4`,
      { formula: `Medlemsavgifter!${mc}${last + 3}`, result: 3_600_000 + kommunSum },
      `membersLine:${y}`,
    );
    h.put(r, `${c}5`, budget.otherIncome[0]!.amounts[y]!, `income:0:${y}`);
    lines.forEach((l, i) => h.put(r, `${c}${7 + i}`, l.amounts[y]!, `cost:${i}:${y}`));
    const costs = lines.reduce((s, l) => s + l.amounts[y]!, 0);
    h.put(r, `${c}${totalRow}`, { formula: `SUM(${c}7:${c}${totalRow - 1})`, result: costs }, `costTotal:${y}`);
  });
  h.put(r, `B${totalRow + 2}`, budget.openingEquity, "equity:opening");
  const extra = years.map((y) => ({ code: "PARTY_SPLIT", year: y, key: `membersTotal:${y}` }));
  return {
    workbook: h.workbook,
    expectation: expectationFor(
      {
        fixture: "33-sydnarke-round-formulas",
        description:
          "Kommun amounts as =ROUND(C$7*$B8/$B$13,0) beside their population ('Invånare 31/12 2024'), the quarter as a formula: Askersund gets 213 773 where largest remainder gives 213 774 (an information finding), the kommuner and the members' total are a krona short.",
        exercises: ["roundFormulas", "populationBeside", "kommunernasAndel", "splitSheets"],
        source: "made up on Sydnärke's kommuner (budgets.ts, sydnarkeRounded)",
      },
      budget,
      h.rendering(extra),
    ),
  };
}

/** 34: seed 004's Resultatbudget shape over three years: financial items after the result, result rows between. */
function centralaSeedShape(): { workbook: ExcelJS.Workbook; expectation: FixtureExpectation } {
  const budget = budgets.centrala2025();
  const years = budget.years;
  const h = new Hand();
  const r = h.workbook.addWorksheet("Resultatbudget 2025");
  const m = h.workbook.addWorksheet("Medlemsavgifter 2025");
  const p = h.workbook.addWorksheet("Befolkning");
  r.getColumn(1).width = 40;
  m.getColumn(1).width = 30;
  const [eu, ovriga, finInt] = budget.otherIncome;
  const [personal, lokal, ovrigaK, avskr, finKost] = budget.costGroups[0]!.lines;
  h.put(r, "A1", "Resultatbudget 2025–2027");
  h.put(r, "B1", "Belopp i kr");
  years.forEach((y, i) => h.put(r, `${COLS[i]}3`, `${i === 0 ? "Budget" : "Plan"} ${y}`));
  const labels: [number, string][] = [
    [4, "Verksamhetens intäkter"],
    [5, "Medlemsavgifter"],
    [6, eu!.label],
    [7, ovriga!.label],
    [8, "Summa verksamhetens intäkter"],
    [9, "Verksamhetens kostnader"],
    [10, personal!.label],
    [11, lokal!.label],
    [12, ovrigaK!.label],
    [13, "Summa verksamhetens kostnader"],
    [14, avskr!.label],
    [15, "Verksamhetens nettokostnader"],
    [16, "Verksamhetens resultat"],
    [17, finInt!.label],
    [18, finKost!.label],
    [19, "Resultat efter finansiella poster"],
    [20, "Årets resultat"],
    [22, "Eget kapital vid årets början"],
    [23, "Eget kapital vid årets slut"],
    [25, "Mål för eget kapital"],
  ];
  for (const [row, label] of labels) h.put(r, `A${row}`, label);
  h.put(r, "B25", budget.equityTarget!.text, "equityTarget");
  let opening = budget.openingEquity;
  years.forEach((y, j) => {
    const c = COLS[j]!;
    const members = 13_399_500;
    const income = members + eu!.amounts[y]! + ovriga!.amounts[y]!;
    const costs = personal!.amounts[y]! + lokal!.amounts[y]! + ovrigaK!.amounts[y]!;
    const net = income - costs - avskr!.amounts[y]!;
    const result = net + finInt!.amounts[y]! - finKost!.amounts[y]!;
    h.put(r, `${c}5`, { formula: `'Medlemsavgifter 2025'!${c}12`, result: members }, `membersLine:${y}`);
    h.put(r, `${c}6`, eu!.amounts[y]!, `income:0:${y}`);
    h.put(r, `${c}7`, ovriga!.amounts[y]!, `income:1:${y}`);
    h.put(r, `${c}8`, { formula: `SUM(${c}5:${c}7)`, result: income }, `incomeTotal:${y}`);
    h.put(r, `${c}10`, -personal!.amounts[y]!, `cost:0:${y}`);
    h.put(r, `${c}11`, -lokal!.amounts[y]!, `cost:1:${y}`);
    h.put(r, `${c}12`, -ovrigaK!.amounts[y]!, `cost:2:${y}`);
    h.put(r, `${c}13`, { formula: `SUM(${c}10:${c}12)`, result: -costs }, `subtotal:0:${y}`);
    h.put(r, `${c}14`, -avskr!.amounts[y]!, `cost:3:${y}`);
    h.put(r, `${c}15`, { formula: `${c}8+${c}13+${c}14`, result: net });
    h.put(r, `${c}16`, { formula: `${c}15`, result: net });
    h.put(r, `${c}17`, finInt!.amounts[y]!, `income:2:${y}`);
    h.put(r, `${c}18`, -finKost!.amounts[y]!, `cost:4:${y}`);
    h.put(r, `${c}19`, { formula: `${c}16+${c}17+${c}18`, result: result });
    h.put(r, `${c}20`, { formula: `${c}19`, result: result }, `result:${y}`);
    if (j === 0) h.put(r, "B22", opening, "equity:opening");
    else h.put(r, `${c}22`, { formula: `${COLS[j - 1]}23`, result: opening });
    h.put(r, `${c}23`, { formula: `${c}22+${c}20`, result: opening + result }, `closing:${y}`);
    opening += result;
  });
  h.put(m, "A1", "Medlemsavgifter 2025–2027 (kr)");
  years.forEach((y, i) => h.put(m, `${COLS[i]}3`, `${i === 0 ? "Budget" : "Plan"} ${y}`));
  const state = budget.state.kind === "fkaf" ? budget.state : undefined;
  const memberRows: [string, string, (y: number) => number][] = [
    ["Försäkringskassan", "fk", (y) => state!.fk[y]!],
    ["Arbetsförmedlingen", "af", (y) => state!.af[y]!],
    [budget.region.label, "region", (y) => budget.region.amounts[y]!],
    ...budget.kommuner.map((k): [string, string, (y: number) => number] => [k.official, k.name, (y) => k.amounts[y]!]),
  ];
  memberRows.forEach(([label, key, amount], i) => {
    h.put(m, `A${4 + i}`, label);
    years.forEach((y, j) => h.put(m, `${COLS[j]}${4 + i}`, amount(y), `member:${key}:${y}`));
  });
  h.put(m, "A12", "Summa medlemsavgifter");
  years.forEach((y, j) =>
    h.put(m, `${COLS[j]}12`, { formula: `SUM(${COLS[j]}4:${COLS[j]}10)`, result: 13_399_500 }, `membersTotal:${y}`),
  );
  h.put(p, "A1", "Kommun");
  h.put(p, "B1", "Folkmängd 31 dec 2024");
  budget.kommuner.forEach((k, i) => {
    h.put(p, `A${2 + i}`, k.name);
    h.put(p, `B${2 + i}`, k.population, `pop:${k.name}`);
  });
  return {
    workbook: h.workbook,
    expectation: expectationFor(
      {
        fixture: "34-centrala-seed-shape",
        description:
          "Seed 004's Resultatbudget over three years: 'Summa verksamhetens intäkter/kostnader', Avskrivningar after the subtotal, 'Verksamhetens nettokostnader', 'Verksamhetens resultat', then Finansiella intäkter and kostnader, 'Resultat efter finansiella poster', 'Årets resultat', equity rolled by formulas, target '1,8 Mkr +/- 20 %'; members on 'Medlemsavgifter 2025', population 'Folkmängd 31 dec 2024'.",
        exercises: [
          "resultRows",
          "financialItemsAfterResult",
          "splitSheets",
          "equityTargetText",
          "formulas",
          "negativeCosts",
        ],
        source: SEED.centrala,
      },
      budget,
      h.rendering(),
    ),
  };
}

/**
 * 35: the members' total on 'Medlemsavgifter 2025' and the 'Medlemsavgifter' line of the result budget disagree
 * (10 000 kr typed too much in the result budget for 2025). The members' rows decide the plan; the line must be
 * flagged on its cell, whatever code the check gets.
 */
function crossSheetMismatch(): { workbook: ExcelJS.Workbook; expectation: FixtureExpectation } {
  const budget = budgets.sydnarke2025();
  const rendering = render(budget, ["splitSheets"]);
  const line = rendering.cells.get("membersLine:2025")!;
  rendering.workbook.getWorksheet(line.sheet)!.getCell(line.cell).value = 4_810_000;
  const expectation = expectationFor(
    {
      fixture: "35-sydnarke-cross-sheet-mismatch",
      description:
        "Split over sheets; the result budget's 'Medlemsavgifter' 2025 says 4 810 000 where the members' sheet adds up to 4 800 000: the members' rows decide, and the result budget's cell must be flagged.",
      exercises: ["splitSheets", "crossSheetCheck"],
      source: SEED.sydnarke,
    },
    budget,
    rendering,
  );
  return {
    workbook: rendering.workbook,
    expectation: {
      ...expectation,
      findings: {
        ...expectation.findings,
        mustFlag: [{ ...line, why: "Medlemsavgifter i resultatbudgeten (4 810 000) ≠ medlemmarnas summa (4 800 000)" }],
      },
    },
  };
}

/** The fixtures written cell by cell (or changed by hand after the generator). */
export function handFixtures(): { workbook: ExcelJS.Workbook; expectation: FixtureExpectation }[] {
  return [decoySummary(), roundFormulas(), centralaSeedShape(), crossSheetMismatch()];
}

interface FollowUpLine {
  readonly label: string;
  readonly budget: number;
  readonly outcome: number;
  readonly forecast: number;
}

/** A follow-up workbook (Rule 5/6): budget, utfall and helårsprognos per insats and a budgetram; no members. */
async function followUp(
  name: string,
  title: string,
  lines: readonly FollowUpLine[],
  frame: number,
  description: string,
  source: string,
): Promise<{ workbook: ExcelJS.Workbook; expectation: FixtureExpectation }> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date("2025-09-15T00:00:00Z");
  wb.modified = wb.created;
  const sheetName = "Uppföljning aug 2025";
  const ws = wb.addWorksheet(sheetName);
  ws.getColumn(1).width = 36;
  ws.getCell("A1").value = title;
  ws.getCell("A1").font = { bold: true };
  ws.getRow(3).values = [
    "Insats",
    "Budget 2025",
    "Utfall jan–aug 2025",
    "Helårsprognos 2025",
    "Avvikelse budget–prognos",
  ];
  ws.getRow(3).font = { bold: true };
  const expected: FixtureExpectation["findings"]["expected"][number][] = [];
  lines.forEach((l, i) => {
    const r = 4 + i;
    ws.getRow(r).values = [
      l.label,
      l.budget,
      l.outcome,
      l.forecast,
      { formula: `B${r}-D${r}`, result: l.budget - l.forecast },
    ];
    if (l.outcome > l.budget) expected.push({ code: "LINE_OVER_BUDGET", year: 2025, sheet: sheetName, cell: `C${r}` });
    if (l.forecast > l.budget) expected.push({ code: "LINE_OVER_BUDGET", year: 2025, sheet: sheetName, cell: `D${r}` });
  });
  const last = 3 + lines.length;
  const total = (f: (l: FollowUpLine) => number) => lines.reduce((s, l) => s + f(l), 0);
  ws.getRow(last + 1).values = [
    "Summa",
    { formula: `SUM(B4:B${last})`, result: total((l) => l.budget) },
    { formula: `SUM(C4:C${last})`, result: total((l) => l.outcome) },
    { formula: `SUM(D4:D${last})`, result: total((l) => l.forecast) },
    { formula: `SUM(E4:E${last})`, result: total((l) => l.budget - l.forecast) },
  ];
  ws.getRow(last + 1).font = { bold: true };
  ws.getCell(`A${last + 3}`).value = "Budgetram 2025";
  ws.getCell(`B${last + 3}`).value = frame;
  for (let r = 4; r <= last + 3; r++) for (const c of [2, 3, 4, 5]) ws.getCell(r, c).numFmt = "#,##0";
  if (total((l) => l.forecast) > frame)
    expected.push({ code: "CEILING_EXCEEDED", year: 2025, sheet: sheetName, cell: `B${last + 3}` });
  return {
    workbook: wb,
    expectation: {
      fixture: name,
      description,
      exercises: ["followUp", "noMembers", "budgetFrame"],
      source,
      kind: "follow-up",
      unit: "kr",
      budgetYear: 2025,
      members: [],
      findings: {
        expected,
        mustNotAppear: RULE_CODES.filter((c) => !expected.some((f) => f.code === c)),
      },
    },
  };
}

const VASTRA_FOLLOW_UP: FollowUpLine[] = [
  { label: "Kansli 1.0", budget: 1_600_000, outcome: 1_050_000, forecast: 1_580_000 },
  { label: "Nätverk 2.4.1", budget: 3_260_000, outcome: 2_600_000, forecast: 3_400_000 },
  { label: "Försteg 4.0", budget: 2_700_000, outcome: 2_750_000, forecast: 2_900_000 },
  { label: "Digitaliseringscenter 4.2", budget: 1_190_000, outcome: 700_000, forecast: 1_100_000 },
  { label: "Fontänhus 6.1", budget: 500_000, outcome: 330_000, forecast: 500_000 },
  { label: "Utbildning 11.1", budget: 100_000, outcome: 40_000, forecast: 80_000 },
  { label: "Utveckling-struktur 11.7", budget: 450_000, outcome: 200_000, forecast: 400_000 },
];

const SYDNARKE_FOLLOW_UP: FollowUpLine[] = [
  { label: "Kansli", budget: 1_100_000, outcome: 700_000, forecast: 1_080_000 },
  { label: "Styrelse och revision", budget: 150_000, outcome: 90_000, forecast: 150_000 },
  { label: "Resursteam", budget: 2_300_000, outcome: 1_500_000, forecast: 2_250_000 },
  { label: "Kartläggning och vägledning", budget: 1_100_000, outcome: 650_000, forecast: 1_000_000 },
  { label: "Hälsofrämjande insatser", budget: 120_000, outcome: 40_000, forecast: 90_000 },
];

/** The workbook's bytes with every zip entry dated the same, so a regenerated fixture is byte for byte the same. */
async function stableBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const stable = new JSZip();
  const date = new Date("2025-11-03T00:00:00Z");
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name]!;
    if (!entry.dir) stable.file(name, await entry.async("uint8array"), { date, createFolders: false });
  }
  return stable.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

export async function makeLayouts(dir = LAYOUTS_DIR): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  // Only what this script writes: the blind batches (BLIND.md) beside them are written by hand.
  const generated = new Set(SPECS.map((s) => s.name));
  for (const f of await readdir(dir))
    if (/\.(xlsx|json)$/.test(f) && generated.has(f.replace(/\.(xlsx|json)$/, ""))) await rm(join(dir, f));
  const written: string[] = [];
  const save = async (name: string, wb: ExcelJS.Workbook, expectation: FixtureExpectation) => {
    await writeFile(join(dir, `${name}.xlsx`), await stableBytes(wb));
    await writeFile(join(dir, `${name}.json`), `${JSON.stringify(expectation, null, 2)}\n`);
    written.push(name);
  };
  for (const spec of SPECS) {
    const { workbook, expectation } = renderSpec(spec);
    await save(spec.name, workbook, expectation);
  }
  const a = await followUp(
    "30-vastra-follow-up-over",
    "Samordningsförbundet Västra Östergötland – uppföljning januari–augusti 2025",
    VASTRA_FOLLOW_UP,
    9_800_000,
    "Follow-up: budget, utfall and helårsprognos per insats and 'Budgetram 2025'; no members. Nätverk's forecast and Försteg's utfall and forecast are over budget; the forecast total 9 960 000 is over the frame 9 800 000.",
    "seed 001's insatser as in assets/exempel-budget.xlsx; utfall and prognos made up",
  );
  await save("30-vastra-follow-up-over", a.workbook, a.expectation);
  const b = await followUp(
    "31-sydnarke-follow-up-sound",
    "Samordningsförbundet Sydnärke – delårsuppföljning 2025",
    SYDNARKE_FOLLOW_UP,
    4_770_000,
    "Follow-up with every line under budget and the forecast under the frame: no finding.",
    "made up (Sydnärke's lines of budgets.ts)",
  );
  await save("31-sydnarke-follow-up-sound", b.workbook, b.expectation);
  for (const { workbook, expectation } of handFixtures()) await save(expectation.fixture, workbook, expectation);
  return written;
}

if (require.main === module) {
  makeLayouts().then(
    (names) => process.stdout.write(`Skrev ${names.length} fixturer i ${LAYOUTS_DIR}\n`),
    (error) => {
      process.stderr.write(`${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
