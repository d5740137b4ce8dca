import { namedYears } from "../../src/read/namedYears";
import type { Grid } from "../../src/grid";

const grid = (names: Record<string, string>): Grid => ({
  sheets: ["Budget", "Medlemmar", "Resultat"].map((name) => ({
    name,
    visible: true,
    top: 1,
    left: 1,
    bottom: 60,
    right: 12,
    rows: new Map(),
    hiddenRows: [],
    merges: [],
  })),
  definedNames: Object.entries(names).map(([name, ref]) => ({ name, ref })),
});

describe("what the year names say", () => {
  it("columns beside each other over the same rows are a table; the header is the row above the amounts", () => {
    const { columns, blocks } = namedYears(
      grid({
        Finsam_Budget_2025: "Budget!B5:B24",
        Finsam_Plan_2026: "Budget!C5:C24",
        Finsam_Historik_2024: "Budget!$A$4",
      }),
    );
    expect(blocks).toEqual([]);
    expect(columns).toEqual([
      {
        sheet: "Budget",
        row: 4,
        columns: [
          { column: 1, year: 2024, kind: "history", header: { sheet: "Budget", cell: "A4" } },
          { column: 2, year: 2025, kind: "budget", header: { sheet: "Budget", cell: "B4" } },
          { column: 3, year: 2026, kind: "plan", header: { sheet: "Budget", cell: "C4" } },
        ],
      },
    ]);
  });

  it("a union over two sheets gives each sheet its columns (the sheets belong together)", () => {
    const { columns } = namedYears(grid({ Finsam_Budget_2025: "Medlemmar!B4:B10,Resultat!D5:D18" }));
    expect(columns.map((c) => [c.sheet, c.row, c.columns[0]!.column])).toEqual([
      ["Medlemmar", 3, 2],
      ["Resultat", 4, 4],
    ]);
  });

  it("a year across a row is a year row, in the turned sheet's places; a year named twice starts a second table", () => {
    const { columns } = namedYears(
      grid({
        Finsam_Budget_2024: "Budget!C7:H7,Budget!C17:F17",
        Finsam_Plan_2025: "Budget!C8:H8,Budget!C18:F18",
      }),
    );
    expect(columns.map((c) => [c.across, c.rows, c.row, c.columns.map((y) => [y.column, y.year])])).toEqual([
      [
        true,
        [7, 8],
        2,
        [
          [7, 2024],
          [8, 2025],
        ],
      ],
      [
        true,
        [17, 18],
        2,
        [
          [17, 2024],
          [18, 2025],
        ],
      ],
    ]);
  });

  it("single areas of different years stacked down one column are the members' blocks", () => {
    const { columns, blocks } = namedYears(
      grid({
        Finsam_Budget_2025: "Budget!B5:B16,Budget!B51:B60",
        Finsam_Plan_2026: "Budget!B20:B31,Budget!C51:C60",
      }),
    );
    expect(blocks).toEqual([
      {
        sheet: "Budget",
        blocks: [
          { year: 2025, kind: "budget", column: 2, first: 5, last: 16 },
          { year: 2026, kind: "plan", column: 2, first: 20, last: 31 },
        ],
      },
    ]);
    expect(columns[0]!.columns.map((c) => [c.column, c.year])).toEqual([
      [2, 2025],
      [3, 2026],
    ]);
  });
});
