/**
 * Flerårsplan (issue 6) on the fixtures' numbers: the worst case by default, each assumption changing
 * the plan at once (the expected amounts computed here, independently of the engine), validation that
 * keeps the last valid plan, named scenarios saved in the workbook, three compared, the chart, the
 * board sheet, keyboard and English.
 */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import JSZip from "jszip";
import { Decimal, formatKr, formatNumber, scenariosFromJson } from "../../src/domain";
import { readGridFromBuffer } from "../../src/xlsx/readGrid";
import type { WorkbookPort } from "../../src/app/workbookPort";
import {
  analysed,
  filePort,
  fixtureGrid,
  gridPort,
  plain,
  renderPane,
  type FakePort,
  type FixtureName,
} from "./support";
import type { WorkbookEdits } from "../../src/grid/edits";
import type { WritePlan } from "../../src/plan/types";

jest.setTimeout(30_000);

// user-event moves between radio buttons by name with CSS.escape, which jsdom lacks.
const css = globalThis as { CSS?: { escape?: (s: string) => string } };
css.CSS ??= {};
css.CSS.escape ??= (s: string) => s.replace(/[^\w-]/g, (ch) => `\\${ch}`);

/** The pane on a fixture, analysed, on Flerårsplan: on a fake port unless given one. */
async function planOf<P extends WorkbookPort = FakePort>(name: FixtureName, given?: P): Promise<P> {
  const port = given ?? (gridPort(fixtureGrid(name)) as WorkbookPort as P);
  renderPane({ port });
  await userEvent.click(screen.getByRole("button", { name: "Analysera" }));
  await analysed("sv", 10_000);
  await userEvent.click(screen.getByRole("tab", { name: "Flerårsplan" }));
  return port;
}

/** The rows of a table as plain text, cell by cell. */
function rows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole("row")
    .map((row) => [...row.querySelectorAll("th, td")].map((c) => plain(c.textContent).trim()));
}

/** The plan table's row for a label: [label, budget year, plan years…]. */
function planRow(label: string): string[] {
  const found = rows(screen.getByRole("table", { name: /^Scenario: / })).find((r) => r[0] === label);
  if (!found)
    throw new Error(
      `no row ${label} among ${rows(screen.getByRole("table", { name: /^Scenario: / }))
        .map((r) => r[0])
        .join(" | ")}`,
    );
  return found;
}

const kr = (value: Decimal | number) => plain(formatKr(new Decimal(value)));
/** An amount as the tables show it: the unit is in the caption. */
const amount = (value: Decimal | number) => plain(formatNumber(new Decimal(value), "sv"));

/** Types into a labelled field, replacing what it held. */
async function type(label: string, text: string) {
  const input = screen.getByLabelText(label);
  await userEvent.clear(input);
  if (text !== "") await userEvent.type(input, text);
  return input;
}

const chart = () => screen.getByRole("img", { name: /^Linjediagram/ });
const outcomeNow = () => plain(screen.getByText(/^Med de här antagandena:/).textContent);

