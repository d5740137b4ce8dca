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

  expect(await undoSteps(port, 2)).toEqual({ kept: [], keptSheets: [], keptNames: [] });
  expect(port.canUndo()).toBe(false);
  const grid = await port.readGrid();
  expect(grid.sheets.map((s) => s.name)).not.toContain(CONTROL_SHEET);
  expect(sheetOf(grid, "Budget 2025").value("B7")).not.toBe(1045270);
});

/** A port whose writes each left these cells as the user changed them (and, the first, a sheet and a name). */
function portKeeping(writes: CellRef[][]): WorkbookPort & { undone: number } {
  const left = [...writes];
  const port = {
    undone: 0,
    canUndo: () => left.length > 0,
    undo: async (): Promise<UndoResult> => {
      port.undone++;
      const first = left.length === 1;
      return {
        kept: left.pop()!,
        ...(first
          ? { keptSheets: [{ sheet: "Finsam-inställningar", cell: "C5" }], keptNames: ["Finsam_Befolkning"] }
          : {}),
      };
    },
  };
  return port as unknown as WorkbookPort & { undone: number };
}

test("what the user changed since is named, from each step; no more steps than there are writes", async () => {
  const port = portKeeping([[{ sheet: "Budget", cell: "B2" }], [], [{ sheet: "Budget", cell: "C9" }]]);
  const none = { kept: [], keptSheets: [], keptNames: [] };
  expect(await undoSteps(port, 2)).toEqual({ ...none, kept: [{ sheet: "Budget", cell: "C9" }] });
  expect(await undoSteps(port, 5)).toEqual({
    kept: [{ sheet: "Budget", cell: "B2" }],
    keptSheets: [{ sheet: "Finsam-inställningar", cell: "C5" }],
    keptNames: ["Finsam_Befolkning"],
  });
  expect(port.undone).toBe(3);
  expect(await undoSteps(port, 1)).toEqual(none);
  expect(port.undone).toBe(3);
});
