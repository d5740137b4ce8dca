import { analyzeWorkbook, runAnalysis } from "../../src/commands/commands";
import { createExcelPort } from "../../src/excel";
import { CONTROL_SHEET } from "../../src/sheet/writePlan";
import { OfficeMockObject } from "./support";
import { generatedBudget } from "./workbooks";

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
    await analyzeWorkbook(event, () => createExcelPort(fake.host()));
    expect(fake.sheet(CONTROL_SHEET)).toBeDefined();
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("in edit mode: nothing written, no exception, still completes", async () => {
    const fake = generatedBudget(10);
    fake.editMode = true;
    const before = fake.snapshot();
    const { event, completed } = ribbonEvent();
    await expect(analyzeWorkbook(event, () => createExcelPort(fake.host()))).resolves.toBeUndefined();
    expect(fake.snapshot()).toEqual(before);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("no budget, or no Excel at all: completes", async () => {
    const fake = generatedBudget(10);
    fake.workbook.sheets = [fake.sheet("Befolkning")!];
    expect(await runAnalysis(createExcelPort(fake.host()))).toBe("noBudget");
    const { event, completed } = ribbonEvent();
    await analyzeWorkbook(event, () => {
      throw new Error("Excel is not defined");
    });
    expect(completed).toHaveBeenCalledTimes(1);
  });
});
