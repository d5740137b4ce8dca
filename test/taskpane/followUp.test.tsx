/**
 * Uppföljning (issue 12) on the example workbook and the example bookkeeping: the lines' budget,
 * utfall, forecast and deviation, the forecast's result and equity in words, the mapping edited and
 * saved as Finsam_Kontomappning, and Finsam-uppföljning written through the port in one step.
 */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { mappingFromJson } from "../../src/sie/ledgerMapping";
import { readGridFromBuffer } from "../../src/xlsx/readGrid";
import { EXAMPLE } from "../support/paths";
import { analysed, gridPort, plain, renderPane, type FakePort } from "./support";
import type { WorkbookEdits } from "../../src/grid/edits";
import type { WritePlan } from "../../src/plan/types";

jest.setTimeout(30_000);

const SIE = resolve(__dirname, "../../assets/exempel-bokforing.se");

async function sieFile(): Promise<File> {
  return new File([(await readFile(SIE)) as BlobPart], "exempel-bokforing.se");
}

/** The pane on the example workbook, analysed, on Uppföljning, with the example SIE file picked. */
async function followUpOpen(): Promise<FakePort> {
  const port = gridPort(readGridFromBuffer(await readFile(EXAMPLE), "exempel-budget.xlsx"));
  renderPane({ port });
  await userEvent.click(screen.getByRole("button", { name: "Analysera" }));
  await analysed("sv", 10_000);
  await userEvent.click(screen.getByRole("tab", { name: "Uppföljning" }));
  // The example workbook has follow-up columns of its own (E17:F23): the view offers them first.
  await userEvent.click(await screen.findByRole("radio", { name: "En SIE-fil ur bokföringen" }, { timeout: 10_000 }));
  const input = await screen.findByLabelText("Bokföringens SIE-fil", {}, { timeout: 10_000 });
  await userEvent.upload(input, await sieFile());
  await screen.findByRole("table", { name: "Budgetrader 2025" }, { timeout: 10_000 });
  return port;
}

function rows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole("row")
    .map((row) => [...row.querySelectorAll("th, td")].map((c) => plain(c.textContent).trim()));
}

test("the example through August: each line's budget, utfall, forecast and deviation, the totals, the words", async () => {
  await followUpOpen();
  expect(plain(screen.getByText(/^exempel-bokforing\.se: räkenskapsår/).textContent)).toMatch(
    /räkenskapsår 2025-01-01–2025-12-31, periodsaldon, kontrollsumma [0-9a-f]{8}\./,
  );
  expect((screen.getByRole("combobox", { name: "Utfall till och med" }) as HTMLSelectElement).value).toBe("2025-08");
  const table = rows(screen.getByRole("table", { name: "Budgetrader 2025" }));
  expect(table[1]).toEqual([
    "Kansli 1.0utfall × 12 / 8",
    "1 600 000 kr",
    "1 200 000 kr",
    "1 800 000 kr",
    "+200 000 kr12,5 %",
  ]);
  expect(table.find((r) => r[0]!.startsWith("Fontänhus 6.1"))).toEqual([
    "Fontänhus 6.1budgeten",
    "500 000 kr",
    "0 kr",
    "500 000 kr",
    "0 kr0 %",
  ]);
  expect(table.at(-1)).toEqual(["Summa", "9 800 000 kr", "6 160 000 kr", "9 740 000 kr", "−60 000 kr"]);
  expect(plain(screen.getByTestId("follow-up-words").textContent)).toBe(
    "Med helårsprognosen 9 740 000 kr blir årets resultat −1 081 000 kr och eget kapital vid årets slut 1 969 000 kr (högst rekommenderat 1 728 800 kr). Det egna kapitalet blir högre än rekommenderat.",
  );
  expect(plain(screen.getByRole("list", { name: "Hör inte till någon budgetrad" }).textContent)).toBe(
    "4010 Köpta tjänster insatser: 12 500 kr",
  );
});

test("another period: through April, Kansli's 600 000 kr gives 1 800 000 kr by × 12 / 4", async () => {
  await followUpOpen();
  await userEvent.selectOptions(screen.getByRole("combobox", { name: "Utfall till och med" }), "2025-04");
  const kansli = rows(screen.getByRole("table", { name: "Budgetrader 2025" }))[1]!;
  expect(kansli.slice(0, 4)).toEqual(["Kansli 1.0utfall × 12 / 4", "1 600 000 kr", "600 000 kr", "1 800 000 kr"]);
});

test("the unmapped account given a line moves its utfall there; the mapping is saved as Finsam_Kontomappning", async () => {
  const port = await followUpOpen();
  await userEvent.selectOptions(
    screen.getByRole("combobox", { name: "4010 Köpta tjänster insatser" }),
    "Utbildning 11.1",
  );
  // Utbildning: 40 000 + 12 500 = 52 500 through August, × 12 / 8 = 78 750.
  const utbildning = rows(screen.getByRole("table", { name: "Budgetrader 2025" })).find((r) =>
    r[0]!.startsWith("Utbildning 11.1"),
  )!;
  expect(utbildning.slice(1, 4)).toEqual(["100 000 kr", "52 500 kr", "78 750 kr"]);
  expect(screen.queryByRole("list", { name: "Hör inte till någon budgetrad" })).toBeNull();

  await userEvent.click(screen.getByRole("button", { name: "Spara mappningen" }));
  await screen.findByText("Mappningen är sparad i arbetsboken (Finsam_Kontomappning).");
  const edits = port.applyEdits.mock.calls.at(-1)![0] as WorkbookEdits;
  expect(edits.names).toEqual([{ name: "Finsam_Kontomappning", ref: "'Finsam-inställningar'!$G$7" }]);
  const saved = mappingFromJson(String(edits.cells.find((c) => c.cell === "G7")!.value))!;
  expect(saved.accounts).toContainEqual({ from: "4010", to: "4010", line: "Utbildning 11.1" });
  expect(Object.values(saved.objects)).toContain("Nätverk 2.4.1");
  expect(screen.getByText("Mappningen som arbetsboken sparat (Finsam_Kontomappning).")).toBeTruthy();
});

