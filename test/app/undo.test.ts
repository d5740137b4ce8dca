import { undoSteps } from "../../src/app/undo";
import type { CellRef, UndoResult, WorkbookPort } from "../../src/app/workbookPort";
import { writeShares } from "../../src/app/writeShares";
import { CONTROL_SHEET } from "../../src/read/addinSheets";
import { analysed, examplePort, sheetOf } from "./support";

jest.setTimeout(60_000);

test("one action's writes are taken back together: the shares and the flags written after them", async () => {
  const port = await examplePort();
  const outcome = await analysed(port);
  await writeShares(port, outcome, "value");
  await port.applyPlan((await analysed(port)).plan);
  expect(sheetOf(await port.readGrid(), "Budget 2025").value("B7")).toBe(1045270);

  expect(await undoSteps(port, 2)).toEqual([]);
  expect(port.canUndo()).toBe(false);
  const grid = await port.readGrid();
  expect(grid.sheets.map((s) => s.name)).not.toContain(CONTROL_SHEET);
  expect(sheetOf(grid, "Budget 2025").value("B7")).not.toBe(1045270);
});

/** A port whose writes each left these cells as the user changed them. */
function portKeeping(writes: CellRef[][]): WorkbookPort & { undone: number } {
  const left = [...writes];
  const port = {
    undone: 0,
    canUndo: () => left.length > 0,
    undo: async (): Promise<UndoResult> => {
      port.undone++;
      return { kept: left.pop()! };
    },
  };
  return port as unknown as WorkbookPort & { undone: number };
}

test("the cells the user changed since are named, from each step; no more steps than there are writes", async () => {
  const port = portKeeping([[{ sheet: "Budget", cell: "B2" }], [], [{ sheet: "Budget", cell: "C9" }]]);
  expect(await undoSteps(port, 2)).toEqual([{ sheet: "Budget", cell: "C9" }]);
  expect(await undoSteps(port, 5)).toEqual([{ sheet: "Budget", cell: "B2" }]);
  expect(port.undone).toBe(3);
  expect(await undoSteps(port, 1)).toEqual([]);
  expect(port.undone).toBe(3);
});
