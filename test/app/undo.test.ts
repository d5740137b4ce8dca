import { undoLastAction } from "../../src/app/undo";
import type { WorkbookPort } from "../../src/app/workbookPort";
import { writeShares } from "../../src/app/writeShares";
import { CONTROL_SHEET } from "../../src/read/addinSheets";
import { analysed, examplePort, sheetOf } from "./support";

jest.setTimeout(60_000);

test("one action's writes are taken back together: the shares and the flags written after them", async () => {
  const port = await examplePort();
  const outcome = await analysed(port);
  await port.inOneStep(async () => {
    await writeShares(port, outcome, "value");
    await port.applyPlan((await analysed(port)).plan);
  });
  expect(sheetOf(await port.readGrid(), "Budget 2025").value("B7")).toBe(1045270);

  expect(await undoLastAction(port)).toEqual({ kept: [], keptSheets: [], keptNames: [] });
  expect(port.canUndo()).toBe(false);
  const grid = await port.readGrid();
  expect(grid.sheets.map((s) => s.name)).not.toContain(CONTROL_SHEET);
  expect(sheetOf(grid, "Budget 2025").value("B7")).not.toBe(1045270);
});

test("two actions are two steps: the first Ångra leaves the shares, the second takes them back", async () => {
  const port = await examplePort();
  const outcome = await analysed(port);
  await port.inOneStep(() => writeShares(port, outcome, "value"));
  await port.inOneStep(async () => port.applyPlan((await analysed(port)).plan));
  await undoLastAction(port);
  let grid = await port.readGrid();
  expect(grid.sheets.map((s) => s.name)).not.toContain(CONTROL_SHEET);
  expect(sheetOf(grid, "Budget 2025").value("B7")).toBe(1045270);
  expect(port.canUndo()).toBe(true);
  await undoLastAction(port);
  grid = await port.readGrid();
  expect(sheetOf(grid, "Budget 2025").value("B7")).toBe(1045924);
  expect(port.canUndo()).toBe(false);
});

test("what the user changed since is named, every list whole even where the port leaves one out", async () => {
  const port = {
    undo: async () => ({
      kept: [{ sheet: "Budget", cell: "C9" }],
      keptSheets: [{ sheet: "Finsam-inställningar", cell: "C5" }],
    }),
  } as unknown as WorkbookPort;
  expect(await undoLastAction(port)).toEqual({
    kept: [{ sheet: "Budget", cell: "C9" }],
    keptSheets: [{ sheet: "Finsam-inställningar", cell: "C5" }],
    keptNames: [],
  });
});
