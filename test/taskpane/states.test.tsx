import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { WorkbookError } from "../../src/app/workbookPort";
import { type Grid, SheetBuilder } from "../../src/grid";
import { analysed, fixtureGrid, gridPort, renderPane } from "./support";

/** The pane's states, each rendered on purpose: empty, analysing, findings, no budget, error. */

test("empty: nothing analysed yet, and Analysera is there", () => {
  renderPane({ port: gridPort(fixtureGrid("vastra-2025")) });
  expect(screen.getByRole("heading", { name: "Ingen analys ännu" })).toBeTruthy();
  expect(screen.getByRole("button", { name: "Analysera" })).toBeTruthy();
});

test("analysing: a spinner says so, and Analysera waits", async () => {
  let release: (grid: Grid) => void = () => undefined;
  const port = gridPort(new Promise<Grid>((resolve) => (release = resolve)));
  renderPane({ port });
  await userEvent.click(screen.getByRole("button", { name: "Analysera" }));
  expect(screen.getAllByText("Analyserar arbetsboken …").length).toBeGreaterThan(0);
  expect((screen.getByRole("button", { name: "Analysera" }) as HTMLButtonElement).disabled).toBe(true);
  release(await fixtureGrid("vastra-2025"));
  expect(await screen.findByRole("heading", { name: "Medlemsavgifter 2025" })).toBeTruthy();
});

test("findings: the analysis is shown and the workbook flagged", async () => {
  const port = gridPort(fixtureGrid("vastra-2025"));
  renderPane({ port });
  await userEvent.click(screen.getByRole("button", { name: "Analysera" }));
  expect(await analysed()).toBeTruthy();
  expect(port.applyPlan).toHaveBeenCalledTimes(1);
  const plan = port.applyPlan.mock.calls[0]![0];
  expect(plan.flags.map((f: { cell: string }) => f.cell)).toEqual(expect.arrayContaining(["B16", "B20"]));
});

test("no budget: the reader's reason and what to do", async () => {
  const grid: Grid = {
    definedNames: [],
    sheets: [
      new SheetBuilder({ name: "Blad1", visible: true })
        .cell(1, 1, "Inköpslista", null, null)
        .cell(2, 1, "Mjölk", null, null)
        .build(),
    ],
  };
  const port = gridPort(grid);
  renderPane({ port });
  await userEvent.click(screen.getByRole("button", { name: "Analysera" }));
  expect(await screen.findByText("Ingen budget hittades")).toBeTruthy();
  expect(screen.getByText(/Ange under Inställningar var budgeten står/)).toBeTruthy();
  expect(port.applyPlan).not.toHaveBeenCalled();
});

test("error: the port's own message, in the chosen language", async () => {
  const port = gridPort(fixtureGrid("vastra-2025"));
  port.readGrid.mockRejectedValue(
    new WorkbookError("EDIT_MODE", {
      sv: "Excel redigerar en cell: tryck Enter eller Esc och försök igen.",
      en: "Excel is editing a cell: press Enter or Esc and try again.",
    }),
  );
  renderPane({ port });
  await userEvent.click(screen.getByRole("button", { name: "Analysera" }));
  expect(await screen.findByText("Det gick inte")).toBeTruthy();
  expect(screen.getByText(/Excel redigerar en cell/)).toBeTruthy();
  await userEvent.selectOptions(screen.getByLabelText("Språk"), "en");
  expect(await screen.findByText(/Excel is editing a cell/)).toBeTruthy();
});

test("a change in the workbook after the analysis says to analyse again", async () => {
  const port = gridPort(fixtureGrid("vastra-2025"));
  renderPane({ port });
  await userEvent.click(screen.getByRole("button", { name: "Analysera" }));
  await analysed();
  act(() => port.changed());
  await waitFor(() => expect(screen.getByText(/Arbetsboken har ändrats sedan analysen/)).toBeTruthy());
});
