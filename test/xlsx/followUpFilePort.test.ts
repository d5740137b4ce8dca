import JSZip from "jszip";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { followUpFromLedger } from "../../src/app/followUpFromLedger";
import { followUpSheetInput, withFollowUpSheet } from "../../src/app/writeFollowUp";
import { analyzeGrid } from "../../src/app/analyzeGrid";
import { buildWritePlan } from "../../src/plan/writePlan";
import { readSie } from "../../src/sie/readSie";
import { createFilePort } from "../../src/xlsx/filePort";
import { EXAMPLE } from "../support/paths";
import { FOLLOW_UP_SHEET } from "../../src/read/addinSheets";

const SIE = resolve(__dirname, "../../assets/exempel-bokforing.se");

/** The charts in a downloaded workbook, by kind. */
async function chartKinds(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const charts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
  const xml = await Promise.all(charts.map((p) => zip.file(p)!.async("string")));
  return xml.map((x) => (x.includes("<c:barChart>") ? "bar" : x.includes("<c:lineChart>") ? "line" : "?")).sort();
}

describe("Finsam-uppföljning in the browser's file port", () => {
  it("written, kept (with its chart) when a later analysis writes without it, and gone after undo", async () => {
    const port = await createFilePort(new Uint8Array(await readFile(EXAMPLE)), "exempel-budget.xlsx");
    const grid = await port.readGrid();
    const result = analyzeGrid(grid);
    if (!result.ok) throw new Error(result.reason.sv);
    const ledger = readSie(new Uint8Array(await readFile(SIE)));
    const f = followUpFromLedger(grid, result.analysis, ledger, "exempel-bokforing.se");
    const plan = buildWritePlan(result.analysis);

    await port.applyPlan(withFollowUpSheet(plan, result.analysis, followUpSheetInput(f)));
    expect(await chartKinds(await port.download())).toEqual(["bar"]);
    // A later analysis (no follow-up in its plan) leaves the sheet and its chart.
    await port.applyPlan(plan);
    const kept = await port.download();
    expect(await chartKinds(kept)).toEqual(["bar"]);
    expect((await createFilePort(kept, "kopia.xlsx").then((p) => p.readGrid())).sheets.map((s) => s.name)).toContain(
      FOLLOW_UP_SHEET,
    );

    await port.undo();
    await port.undo();
    const before = await port.download();
    expect(await chartKinds(before)).toEqual([]);
    expect((await createFilePort(before, "x.xlsx").then((p) => p.readGrid())).sheets.map((s) => s.name)).not.toContain(
      FOLLOW_UP_SHEET,
    );
  });
});
