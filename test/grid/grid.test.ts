import { parseAddress, SheetBuilder, SheetView, storedCells } from "../../src/grid";

describe("the sparse Grid: memory follows the cells that exist", () => {
  it("A1 and XFD1048576 are two cells in two rows, whatever the rectangle between them", () => {
    const sheet = new SheetBuilder({ name: "Blad1", visible: true })
      .cell(1, 1, "Titel", null, null)
      .cell(1_048_576, 16_384, 7, "=1+6", "#,##0")
      .build();
    expect(sheet.rows.size).toBe(2);
    expect(storedCells(sheet)).toBe(2);
    const view = new SheetView(sheet);
    expect([view.top, view.left, view.bottom, view.right]).toEqual([1, 1, 1_048_576, 16_384]);
    expect([view.value(1, 1), view.value(1_048_576, 16_384), view.formula(1_048_576, 16_384)]).toEqual([
      "Titel",
      7,
      "=1+6",
    ]);
    expect(view.numberFormat(1_048_576, 16_384)).toBe("#,##0");
    expect([view.value(2, 1), view.value(1_048_576, 16_383), view.text(500_000, 8_000)]).toEqual([null, null, ""]);
    expect(view.rowNumbers()).toEqual([1, 1_048_576]);
    expect(view.columnNumbers(1_048_576)).toEqual([16_384]);
    // One gap between the two rows, however long, comes as its first row.
    expect(view.rowsAndGaps()).toEqual([1, 2, 1_048_576]);
  });

  it("a sheet of 250 000 rows × 2 columns stores its 500 000 cells and reads its last", () => {
    const builder = new SheetBuilder({ name: "Data", visible: true });
    for (let r = 1; r <= 250_000; r++) builder.cell(r, 1, `Rad ${r}`, null, null).cell(r, 2, r, null, null);
    const sheet = builder.build();
    expect(storedCells(sheet)).toBe(500_000);
    const view = new SheetView(sheet);
    expect([view.bottom, view.right]).toEqual([250_000, 2]);
    expect([view.text(250_000, 1), view.value(250_000, 2)]).toEqual(["Rad 250000", 250_000]);
    expect(view.rowNumbers(249_999)).toEqual([249_999, 250_000]);
  });

  it("the used range is the cells with a value or a formula; formats alone do not widen it", () => {
    const sheet = new SheetBuilder({ name: "Blad1", visible: true })
      .cell(2, 2, null, null, "0.0") // inside: kept, shows its format
      .cell(3, 3, 1, null, null)
      .cell(1, 1, 5, null, null)
      .cell(9, 9, null, null, "#,##0") // outside: left out
      .columnFormat(2, '#,##0 "tkr"')
      .rowFormat(3, "0%")
      .build();
    expect([sheet.top, sheet.left, sheet.bottom, sheet.right]).toEqual([1, 1, 3, 3]);
    expect(storedCells(sheet)).toBe(3);
    expect([...sheet.rows.keys()]).toEqual([1, 2, 3]); // ascending, though given out of order
    const view = new SheetView(sheet);
    expect(view.numberFormat(2, 2)).toBe("0.0");
    expect(view.numberFormat(1, 2)).toBe('#,##0 "tkr"'); // an empty cell shows its column's format
    expect(view.numberFormat(3, 2)).toBe("0%"); // its row's first
    expect(view.numberFormat(3, 3)).toBeNull(); // a stored cell shows its own
    expect(view.numberFormat(9, 9)).toBeNull();
  });

  it("cells given right to left are kept in column order, and a later cell replaces the earlier", () => {
    const sheet = new SheetBuilder({ name: "Blad1", visible: true })
      .cell(1, 3, "c", null, null)
      .cell(1, 1, "a", null, null)
      .cell(1, 2, "b", null, null)
      .cell(1, 1, "A", null, null)
      .build();
    expect(sheet.rows.get(1)!.columns).toEqual([1, 2, 3]);
    expect(sheet.rows.get(1)!.values).toEqual(["A", "b", "c"]);
    expect(new SheetView(sheet).columnNumbers(1, 2)).toEqual([2, 3]);
  });

  it("an empty sheet", () => {
    const sheet = new SheetBuilder({ name: "Tom", visible: true }).build();
    expect([sheet.top, sheet.left, sheet.bottom, sheet.right, sheet.rows.size]).toEqual([1, 1, 0, 0, 0]);
    expect(new SheetView(sheet).rowsAndGaps()).toEqual([]);
  });
});

describe("parseAddress", () => {
  it("reads A1 addresses, absolute or not, in either case", () => {
    expect(parseAddress("B12")).toEqual({ row: 12, column: 2 });
    expect(parseAddress(" $AB$1048576 ")).toEqual({ row: 1_048_576, column: 28 });
    expect(parseAddress("xfd3")).toEqual({ row: 3, column: 16_384 });
    expect(parseAddress("A$7")).toEqual({ row: 7, column: 1 });
  });

  it("refuses what is not one cell's address", () => {
    for (const text of ["", "$", "B", "12", "ABCD1", "B1:C2", "B 12", "B12x", "Å3", "$$B1", "B$$1"])
      expect(parseAddress(text)).toBeUndefined();
  });
});