test("Skriv Finsam-uppföljning: one write of the plan with the follow-up sheet, and Ångra takes it back", async () => {
  const port = await followUpOpen();
  const before = port.applyPlan.mock.calls.length;
  await userEvent.click(screen.getByRole("button", { name: "Skriv Finsam-uppföljning" }));
  await screen.findByText("Bladet Finsam-uppföljning är skrivet ur exempel-bokforing.se. Ångra tar bort det.");
  expect(port.applyPlan.mock.calls.length).toBe(before + 1);
  const plan = port.applyPlan.mock.calls.at(-1)![0] as WritePlan;
  const sheet = plan.followUpSheet!;
  expect(sheet.name).toBe("Finsam-uppföljning");
  const total = sheet.cells.find((c) => c.value === "Summa kostnader")!.cell.replace(/^A/, "");
  expect(sheet.cells.find((c) => c.cell === `C${total}`)?.expected).toBe(9740000);
  expect(sheet.chart.kind).toBe("bar");

  const undos = port.undo.mock.calls.length;
  await userEvent.click(screen.getByRole("button", { name: "Ångra" }));
  await waitFor(() => expect(port.undo.mock.calls.length).toBe(undos + 1));
});

test("a file that is no SIE file says why, with its line, and shows no lines", async () => {
  const port = gridPort(readGridFromBuffer(await readFile(EXAMPLE), "exempel-budget.xlsx"));
  renderPane({ port });
  await userEvent.click(screen.getByRole("button", { name: "Analysera" }));
  await analysed("sv", 10_000);
  await userEvent.click(screen.getByRole("tab", { name: "Uppföljning" }));
  // The example workbook has follow-up columns of its own (E17:F23): the view offers them first.
  await userEvent.click(await screen.findByRole("radio", { name: "En SIE-fil ur bokföringen" }, { timeout: 10_000 }));
  const input = await screen.findByLabelText("Bokföringens SIE-fil", {}, { timeout: 10_000 });
  await userEvent.upload(input, new File([new TextEncoder().encode("hej\n")], "lista.se"));
  expect(await screen.findByText(/^SIE-filen kunde inte läsas: /)).toBeTruthy();
  expect(screen.queryByRole("table", { name: "Budgetrader 2025" })).toBeNull();
});

test("in English: the tab, the table and the words", async () => {
  await followUpOpen();
  await userEvent.selectOptions(screen.getByLabelText("Språk"), "en");
  expect(screen.getByRole("tab", { name: "Follow-up", selected: true })).toBeTruthy();
  const table = rows(screen.getByRole("table", { name: "Budget lines 2025" }));
  expect(table[0]).toEqual(["Budget line", "Budget", "Outcome", "Forecast", "Deviation"]);
  expect(table[1]![0]).toBe("Kansli 1.0outcome × 12 / 8");
  expect(plain(screen.getByTestId("follow-up-words").textContent)).toBe(
    "With the full-year forecast 9,740,000 SEK, the year's result is −1,081,000 SEK and equity at year end 1,969,000 SEK (recommended at most 1,728,800 SEK). Equity ends above the recommended level.",
  );
});

test("a forecast typed on the SIE source goes into Finsam-uppföljning as a value with its method", async () => {
  const port = await followUpOpen();
  await userEvent.selectOptions(screen.getByRole("combobox", { name: "Prognosmetod Kansli 1.0" }), "typed");
  const input = screen.getByRole("textbox", { name: "Prognos Kansli 1.0" });
  expect(plain((input as HTMLInputElement).value)).toBe("1 800 000");
  await userEvent.clear(input);
  await userEvent.type(input, "1 700 000");
  const table = rows(screen.getByRole("table", { name: "Budgetrader 2025" }));
  expect(table[1]).toEqual(["Kansli 1.0inskriven", "1 600 000 kr", "1 200 000 kr", "1 700 000 kr", "+100 000 kr6,3 %"]);
  expect(table.at(-1)).toEqual(["Summa", "9 800 000 kr", "6 160 000 kr", "9 640 000 kr", "−160 000 kr"]);
  await userEvent.click(screen.getByRole("button", { name: "Skriv Finsam-uppföljning" }));
  await screen.findByText("Bladet Finsam-uppföljning är skrivet ur exempel-bokforing.se. Ångra tar bort det.");
  const sheet = (port.applyPlan.mock.calls.at(-1)![0] as WritePlan).followUpSheet!;
  expect(sheet.cells.find((c) => c.cell === "C5")).toMatchObject({ value: 1700000 });
  expect(sheet.cells.find((c) => c.cell === "G5")?.value).toBe("inskriven");
  expect(sheet.cells.find((c) => c.cell === "F5")).toMatchObject({ value: 1200000 });
});
