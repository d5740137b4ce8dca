import { capabilitiesFor, detectCapabilities } from "../../src/excel/capabilities";
import { dense } from "../grid/dense";
import { definedNamesFrom, gridSheetFromRange, isDateFormat, serialToIso } from "../../src/excel/gridFromRange";
import { officeContext } from "./support";

describe("Office range data → GridSheet (pure)", () => {
  it("empty texts, errors, formulas, General and the used range's corner", () => {
    const sheet = gridSheetFromRange({
      name: "Budget",
      visibility: "Visible",
      address: "Budget!B3:D4",
      values: [
        ["Staten", 100, ""],
        ["#REF!", true, 300],
      ],
      formulas: [
        ["Staten", 100, ""],
        ["#REF!", true, "=B3*3"],
      ],
      numberFormat: [
        ["General", "#,##0", "General"],
        ["General", "General", '#,##0 "kr"'],
      ],
      hiddenRows: [4],
    });
    const { name, visible, hiddenRows, merges } = sheet;
    expect({ name, visible, ...dense(sheet), hiddenRows, merges }).toEqual({
      name: "Budget",
      visible: true,
      top: 3,
      left: 2,
      values: [
        ["Staten", 100, null],
        [{ error: "#REF!" }, true, 300],
      ],
      formulas: [
        [null, null, null],
        [null, null, "=B3*3"],
      ],
      numberFormats: [
        [null, "#,##0", null],
        [null, null, '#,##0 "kr"'],
      ],
      hiddenRows: [4],
      merges: [],
    });
  });

  it("trims empty edges, empties merged cells but the first, dates as ISO text", () => {
    const sheet = gridSheetFromRange({
      name: "'Blad 1'",
      visibility: "Hidden",
      address: "'Blad 1'!A1:C3",
      values: [
        ["Titel", "", ""],
        ["", 45366, ""],
        ["", "", ""],
      ],
      formulas: [
        ["Titel", "", ""],
        ["", 45366, ""],
        ["", "", ""],
      ],
      numberFormat: [
        ["General", "General", "General"],
        ["General", "yyyy-mm-dd", "General"],
        ["General", "General", "General"],
      ],
      merges: ["'Blad 1'!A1:C1"],
    });
    expect(sheet.visible).toBe(false);
    expect(sheet.merges).toEqual(["A1:C1"]);
    expect(dense(sheet).values).toEqual([
      ["Titel", null],
      [null, "2024-03-15"],
    ]);
    expect(dense(sheet).numberFormats[1]).toEqual([null, "yyyy-mm-dd"]);
  });

  it("a sheet with nothing in it", () => {
    expect(gridSheetFromRange({ name: "Tom", visibility: "Visible" })).toEqual({
      name: "Tom",
      visible: true,
      top: 1,
      left: 1,
      bottom: 0,
      right: 0,
      rows: new Map(),
      hiddenRows: [],
      merges: [],
    });
  });

  it("date formats as ExcelJS tells them, serials as ISO dates", () => {
    expect(isDateFormat("yyyy-mm-dd")).toBe(true);
    expect(isDateFormat('#,##0 "kr"')).toBe(false);
    expect(isDateFormat("[Red]0.0")).toBe(false);
    expect(serialToIso(45366)).toBe("2024-03-15");
    expect(serialToIso(45366.5)).toBe("2024-03-15T12:00:00");
  });

  it("defined names: '=' dropped, Excel's own names left out, workbook names first", () => {
    expect(
      definedNamesFrom(
        [
          { name: "Finsam_Befolkning", formula: "='Befolkning'!$B$2:$B$4" },
          { name: "_xlnm._FilterDatabase", formula: "=Blad1!$A$1:$B$2" },
          { name: "Enhet", formula: '="tkr"' },
        ],
        [
          { name: "Print_Area", formula: "=Blad1!$A$1:$D$9" },
          { name: "Lokal", formula: "=Blad1!$A$1" },
        ],
      ),
    ).toEqual([
      { name: "Finsam_Befolkning", ref: "'Befolkning'!$B$2:$B$4" },
      { name: "Enhet", ref: '"tkr"' },
      { name: "Lokal", ref: "Blad1!$A$1" },
    ]);
  });
});

describe("capabilities by ExcelApi version", () => {
  const at = (minor: number) => capabilitiesFor((v) => Number(v.split(".")[1]) <= minor);
  it.each([
    [7, false, "none", false],
    [13, false, "comment", false],
    [14, true, "comment", false],
    [18, true, "note", false],
    [20, true, "note", true],
  ] as const)("1.%i: supported %s, %s, native undo %s", (minor, supported, annotations, nativeUndo) => {
    const c = at(minor);
    expect([c.supported, c.annotations, c.nativeUndo, c.apiVersion]).toEqual([
      supported,
      annotations,
      nativeUndo,
      minor,
    ]);
  });

  it("detectCapabilities asks Office (office-addin-mock) and gives nothing outside Office", () => {
    expect(detectCapabilities().supported).toBe(false);
    const office = officeContext(13);
    (globalThis as { Office?: unknown }).Office = { context: office.context };
    try {
      const c = detectCapabilities();
      expect(c.apiVersion).toBe(13);
      expect(c.supported).toBe(false);
      expect(c.annotations).toBe("comment");
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
  });
});
