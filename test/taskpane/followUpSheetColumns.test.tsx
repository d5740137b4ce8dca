/**
 * Uppföljning on the workbook's own follow-up columns (issue 12): the source chosen, the lines'
 * budget, utfall, forecast and deviation from the sheet's cells, a forecast per line chosen or
 * typed (recomputing the table and the findings), and Finsam-uppföljning written referencing the cells.
 */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { Decimal, type ForecastChoice } from "../../src/domain";
import { forecastsFromJson, forecastsToJson } from "../../src/memory/forecastSetting";
import { SheetBuilder, type GridSheet } from "../../src/grid";
import { readGridFromBuffer } from "../../src/xlsx/readGrid";
import { analysed, gridPort, plain, renderPane, type FakePort } from "./support";
import type { WorkbookEdits } from "../../src/grid/edits";
import type { WritePlan } from "../../src/plan/types";

jest.setTimeout(30_000);

const layout = (name: string) => resolve(__dirname, `../fixtures/layouts/${name}.xlsx`);
const OVER = "30-vastra-follow-up-over";
const SOUND = "31-sydnarke-follow-up-sound";
const TABLE = "Budgetrader 2025";

/** The pane on a follow-up fixture, analysed, on Uppföljning, with the sheet's columns as the source. */
async function open(name: string): Promise<FakePort> {
  const port = gridPort(readGridFromBuffer(await readFile(layout(name)), `${name}.xlsx`));
  renderPane({ port });
  await userEvent.click(screen.getByRole("button", { name: "Analysera" }));
  await analysed("sv", 10_000);
  await userEvent.click(screen.getByRole("tab", { name: "Uppföljning" }));
  await screen.findByRole("table", { name: TABLE }, { timeout: 10_000 });
  return port;
}

function rows(name: string): string[][] {
  return within(screen.getByRole("table", { name }))
    .getAllByRole("row")
    .map((row) => [...row.querySelectorAll("th, td")].map((c) => plain(c.textContent).trim()));
}

const line = (label: string) => rows(TABLE).find((r) => r[0]!.startsWith(label))!;

/** The follow-up's findings as the pane lists them: their codes, and their texts. */
function findings(): { codes: string[]; texts: string[] } {
  const list = screen.queryByRole("list", { name: "Avvikelser i uppföljningen" });
  const items = list ? within(list).getAllByRole("listitem") : [];
  return {
    codes: items.map((li) => li.getAttribute("data-code")!),
    texts: items.map((li) => plain(li.textContent)),
  };
}

async function typeForecast(label: string, text: string): Promise<void> {
  const input = screen.getByRole("textbox", { name: `Prognos ${label}` });
  await userEvent.clear(input);
  if (text) await userEvent.type(input, text);
}

test("the sheet's columns are offered and chosen: Västra's utfall and forecast through August, the totals, the findings", async () => {
  await open(OVER);
  const sheet = screen.getByRole("radio", {
    name: "Uppföljningskolumnerna i arbetsboken ('Uppföljning aug 2025'!C4:D10)",
  }) as HTMLInputElement;
  expect(sheet.checked).toBe(true);
  // "Utfall jan–aug 2025": eight months, from the header.
  expect((screen.getByRole("combobox", { name: "Utfall till och med" }) as HTMLSelectElement).value).toBe("8");
  expect(screen.queryByLabelText("Bokföringens SIE-fil")).toBeNull();

  expect(line("Kansli 1.0")).toEqual([
    "Kansli 1.0inskriven",
    "1 600 000 kr",
    "1 050 000 kr",
    "1 580 000 kr",
    "−20 000 kr−1,3 %",
  ]);
  expect(line("Försteg 4.0").slice(1, 5)).toEqual(["2 700 000 kr", "2 750 000 kr", "2 900 000 kr", "+200 000 kr7,4 %"]);
  expect(rows(TABLE).at(-1)).toEqual(["Summa", "9 800 000 kr", "7 670 000 kr", "9 960 000 kr", "+160 000 kr"]);
  // No members and no equity in this sheet: the result is the forecast's costs alone.
  expect(plain(screen.getByTestId("follow-up-words").textContent)).toBe(
    "Med helårsprognosen 9 960 000 kr blir årets resultat −9 960 000 kr. Prognosen ligger över budgetens ram på 9 800 000 kr.",
  );
  const found = findings();
  expect(found.codes.sort()).toEqual(["CEILING_EXCEEDED", "LINE_OVER_BUDGET", "LINE_OVER_BUDGET", "LINE_OVER_BUDGET"]);
  expect(found.texts).toContain("Försteg 4.0 2025: utfall 2 750 000 kr är över budget 2 700 000 kr med 50 000 kr.");
  expect(found.texts).toContain("Nätverk 2.4.1 2025: prognos 3 400 000 kr är över budget 3 260 000 kr med 140 000 kr.");
});