describe("Örnsköldsvik 2024 (tkr in the sheet), the worst case", () => {
  test("by default: the budget year and the plan years side by side, equity gone during 2025", async () => {
    await planOf("ornskoldsvik-2024");
    expect(screen.getByRole("heading", { name: "Flerårsplan 2024–2026" })).toBeTruthy();
    expect(
      screen.getByRole("table", { name: "Scenario: Värsta fall (statens del −10 % per år) · belopp i kr" }),
    ).toBeTruthy();
    expect(planRow("Post")).toEqual(["Post", "Budget 2024", "Plan 2025", "Plan 2026"]);
    expect(planRow("Statens förändring")).toEqual(["Statens förändring", "–", "−10 %", "−10 %"]);
    // The parties as the sheet names them (Översikt does the same).
    expect(planRow("Försäkringskassan/Arbetsförmedlingen").slice(1)).toEqual(["2 511 000", "2 259 900", "2 033 910"]);
    expect(planRow("Region Västernorrland").slice(1)).toEqual(["1 255 500", "1 129 950", "1 016 955"]);
    expect(planRow("Kommunerna").slice(1)).toEqual(["1 255 500", "1 129 950", "1 016 955"]);
    expect(planRow("Totalt").slice(1)).toEqual(["5 022 000", "4 519 800", "4 067 820"]);
    expect(planRow("Övriga intäkter").slice(1)).toEqual(["0", "0", "0"]);
    expect(planRow("Kostnader").slice(1)).toEqual(["5 022 000", "5 022 000", "5 022 000"]);
    expect(planRow("Resultat").slice(1)).toEqual(["0", "−502 200", "−954 180"]);
    expect(planRow("Eget kapital 1/1").slice(1)).toEqual(["370 000", "370 000", "−132 200"]);
    expect(planRow("Eget kapital 31/12").slice(1)).toEqual(["370 000", "−132 200under noll", "−1 086 380under noll"]);
    // 20 % of each year's contributions.
    expect(planRow("Högst rekommenderat").slice(1)).toEqual(["1 004 400", "903 960", "813 564"]);
    expect(outcomeNow()).toBe(
      "Med de här antagandena: Värsta fall (statens del −10 % per år): Eget kapital tar slut under 2025: −132 200 kr vid årets slut.",
    );
    // The fields start at the worst case: −10 % each plan year, no floor, costs as in the sheet, no drawdown.
    expect((screen.getByLabelText("Statens förändring 2025 (%)") as HTMLInputElement).value).toBe("−10");
    expect((screen.getByLabelText("Statens förändring 2026 (%)") as HTMLInputElement).value).toBe("−10");
    expect((screen.getByLabelText("Golv för statens hälft (kr)") as HTMLInputElement).value).toBe("");
    expect(screen.getByRole("radio", { name: "Som i arket (annars som budgetåret)", checked: true })).toBeTruthy();
    expect(
      plain((screen.getByLabelText("Planerad användning av eget kapital 2026 (kr)") as HTMLInputElement).value),
    ).toBe("0");
  });

  test("−12 % for 2025 changes the numbers at once; 2026 still falls 10 % from there", async () => {
    await planOf("ornskoldsvik-2024");
    await type("Statens förändring 2025 (%)", "-12");
    // Independently: the state's half 2 511 000 × (1 − 0,12); T twice that; equity rolled on.
    const half2025 = new Decimal(2_511_000).times(new Decimal(1).minus("0.12"));
    expect(half2025.toNumber()).toBe(2_209_680);
    const total2025 = half2025.times(2);
    const closing2025 = new Decimal(370_000).plus(total2025).minus(5_022_000);
    expect(closing2025.toNumber()).toBe(-232_640);
    const total2026 = half2025.times("0.9").times(2);
    const closing2026 = closing2025.plus(total2026).minus(5_022_000);

    expect(planRow("Statens förändring").slice(1)).toEqual(["–", "−12 %", "−10 %"]);
    expect(planRow("Försäkringskassan/Arbetsförmedlingen")[2]).toBe("2 209 680");
    expect(planRow("Totalt").slice(1)).toEqual(["5 022 000", "4 419 360", amount(total2026)]);
    expect(planRow("Eget kapital 31/12")[2]).toBe(`${amount(closing2025)}under noll`);
    expect(planRow("Eget kapital 31/12")[2]).toBe("−232 640under noll");
    expect(planRow("Eget kapital 31/12")[3]).toBe(`${amount(closing2026)}under noll`);
    expect(outcomeNow()).toBe(
      // Named from its assumptions until the user names it.
      "Med de här antagandena: Staten −12 % 2025, −10 % 2026: Eget kapital tar slut under 2025: −232 640 kr vid årets slut.",
    );
    expect(screen.getByRole("table", { name: "Scenario: Staten −12 % 2025, −10 % 2026 · belopp i kr" })).toBeTruthy();
  });

  test("a rise or text is refused on its field in Swedish, and the plan keeps the last valid value", async () => {
    await planOf("ornskoldsvik-2024");
    let input = await type("Statens förändring 2025 (%)", "5");
    const rise =
      "Statens del kan inte öka i ett scenario: skriv 0 eller en minskning, till exempel −12. Planen räknas med −10 % så länge.";
    expect(plain(screen.getByText(/^Statens del kan inte öka/).textContent)).toBe(rise);
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const described = input.getAttribute("aria-describedby")!.split(" ");
    expect(described.map((id) => plain(document.getElementById(id)?.textContent))).toContain(rise);
    expect(planRow("Totalt")[2]).toBe("4 519 800");

    // A valid value, then text: the plan stays at the valid one.
    await type("Statens förändring 2025 (%)", "-12");
    expect(planRow("Totalt")[2]).toBe("4 419 360");
    input = screen.getByLabelText("Statens förändring 2025 (%)");
    await userEvent.type(input, "x");
    expect(plain(screen.getByText(/^Skriv ett tal i procent/).textContent)).toBe(
      "Skriv ett tal i procent, till exempel −12. Planen räknas med −12 % så länge.",
    );
    expect(planRow("Totalt")[2]).toBe("4 419 360");
    expect(planRow("Eget kapital 31/12")[2]).toBe("−232 640under noll");
    // Corrected, the message goes.
    await userEvent.type(input, "{Backspace}");
    expect(screen.queryByText(/^Skriv ett tal i procent/)).toBeNull();
    expect(input.getAttribute("aria-invalid")).not.toBe("true");

    await type("Golv för statens hälft (kr)", "mycket");
    expect(
      screen.getByText(/^Skriv ett belopp i kronor, till exempel 3 200 000\. Planen räknas med inget golv så länge\./),
    ).toBeTruthy();
    await type("Planerad användning av eget kapital 2025 (kr)", "-5000");
    expect(screen.getByText(/^Beloppet kan inte vara negativt\. Planen räknas med 0 kr så länge\./)).toBeTruthy();
    expect(planRow("Totalt")[2]).toBe("4 419 360");
  });

  test("a floor for the state's half: it falls by the rate, but not below 2 400 000 kr", async () => {
    await planOf("ornskoldsvik-2024");
    await type("Golv för statens hälft (kr)", "2 400 000");
    // 2025: max(2 511 000 × 0,9 = 2 259 900, 2 400 000); 2026: already at the floor, held there.
    const half = Decimal.max(new Decimal(2_511_000).times("0.9"), 2_400_000);
    const closing2025 = new Decimal(370_000).plus(half.times(2)).minus(5_022_000);
    const closing2026 = closing2025.plus(half.times(2)).minus(5_022_000);
    expect(planRow("Försäkringskassan/Arbetsförmedlingen").slice(1)).toEqual(["2 511 000", "2 400 000", "2 400 000"]);
    expect(planRow("Totalt").slice(1)).toEqual(["5 022 000", "4 800 000", "4 800 000"]);
    expect(planRow("Eget kapital 31/12").slice(1)).toEqual([
      "370 000",
      amount(closing2025),
      `${amount(closing2026)}under noll`,
    ]);
    expect(kr(closing2025)).toBe("148 000 kr");
    expect(outcomeNow()).toMatch(/Eget kapital tar slut under 2026: −74 000 kr vid årets slut\.$/);
  });

  test("a planned drawdown of equity is added to the year's costs", async () => {
    await planOf("ornskoldsvik-2024");
    await type("Statens förändring 2025 (%)", "0");
    await type("Statens förändring 2026 (%)", "0");
    await type("Planerad användning av eget kapital 2026 (kr)", "250 000");
    expect(planRow("Kostnader").slice(1)).toEqual(["5 022 000", "5 022 000", "5 272 000"]);
    expect(planRow("varav planerad användning av eget kapital").slice(1)).toEqual(["0", "0", "250 000"]);
    expect(planRow("Eget kapital 31/12").slice(1)).toEqual(["370 000", "370 000", "120 000"]);
    expect(outcomeNow()).toMatch(/Eget kapital håller sig mellan noll och rekommenderad nivå hela planen/);
  });
});

