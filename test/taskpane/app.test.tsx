import JSZip from "jszip";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createFilePort } from "../../src/xlsx/filePort";
import { analysed, fixtureBytes, fixtureGrid, gridPort, plain, renderPane } from "./support";

jest.setTimeout(30_000);

test("every control is labelled", async () => {
  renderPane({ port: gridPort(fixtureGrid("vastra-2025")) });
  await userEvent.click(screen.getByRole("button", { name: "Analysera" }));
  await analysed();
  for (const tab of ["Översikt", "Medlemsavgifter", "Avvikelser", "Inställningar"]) {
    await userEvent.click(screen.getByRole("tab", { name: tab }));
    const controls = document.querySelectorAll("button, input, select, [role=tab], [role=radio], [role=checkbox]");
    for (const control of controls) {
      const name =
        control.getAttribute("aria-label") ??
        (control.getAttribute("aria-labelledby")
          ? document.getElementById(control.getAttribute("aria-labelledby")!.split(" ")[0]!)?.textContent
          : undefined) ??
        ((control as HTMLInputElement).labels?.[0]?.textContent || control.textContent);
      expect({ tab, control: control.outerHTML.slice(0, 80), name: name?.trim() || undefined }).toEqual(
        expect.objectContaining({ name: expect.any(String) }),
      );
    }
  }
});

test("keyboard: Tab reaches the views, the arrow keys move between them, Enter opens one", async () => {
  renderPane({ port: gridPort(fixtureGrid("vastra-2025")) });
  await userEvent.click(screen.getByRole("button", { name: "Analysera" }));
  await analysed();
  (document.activeElement as HTMLElement | null)?.blur();
  // Language, Analysera, then the selected tab.
  await userEvent.tab();
  expect(document.activeElement).toBe(screen.getByLabelText("Språk"));
  await userEvent.tab();
  expect(document.activeElement).toBe(screen.getByRole("button", { name: "Analysera" }));
  await userEvent.tab();
  expect(document.activeElement).toBe(screen.getByRole("tab", { name: "Översikt" }));
  await userEvent.keyboard("{ArrowRight}");
  expect(document.activeElement).toBe(screen.getByRole("tab", { name: "Medlemsavgifter" }));
  await userEvent.keyboard("{ArrowRight}");
  await userEvent.keyboard("{Enter}");
  expect(screen.getByRole("tab", { name: "Avvikelser", selected: true })).toBeTruthy();
  expect(screen.getByRole("tabpanel", { name: "Avvikelser" })).toBeTruthy();
  await userEvent.keyboard("{ArrowLeft}");
  expect(document.activeElement).toBe(screen.getByRole("tab", { name: "Medlemsavgifter" }));
  await userEvent.keyboard("{ArrowRight}{ArrowRight}");
  await userEvent.keyboard(" ");
  expect(screen.getByRole("tab", { name: "Inställningar", selected: true })).toBeTruthy();
  // The panel follows the tabs in the tab order.
  await userEvent.tab();
  expect(document.activeElement).toBe(screen.getByRole("tabpanel"));
});

test("browser mode: the example workbook or a picked file, analysed at once, and a download", async () => {
  const openFile = jest.fn(createFilePort);
  const loadExample = jest.fn(async () => ({ bytes: await fixtureBytes("vastra-2025"), fileName: "exempel.xlsx" }));
  const saveFile = jest.fn();
  renderPane({ inExcel: false, openFile, loadExample, saveFile });
  expect(screen.getByText(/Utanför Excel: öppna en arbetsbok här i webbläsaren/)).toBeTruthy();
  expect(screen.queryByRole("button", { name: "Analysera" })).toBeNull();

  await userEvent.click(screen.getByRole("button", { name: "Öppna exempelarbetsboken" }));
  expect(await analysed("sv", 10_000)).toBeTruthy();
  expect(screen.getByText("Arbetsbok: exempel.xlsx")).toBeTruthy();
  expect(screen.getByText("6 varningar")).toBeTruthy();

  await userEvent.click(screen.getByRole("button", { name: "Ladda ner arbetsboken" }));
  await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
  const [bytes, name] = saveFile.mock.calls[0]!;
  expect(name).toBe("exempel-finsam.xlsx");
  const annotated = await (await createFilePort(bytes, name)).readGrid();
  expect(annotated.sheets.map((s) => s.name)).toContain("Finsam-kontroll");

  // A file the user picks, through the labelled file input.
  const samo = new File([(await fixtureBytes("samo-2023")) as BlobPart], "samo-2023.xlsx");
  await userEvent.upload(screen.getByLabelText("Välj en arbetsbok (.xlsx eller .xlsm)"), samo);
  expect(await screen.findByText("Arbetsbok: samo-2023.xlsx", {}, { timeout: 10_000 })).toBeTruthy();
  await screen.findByRole("table", { name: "Medlemsavgifter 2023" });
  expect(plain(screen.getByRole("table", { name: "Medlemsavgifter 2023" }).textContent)).toContain("17 282 000 kr");
  expect(openFile).toHaveBeenCalledTimes(2);
});

test("browser mode: a file that is no workbook says why, in Swedish", async () => {
  renderPane({ inExcel: false, openFile: createFilePort, loadExample: jest.fn(), saveFile: jest.fn() });
  const junk = new File([new TextEncoder().encode("inte en arbetsbok")], "lista.xlsx");
  await userEvent.upload(screen.getByLabelText("Välj en arbetsbok (.xlsx eller .xlsm)"), junk);
  expect(
    await screen.findByText("Filen lista.xlsx är inte en Excel-arbetsbok (.xlsx eller .xlsm).", { exact: false }),
  ).toBeTruthy();
});

test("browser mode: a macro-enabled workbook is opened, flagged and downloaded as .xlsm, its macros kept", async () => {
  const saveFile = jest.fn();
  renderPane({ inExcel: false, openFile: createFilePort, loadExample: jest.fn(), saveFile });
  const path = require("node:path").join(__dirname, "../fixtures/roundtrip/made/one-macro.xlsm");
  const original = new Uint8Array(require("node:fs").readFileSync(path));
  await userEvent.upload(
    screen.getByLabelText("Välj en arbetsbok (.xlsx eller .xlsm)"),
    new File([original as BlobPart], "budget.xlsm"),
  );
  expect(await screen.findByText("Arbetsbok: budget.xlsm", {}, { timeout: 10_000 })).toBeTruthy();
  await userEvent.click(screen.getByRole("button", { name: "Ladda ner arbetsboken" }));
  await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
  const [bytes, name] = saveFile.mock.calls[0]! as [Uint8Array, string];
  expect(name).toBe("budget-finsam.xlsm");
  const vba = async (b: Uint8Array) =>
    Buffer.from(await (await JSZip.loadAsync(b)).file("xl/vbaProject.bin")!.async("uint8array"));
  expect(await vba(bytes)).toEqual(await vba(original));
});
