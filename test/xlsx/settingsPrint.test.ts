import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Decimal, defaultSettings, newScenario, scenarioFromInput, SHEET_PLAN, WORST_CASE } from "../../src/domain";
import { mappingEdits } from "../../src/memory/ledgerMappingSetting";
import { SETTINGS_SHEET, settingsEdits } from "../../src/memory/workbookSettings";
import { createFilePort } from "../../src/xlsx/filePort";
import { wrappedLines } from "../../src/xlsx/package/changes";
import { printedToPdf } from "../support/libreoffice";
import { pageCount, pageLines, pagePngs, withOnlySheets } from "../support/pdf";
import { EXAMPLE } from "../support/paths";

/** Where the pages are kept for a person to look at: a folder of its own (print.test.ts empties test-output/print). */
const PNG_DIR = resolve(__dirname, "../../test-output/print-settings");

/** Three saved scenarios: Finsam_Scenarier's JSON is then some 1 000 characters in one cell. */
function threeScenarios() {
  const saved = [
    { id: "tolv", name: "Staten −12 % 2026", change: "-0.12" },
    { id: "femton", name: "Staten −15 % 2026–2027", change: "-0.15" },
    { id: "oforandrat", name: "Oförändrat statligt bidrag", change: "0" },
  ].map((s) =>
    scenarioFromInput({
      ...newScenario(s.id, s.name),
      stateChangeByYear: { 2026: new Decimal(s.change), 2027: new Decimal(s.change) },
      stateFloor: new Decimal(3_200_000),
      costs: { kind: "change", rate: new Decimal("-0.05") },
      plannedDrawdown: { 2027: new Decimal(250_000) },
    }),
  );
  return defaultSettings({ scenarios: [SHEET_PLAN, WORST_CASE, ...saved] });
}

describe("Finsam-inställningar printed", () => {
  jest.setTimeout(300_000);
  let dir: string;
  let lines: string[][];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "finsam-settings-print-"));
    await mkdir(PNG_DIR, { recursive: true });
    const port = await createFilePort(new Uint8Array(await readFile(EXAMPLE)), "exempel-budget.xlsx");
    // The mapping first, as Uppföljning may save it before any setting: the sheet is laid out either way.
    await port.applyEdits(
      mappingEdits({
        dimension: "6",
        objects: { "10": "Insats A", "20": "Insats B" },
        accounts: [{ from: "3000", to: "3999", line: "Intäkter" }],
      }),
    );
    await port.applyEdits(settingsEdits(threeScenarios()));
    const only = await withOnlySheets(await port.download(), (n) => n === SETTINGS_SHEET);
    await printedToPdf([{ name: "installningar", xlsx: only }], dir);
    lines = await pageLines(join(dir, "installningar.pdf"));
    await pagePngs(join(dir, "installningar.pdf"), join(PNG_DIR, "exempel-finsam-installningar"));
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("labels and values side by side on the first page, the scenarios' JSON whole on it (three pages before)", async () => {
    const first = lines[0]!.join("\n");
    // A long label wraps in column A; its value stands beside its first line, on the same page.
    expect(first).toMatch(/Fördelningsnyckel för kommunerna \(befolkning +befolkning\neller fast\)/);
    expect(first).toContain("Sparade scenarier (skrivs av tillägget)");
    // The JSON from its first scenario to its last character, wrapped in B.
    expect(first).toContain('[{"id":"tolv","name":"Staten −12 %');
    expect(first).toMatch(/\{"2027":"250000"\}\}\]$/m);
    // Column G (the follow-up's JSON) on a page of its own at most.
    expect(await pageCount(join(dir, "installningar.pdf"))).toBeLessThanOrEqual(2);
  });
});

describe("wrappedLines: the lines a row is fitted to", () => {
  it("breaks at spaces, a word longer than the line anywhere; a character is 0,9 of a column's digit", () => {
    // 42 characters of width hold 46 letters.
    expect(wrappedLines("Eget kapital högst, % av årets medlemsavgifter", 42)).toBe(1);
    expect(wrappedLines("Fördelningsnyckel för kommunerna (befolkning eller fast)", 42)).toBe(2);
    // 100 characters without a space in 30 (33 a line): 4 lines.
    expect(wrappedLines("x".repeat(100), 30)).toBe(4);
    expect(wrappedLines("x".repeat(99), 30)).toBe(3);
    expect(wrappedLines("", 30)).toBe(1);
  });
});
