import { sharesToWrite, shareCells, writeShares } from "../../src/app/writeShares";
import { analysed, examplePort, sheetOf } from "./support";

jest.setTimeout(60_000);

test("the example's kommun amounts that differ from their shares are what would be written", async () => {
  const outcome = await analysed(await examplePort());
  expect(sharesToWrite(outcome)).toBe(6);
  // Inside Excel a formula is calculated there; a file carries the computed amount as the formula's result.
  const inExcel = shareCells(outcome, "formula", "excel");
  expect(inExcel[0]).toEqual({ sheet: "Budget 2025", cell: "B7", formula: "='Finsam-kontroll'!G21" });
  expect(inExcel.every((e) => e.value === undefined)).toBe(true);
  expect(shareCells(outcome, "formula", "file")[0]).toEqual({ ...inExcel[0], value: 1045270 });
  expect(shareCells(outcome, "value", "file")[0]).toEqual({ sheet: "Budget 2025", cell: "B7", value: 1045270 });
});

test("as formulas on a file: each cell gets its formula and the computed amount, in one undoable write", async () => {
  const port = await examplePort();
  const outcome = await analysed(port);
  expect(await writeShares(port, outcome, "formula")).toBe(6);
  const budget = sheetOf(await port.readGrid(), "Budget 2025");
  expect([budget.formula("B7"), budget.value("B7")]).toEqual(["='Finsam-kontroll'!G21", 1045270]);
  expect([budget.formula("B11"), budget.value("B11")]).toEqual(["='Finsam-kontroll'!G25", 127063]);
  expect(sharesToWrite(await analysed(port))).toBe(0);

  expect(port.canUndo()).toBe(true);
  await port.undo();
  expect(port.canUndo()).toBe(false);
  expect(sharesToWrite(await analysed(port))).toBe(6);
});

test("as values: the amounts alone; with nothing left to write, nothing is written", async () => {
  const port = await examplePort();
  expect(await writeShares(port, await analysed(port), "value")).toBe(6);
  const budget = sheetOf(await port.readGrid(), "Budget 2025");
  expect([budget.formula("B7"), budget.value("B7")]).toEqual([null, 1045270]);

  await port.undo();
  expect(await writeShares(port, await analysed(port), "value")).toBe(6);
  expect(await writeShares(port, await analysed(port), "formula")).toBe(0);
  await port.undo();
  expect(port.canUndo()).toBe(false);
});
