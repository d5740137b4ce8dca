import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { analysed, fixtureGrid, gridPort, plain, renderPane, type FixtureName } from "./support";

async function analysedFixture(name: FixtureName) {
  const port = gridPort(fixtureGrid(name));
  renderPane({ port });
  await userEvent.click(screen.getByRole("button", { name: "Analysera" }));
  await analysed();
  return port;
}

/** The rows of a table as plain text, cell by cell. */
function rows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole("row")
    .map((row) => [...row.querySelectorAll("th, td")].map((c) => plain(c.textContent).trim()));
}

test("Västra 2025: the year's contributions by party, 50/25/25 of 8 644 000 kr", async () => {
  await analysedFixture("vastra-2025");
  expect(screen.getByText(plain("Budget 2025 · bladet Budget 2025 · belopp i kr"))).toBeTruthy();
  const table = screen.getByRole("table", { name: "Medlemsavgifter 2025" });
  expect(rows(table)).toEqual([
    ["Part", "Andel", "Belopp"],
    // The sheet's own names for a party it names once.
    ["Staten genom FK", "50 %", "4 322 000 kr"],
    ["Region Östergötland", "25 %", "2 161 000 kr"],
    ["Kommunerna", "25 %", "2 161 000 kr"],
    ["Totalt", "100 %", "8 644 000 kr"],
  ]);
});

test("Västra 2025: result and equity against the recommended maximum, per scenario", async () => {
  await analysedFixture("vastra-2025");
  const sheet = rows(screen.getByRole("table", { name: "Enligt arket" }));
  expect(sheet[0]).toEqual(["År", "Resultat", "Eget kapital 31/12", "Högst rekommenderat"]);
  expect(sheet[1]).toEqual(["2025", "−1 366 000 kr", "1 684 000 kr", "1 728 800 kr"]);
  expect(sheet[3]).toEqual(["2027", "−1 366 000 kr", "−1 048 000 krunder noll", "1 728 800 kr"]);
  const worst = rows(screen.getByRole("table", { name: "Värsta fall (statens del −10 % per år)" }));
  expect(worst[2]).toEqual(["2026", "−2 230 400 kr", "−546 400 krunder noll", "1 555 920 kr"]);
  expect(screen.getByText("Eget kapital tar slut under 2026.")).toBeTruthy();
  expect(screen.getByText("Eget kapital tar slut under 2027.")).toBeTruthy();
});

test("Västra 2025: led by the three most important findings, in words, then counted, and a way to them all", async () => {
  await analysedFixture("vastra-2025");
  const leading = within(screen.getByRole("region", { name: "Avvikelser" })).getAllByRole("listitem");
  // Before: 6 errors, three years that cannot be financed each said twice, and only counted here.
  expect(leading.map((li) => plain(li.textContent))).toEqual([
    expect.stringMatching(
      /^Kostnaderna kan inte finansierasFinsam-kontroll!D\d+ · 2027 · Enligt arketKostnaderna 2027, 10 010 000 kr/,
    ),
    expect.stringMatching(
      /^Kostnaderna kan inte finansierasFinsam-kontroll!C\d+ · 2026 · Värsta fall \(statens del −10 % per år\)Kostnaderna 2026/,
    ),
    expect.stringMatching(/^Kostnaderna kan inte finansierasFinsam-kontroll!D\d+ · 2027 · Värsta fall/),
  ]);
  expect(screen.getByText("3 fel")).toBeTruthy();
  expect(screen.getByText("6 varningar")).toBeTruthy();
  // The budget year's justified deficit, said once for both scenarios.
  expect(screen.getByText("1 information")).toBeTruthy();
  await userEvent.click(screen.getByRole("button", { name: "Visa avvikelserna" }));
  expect(screen.getByRole("tab", { name: "Avvikelser", selected: true })).toBeTruthy();
});

test("Örnsköldsvik 2024 (tkr): equity is gone during 2025 in the worst case, −132 200 kr", async () => {
  await analysedFixture("ornskoldsvik-2024");
  expect(screen.getByText(plain("Budget 2024 · bladet Budget 2024-2026 · belopp i tkr"))).toBeTruthy();
  const worst = rows(screen.getByRole("table", { name: "Värsta fall (statens del −10 % per år)" }));
  expect(worst[2]![0]).toBe("2025");
  expect(worst[2]![2]).toBe("−132 200 krunder noll");
  expect(worst[3]![2]).toBe("−1 086 380 krunder noll");
  expect(screen.getByText("Eget kapital tar slut under 2025.")).toBeTruthy();
});

test("SAMO 2023: FK and AF on rows of their own, a quarter each", async () => {
  await analysedFixture("samo-2023");
  expect(rows(screen.getByRole("table", { name: "Medlemsavgifter 2023" })).slice(1)).toEqual([
    ["Försäkringskassan", "25 %", "4 320 500 kr"],
    ["Arbetsförmedlingen", "25 %", "4 320 500 kr"],
    ["Region Östergötland", "25 %", "4 320 500 kr"],
    ["Kommunerna", "25 %", "4 320 500 kr"],
    ["Totalt", "100 %", "17 282 000 kr"],
  ]);
});

test("in English, with SEK and English number formats", async () => {
  await analysedFixture("vastra-2025");
  await userEvent.selectOptions(screen.getByLabelText("Språk"), "en");
  const table = screen.getByRole("table", { name: "Member contributions 2025" });
  expect(rows(table)[1]).toEqual(["Staten genom FK", "50%", "4,322,000 SEK"]);
  expect(screen.getByText("3 errors")).toBeTruthy();
  expect(screen.getByText("Last analysed 14:32")).toBeTruthy();
  expect(document.documentElement.lang).toBe("en");
});

test("in tkr when the user chooses it under Inställningar", async () => {
  await analysedFixture("vastra-2025");
  await userEvent.click(screen.getByRole("tab", { name: "Inställningar" }));
  await userEvent.click(screen.getByRole("radio", { name: "tkr" }));
  await userEvent.click(screen.getByRole("tab", { name: "Översikt" }));
  expect(rows(screen.getByRole("table", { name: "Medlemsavgifter 2025" }))[1]).toEqual([
    "Staten genom FK",
    "50 %",
    "4 322 tkr",
  ]);
});
