import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { analysed, fixtureGrid, gridPort, plain, renderPane, type FakePort } from "./support";
import type { PortCapabilities } from "../../src/app/workbookPort";

const FILE: PortCapabilities = {
  host: "file",
  annotations: "note",
  nativeUndo: false,
  goToCell: false,
  liveChanges: false,
};

async function findingsOf(port: FakePort) {
  renderPane({ port });
  await userEvent.click(screen.getByRole("button", { name: "Analysera" }));
  await analysed();
  await userEvent.click(screen.getByRole("tab", { name: "Avvikelser" }));
}

const items = (severity?: string) =>
  screen.getAllByRole("listitem").filter((li) => !severity || li.getAttribute("data-severity") === severity);

test("Västra 2025: every finding, grouped by severity, titled in words, with its message", async () => {
  await findingsOf(gridPort(fixtureGrid("vastra-2025")));
  // One finding per fact: before, 6 errors (three unfinanced years, each also as negative equity) and 2 infos.
  expect(screen.getByRole("heading", { name: "Fel (3)" })).toBeTruthy();
  expect(screen.getByRole("heading", { name: "Varningar (6)" })).toBeTruthy();
  expect(screen.getByRole("heading", { name: "Information (1)" })).toBeTruthy();
  expect(items()).toHaveLength(10);
  const deviations = items("warning").filter((li) => li.getAttribute("data-code") === "SHARE_DEVIATION");
  expect(deviations.map((li) => /Skillnad (\S+ kr)\./.exec(plain(li.textContent))?.[1])).toEqual(
    ["+654", "−182", "−808", "−100", "+436"].map((d) => `${d} kr`),
  );
  // The kind's title first, then where; the code only under "Visa detaljer".
  expect(plain(deviations[0]!.textContent)).toMatch(
    /^Andelen avvikerBudget 2025!B16 · 2025Motala kommun 2025: arket har 1 045 924 kr men andelen är 1 045 270 kr/,
  );
  expect(document.body.textContent).not.toContain("SHARE_DEVIATION");
  const unfinanced = items("error").find((li) => li.textContent?.includes("2026"))!;
  expect(plain(unfinanced.textContent)).toContain("Kostnaderna kan inte finansieras");
  expect(plain(unfinanced.textContent)).toContain(" · 2026 · Värsta fall (statens del −10 % per år)");
  const shared = items("info")[0]!;
  expect(plain(shared.textContent)).toContain(" · 2025 · Enligt arket och Värsta fall (statens del −10 % per år)");
  await userEvent.click(screen.getByRole("checkbox", { name: "Visa detaljer (koder)" }));
  expect(plain(deviations[0]!.textContent)).toContain("Budget 2025!B16 · 2025 · kod SHARE_DEVIATION");
});

test("filtered by severity and by kind", async () => {
  await findingsOf(gridPort(fixtureGrid("vastra-2025")));
  await userEvent.click(screen.getByRole("checkbox", { name: "Fel (3)" }));
  expect(items()).toHaveLength(7);
  expect(screen.queryByRole("heading", { name: "Fel (3)" })).toBeNull();
  const kinds = within(screen.getByLabelText("Typ"))
    .getAllByRole("option")
    .map((o) => o.textContent);
  expect(kinds).toEqual([
    "Alla typer",
    "Andelen avviker",
    "Kostnaderna kan inte finansieras",
    "Underskott som eget kapital bär",
    "Underskott utan synnerliga skäl",
  ]);
  await userEvent.selectOptions(screen.getByLabelText("Typ"), "SHARE_DEVIATION");
  expect(items()).toHaveLength(5);
  await userEvent.click(screen.getByRole("checkbox", { name: "Varningar (6)" }));
  expect(screen.getByText("Inga avvikelser med det urvalet.")).toBeTruthy();
  await userEvent.selectOptions(screen.getByLabelText("Typ"), "");
  await userEvent.click(screen.getByRole("checkbox", { name: "Fel (3)" }));
  // Errors back, warnings still off: 3 errors and 1 information.
  expect(items()).toHaveLength(4);
});

test("in Excel, choosing a finding selects its cell", async () => {
  const port = gridPort(fixtureGrid("vastra-2025"));
  await findingsOf(port);
  const motala = items("warning").find((li) => li.textContent?.includes("Motala"))!;
  await userEvent.click(within(motala).getByRole("button"));
  expect(port.goToCell).toHaveBeenCalledWith("Budget 2025", "B16");
  // By keyboard too: a finding is a button, Enter selects its cell.
  const mjolby = items("warning").find((li) => li.textContent?.includes("Mjölby"))!;
  within(mjolby).getByRole("button").focus();
  await userEvent.keyboard("{Enter}");
  expect(port.goToCell).toHaveBeenLastCalledWith("Budget 2025", "B17");
});

test("outside Excel the cell is shown, not selected", async () => {
  await findingsOf(gridPort(fixtureGrid("vastra-2025"), FILE));
  expect(screen.getByText(/I webbläsaren kan tillägget inte markera celler/)).toBeTruthy();
  const motala = items("warning").find((li) => li.textContent?.includes("Motala"))!;
  expect(within(motala).queryByRole("button")).toBeNull();
  expect(plain(motala.textContent)).toContain("Budget 2025!B16");
});

test("Ta bort markeringar, then Ångra", async () => {
  const port = gridPort(fixtureGrid("vastra-2025"));
  await findingsOf(port);
  await userEvent.click(screen.getByRole("button", { name: "Ta bort markeringar" }));
  expect(await screen.findByText("Markeringarna är borttagna.")).toBeTruthy();
  expect(port.removeFlags).toHaveBeenCalledTimes(1);
  await userEvent.click(screen.getByRole("button", { name: "Ångra" }));
  await waitFor(() => expect(port.undo).toHaveBeenCalledTimes(1));
  expect(await screen.findByText("Den senaste ändringen är ångrad.")).toBeTruthy();
});

test("in English: the engine's English messages", async () => {
  await findingsOf(gridPort(fixtureGrid("vastra-2025")));
  await userEvent.selectOptions(screen.getByLabelText("Språk"), "en");
  expect(screen.getByRole("heading", { name: "Warnings (6)" })).toBeTruthy();
  const motala = items("warning").find((li) => li.textContent?.includes("Motala"))!;
  expect(plain(motala.textContent)).toMatch(/Motala kommun 2025: the sheet has 1,045,924 SEK/);
});

test("SAMO 2023: the one krona too much is information on Finspång", async () => {
  await findingsOf(gridPort(fixtureGrid("samo-2023")));
  const finspang = items("info").find((li) => li.getAttribute("data-code") === "SHARE_DEVIATION")!;
  expect(plain(finspang.textContent)).toMatch(/Finspångs kommun 2023: arket har 501 227 kr men andelen är 501 226 kr/);
});
