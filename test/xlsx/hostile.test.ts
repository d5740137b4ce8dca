/**
 * Workbooks that claim more than they hold (issue 13): each is analysed, with
 * the limit it passes as an INPUT_* finding on its cell, never a hang.
 */
import { readFileSync } from "node:fs";
import { analyzeGrid } from "../../src/sheet/analyzeGrid";
import { GRID_LIMITS, SheetView, storedCells } from "../../src/sheet/grid";
import { readGridFromBuffer } from "../../src/xlsx/readGrid";
import { EXAMPLE } from "../support/paths";
import {
  withDefinedName,
  withDefinedNameFlood,
  withFarCell,
  withLabel,
  withManyRows,
  withMerge,
} from "../support/mutate";

const example = readFileSync(EXAMPLE);

async function analyse(bytes: Uint8Array) {
  const grid = await readGridFromBuffer(bytes, "fientlig.xlsx");
  const result = analyzeGrid(grid);
  if (!result.ok) throw new Error(result.reason.sv);
  const findings = [...result.readFindings, ...result.analysis.findings];
  return { grid, result, findings, codes: findings.map((f) => `${f.code} ${f.sheet ?? ""}!${f.cell ?? ""}`) };
}

/** The example's own analysis, which each hostile copy must keep where the change does not touch it. */
let plain: Awaited<ReturnType<typeof analyse>>;
beforeAll(async () => {
  plain = await analyse(example);
});

const memberAmounts = (r: Awaited<ReturnType<typeof analyse>>) =>
  r.result.ok ? r.result.analysis.members.map((m) => `${m.name} ${m.year} ${m.computedAmount.toString()}`) : [];

describe("names, merges and cells over a whole sheet are clipped to the cells that exist", () => {
  it("a Finsam_* name over 'Budget 2025'!$A$1:$XFD$1048576: read, clipped to the sheet, the analysis runs", async () => {
    const bytes = await withDefinedName(example, "Finsam_Befolkning", "'Budget 2025'!$A$1:$XFD$1048576");
    const r = await analyse(bytes);
    expect(r.grid.definedNames).toContainEqual({
      name: "Finsam_Befolkning",
      ref: "'Budget 2025'!$A$1:$XFD$1048576",
    });
    expect(r.grid.sheets.find((s) => s.name === "Budget 2025")!.bottom).toBe(28);
    // Column A holds no numbers, so the clipped name gives no kommun a population: each says so on its cell.
    expect(r.codes.filter((c) => c.startsWith("INPUT_POPULATION"))).toEqual(
      ["A7", "A8", "A9", "A10", "A11"].map((cell) => `INPUT_POPULATION Budget 2025!${cell}`),
    );
  });

  it("a merge A1:XFD1048576: clipped to A1:F28, every value still read", async () => {
    const r = await analyse(await withMerge(example, "A1:XFD1048576"));
    const budget = r.grid.sheets.find((s) => s.name === "Budget 2025")!;
    expect(budget.merges).toEqual(["A1:F1", "A1:F28"]);
    expect(memberAmounts(r)).toEqual(memberAmounts(plain));
  });

  it("one value in XFD1048576: read as the one cell it is, the budget analysed as before", async () => {
    const r = await analyse(await withFarCell(example));
    const budget = r.grid.sheets.find((s) => s.name === "Budget 2025")!;
    const before = plain.grid.sheets.find((s) => s.name === "Budget 2025")!;
    const view = new SheetView(budget);
    expect([view.top, view.left, view.bottom, view.right]).toEqual([1, 1, 1_048_576, 16_384]);
    expect(view.value(1_048_576, 16_384)).toBe(1);
    // The sparse Grid: one row and one cell more than the example, not the 17 billion of the rectangle.
    expect(budget.rows.size).toBe(before.rows.size + 1);
    expect(storedCells(budget)).toBe(storedCells(before) + 1);
    expect(budget.merges).toEqual(before.merges);
    expect(r.codes).toEqual(plain.codes);
    expect(memberAmounts(r)).toEqual(memberAmounts(plain));
  });

  it("a label of a million characters is shortened to GRID_LIMITS.text, an INPUT_LONG_TEXT on its cell", async () => {
    const r = await analyse(await withLabel(example, "Fontänhus 6.1", "Fontänhus 6.1 ".repeat(75_000)));
    const long = r.findings.find((f) => f.code === "INPUT_LONG_TEXT")!;
    expect([long.sheet, long.cell, long.severity]).toEqual(["Budget 2025", "A21", "info"]);
    expect(long.message.sv).toBe("Texten i cellen är 1 050 000 tecken lång; tillägget läser de första 1 000.");
    for (const f of r.findings) expect(f.message.sv.length).toBeLessThan(GRID_LIMITS.text + 400);
    expect(memberAmounts(r)).toEqual(memberAmounts(plain));
  });

  it("a sheet of 250 000 rows beside the budget is read whole and analysed", async () => {
    const r = await analyse(await withManyRows(example, 40, 250_000));
    const budget = r.grid.sheets.find((s) => s.name === "Budget 2025")!;
    expect(new SheetView(budget).bottom).toBe(250_039);
    expect(new SheetView(budget).value(250_039, 9)).toBe(250_039);
    expect(memberAmounts(r)).toEqual(memberAmounts(plain));
  }, 120_000);
});

describe("xl/workbook.xml is read by a parser", () => {
  it("a comment holding 30 000 unclosed <definedName tags is a comment: the names are the example's", async () => {
    const r = await analyse(await withDefinedNameFlood(example, 30_000));
    expect(r.grid.definedNames).toEqual(plain.grid.definedNames);
    expect(r.codes).toEqual(plain.codes);
  });
});
