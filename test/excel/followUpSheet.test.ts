import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { analyseWorkbook, type AnalysisOutcome } from "../../src/app/analyseWorkbook";
import { followUpFromLedger } from "../../src/app/followUpFromLedger";
import { createExcelPort } from "../../src/excel";
import { columnLetters, parseAddress } from "../../src/grid";
import { buildWritePlan } from "../../src/plan/writePlan";
import { followUpSheetInput, withFollowUpSheet, writeFollowUpSheet } from "../../src/app/writeFollowUp";
import { readSie } from "../../src/sie/readSie";
import { TEST_CLOCK } from "../support/clock";
import { fakeFromFile, FIXTURES } from "./workbooks";
import { FOLLOW_UP_SHEET } from "../../src/read/addinSheets";

/** The fake's key of a cell: "row:column". */
function at(cell: string): string {
  const { row, column } = parseAddress(cell)!;
  return `${row}:${column}`;
}

const SIE = resolve(__dirname, "../../assets/exempel-bokforing.se");

async function setup(version = 20) {
  const fake = await fakeFromFile(FIXTURES["exempel-budget"], version);
  const port = createExcelPort(TEST_CLOCK, fake.host());
  const outcome: AnalysisOutcome = await analyseWorkbook(port, TEST_CLOCK);
  if (outcome.kind !== "ok") throw new Error("not analysed");
  const ledger = readSie(new Uint8Array(await readFile(SIE)));
  const followUp = followUpFromLedger(
    await port.readGrid(),
    outcome.analysis,
    ledger,
    "exempel-bokforing.se",
    "2025-08",
  );
  return { fake, port, outcome, followUp };
}

describe("Finsam-uppföljning in Excel", () => {
  it.each([20, 14])(
    "ExcelApi 1.%i: written with its clustered column chart and page setup in one write; undo takes it away",
    async (version) => {
      const { fake, port, outcome, followUp } = await setup(version);
      const before = fake.snapshot();
      const plan = withFollowUpSheet(buildWritePlan(outcome.analysis), outcome.analysis, followUpSheetInput(followUp));
      const sheetPlan = plan.followUpSheet!;
      fake.syncs = 0;
      await writeFollowUpSheet(port, outcome.analysis, followUp);
      // One command: one read (the structure, the cells and sheets guessed from the last read), one write.
      expect(fake.syncs).toBe(2);

      const sheet = fake.sheet(FOLLOW_UP_SHEET)!;
      const formulas = [...sheet.cells.values()].filter((c) => c.formula);
      expect(formulas.length).toBe(sheetPlan.cells.filter((c) => c.formula).length);
      expect(sheet.cells.get(at("C5"))?.formula).toBe("=ROUND(F5*12/$B$3,0)");
      expect(sheet.cells.get(at("F5"))?.value).toBe(1200000);
      expect(sheet.charts).toEqual([
        {
          type: "ColumnClustered",
          source: "A4:C11",
          seriesBy: "Columns",
          title: "Budget och helårsprognos per budgetrad 2025",
          legend: "Bottom",
          position: [
            `${columnLetters(sheetPlan.chart.from.column + 1)}${sheetPlan.chart.from.row + 1}`,
            `${columnLetters(sheetPlan.chart.to.column + 1)}${sheetPlan.chart.to.row + 1}`,
          ],
        },
      ]);
      expect(sheet.pageLayout).toMatchObject({ orientation: "Portrait", printTitleRows: "$1:$4" });
      expect(sheet.pageLayout?.headersFooters.defaultForAllPages.rightFooter).toBe("Sida &P av &N");

      await port.undo();
      expect(fake.snapshot()).toEqual(before);
    },
  );

  it("written again in place, then undone: the first sheet and its chart come back", async () => {
    const { fake, port, outcome, followUp } = await setup();
    await writeFollowUpSheet(port, outcome.analysis, followUp);
    const first = fake.snapshot();
    const later = { ...followUp, fileName: "senare.se" };
    await writeFollowUpSheet(port, outcome.analysis, later);
    expect(String(fake.sheet(FOLLOW_UP_SHEET)!.cells.get(at("A2"))?.value)).toContain("ur senare.se");
    expect(fake.sheet(FOLLOW_UP_SHEET)!.charts.map((c) => c.type)).toEqual(["ColumnClustered"]);
    await port.undo();
    expect(fake.snapshot()).toEqual(first);
    expect(fake.sheet(FOLLOW_UP_SHEET)!.charts.map((c) => [c.type, c.seriesBy])).toEqual([
      ["ColumnClustered", "Columns"],
    ]);
  });
});
