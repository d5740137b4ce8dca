import { readFile } from "node:fs/promises";
import { analyzeGrid } from "../../src/app/analyzeGrid";
import { analysisWithScenarios, createBoardOfScenarios } from "../../src/app/createBoardOfScenarios";
import { Decimal, newScenario, scenarioFromInput, SHEET_PLAN, WORST_CASE } from "../../src/domain";
import { BOARD_SHEET, CONTROL_SHEET } from "../../src/read/addinSheets";
import { readGridFromBuffer } from "../../src/xlsx/readGrid";
import { TEST_CLOCK } from "../support/clock";
import { fixture } from "../support/paths";
import { analysed, examplePort } from "./support";

jest.setTimeout(60_000);

/** A scenario the user has not saved: the state −12 % the first plan year. */
const twelve = scenarioFromInput({
  ...newScenario("_draft", "Tolv"),
  stateChangeByYear: { 2025: new Decimal("-0.12") },
});

test("the board's analysis: the chosen scenarios among the analysis's own, the findings unchanged", async () => {
  const result = analyzeGrid(await readGridFromBuffer(await readFile(fixture("ornskoldsvik-2024"))));
  if (!result.ok) throw new Error("no budget");
  const findings = result.analysis.findings;
  const analysis = analysisWithScenarios(result.analysis, [twelve, SHEET_PLAN]);
  expect(analysis.plans.map((p) => p.scenario.id)).toEqual(["sheet", "worst-case", "_draft"]);
  expect(analysis.plans[2]!.years.map((y) => y.closingEquity.toNumber())).toEqual([370_000, -232_640, -1_277_216]);
  expect(analysis.findings).toBe(findings);
});

test("the board sheet with an unsaved scenario beside the worst case, with the control sheet, as one write", async () => {
  const port = await examplePort();
  const outcome = await analysed(port);
  await createBoardOfScenarios(port, { outcome, scenarios: [WORST_CASE, twelve], unit: "tkr" }, TEST_CLOCK);

  const grid = await port.readGrid();
  expect(grid.sheets.map((s) => s.name)).toEqual(expect.arrayContaining([BOARD_SHEET, CONTROL_SHEET]));
  const board = grid.sheets.find((s) => s.name === BOARD_SHEET)!;
  const texts = [...board.rows.values()].flatMap((r) => r.values).filter((v): v is string => typeof v === "string");
  expect(texts.some((t) => t.includes("Tolv"))).toBe(true);
  expect(texts.some((t) => t.includes(WORST_CASE.name))).toBe(true);
  // The unsaved scenario is on the board only: the workbook's settings do not keep it.
  expect((await analysed(port)).analysis.settings.scenarios.map((s) => s.id)).toEqual(["sheet", "worst-case"]);

  await port.undo();
  expect(port.canUndo()).toBe(false);
  expect((await port.readGrid()).sheets.map((s) => s.name)).not.toContain(BOARD_SHEET);
});
