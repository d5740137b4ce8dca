import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { settingsEdits } from "../../src/memory/workbookSettings";
import { defaultSettings } from "../../src/domain";
import { readGridFromBuffer } from "../../src/xlsx/readGrid";
import { createFilePort } from "../../src/xlsx/filePort";
import { analysed, filePort, fixtureGrid, gridPort, plain, renderPane, type FakePort } from "./support";
import type { WorkbookEdits } from "../../src/grid/edits";

async function settingsOf(port: FakePort | Awaited<ReturnType<typeof filePort>>) {
  renderPane({ port });
  await userEvent.click(screen.getByRole("button", { name: "Analysera" }));
  await analysed();
  await userEvent.click(screen.getByRole("tab", { name: "Inställningar" }));
}

const input = (label: RegExp | string) => screen.getByRole("textbox", { name: label }) as HTMLInputElement;
const save = () => userEvent.click(screen.getByRole("button", { name: "Spara i arbetsboken och analysera" }));

test("the mapping as found: each part of Västra's budget and where it stands", async () => {
  await settingsOf(gridPort(fixtureGrid("vastra-2025")));
  const hints = screen.getAllByText(/^Hittat: /).map((h) => plain(h.textContent));
  expect(hints).toEqual([
    "Hittat: Budget 2025",
    expect.stringMatching(/^Hittat: 'Budget 2025'!B\d+(:[A-Z]+\d+)?$/),
    // The budget year's column by its header (the sheet has no plan years).
    expect.stringMatching(/^Hittat: 'Budget 2025'!B\d+$/),
    "Hittat: 'Budget 2025'!A14:A20",
    expect.stringMatching(/^Hittat: 'Budget 2025'!A\d+:A\d+$/),
    expect.stringMatching(/^Hittat: '?[\w ]+'?!\w+\d+:\w+\d+$/),
    expect.stringMatching(/^Hittat: 'Budget 2025'!B\d+$/),
  ]);
  for (const name of ["Budgetblad", "Årsrubriker", "Parter", "Kostnader", "Befolkning", "Ingående eget kapital"]) {
    expect(input(new RegExp(`^${name}`))).toBeTruthy();
  }
  // A file (or Excel before its port offers the selection) has no "use the selected cells".
  expect(screen.queryByRole("button", { name: /Använd markerade celler/ })).toBeNull();
});

test("a typed range is checked, then saved as a defined name with the settings", async () => {
  const port = gridPort(fixtureGrid("vastra-2025"));
  await settingsOf(port);
  await userEvent.type(input(/^Befolkning/), "inte ett område");
  await save();
  expect(await screen.findByText("Skriv ett område som Blad!B2:B5.")).toBeTruthy();
  expect(port.applyEdits).not.toHaveBeenCalled();

  await userEvent.clear(input(/^Befolkning/));
  await userEvent.type(input(/^Befolkning/), "Befolkning!B2:B6");
  await save();
  await waitFor(() => expect(port.applyEdits).toHaveBeenCalledTimes(1));
  const edits = port.applyEdits.mock.calls[0]![0] as WorkbookEdits;
  expect(edits.names).toEqual(
    expect.arrayContaining([
      { name: "Finsam_Befolkning", ref: "Befolkning!$B$2:$B$6" },
      { name: "Finsam_EKMaxProcent", ref: "'Finsam-inställningar'!$B$5" },
    ]),
  );
  // The settings part is settingsEdits' own.
  expect(edits.cells.slice(0, 4)).toEqual(settingsEdits(defaultSettings()).cells.slice(0, 4));
  expect(await screen.findByText("Inställningarna är sparade i arbetsboken.")).toBeTruthy();
  // Saving analyses again.
  expect(port.readGrid).toHaveBeenCalledTimes(2);
});

test("use the selected cells, where the port can tell the selection", async () => {
  const port = Object.assign(gridPort(fixtureGrid("vastra-2025")), {
    selectedRange: jest.fn(async () => ({ sheet: "Budget 2025", address: "C16:C20" })),
  });
  await settingsOf(port);
  await userEvent.click(screen.getByRole("button", { name: "Använd markerade celler för Befolkning" }));
  await waitFor(() => expect(input(/^Befolkning/).value).toBe("'Budget 2025'!C16:C20"));
});