test("a forecast typed over the sheet's changes the line, the total and the findings; a bad amount says why", async () => {
  await open(OVER);
  expect((screen.getByRole("combobox", { name: "Prognosmetod Nätverk 2.4.1" }) as HTMLSelectElement).value).toBe(
    "typed",
  );
  await typeForecast("Nätverk 2.4.1", "3 200 000");
  // 3 200 000 − 3 260 000; the total 9 960 000 − 200 000 = 9 760 000 is now under the frame 9 800 000.
  expect(line("Nätverk 2.4.1").slice(3, 5)).toEqual(["3 200 000 kr", "−60 000 kr−1,8 %"]);
  expect(rows(TABLE).at(-1)).toEqual(["Summa", "9 800 000 kr", "7 670 000 kr", "9 760 000 kr", "−40 000 kr"]);
  expect(findings().codes).toEqual(["LINE_OVER_BUDGET", "LINE_OVER_BUDGET"]);
  expect(findings().texts.join(" ")).not.toContain("Nätverk");

  await typeForecast("Nätverk 2.4.1", "tre miljoner");
  expect(screen.getByText("”tre miljoner” är inget belopp: skriv kronor, till exempel 1 250 000.")).toBeTruthy();
  // The numbers keep the last good amount.
  expect(rows(TABLE).at(-1)![3]).toBe("9 760 000 kr");

  // Försteg by the budget: its forecast finding goes, its utfall over budget stays.
  await userEvent.selectOptions(screen.getByRole("combobox", { name: "Prognosmetod Försteg 4.0" }), "budget");
  expect(line("Försteg 4.0")).toEqual([
    "Försteg 4.0budgeten",
    "2 700 000 kr",
    "2 750 000 kr",
    "2 700 000 kr",
    "0 kr0 %",
  ]);
  expect(findings().texts).toEqual([
    "Försteg 4.0 2025: utfall 2 750 000 kr är över budget 2 700 000 kr med 50 000 kr.",
  ]);

  // Kansli scaled: 1 050 000 × 12 / 8 = 1 575 000.
  await userEvent.selectOptions(screen.getByRole("combobox", { name: "Prognosmetod Kansli 1.0" }), "scaled");
  expect(line("Kansli 1.0").slice(0, 4)).toEqual([
    "Kansli 1.0utfall × 12 / 8",
    "1 600 000 kr",
    "1 050 000 kr",
    "1 575 000 kr",
  ]);
  // Through June instead: 1 050 000 × 12 / 6 = 2 100 000, over its budget.
  await userEvent.selectOptions(screen.getByRole("combobox", { name: "Utfall till och med" }), "6");
  expect(line("Kansli 1.0")[3]).toBe("2 100 000 kr");
  expect(findings().texts).toContain(
    "Kansli 1.0 2025: prognos 2 100 000 kr är över budget 1 600 000 kr med 500 000 kr.",
  );
});

test("Sydnärke has no finding until a typed forecast puts Kansli over its budget, and none again when it is taken back", async () => {
  await open(SOUND);
  expect(screen.getByText("Inga avvikelser: varje rad håller sin budget och prognosen håller ramen.")).toBeTruthy();
  expect(rows(TABLE).at(-1)).toEqual(["Summa", "4 770 000 kr", "2 980 000 kr", "4 570 000 kr", "−200 000 kr"]);

  await typeForecast("Kansli", "1 150 000 kr");
  expect(line("Kansli").slice(3, 5)).toEqual(["1 150 000 kr", "+50 000 kr4,5 %"]);
  expect(rows(TABLE).at(-1)).toEqual(["Summa", "4 770 000 kr", "2 980 000 kr", "4 640 000 kr", "−130 000 kr"]);
  expect(findings()).toEqual({
    codes: ["LINE_OVER_BUDGET"],
    texts: ["Kansli 2025: prognos 1 150 000 kr är över budget 1 100 000 kr med 50 000 kr."],
  });

  await typeForecast("Kansli", "1 080 000");
  expect(findings().codes).toEqual([]);
  expect(rows(TABLE).at(-1)![3]).toBe("4 570 000 kr");
});