test("in tkr when the user reads amounts in tkr: 5 022 → 4 519,8 → 4 067,8 tkr, to one decimal", async () => {
  await planOf("ornskoldsvik-2024");
  await userEvent.click(screen.getByRole("tab", { name: "Inställningar" }));
  await userEvent.click(screen.getByRole("radio", { name: "tkr" }));
  await userEvent.click(screen.getByRole("tab", { name: "Flerårsplan" }));
  expect(
    screen.getByRole("table", { name: "Scenario: Värsta fall (statens del −10 % per år) · belopp i tkr" }),
  ).toBeTruthy();
  expect(planRow("Totalt").slice(1)).toEqual(["5 022", "4 519,8", "4 067,8"]);
  expect(planRow("Eget kapital 31/12").slice(1)).toEqual(["370", "−132,2under noll", "−1 086,4under noll"]);
});

describe("SAMO 2023: the costs in the plan years", () => {
  test("as in the sheet, held flat at the budget year's, or changed by a per cent a year", async () => {
    await planOf("samo-2023");
    expect(planRow("Försäkringskassan").slice(1)).toEqual(["4 320 500", "3 888 450", "3 499 605"]);
    expect(planRow("Arbetsförmedlingen").slice(1)).toEqual(["4 320 500", "3 888 450", "3 499 605"]);
    expect(planRow("Kostnader").slice(1)).toEqual(["18 861 000", "17 153 800", "14 998 420"]);

    await userEvent.click(screen.getByRole("radio", { name: "Oförändrade, som budgetåret" }));
    expect(planRow("Kostnader").slice(1)).toEqual(["18 861 000", "18 861 000", "18 861 000"]);
    // 4 300 000 at the end of 2023; then the worst case's contributions against flat costs.
    const closing2024 = new Decimal(4_300_000).plus(15_553_800).minus(18_861_000);
    const closing2025 = closing2024.plus(13_998_420).minus(18_861_000);
    expect(planRow("Eget kapital 31/12").slice(2)).toEqual([amount(closing2024), `${amount(closing2025)}under noll`]);

    await userEvent.click(screen.getByRole("radio", { name: "Ändras med en procentsats per år" }));
    await type("Kostnadernas förändring per år (%)", "-5");
    // 18 861 000 × 0,95 = 17 917 950; × 0,95 = 17 022 052,5, whole kronor half away from zero.
    expect(planRow("Kostnader").slice(1)).toEqual(["18 861 000", "17 917 950", "17 022 053"]);
  });
});

