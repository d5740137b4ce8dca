import { sumAmounts, type Finding } from "../../src/domain";
import { readCell, SheetLine } from "../../src/read/amountCells";
import { SheetView } from "../../src/grid";
import { spanOf } from "../../src/read/parts";
import { sheet } from "../grid/gridBuilder";

const view = new SheetView(sheet("Budget", [["Kansli", 1_386_000, 785.5, "1 200 tkr", -48.25]]));
const read = (column: number, factor: number) => {
  const findings: Finding[] = [];
  const amount = readCell(view, 1, column, factor, findings);
  return { amount: amount!, findings };
};

describe("readCell", () => {
  it("reads a number cell in kronor, with its cell and factor", () => {
    const { amount } = read(2, 1);
    expect(amount.value.toFixed()).toBe("1386000");
    expect(amount.wholeKronor).toBe(1_386_000);
    expect(amount.ref).toEqual({ sheet: "Budget", cell: "B1" });
    expect(amount.factor).toBeUndefined();
  });

  it("gives tkr and negated costs in whole kronor, and keeps the factor for formulas", () => {
    const { amount } = read(3, -1000);
    expect(amount.value.toFixed()).toBe("-785500");
    expect(amount.wholeKronor).toBe(-785_500);
    expect(amount.factor).toBe(-1000);
    expect(read(5, 1000).amount.value.toFixed()).toBe("-48250");
  });

  it("keeps öre as a Decimal, outside the plain sum", () => {
    const { amount } = read(3, 1);
    expect(amount.value.toFixed()).toBe("785.5");
    expect(amount.wholeKronor).toBeUndefined();
    expect(sumAmounts([read(2, 1).amount, amount]).toFixed()).toBe("1386785.5");
  });

  it("reads a number typed as text with its unit, and says so on the cell", () => {
    const { amount, findings } = read(4, 1);
    expect(amount.value.toFixed()).toBe("1200000");
    expect(amount.typedAsText).toBe(true);
    expect(findings.map((f) => [f.code, f.cell])).toEqual([["INPUT_TEXT_AMOUNT", "D1"]]);
  });
});

describe("SheetLine", () => {
  it("gives its label's cell, and spans with addresses as its place", () => {
    const lines = [5, 6, 9].map((row) => new SheetLine(`Insats ${row}`, new Map(), "Budget", row, 2));
    expect(lines[0]!.labelRef).toEqual({ sheet: "Budget", cell: "B5" });
    expect(spanOf(lines)).toEqual({ sheet: "Budget", range: "B5:B9" });
    expect(spanOf([{ sheet: "Budget", cell: "A3" }, ...lines])).toEqual({ sheet: "Budget", range: "A3:B9" });
  });
});
