import { analyseWorkbook } from "../../src/app/analyseWorkbook";
import { createExcelPort } from "../../src/excel";
import { buildWritePlan } from "../../src/plan/writePlan";
import type { FakeExcel } from "./fakeExcel";
import { TEST_CLOCK } from "../support/clock";
import { fakeFromFile, FIXTURES } from "./workbooks";
import { BOARD_SHEET, CONTROL_SHEET } from "../../src/read/addinSheets";

const MADE_ON = new Date(2025, 2, 14);

/** The example in a fake Excel of this ExcelApi version, analysed, and a plan with the board sheet. */
async function planned(version: number) {
  const fake = await fakeFromFile(FIXTURES["exempel-budget"], version);
  const port = createExcelPort(TEST_CLOCK, fake.host());
  const outcome = await analyseWorkbook(port, TEST_CLOCK);
  if (outcome.kind !== "ok") throw new Error("not analysed");
  const plan = buildWritePlan(outcome.analysis, { board: true, madeOn: MADE_ON, forbund: outcome.forbund });
  return { fake, port, plan, outcome };
}

const layoutOf = (fake: FakeExcel, sheet: string) => fake.sheet(sheet)!.pageLayout;

describe("the add-in's sheets print as the WritePlan says (worksheet.pageLayout, ExcelApi 1.9)", () => {
  it("Styrelseunderlag: one A4 landscape page, the förbund, the budget year and the day it was made on top", async () => {
    const { fake, port, outcome } = await planned(20);
    expect(outcome.forbund).toBe("Samordningsförbundet Exempel");
    const { plan } = await planned(20);
    await port.applyPlan(plan);
    const board = layoutOf(fake, BOARD_SHEET)!;
    expect(board.orientation).toBe("Landscape");
    expect(board.paperSize).toBe("A4");
    expect(board.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 1 });
    expect(board.centerHorizontally).toBe(true);
    expect(board.printTitleRows).toBeNull();
    expect(board.headersFooters.defaultForAllPages).toEqual({
      leftHeader: "Samordningsförbundet Exempel",
      centerHeader: "Styrelseunderlag, budgetår 2025",
      rightHeader: "Upprättat 2025-03-14",
      leftFooter: "",
      centerFooter: "",
      rightFooter: "",
    });
    // The page setup's margins, in points, as given.
    expect(board.margins).toEqual(plan.boardSheet!.pageSetup.margins);
  });

  it("Finsam-kontroll: one page wide and as tall as it needs, portrait, rows 1–2 on every page, Sida &P av &N", async () => {
    const { fake, port, plan } = await planned(20);
    await port.applyPlan(plan);
    const control = layoutOf(fake, CONTROL_SHEET)!;
    expect(control.orientation).toBe("Portrait");
    expect(control.paperSize).toBe("A4");
    expect(control.zoom).toEqual({ horizontalFitToPages: 1 });
    expect(control.printTitleRows).toBe("$1:$2");
    expect(control.firstPageNumber).toBe(1);
    expect(control.headersFooters.defaultForAllPages).toEqual({
      leftHeader: "",
      centerHeader: "",
      rightHeader: "",
      leftFooter: "Finsam-kontroll, Samordningsförbundet Exempel",
      centerFooter: "",
      rightFooter: "Sida &P av &N",
    });
    // The user's own sheets keep their print settings: none were set.
    expect(fake.workbook.sheets.filter((s) => s.pageLayout).map((s) => s.name)).toEqual([CONTROL_SHEET, BOARD_SHEET]);
  });

  it("an ampersand in the förbund's name is doubled, so Excel prints it instead of reading a code", async () => {
    const { fake, port, outcome } = await planned(20);
    const plan = buildWritePlan(outcome.analysis, {
      board: true,
      madeOn: MADE_ON,
      forbund: "Samordningsförbundet Berg & Dal",
    });
    await port.applyPlan(plan);
    expect(layoutOf(fake, BOARD_SHEET)!.headersFooters.defaultForAllPages.leftHeader).toBe(
      "Samordningsförbundet Berg && Dal",
    );
    expect(layoutOf(fake, CONTROL_SHEET)!.headersFooters.defaultForAllPages.leftFooter).toBe(
      "Finsam-kontroll, Samordningsförbundet Berg && Dal",
    );
  });

  it("undo takes the printed sheets away with the rest of the write", async () => {
    const { fake, port, plan } = await planned(20);
    const before = fake.snapshot();
    await port.applyPlan(plan);
    expect(layoutOf(fake, BOARD_SHEET)).toBeDefined();
    await port.undo();
    expect(fake.snapshot()).toEqual(before);
  });

  it("undo of a second write gives the sheets back their print settings of the first", async () => {
    const { fake, port, plan, outcome } = await planned(20);
    await port.applyPlan(plan);
    const layouts = () => [CONTROL_SHEET, BOARD_SHEET].map((name) => structuredClone(layoutOf(fake, name)));
    const afterFirst = layouts();
    const later = buildWritePlan(outcome.analysis, {
      board: true,
      madeOn: new Date(2025, 3, 2),
      forbund: outcome.forbund,
    });
    await port.applyPlan(later);
    expect(layoutOf(fake, BOARD_SHEET)!.headersFooters.defaultForAllPages.rightHeader).toBe("Upprättat 2025-04-02");
    await port.undo();
    expect(layouts()).toEqual(afterFirst);
    expect(layoutOf(fake, BOARD_SHEET)!.headersFooters.defaultForAllPages.rightHeader).toBe("Upprättat 2025-03-14");
  });
});

describe("the fake's pageLayout is as strict as Office.js", () => {
  async function layout() {
    const { fake } = await planned(20);
    let result: Excel.PageLayout | undefined;
    await fake.run(undefined, async (context) => {
      result = context.workbook.worksheets.getItem("Budget 2025").pageLayout;
    });
    return { fake, layout: result! };
  }

  it("zoom is set as a whole object: reading it to change one field throws PropertyNotLoaded", async () => {
    const { layout: l } = await layout();
    expect(() => {
      l.zoom.scale = 50;
    }).toThrow(/not available/);
  });

  it("a scale outside 10–400 and print title rows that are not whole rows are refused", async () => {
    const { layout: l } = await layout();
    expect(() => (l.zoom = { scale: 5 })).toThrow(/scale/);
    expect(() => l.setPrintTitleRows("A1:B2")).toThrow(/whole rows/);
  });
});