test("fixed percentages for the kommuner: typed per kommun, summed, saved with Finsam_FastaAndelar", async () => {
  const port = await filePort("vastra-2025");
  await settingsOf(port);
  await userEvent.click(screen.getByRole("radio", { name: "Fasta procentandelar" }));
  // They start at the population's shares to one decimal: the seed's own percentages.
  const percents = { Motala: "48,4", Mjölby: "31,3", Vadstena: "8,3", Boxholms: "6,1", Ödeshögs: "5,9" };
  for (const [name, percent] of Object.entries(percents)) {
    expect(input(new RegExp(`^${name} kommun, andel`)).value).toBe(percent);
  }
  expect(plain(screen.getByText(/^Summa: /).textContent)).toBe("Summa: 100 %");
  await userEvent.clear(input(/^Motala kommun, andel/));
  await userEvent.type(input(/^Motala kommun, andel/), "48");
  expect(plain(screen.getByText(/^Summa: /).textContent)).toBe("Summa: 99,6 %");
  await userEvent.clear(input(/^Motala kommun, andel/));
  await userEvent.type(input(/^Motala kommun, andel/), "48,4");
  await save();
  expect(await screen.findByText("Inställningarna är sparade i arbetsboken.")).toBeTruthy();
  const grid = await port.readGrid();
  expect(grid.definedNames.find((d) => d.name === "Finsam_FastaAndelar")?.ref).toMatch(
    /^'Finsam-inställningar'!\$B\$\d+:\$B\$\d+$/,
  );
  // Analysed again on the fixed key: Motala's 48,4 % of 2 161 000 kr is the sheet's own 1 045 924 kr.
  await userEvent.click(screen.getByRole("tab", { name: "Medlemsavgifter" }));
  const table = screen.getByRole("table", { name: "Medlemsavgifter 2025" });
  const motala = [...table.querySelectorAll("tr")].find((r) => r.textContent?.startsWith("Motala"))!;
  expect([...motala.querySelectorAll("td")].map((c) => plain(c.textContent))).toEqual([
    "Motala kommun43 674 inv. · 48,4 %",
    "1 045 924 kr",
    "1 045 924 kr",
    "",
  ]);
  expect(screen.getByText("Arkets belopp stämmer med de beräknade.")).toBeTruthy();
});

test("the equity staircase and the target band", async () => {
  const port = gridPort(fixtureGrid("vastra-2025"));
  await settingsOf(port);
  expect(input("Högst (%), steg 1").value).toBe("20");
  await userEvent.click(screen.getByRole("button", { name: "Lägg till ett steg" }));
  await userEvent.type(input("Medlemsavgifter från (kr), steg 2"), "10 000 000");
  await userEvent.type(input("Högst (%), steg 2"), "15");
  await userEvent.type(input("Mål för eget kapital (kr), tomt för inget"), "1 800 000");
  await save();
  await waitFor(() => expect(port.applyEdits).toHaveBeenCalledTimes(1));
  const edits = port.applyEdits.mock.calls[0]![0] as WorkbookEdits;
  const names = edits.names!.map((n) => n.name);
  expect(names).toEqual(expect.arrayContaining(["Finsam_EKMal", "Finsam_EKMalTolerans"]));
  // Two steps stay in this session; the workbook's single per cent is not written over them.
  expect(names).not.toContain("Finsam_EKMaxProcent");
  expect(screen.getByText(/Trappan med flera steg gäller i den här sessionen/)).toBeTruthy();
  await userEvent.click(screen.getByRole("button", { name: "Ta bort steg 2" }));
  expect(screen.queryByRole("textbox", { name: "Högst (%), steg 2" })).toBeNull();
});