describe("named scenarios in the workbook", () => {
  test("Spara scenario writes Finsam_Scenarier through applyEdits, with the scenario's assumptions", async () => {
    const port = await planOf("ornskoldsvik-2024");
    await type("Statens förändring 2025 (%)", "-12");
    await type("Golv för statens hälft (kr)", "2 000 000");
    await userEvent.click(screen.getByRole("button", { name: "Spara scenario" }));
    // No name: said on the field, nothing written.
    expect(screen.getByText("Ge scenariot ett namn.")).toBeTruthy();
    expect(port.applyEdits).not.toHaveBeenCalled();

    await type("Namn på scenariot", "Staten −12 % 2025");
    await userEvent.click(screen.getByRole("button", { name: "Spara scenario" }));
    await waitFor(() => expect(port.applyEdits).toHaveBeenCalledTimes(1));
    const edits = port.applyEdits.mock.calls[0]![0] as WorkbookEdits;
    const name = edits.names!.find((n) => n.name === "Finsam_Scenarier")!;
    expect(name.ref).toMatch(/^'Finsam-inställningar'!\$B\$\d+$/);
    const cell = edits.cells.find((c) => name.ref.endsWith(`$B$${c.cell.slice(1)}`) && c.cell.startsWith("B"))!;
    const saved = scenariosFromJson(String(cell.value))!;
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ id: "staten-12-2025", name: "Staten −12 % 2025" });
    const c = saved[0]!.contributions;
    if (c.kind !== "reduction") throw new Error("not a reduction");
    expect(c.rateByYear![2025]!.toFixed()).toBe("0.12");
    expect(c.rateByYear![2026]!.toFixed()).toBe("0.1");
    expect(c.stateFloor!.toFixed()).toBe("2000000");
    // Analysed again after the write, as every save does.
    await waitFor(() => expect(port.readGrid).toHaveBeenCalledTimes(2));
    expect(
      await screen.findByText("Scenariot ”Staten −12 % 2025” är sparat i arbetsboken. Ångra tar bort det."),
    ).toBeTruthy();
  });

  test("on a real workbook: saved, listed, three compared with the differences, and undone", async () => {
    await planOf("ornskoldsvik-2024", await filePort("ornskoldsvik-2024"));
    await type("Statens förändring 2025 (%)", "-12");
    await type("Namn på scenariot", "Tolv procent");
    await userEvent.keyboard("{Enter}");
    await screen.findByText("Scenariot ”Tolv procent” är sparat i arbetsboken. Ångra tar bort det.");
    const list = screen.getByRole("list", { name: "Sparade scenarier" });
    expect(within(list).getByText("Tolv procent")).toBeTruthy();
    // The analysis read it back from the workbook: Översikt has its plan too.
    expect(screen.getByRole("option", { name: "Tolv procent" })).toBeTruthy();

    // Compare: the form's scenario and Enligt arket are chosen; three at most, so the form's makes way.
    const editing = screen.getByRole("checkbox", { name: "Tolv procent (antagandena ovan)", checked: true });
    expect(screen.getByRole("checkbox", { name: "Enligt arket", checked: true })).toBeTruthy();
    await userEvent.click(screen.getByRole("checkbox", { name: "Värsta fall (statens del −10 % per år)" }));
    expect(screen.getByText("Tre scenarier är valda; avmarkera ett för att välja ett annat.")).toBeTruthy();
    const saved = screen.getByRole("checkbox", { name: "Tolv procent", checked: false }) as HTMLInputElement;
    expect(saved.disabled).toBe(true);
    await userEvent.click(editing);
    await userEvent.click(saved);
    expect(saved.checked).toBe(true);

    const table = rows(
      screen.getByRole("table", {
        name: "Eget kapital 31/12 per scenario, skillnaderna mot Värsta fall (statens del −10 % per år) · belopp i kr",
      }),
    );
    // Tolv procent 2026: the state's half 2 209 680 × 0,9 = 1 988 712; −232 640 + 2 × 1 988 712 − 5 022 000.
    const tolv2026 = new Decimal(-232_640).plus(2 * 1_988_712).minus(5_022_000);
    expect(table).toEqual([
      ["Scenario", "2024", "2025", "2026"],
      ["Värsta fall (statens del −10 % per år)", "370 000", "−132 200", "−1 086 380"],
      ["Enligt arket", "370 000", "370 000", "370 000"],
      ["Tolv procent", "370 000", "−232 640", amount(tolv2026)],
      ["Skillnad, Enligt arket", "0", "+502 200", "+1 456 380"],
      ["Skillnad, Tolv procent", "0", "−100 440", amount(tolv2026.minus(-1_086_380))],
      ["Högst rekommenderat", "1 004 400", "903 960", "813 564"],
    ]);
    expect(amount(tolv2026)).toBe("−1 277 216");
    // Each plan's equity in words under the chart.
    const words = within(screen.getByRole("list", { name: "Eget kapital vid årets slut" }))
      .getAllByRole("listitem")
      .map((li) => plain(li.textContent));
    expect(words).toEqual([
      "Värsta fall (statens del −10 % per år): Eget kapital tar slut under 2025: −132 200 kr vid årets slut.",
      "Enligt arket: Eget kapital håller sig mellan noll och rekommenderad nivå hela planen (370 000 kr vid slutet av 2026).",
      "Tolv procent: Eget kapital tar slut under 2025: −232 640 kr vid årets slut.",
    ]);
    expect(
      within(chart().closest("figure")!)
        .getAllByRole("listitem")
        .map((li) => plain(li.textContent)),
    ).toEqual([
      "Värsta fall (statens del −10 % per år)",
      "Enligt arket",
      "Tolv procent",
      "Högst rekommenderat för Värsta fall (statens del −10 % per år)",
      "Noll",
      "Ring: under noll",
    ]);

    // Ångra: the workbook without the scenario, and the list empty again.
    await userEvent.click(screen.getByRole("button", { name: "Ångra" }));
    await screen.findByText("Den senaste ändringen är ångrad.");
    expect(screen.getByText("Inga sparade scenarier ännu.")).toBeTruthy();
    expect(screen.queryByRole("checkbox", { name: "Tolv procent" })).toBeNull();
  });

  test("a saved scenario can be opened in the form again, and removed from the workbook", async () => {
    await planOf("ornskoldsvik-2024", await filePort("ornskoldsvik-2024"));
    await type("Statens förändring 2026 (%)", "-15");
    await type("Namn på scenariot", "Femton");
    await userEvent.click(screen.getByRole("button", { name: "Spara scenario" }));
    await screen.findByText("Scenariot ”Femton” är sparat i arbetsboken. Ångra tar bort det.");
    await userEvent.selectOptions(screen.getByLabelText("Utgå från"), "worst-case");
    expect((screen.getByLabelText("Statens förändring 2026 (%)") as HTMLInputElement).value).toBe("−10");
    await userEvent.selectOptions(screen.getByLabelText("Utgå från"), "femton");
    expect((screen.getByLabelText("Statens förändring 2026 (%)") as HTMLInputElement).value).toBe("−15");
    expect((screen.getByLabelText("Namn på scenariot") as HTMLInputElement).value).toBe("Femton");
    expect(planRow("Statens förändring").slice(1)).toEqual(["–", "−10 %", "−15 %"]);

    await userEvent.click(screen.getByRole("button", { name: "Ta bort ”Femton” ur arbetsboken" }));
    await screen.findByText("Scenariot ”Femton” är borttaget ur arbetsboken. Ångra tar tillbaka det.");
    expect(screen.getByText("Inga sparade scenarier ännu.")).toBeTruthy();
  });
});

