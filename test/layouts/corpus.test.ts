/**
 * The layout corpus (test/fixtures/layouts, written by scripts/make-layouts.ts):
 * every fixture must be read right: same shares, same plan, exactly the
 * expected findings of the rule codes and no unexpected error.
 *
 * READ_RIGHT_TODAY lists the fixtures the reader reads right now; each of them
 * must pass. A fixture not listed must still fail, so the list is kept exact:
 * when the reader learns a layout, move its fixtures into the list. The goal
 * is every fixture in it (`npm run corpus` shows the differences).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { checkFixture, fixtureNames, LAYOUTS_DIR } from "./corpusRun";

export const READ_RIGHT_TODAY: readonly string[] = [
  "01-vastra-canonical",
  "02-vastra-split-sheets",
  "03-vastra-split-totals-formulas",
  "04-vastra-years-as-rows-text",
  "05-samo-canonical",
  "06-samo-years-as-rows",
  "07-samo-kommunernas-andel-formulas",
  "08-samo-text-nbsp",
  "09-ornskoldsvik-tkr-negative-subtotals",
  "10-ornskoldsvik-tkr-text",
  "11-degerfors-year-in-title",
  "12-degerfors-year-in-sheet-name-accounts",
  "13-degerfors-plan-split-rows-pop-beside",
  "14-centrala-split-negative-target",
  "15-centrala-mkr-merged",
  "16-kungalv-names-across-sheets",
  "17-kungalv-blank-merged",
  "18-kungalv-accounts-totals-formulas",
  "19-kungalv-population-beside",
  "20-sydnarke-mkr-negative",
  "21-sydnarke-tkr-formulas-blank",
  "22-sydnarke-everything",
  "23-samo-merged-accounts-blank",
  "24-ornskoldsvik-split-rows-tkr",
  "25-centrala-canonical-target",
  "26-degerfors-canonical",
  "27-kungalv-canonical",
  "28-sydnarke-canonical",
  "29-vastra-year-in-sheet-name-negative",
  "30-vastra-follow-up-over",
  "31-sydnarke-follow-up-sound",
  "32-sydnarke-decoy-summary",
  "33-sydnarke-round-formulas",
  "34-centrala-seed-shape",
  "35-sydnarke-cross-sheet-mismatch",
  "36-blind1-historik-bokslut-prognos-text-belopp",
  "37-blind1-kvartal-helar-procentnyckel",
  "38-blind1-tkr-planblad-oforandrad-tilldelning",
  "39-blind1-ekonomisystem-export-sumifs",
  "40-blind1-ar-som-rader-parter-som-kolumner",
  "41-blind1-mkr-dolda-ersatta-rader-sund",
  "42-blind1-en-kolumn-aret-i-bladnamnet",
  "43-blind1-medlemmar-och-resultat-pa-skilda-blad-text",
  "44-blind1-uppfoljning-per-insats-tkr",
  "45-blind1-dolda-ersatta-rader-och-historik-tkr",
  "46-blind1-tva-forbund-i-en-arbetsbok",
  "46-blind1-tva-forbund-i-en-arbetsbok.second",
  "47-blind1-sund-budget-kvartal-och-malintervall",
  "48-k1-01-ekonomisystem-export-sumifs",
  "49-k1-02-en-kolumn-ar-i-rubriken",
  "50-k1-03-medlemmar-som-text-resultatbudget",
  "51-k1-04-uppfoljning-per-insats-mkr",
  "52-k1-05-tva-forbund-en-bok",
  "52-k1-05-tva-forbund-en-bok.second",
  "53-k1-06-ar-som-rader-parter-som-kolumner",
  "54-blind2-b2a-01-historik-bokslut-prognos",
  "55-blind2-b2a-02-flerarsplan-lankad-flik",
  "56-blind2-b2a-03-bas-export-sumifs",
  "57-blind2-b2a-04-ar-som-rader-tva-forbund",
  "57-blind2-b2a-04-ar-som-rader-tva-forbund.second",
  "58-blind2-b2a-05-kvartal-helar",
  "59-blind2-b2a-06-tilldelning-textbelopp",
  "60-blind2-b2b-01-en-kolumn-ar-i-bladnamn",
  "61-blind2-b2b-02-medlemmar-och-resultatbudget-pa-olika-blad",
  "62-blind2-b2b-03-uppfoljning-delar-per-insats",
  "63-blind2-b2b-04-ar-som-rader-parter-som-kolumner",
  "64-blind2-b2b-05-tva-forbund-i-samma-bok",
  "64-blind2-b2b-05-tva-forbund-i-samma-bok.second",
  "65-blind2-b2b-06-ovanliga-benamningar-tio-kommuner",
];

describe("the layout corpus", () => {
  it("holds at least 25 fixtures, each an .xlsx beside its expected report", async () => {
    const names = await fixtureNames();
    expect(names.length).toBeGreaterThanOrEqual(25);
    for (const name of names) expect(existsSync(join(LAYOUTS_DIR, `${name.replace(/\.second$/, "")}.xlsx`))).toBe(true);
    for (const name of READ_RIGHT_TODAY) expect(names).toContain(name);
  });

  it("reads every fixture of READ_RIGHT_TODAY right, and no other (move a fixture into the list when it passes)", async () => {
    const results = await Promise.all((await fixtureNames()).map((name) => checkFixture(name)));
    const wrongAmongListed = results
      .filter((r) => READ_RIGHT_TODAY.includes(r.fixture) && r.differences.length > 0)
      .map((r) => `${r.fixture}: ${r.differences.slice(0, 5).join("; ")}`);
    const rightButUnlisted = results
      .filter((r) => !READ_RIGHT_TODAY.includes(r.fixture) && r.differences.length === 0)
      .map((r) => r.fixture);
    expect(wrongAmongListed).toEqual([]);
    expect(rightButUnlisted).toEqual([]);
  }, 120_000);
});

describe("the corpus's expected reports", () => {
  it("are what scripts/make-layouts.ts computes now (regenerate with npm run make-layouts after changing a budget)", async () => {
    const { SPECS, renderSpec } = await import("../../scripts/make-layouts");
    const { readFile } = await import("node:fs/promises");
    for (const spec of SPECS) {
      const onDisk: unknown = JSON.parse(await readFile(join(LAYOUTS_DIR, `${spec.name}.json`), "utf8"));
      expect(onDisk).toEqual(JSON.parse(JSON.stringify(renderSpec(spec).expectation)));
    }
  });
});