test("the language, under Inställningar too", async () => {
  await settingsOf(gridPort(fixtureGrid("vastra-2025")));
  await userEvent.click(screen.getByRole("radio", { name: "English" }));
  expect(screen.getByRole("heading", { name: "Unit and language" })).toBeTruthy();
  expect(screen.getByRole("tab", { name: "Settings", selected: true })).toBeTruthy();
  expect((screen.getByLabelText("Language") as HTMLSelectElement).value).toBe("en");
});

test("the parts as the reader found them: the members read with the years as rows on their own sheet, and where to go", async () => {
  const bytes = readFileSync(join(__dirname, "../fixtures/layouts/04-vastra-years-as-rows-text.xlsx"));
  const port = gridPort(readGridFromBuffer(bytes, "04.xlsx"));
  await settingsOf(port);
  const table = screen.getByRole("table", { name: "Så lästes arbetsboken" });
  const rows = within(table)
    .getAllByRole("row")
    .slice(1)
    .map((r) =>
      within(r)
        .getAllByRole("cell")
        .map((c) => plain(c.textContent)),
    );
  expect(rows).toContainEqual([
    "Medlemmar",
    "Medlemsavgifter!B3:H3",
    "partsnamn i etiketterna (staten, regionen, kommunerna), årtal som rader",
  ]);
  expect(rows).toContainEqual([
    "Befolkning",
    "Befolkning!B2:B6",
    expect.stringMatching(/^rubrik om befolkning per 2024-12-31/),
  ]);
  expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(["År", "Kostnader", "Ingående eget kapital"]));
  await userEvent.click(within(table).getByRole("button", { name: "Medlemsavgifter!B3:H3" }));
  expect(port.goToCell).toHaveBeenCalledWith("Medlemsavgifter", "B3:H3");
});

test("a workbook the reader refuses is analysed once its parts are named: the budget year's column and its year", async () => {
  // Degerfors/Karlskoga 2022 (seed 002) as one column headed "Belopp", its year nowhere on the sheet.
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Budget");
  [
    ["Samordningsförbundet Degerfors/Karlskoga"],
    [null, "Belopp"],
    ["Intäkter"],
    ["Medlemsbidrag Försäkringskassa och Arbetsförmedlingen", 2_787_000],
    ["Medlemsbidrag Region Örebro län", 1_393_500],
    ["Medlemsbidrag Degerfors kommun", 327_812],
    ["Medlemsbidrag Karlskoga kommun", 1_065_688],
    ["Kostnader"],
    ["Insatser", 5_574_000],
  ].forEach((row) => sheet.addRow(row));
  const population = book.addWorksheet("Befolkning");
  [
    ["Kommun", "Invånare 2021-12-31"],
    ["Degerfors", 9358],
    ["Karlskoga", 30324],
  ].forEach((row) => population.addRow(row));
  const port = await createFilePort(new Uint8Array(await book.xlsx.writeBuffer()), "degerfors.xlsx");
  renderPane({ port });
  await userEvent.click(screen.getByRole("button", { name: "Analysera" }));
  expect(await screen.findByText("Ingen budget hittades")).toBeTruthy();
  await userEvent.click(screen.getByRole("tab", { name: "Inställningar" }));
  await userEvent.type(input(/^Budgetårets kolumn/), "Budget!B2");
  await save();
  expect(await screen.findByText("Skriv budgetåret, till exempel 2022, när kolumnerna anges.")).toBeTruthy();
  await userEvent.type(input(/^Budgetår \(/), "2022");
  await save();
  expect(await screen.findByText("Inställningarna är sparade i arbetsboken.")).toBeTruthy();
  const grid = await port.readGrid();
  expect(grid.definedNames.find((d) => d.name === "Finsam_Budget_2022")?.ref).toBe("Budget!$B$2");
  // Analysed at once: the year the name says, and the members' shares of Rule 2 (9 358 and 30 324 of 39 682).
  await userEvent.click(screen.getByRole("tab", { name: "Översikt" }));
  expect(plain(screen.getByText(/^Budget 2022 · bladet/).textContent)).toBe(
    "Budget 2022 · bladet Budget · belopp i kr",
  );
});
