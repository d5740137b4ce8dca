import { screen, waitFor, within } from "@testing-library/react";
import { SheetView } from "../../src/grid";
import userEvent from "@testing-library/user-event";
import { analysed, filePort, fixtureGrid, gridPort, plain, renderPane, type FixtureName } from "./support";

async function sharesOf(name: FixtureName) {
  const port = gridPort(fixtureGrid(name));
  renderPane({ port });
  await userEvent.click(screen.getByRole("button", { name: "Analysera" }));
  await analysed();
  await userEvent.click(screen.getByRole("tab", { name: "Medlemsavgifter" }));
  return port;
}

/** A member's row: [name and detail, computed, in the sheet, difference]. */
function row(year: number, member: string): string[] {
  const table = screen.getByRole("table", { name: `Medlemsavgifter ${year}` });
  const found = within(table)
    .getAllByRole("row")
    .find((r) => r.textContent?.startsWith(member));
  if (!found) throw new Error(`no row for ${member} in ${year}`);
  return [...found.querySelectorAll("td")].map((c) => plain(c.textContent).trim());
}

test("Västra 2025: population, share, computed amount, the sheet's amount and the difference", async () => {
  await sharesOf("vastra-2025");
  expect(row(2025, "Motala kommun")).toEqual([
    "Motala kommun43 674 inv. · 48,4 %",
    "1 045 270 kr",
    "1 045 924 kr",
    "+654 kr",
  ]);
  expect(row(2025, "Mjölby kommun").slice(1)).toEqual(["676 575 kr", "676 393 kr", "−182 kr"]);
  expect(row(2025, "Vadstena kommun").slice(1)).toEqual(["180 171 kr", "179 363 kr", "−808 kr"]);
  expect(row(2025, "Boxholms kommun").slice(1)).toEqual(["131 921 kr", "131 821 kr", "−100 kr"]);
  expect(row(2025, "Ödeshögs kommun").slice(1)).toEqual(["127 063 kr", "127 499 kr", "+436 kr"]);
  expect(row(2025, "Staten genom FK")).toEqual(["Staten genom FK50 %", "4 322 000 kr", "4 322 000 kr", ""]);
  expect(screen.getByText("5 belopp i arket skiljer sig från de beräknade.")).toBeTruthy();
});

test("SAMO: 501 226 kr computed against the sheet's 501 227 kr in 2023; 2024 and 2025 to the krona", async () => {
  await sharesOf("samo-2023");
  expect(row(2023, "Finspångs kommun").slice(1)).toEqual(["501 226 kr", "501 227 kr", "+1 kr"]);
  expect(row(2023, "Norrköpings kommun").slice(1)).toEqual(["3 307 880 kr", "3 307 880 kr", ""]);
  expect(row(2024, "Finspångs kommun").slice(1)).toEqual(["451 104 kr", "451 104 kr", ""]);
  expect(row(2025, "Valdemarsviks kommun").slice(1)).toEqual(["142 076 kr", "142 076 kr", ""]);
  expect(row(2023, "Finspångs kommun")[0]).toBe("Finspångs kommun21 889 inv. · 11,6 %");
});

test("writing the computed amounts sends the share edits, as formulas by default or as values", async () => {
  const port = await sharesOf("vastra-2025");
  await userEvent.click(screen.getByRole("radio", { name: "värde" }));
  await userEvent.click(screen.getByRole("button", { name: "Skriv in beräknade belopp i bladet" }));
  await waitFor(() => expect(port.applyEdits).toHaveBeenCalledTimes(1));
  expect(
    port.applyEdits.mock.calls[0]![0].cells.map((c: { cell: string; value: number }) => [c.cell, c.value]),
  ).toEqual([
    ["B16", 1045270],
    ["B17", 676575],
    ["B18", 180171],
    ["B19", 131921],
    ["B20", 127063],
  ]);
});

test("on a real workbook: the amounts are written, the deviations go, and Ångra brings them back", async () => {
  const port = await filePort("vastra-2025");
  renderPane({ port });
  await userEvent.click(screen.getByRole("button", { name: "Analysera" }));
  await analysed();
  await userEvent.click(screen.getByRole("tab", { name: "Medlemsavgifter" }));
  const undo = screen.getByRole("button", { name: "Ångra" }) as HTMLButtonElement;

  await userEvent.click(screen.getByRole("button", { name: "Skriv in beräknade belopp i bladet" }));
  expect(await screen.findByText(/5 belopp skrevs in i bladet/)).toBeTruthy();
  expect(row(2025, "Motala kommun").slice(1)).toEqual(["1 045 270 kr", "1 045 270 kr", ""]);
  expect(screen.getByText("Arkets belopp stämmer med de beräknade.")).toBeTruthy();
  const budget = (await port.readGrid()).sheets.find((s) => s.name === "Budget 2025")!;
  expect(new SheetView(budget).formula(16, 2)).toMatch(/^='Finsam-kontroll'!/);

  await userEvent.click(undo);
  expect(await screen.findByText("Den senaste ändringen är ångrad.")).toBeTruthy();
  expect(row(2025, "Motala kommun").slice(1)).toEqual(["1 045 270 kr", "1 045 924 kr", "+654 kr"]);
  const back = (await port.readGrid()).sheets.find((s) => s.name === "Budget 2025")!;
  // The sheet's own formula (a rounded percentage of the quarter) is back, with its value.
  expect(new SheetView(back).formula(16, 2)).toBe("=ROUND($B$21*0.25*C5/100,0)");
  expect(new SheetView(back).value(16, 2)).toBe(1045924);
});