describe("the chart", () => {
  test("an SVG image whose label says every number, lines told apart by dash and marker, and it follows the rate", async () => {
    await planOf("ornskoldsvik-2024");
    const before = plain(chart().getAttribute("aria-label"));
    expect(before).toBe(
      "Linjediagram, eget kapital vid årets slut 2024–2026, mot högsta rekommenderade nivå och noll. " +
        "Värsta fall (statens del −10 % per år): 370 000 kr 2024, −132 200 kr 2025, −1 086 380 kr 2026. Under noll 2025, 2026. " +
        "Enligt arket: 370 000 kr 2024, 370 000 kr 2025, 370 000 kr 2026. " +
        "Högst rekommenderat för Värsta fall (statens del −10 % per år): 1 004 400 kr 2024, 903 960 kr 2025, 813 564 kr 2026.",
    );
    const lines = [...chart().querySelectorAll("path[data-line=scenario]")];
    expect(lines).toHaveLength(2);
    expect(new Set(lines.map((l) => l.getAttribute("stroke-dasharray") ?? "solid")).size).toBe(2);
    const markers = [...chart().querySelectorAll("path[data-marker]")].map((m) => m.getAttribute("data-marker"));
    expect(markers).toEqual(["circle", "circle", "circle", "square", "square", "square"]);
    expect(chart().querySelectorAll("path[data-alert=below]")).toHaveLength(2);
    expect(chart().querySelector("path[data-line=max]")?.getAttribute("stroke-dasharray")).toBeTruthy();
    const paths = chart().querySelectorAll("path").length;
    const lineData = lines[0]!.getAttribute("d");
    // The years below zero are said in words under it too.
    expect(
      screen.getAllByText(/Eget kapital tar slut under 2025: −132 200 kr vid årets slut\./).length,
    ).toBeGreaterThan(0);

    // No cut in 2025: only 2026 goes below zero.
    await type("Statens förändring 2025 (%)", "0");
    const after = plain(chart().getAttribute("aria-label"));
    expect(after).not.toBe(before);
    expect(after).toContain(
      "Staten ±0 % 2025, −10 % 2026: 370 000 kr 2024, 370 000 kr 2025, −132 200 kr 2026. Under noll 2026.",
    );
    expect(chart().querySelectorAll("path[data-alert=below]")).toHaveLength(1);
    expect(chart().querySelectorAll("path").length).toBe(paths - 1);
    expect(chart().querySelector("path[data-line=scenario]")!.getAttribute("d")).not.toBe(lineData);
    expect(outcomeNow()).toMatch(/Eget kapital tar slut under 2026: −132 200 kr vid årets slut\.$/);
  });

  test("colours only from Fluent's tokens (CSS variables), none by hand", async () => {
    await planOf("ornskoldsvik-2024");
    const css = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText)).join("\n");
    for (const path of chart().querySelectorAll("path")) {
      expect(path.getAttribute("stroke")).toBeNull();
      expect(path.getAttribute("fill")).toBeNull();
    }
    expect(css).toMatch(/stroke: var\(--colorBrandForeground1\)/);
    expect(css).toMatch(/stroke: var\(--colorPaletteRedForeground1\)/);
  });
});

