import JSZip from "jszip";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Decimal, defaultSettings, newScenario, scenarioFromInput, SHEET_PLAN, WORST_CASE } from "../../src/domain";
import { analyzeGrid } from "../../src/app/analyzeGrid";
import { buildWritePlan } from "../../src/plan/writePlan";
import { readGridFromBuffer } from "../../src/xlsx/readGrid";
import { writeAnnotated } from "../../src/xlsx/writeAnnotated";
import { recalculatedSheet, numberAt, valueAt } from "../support/libreoffice";
import { EXAMPLE, fixture } from "../support/paths";
import { BOARD_SHEET } from "../../src/read/addinSheets";

const twelve = scenarioFromInput({
  ...newScenario("tolv", "12 % första planåret, golv 3,2 Mkr"),
  stateChangeByYear: { 2026: new Decimal("-0.12") },
  stateFloor: new Decimal(3200000),
  plannedDrawdown: { 2027: new Decimal(250000) },
});

/** The board's promise: every scenario and year on Styrelseunderlag is a live formula that LibreOffice evaluates to the engine's number. */
describe("Styrelseunderlag recalculated in LibreOffice", () => {
  jest.setTimeout(180_000);

  it.each([
    ["samo-2023", fixture("samo-2023"), [SHEET_PLAN, WORST_CASE]],
    ["ornskoldsvik-2024", fixture("ornskoldsvik-2024"), [SHEET_PLAN, WORST_CASE]],
    ["vastra-2025 with 12 % and a floor", fixture("vastra-2025"), [WORST_CASE, twelve, SHEET_PLAN]],
    ["exempel-budget", EXAMPLE, [SHEET_PLAN, WORST_CASE]],
  ] as const)("%s", async (_name, path, scenarios) => {
    const source = await readFile(path);
    const grid = await readGridFromBuffer(source);
    const result = analyzeGrid(grid, defaultSettings({ scenarios: [...scenarios] }));
    if (!result.ok) throw new Error(result.reason.sv);
    const plan = buildWritePlan(result.analysis, { board: true, madeOn: new Date(2025, 2, 14) });
    const board = plan.boardSheet!;
    expect(board.scenarios).toEqual(scenarios.map((s) => s.id));
    const written = await writeAnnotated(source, plan, { cachedResults: false });
    const rows = await recalculatedSheet(written, grid.sheets.length + 2);
    expect(valueAt(rows, "A1")).toMatch(/^Styrelseunderlag: flerårsplan/);

    const checked = board.cells.filter((c) => c.formula !== undefined && c.expected !== undefined);
    const mismatches = checked
      .map((c) => ({ cell: c.cell, formula: c.formula, expected: c.expected, actual: numberAt(rows, c.cell) }))
      .filter((c) => !(Math.abs(c.actual - c.expected!) < 1e-6));
    expect(mismatches).toEqual([]);
    // Each scenario's closing equity and recommended maximum, every year, read from Finsam-kontroll: the
    // calculation stands there once, and the board links to it.
    const years = result.analysis.plans[0]!.years.length;
    const linked = checked.filter((c) => c.formula!.startsWith("='Finsam-kontroll'!"));
    expect(linked.length).toBeGreaterThanOrEqual(board.scenarios.length * years + years);
    expect(board.cells.filter((c) => c.formula?.includes("Budget"))).toEqual([]);
  });

  it("the chart is a real Excel line chart: LibreOffice reads it and writes it back", async () => {
    const source = await readFile(fixture("ornskoldsvik-2024"));
    const result = analyzeGrid(await readGridFromBuffer(source));
    if (!result.ok) throw new Error(result.reason.sv);
    const written = await writeAnnotated(
      source,
      buildWritePlan(result.analysis, { board: true, madeOn: new Date(2025, 2, 14) }),
    );
    const ours = await JSZip.loadAsync(written);
    const chartXml = await ours.file("xl/charts/chart1.xml")!.async("string");
    expect(chartXml).toContain("<c:lineChart>");
    expect(chartXml).toContain(`<c:f>${BOARD_SHEET}!$B$`); // the comparison's years, from column B
    // Two scenarios, each with its own recommended maximum (the worst case's contributions fall), and zero.
    expect((chartXml.match(/<c:ser>/g) ?? []).length).toBe(5);
    expect((chartXml.match(/<a:prstDash val="dash"\/>/g) ?? []).length).toBe(2);

    // LibreOffice opens the file and saves it again: the chart survives, with its series.
    const dir = await mkdtemp(join(tmpdir(), "finsam-chart-"));
    await writeFile(join(dir, "board.xlsx"), written);
    await promisify(execFile)(
      "soffice",
      [
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        "xlsx",
        "--outdir",
        join(dir, "out"),
        join(dir, "board.xlsx"),
      ],
      { timeout: 120_000 },
    );
    const back = await JSZip.loadAsync(await readFile(join(dir, "out", "board.xlsx")));
    const charts = Object.keys(back.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toHaveLength(1);
    const saved = await back.file(charts[0]!)!.async("string");
    expect(saved).toContain("lineChart");
    expect(saved).toContain("Värsta fall");
  });
});

describe("which scenarios go on the page", () => {
  it("Värsta fall always: asked for without it, it takes the last place", async () => {
    const result = analyzeGrid(
      await readGridFromBuffer(await readFile(fixture("vastra-2025"))),
      defaultSettings({ scenarios: [SHEET_PLAN, WORST_CASE, twelve] }),
    );
    if (!result.ok) throw new Error(result.reason.sv);
    const board = (ids: string[]) =>
      buildWritePlan(result.analysis, { board: ids, madeOn: new Date(2025, 2, 14) }).boardSheet!.scenarios;
    expect(board(["sheet", "tolv"])).toEqual(["sheet", "tolv", "worst-case"]);
    expect(board(["tolv"])).toEqual(["tolv", "worst-case"]);
    expect(board(["tolv", "worst-case"])).toEqual(["tolv", "worst-case"]);
    // Three asked for, none of them the worst case: it takes the third place.
    const four = analyzeGrid(
      await readGridFromBuffer(await readFile(fixture("vastra-2025"))),
      defaultSettings({ scenarios: [SHEET_PLAN, WORST_CASE, twelve, { ...twelve, id: "fyra", name: "Fyra" }] }),
    );
    if (!four.ok) throw new Error(four.reason.sv);
    expect(
      buildWritePlan(four.analysis, { board: ["sheet", "tolv", "fyra"], madeOn: new Date(2025, 2, 14) }).boardSheet!
        .scenarios,
    ).toEqual(["sheet", "tolv", "worst-case"]);
  });
});
