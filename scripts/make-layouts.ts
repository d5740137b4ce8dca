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
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import * as budgets from "../test/layouts/budgets";
import type { FixtureExpectation } from "../test/layouts/compare";
import { RULE_CODES } from "../test/layouts/expected";
import { expectationFor } from "../test/layouts/expectation";
import { render, VARIATIONS, type Variation } from "../test/layouts/generator";
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
    variations: VARIATIONS.filter((v) => v !== "Mkr"),
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

export async function makeLayouts(dir = LAYOUTS_DIR): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  for (const f of await readdir(dir)) if (/\.(xlsx|json)$/.test(f)) await rm(join(dir, f));
  const written: string[] = [];
  const save = async (name: string, wb: ExcelJS.Workbook, expectation: FixtureExpectation) => {
    await wb.xlsx.writeFile(join(dir, `${name}.xlsx`));
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
