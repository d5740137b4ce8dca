import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createExcelPort } from "../../src/excel/excelPort";
import { fakeFromFile, FIXTURES } from "../excel/workbooks";
import { analysed, renderPane, TEST_CLOCK } from "./support";

/**
 * The pane on the Excel port, with the Excel engineer's fake of the Excel JavaScript API under it
 * (test/excel/fakeExcel.ts): what index.tsx wires inside Excel, without Excel.
 */

jest.setTimeout(30_000);

async function inExcel() {
  const fake = await fakeFromFile(FIXTURES["vastra-2025"], 20);
  const port = createExcelPort(TEST_CLOCK, fake.host());
  renderPane({ port });
  await userEvent.click(screen.getByRole("button", { name: "Analysera" }));
  await analysed();
  return { fake, port };
}

test("Analysera flags Motala's cell and writes Finsam-kontroll in the workbook", async () => {
  const { fake } = await inExcel();
  expect(fake.sheet("Finsam-kontroll")).toBeTruthy();
  expect(fake.sheet("Budget 2025")!.notes.get("B16")).toMatch(/^Finsam-budget: Motala kommun 2025/);
  expect(screen.getByText("6 varningar")).toBeTruthy();
});

test("choosing a finding selects its cell in Excel", async () => {
  const { fake } = await inExcel();
  await userEvent.click(screen.getByRole("tab", { name: "Avvikelser" }));
  const motala = screen.getAllByRole("listitem").find((li) => li.textContent?.includes("Motala"))!;
  await userEvent.click(within(motala).getByRole("button"));
  await waitFor(() => expect(fake.workbook.selection).toEqual({ sheet: "Budget 2025", address: "B16" }));
  expect(fake.workbook.active).toBe("Budget 2025");
});

test("write the computed amounts, analyse again, and Ångra puts the sheet's own back", async () => {
  const { fake } = await inExcel();
  const motala = () => fake.sheet("Budget 2025")!.cells.get("16:2");
  const before = { ...motala() };
  await userEvent.click(screen.getByRole("tab", { name: "Medlemsavgifter" }));
  await userEvent.click(screen.getByRole("radio", { name: "värde" }));
  await userEvent.click(screen.getByRole("button", { name: "Skriv in beräknade belopp i bladet" }));
  expect(await screen.findByText(/5 belopp skrevs in i bladet/)).toBeTruthy();
  expect(motala()?.value).toBe(1045270);
  expect(screen.getByText("Arkets belopp stämmer med de beräknade.")).toBeTruthy();
  await userEvent.click(screen.getByRole("button", { name: "Ångra" }));
  expect(await screen.findByText("Den senaste ändringen är ångrad.")).toBeTruthy();
  expect(motala()).toMatchObject({ value: before.value, formula: before.formula });
  expect(screen.getByText("5 belopp i arket skiljer sig från de beräknade.")).toBeTruthy();
});

test("Ta bort markeringar removes the notes and fills the analysis made", async () => {
  const { fake } = await inExcel();
  await userEvent.click(screen.getByRole("tab", { name: "Avvikelser" }));
  await userEvent.click(screen.getByRole("button", { name: "Ta bort markeringar" }));
  expect(await screen.findByText("Markeringarna är borttagna.")).toBeTruthy();
  expect(fake.sheet("Budget 2025")!.notes.get("B16")).toBeUndefined();
});

test("Ångra after the user retyped one of the written amounts: that cell stays, and the pane says so", async () => {
  const { fake } = await inExcel();
  await userEvent.click(screen.getByRole("tab", { name: "Medlemsavgifter" }));
  await userEvent.click(screen.getByRole("radio", { name: "värde" }));
  await userEvent.click(screen.getByRole("button", { name: "Skriv in beräknade belopp i bladet" }));
  expect(await screen.findByText(/5 belopp skrevs in i bladet/)).toBeTruthy();
  // What Ctrl+Z and Ångra each undo, in this Excel (ExcelApi 1.20: one undo group per write).
  expect(screen.getByText(/Ctrl\+Z i Excel ångrar också varje ändring av tillägget i ett steg/)).toBeTruthy();
  fake.userEdit("Budget 2025", "B17", 700_000);
  await userEvent.click(screen.getByRole("button", { name: "Ångra" }));
  expect(
    await screen.findByText(
      "Den senaste ändringen är ångrad, utom där du har ändrat sedan tillägget skrev: Budget 2025!B17 står kvar som du lämnade det.",
    ),
  ).toBeTruthy();
  expect(fake.sheet("Budget 2025")!.cells.get("17:2")!.value).toBe(700_000);
});

test("Använd markerade celler with several areas selected (lines in groups): the field takes every area", async () => {
  const { fake } = await inExcel();
  fake.workbook.selection = { sheet: "Budget 2025", address: "A16:A18,A20:A22" };
  await userEvent.click(screen.getByRole("tab", { name: "Inställningar" }));
  await userEvent.click(screen.getByRole("button", { name: "Använd markerade celler för Kostnader" }));
  await waitFor(() => expect(screen.getByDisplayValue("'Budget 2025'!A16:A18,'Budget 2025'!A20:A22")).toBeTruthy());
});

test("Spara, the user types on Finsam-inställningar, Ångra: the sheet and the typing stay, and the pane says why", async () => {
  const { fake } = await inExcel();
  await userEvent.click(screen.getByRole("tab", { name: "Inställningar" }));
  await userEvent.click(screen.getByRole("button", { name: "Spara i arbetsboken och analysera" }));
  await waitFor(() => expect(fake.sheet("Finsam-inställningar")).toBeTruthy());
  await analysed();
  fake.userEdit("Finsam-inställningar", "C5", "min anteckning");
  await userEvent.click(screen.getByRole("tab", { name: "Medlemsavgifter" }));
  await userEvent.click(screen.getByRole("button", { name: "Ångra" }));
  expect(
    await screen.findByText(
      "Finsam-inställningar behölls: C5 har ändrats efter tillägget skrev bladet. Tilläggets egna celler togs bort.",
    ),
  ).toBeTruthy();
  expect(fake.sheet("Finsam-inställningar")!.cells.get("5:3")?.value).toBe("min anteckning");
});

test("Excel's port arrives after the first screen: Analysera waits for it, then analyses", async () => {
  const fake = await fakeFromFile(FIXTURES["vastra-2025"], 20);
  let arrive!: () => void;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  renderPane({
    connect: async () => {
      await arrived;
      return createExcelPort(TEST_CLOCK, fake.host());
    },
  });
  // The first screen: Analysera shown, not yet usable, and the empty state says what it will do.
  const button = screen.getByRole("button", { name: "Analysera" });
  expect(button).toHaveProperty("disabled", true);
  expect(screen.getByText("Ingen analys ännu")).toBeTruthy();
  arrive();
  await waitFor(() => expect(button).toHaveProperty("disabled", false));
  await userEvent.click(button);
  await analysed();
  expect(screen.getByText("6 varningar")).toBeTruthy();
});

test("Excel's port that cannot load: a Swedish notice, and no exception", async () => {
  renderPane({ connect: async () => Promise.reject(new Error("ChunkLoadError: Loading chunk analys failed.")) });
  expect(
    await screen.findByText(
      /^Tillägget kunde inte läsas in helt\. Stäng aktivitetsfönstret och öppna det igen: ChunkLoadError/,
    ),
  ).toBeTruthy();
  // Nothing to analyse with: no Analysera.
  expect(screen.queryByRole("button", { name: "Analysera" })).toBeNull();
});
