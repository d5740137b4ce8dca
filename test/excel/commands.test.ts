import { analyzeWorkbook, runAnalysis } from "../../src/commands/commands";
import { createExcelPort } from "../../src/excel";
import { CONTROL_SHEET } from "../../src/sheet/writePlan";
import { OfficeMockObject, officeContext } from "./support";
import { generatedBudget } from "./workbooks";
import { TEST_CLOCK } from "../support/clock";

/** The ribbon's event, as office-addin-mock builds it. */
function ribbonEvent() {
  const completed = jest.fn();
  const event = new OfficeMockObject({ completed }) as unknown as Office.AddinCommands.Event;
  return { event, completed };
}

describe("the ribbon's Analysera", () => {
  it("analyses and writes the flags and Finsam-kontroll, then completes", async () => {
    const fake = generatedBudget(10);
    const { event, completed } = ribbonEvent();
    await analyzeWorkbook(event, () => createExcelPort(TEST_CLOCK, fake.host()));
    expect(fake.sheet(CONTROL_SHEET)).toBeDefined();
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("in edit mode: nothing written, no exception, still completes", async () => {
    const fake = generatedBudget(10);
    fake.editMode = true;
    const before = fake.snapshot();
    const { event, completed } = ribbonEvent();
    await expect(analyzeWorkbook(event, () => createExcelPort(TEST_CLOCK, fake.host()))).resolves.toBeUndefined();
    expect(fake.snapshot()).toEqual(before);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("no budget, or no Excel at all: completes", async () => {
    const fake = generatedBudget(10);
    fake.workbook.sheets = [fake.sheet("Befolkning")!];
    expect(await runAnalysis(createExcelPort(TEST_CLOCK, fake.host()), TEST_CLOCK)).toBe("noBudget");
    const { event, completed } = ribbonEvent();
    await analyzeWorkbook(event, () => {
      throw new Error("Excel is not defined");
    });
    expect(completed).toHaveBeenCalledTimes(1);
  });
});

describe("inside Office: the globals Excel and Office", () => {
  afterEach(() => {
    delete (globalThis as { Excel?: unknown }).Excel;
    delete (globalThis as { Office?: unknown }).Office;
  });

  it("createExcelPort(clock) with no host uses Excel.run and Office.context (office-addin-mock)", async () => {
    const fake = generatedBudget(10, 18);
    const office = officeContext(18);
    (globalThis as { Office?: unknown }).Office = { context: office.context };
    (globalThis as { Excel?: unknown }).Excel = {
      run: (...args: unknown[]) =>
        args.length === 1
          ? fake.run(undefined, args[0] as (c: Excel.RequestContext) => Promise<unknown>)
          : fake.run(args[0] as Excel.RunOptions, args[1] as (c: Excel.RequestContext) => Promise<unknown>),
    };
    const { event, completed } = ribbonEvent();
    await analyzeWorkbook(event);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(fake.sheet(CONTROL_SHEET)).toBeDefined();
    expect(fake.runs.at(-1)).toBeUndefined(); // ExcelApi 1.18: no mergeUndoGroup
    expect(office.saved.has("finsam.flags")).toBe(true);
  });
});
