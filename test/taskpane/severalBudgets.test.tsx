import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { readGridFromBuffer } from "../../src/xlsx/readGrid";
import { analysed, gridPort, plain, renderPane } from "./support";

jest.setTimeout(30_000);

/** Blind fixture 46: Ådalen (tkr) and Finsam Mitt (years as rows), a sheet each. */
const TWO = resolve(__dirname, "../fixtures/layouts/46-blind1-tva-forbund-i-en-arbetsbok.xlsx");

test("a workbook with two förbund's budgets: the pane says so, shows the first, and lets the user choose the other", async () => {
  const grid = await readGridFromBuffer(await readFile(TWO), "tva.xlsx");
  const port = gridPort(grid);
  renderPane({ port });
  await userEvent.click(screen.getByRole("button", { name: "Analysera" }));
  await analysed();
  const choice = screen.getByLabelText<HTMLSelectElement>(
    "Arbetsboken har 2 budgetar. Välj vilken som visas och markeras:",
  );
  expect([...choice.options].map((o) => plain(o.textContent))).toEqual([
    "Samordningsförbundet Ådalen (bladet Ådalen)",
    "Finsam Mitt (bladet Finsam Mitt)",
  ]);
  expect(choice.value).toBe("Ådalen");
  expect(plain(screen.getByText(/^Budget 2025 · bladet/).textContent)).toBe(
    "Budget 2025 · bladet Ådalen · belopp i tkr",
  );
  await userEvent.selectOptions(choice, "Finsam Mitt");
  await waitFor(() =>
    expect(plain(screen.getByText(/^Budget 2025 · bladet/).textContent)).toBe(
      "Budget 2025 · bladet Finsam Mitt · belopp i kr",
    ),
  );
  expect(screen.getByLabelText<HTMLSelectElement>(/budgetar/).value).toBe("Finsam Mitt");
  // The choice holds for the next Analysera.
  await userEvent.click(screen.getByRole("button", { name: "Analysera" }));
  await analysed();
  expect(plain(screen.getByText(/^Budget 2025 · bladet/).textContent)).toContain("Finsam Mitt");
});