describe("Skapa styrelseunderlag", () => {
  test("writes the board sheet with the compared scenarios through applyPlan, as one step that Ångra takes back", async () => {
    const port = await planOf("ornskoldsvik-2024");
    await type("Statens förändring 2025 (%)", "-12");
    await userEvent.click(screen.getByRole("button", { name: "Skapa styrelseunderlag" }));
    await waitFor(() => expect(port.applyPlan).toHaveBeenCalledTimes(2));
    const plan = port.applyPlan.mock.calls[1]![0] as WritePlan;
    expect(plan.boardSheet?.name).toBe("Styrelseunderlag");
    // Värsta fall is always on the page, after the two compared.
    expect(plan.boardSheet?.scenarios).toEqual(["_draft", "sheet", "worst-case"]);
    expect(plan.boardSheet?.chart.series.map((s) => [s.name, s.role])).toEqual([
      ["Staten −12 % 2025, −10 % 2026", "value"],
      ["Enligt arket", "value"],
      ["Värsta fall (−10 % per år)", "value"],
      ["Högsta rekommenderade, Staten −12 % 2025, −10 % 2026", "limit"],
      ["Högsta rekommenderade, Enligt arket", "limit"],
      ["Högsta rekommenderade, Värsta fall (−10 % per år)", "limit"],
      ["Noll", "zero"],
    ]);
    expect(plan.boardSheet?.chart.series[0]!.cache).toEqual([370_000, -232_640, -1_277_216]);
    // The flags are the analysis's own, as Analysera wrote them.
    expect(plan.flags).toEqual((port.applyPlan.mock.calls[0]![0] as WritePlan).flags);
    expect(
      await screen.findByText(
        "Styrelseunderlaget är skapat med ”Staten −12 % 2025, −10 % 2026”, ”Enligt arket” och ”Värsta fall (−10 % per år)”.",
      ),
    ).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Ångra" }));
    await waitFor(() => expect(port.undo).toHaveBeenCalledTimes(1));
  });

  test("in the browser the download holds the board sheet and its chart", async () => {
    const port = await filePort("ornskoldsvik-2024");
    await planOf("ornskoldsvik-2024", port);
    expect(screen.getByText(/I webbläsaren: ladda sedan ner arbetsboken/)).toBeTruthy();
    await userEvent.click(screen.getByRole("checkbox", { name: "Värsta fall (statens del −10 % per år)" }));
    await userEvent.click(screen.getByRole("button", { name: "Skapa styrelseunderlag" }));
    await screen.findByText(/^Styrelseunderlaget är skapat/);
    const bytes = await port.download();
    const grid = await readGridFromBuffer(bytes);
    expect(grid.sheets.map((s) => s.name)).toContain("Styrelseunderlag");
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).some((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toBe(true);
    await userEvent.click(screen.getByRole("button", { name: "Ångra" }));
    await screen.findByText("Den senaste ändringen är ångrad.");
    const undone = await readGridFromBuffer(await port.download());
    expect(undone.sheets.map((s) => s.name)).not.toContain("Styrelseunderlag");
  });
});

describe("keyboard and language", () => {
  test("the editor by keyboard alone: Tab through the fields, type, arrows in the costs, Enter saves", async () => {
    const port = await planOf("ornskoldsvik-2024");
    screen.getByLabelText("Utgå från").focus();
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByLabelText("Statens förändring 2025 (%)"));
    await userEvent.keyboard("{Control>}a{/Control}-12");
    expect(planRow("Totalt")[2]).toBe("4 419 360");
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByLabelText("Statens förändring 2026 (%)"));
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByLabelText("Golv för statens hälft (kr)"));
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole("radio", { name: "Som i arket (annars som budgetåret)" }));
    await userEvent.keyboard("{ArrowDown}");
    expect(screen.getByRole("radio", { name: "Oförändrade, som budgetåret", checked: true })).toBeTruthy();
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByLabelText("Planerad användning av eget kapital 2025 (kr)"));
    await userEvent.tab();
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByLabelText("Namn på scenariot"));
    await userEvent.keyboard("Tolv{Enter}");
    await waitFor(() => expect(port.applyEdits).toHaveBeenCalledTimes(1));
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Spara scenario" }));
    // The comparison's checkboxes by Space.
    const sheet = screen.getByRole("checkbox", { name: "Enligt arket" }) as HTMLInputElement;
    sheet.focus();
    await userEvent.keyboard(" ");
    expect(sheet.checked).toBe(false);
  });

  test("every control on the view is labelled", async () => {
    await planOf("vastra-2025");
    const controls = document.querySelectorAll(
      "[role=tabpanel] :is(button, input, select, [role=radio], [role=checkbox])",
    );
    expect(controls.length).toBeGreaterThan(10);
    for (const control of controls) {
      const labelledBy = control.getAttribute("aria-labelledby");
      const name =
        control.getAttribute("aria-label") ??
        (labelledBy ? document.getElementById(labelledBy.split(" ")[0]!)?.textContent : undefined) ??
        ((control as HTMLInputElement).labels?.[0]?.textContent || control.textContent);
      expect({ control: control.outerHTML.slice(0, 80), name: name?.trim() || undefined }).toEqual(
        expect.objectContaining({ name: expect.any(String) }),
      );
    }
  });

  test("in English: the tab, the labels, the validation and the numbers", async () => {
    await planOf("vastra-2025");
    await userEvent.selectOptions(screen.getByLabelText("Språk"), "en");
    expect(screen.getByRole("tab", { name: "Multi-year plan", selected: true })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Multi-year plan 2025–2027" })).toBeTruthy();
    expect(planRow2("Total")).toEqual(["8,644,000", "7,779,600", "7,001,640"]);
    await type("The state's change 2026 (%)", "3");
    expect(
      screen.getByText(
        "The state's half cannot rise in a scenario: type 0 or a cut, for example −12. The plan uses -10% meanwhile.",
      ),
    ).toBeTruthy();
    await type("The state's change 2026 (%)", "-12");
    // Västra: 4 322 000 × 0,88 = 3 803 360, T 7 606 720; 1 684 000 + 7 606 720 − 10 010 000 = −719 280.
    expect(planRow2("Total")[1]).toBe("7,606,720");
    expect(
      screen.getByText(
        /^With these assumptions: State −12 % 2026, −10 % 2027: Equity runs out during 2026: [−-]719,280 SEK/,
      ),
    ).toBeTruthy();
  });
});

/** The English plan table's row, amounts only. */
function planRow2(label: string): string[] {
  const found = rows(screen.getByRole("table", { name: /^Scenario: / })).find((r) => r[0] === label);
  if (!found)
    throw new Error(
      `no row ${label} among ${rows(screen.getByRole("table", { name: /^Scenario: / }))
        .map((r) => r[0])
        .join(" | ")}`,
    );
  return found.slice(1);
}