test("Skriv Finsam-uppföljning from the sheet's columns: the utfall and the sheet's forecasts as formulas on its cells, a typed one a value", async () => {
  const port = await open(OVER);
  await typeForecast("Nätverk 2.4.1", "3 200 000");
  const before = port.applyPlan.mock.calls.length;
  await userEvent.click(screen.getByRole("button", { name: "Skriv Finsam-uppföljning" }));
  await screen.findByText("Bladet Finsam-uppföljning är skrivet ur 'Uppföljning aug 2025'!C4:D10. Ångra tar bort det.");
  expect(port.applyPlan.mock.calls.length).toBe(before + 1);
  const sheet = (port.applyPlan.mock.calls.at(-1)![0] as WritePlan).followUpSheet!;
  const at = (cell: string) => sheet.cells.find((c) => c.cell === cell);
  expect(at("A5")?.value).toBe("Kansli 1.0");
  expect(at("F5")).toMatchObject({ formula: "='Uppföljning aug 2025'!C4", expected: 1050000 });
  expect(at("C5")).toMatchObject({ formula: "='Uppföljning aug 2025'!D4", expected: 1580000 });
  expect(at("C6")).toMatchObject({ value: 3200000 });
  expect(at("F6")).toMatchObject({ formula: "='Uppföljning aug 2025'!C5", expected: 2600000 });
  expect(String(at("A2")?.value)).toContain("uppföljningskolumner 'Uppföljning aug 2025'!C4:D10");
  const total = sheet.cells.find((c) => c.value === "Summa kostnader")!.cell.slice(1);
  expect(sheet.cells.find((c) => c.cell === `C${total}`)?.expected).toBe(9760000);

  const undos = port.undo.mock.calls.length;
  await userEvent.click(screen.getByRole("button", { name: "Ångra" }));
  await waitFor(() => expect(port.undo.mock.calls.length).toBe(undos + 1));
});

test("in English: the source, the forecast editor and the message for a bad amount", async () => {
  await open(OVER);
  await userEvent.selectOptions(screen.getByLabelText("Språk"), "en");
  expect(
    screen.getByRole("radio", { name: "The follow-up columns in the workbook ('Uppföljning aug 2025'!C4:D10)" }),
  ).toBeTruthy();
  const input = screen.getByRole("textbox", { name: "Forecast Kansli 1.0" });
  await userEvent.clear(input);
  await userEvent.type(input, "x");
  expect(screen.getByText("“x” is not an amount: write kronor, for example 1 250 000.")).toBeTruthy();
});

test("the forecasts are saved as Finsam_Prognoser, one undoable write", async () => {
  const port = await open(OVER);
  await typeForecast("Nätverk 2.4.1", "3 200 000");
  await userEvent.selectOptions(screen.getByRole("combobox", { name: "Prognosmetod Försteg 4.0" }), "budget");
  await userEvent.click(screen.getByRole("button", { name: "Spara prognoserna i arbetsboken" }));
  await screen.findByText("Prognoserna är sparade i arbetsboken (Finsam_Prognoser).");
  const edits = port.applyEdits.mock.calls.at(-1)![0] as WorkbookEdits;
  expect(edits.names).toEqual([{ name: "Finsam_Prognoser", ref: "'Finsam-inställningar'!$G$4" }]);
  const saved = forecastsFromJson(String(edits.cells.find((c) => c.cell === "G4")!.value))!;
  expect([...saved].map(([label, c]) => [label, c.method, c.method === "typed" ? c.amount.toNumber() : 0])).toEqual([
    ["Nätverk 2.4.1", "typed", 3200000],
    ["Försteg 4.0", "budget", 0],
  ]);
  expect(screen.getByText("Prognoserna som arbetsboken sparat (Finsam_Prognoser) används.")).toBeTruthy();
});

test("forecasts the workbook keeps come back when the pane opens it again", async () => {
  const grid = await readGridFromBuffer(await readFile(layout(OVER)), `${OVER}.xlsx`);
  const kept = forecastsToJson(
    new Map<string, ForecastChoice>([
      ["Nätverk 2.4.1", { method: "typed", amount: new Decimal(3200000) }],
      ["Försteg 4.0", { method: "budget" }],
    ]),
  );
  const settings: GridSheet = new SheetBuilder({ name: "Finsam-inställningar", visible: true })
    .cell(4, 7, kept, null, null)
    .build();
  const port = gridPort({
    ...grid,
    sheets: [...grid.sheets, settings],
    definedNames: [...grid.definedNames, { name: "Finsam_Prognoser", ref: "'Finsam-inställningar'!$G$4" }],
  });
  renderPane({ port });
  await userEvent.click(screen.getByRole("button", { name: "Analysera" }));
  await analysed("sv", 10_000);
  await userEvent.click(screen.getByRole("tab", { name: "Uppföljning" }));
  await screen.findByText("Prognoserna som arbetsboken sparat (Finsam_Prognoser) används.", {}, { timeout: 10_000 });
  expect(line("Nätverk 2.4.1").slice(3, 5)).toEqual(["3 200 000 kr", "−60 000 kr−1,8 %"]);
  expect(line("Försteg 4.0")[0]).toBe("Försteg 4.0budgeten");
  // 9 960 000 − 200 000 (Nätverk) − 200 000 (Försteg) = 9 560 000.
  expect(rows(TABLE).at(-1)![3]).toBe("9 560 000 kr");
  expect((screen.getByRole("textbox", { name: "Prognos Nätverk 2.4.1" }) as HTMLInputElement).value).toBe("3 200 000");
});
