import { Decimal, defaultSettings, targetBand, WORST_CASE } from "../../src/domain";
import { parseAddress, type CellValue } from "../../src/grid";
import { locateBudget } from "../../src/read/locate";
import { settingsEdits, settingsFromGrid, SETTINGS_SHEET } from "../../src/memory/workbookSettings";
import { grid, sheet } from "../grid/gridBuilder";
import type { WorkbookEdits } from "../../src/grid/edits";

/** The edits as a sheet of a Grid, the way a workbook would hold them after a write. */
function gridOf(edits: WorkbookEdits) {
  const rows: CellValue[][] = [];
  for (const e of edits.cells) {
    const at = parseAddress(e.cell)!;
    (rows[at.row - 1] ??= [])[at.column - 1] = e.value ?? null;
  }
  return grid(
    [
      sheet(
        SETTINGS_SHEET,
        Array.from(rows, (r) => r ?? []),
      ),
    ],
    [...(edits.names ?? [])],
  );
}

describe("settings kept in the workbook", () => {
  it("write and read back: key, equity maximum and target, the worst case's rate and floor, the plan's length", () => {
    const settings = defaultSettings({
      equityStaircase: [{ from: new Decimal(0), maxPercent: new Decimal(25) }],
      equityTarget: targetBand(new Decimal(1800000), new Decimal("0.2")),
      planLength: 3,
      scenarios: [
        {
          ...WORST_CASE,
          contributions: { kind: "reduction", rate: new Decimal("0.12"), stateFloor: new Decimal(3200000) },
        },
      ],
    });
    const back = settingsFromGrid(gridOf(settingsEdits(settings)));
    expect(back.findings).toEqual([]);
    const s = back.settings;
    expect(s.kommunKey).toEqual({ kind: "population" });
    expect(s.equityStaircase[0]!.maxPercent.toNumber()).toBe(25);
    expect([s.equityTarget!.min.toNumber(), s.equityTarget!.max.toNumber()]).toEqual([1440000, 2160000]);
    expect(s.planLength).toBe(3);
    const worst = s.scenarios.find((x) => x.id === "worst-case")!.contributions;
    expect(worst.kind === "reduction" && [worst.rate.toNumber(), worst.stateFloor?.toNumber()]).toEqual([
      0.12, 3200000,
    ]);
  });

  it("reads 10 %, 0,1 and 10 alike as a tenth, and says which cell holds a bad value", () => {
    for (const typed of ["10 %", 0.1, 10, "0,1"]) {
      const g = grid(
        [sheet("Inställningar", [["Minskning", typed]])],
        [{ name: "Finsam_Minskning", ref: "'Inställningar'!$B$1" }],
      );
      const worst = settingsFromGrid(g).settings.scenarios.find((x) => x.id === "worst-case")!.contributions;
      expect(worst.kind === "reduction" && worst.rate.toNumber()).toBe(0.1);
    }
    const bad = grid(
      [sheet("Inställningar", [["Minskning", "mycket"]])],
      [{ name: "Finsam_Minskning", ref: "'Inställningar'!$B$1" }],
    );
    expect(settingsFromGrid(bad).findings.map((f) => [f.code, f.cell])).toEqual([["INPUT_SETTING", "B1"]]);
  });

  it("a fixed key with each kommun's per cent", () => {
    const g = grid(
      [
        sheet("Nyckel", [
          ["Nyckel", "fast"],
          ["Motala kommun", 48.4],
          ["Mjölby kommun", 51.6],
        ]),
      ],
      [
        { name: "Finsam_Nyckel", ref: "Nyckel!$B$1" },
        { name: "Finsam_FastaAndelar", ref: "Nyckel!$B$2:$B$3" },
      ],
    );
    const key = settingsFromGrid(g).settings.kommunKey;
    expect(
      key.kind === "fixed" && Object.fromEntries(Object.entries(key.percents).map(([k, v]) => [k, v.toNumber()])),
    ).toEqual({
      "Motala kommun": 48.4,
      "Mjölby kommun": 51.6,
    });
  });
});

describe("a staircase and a unit kept in the workbook", () => {
  it("a staircase of several steps is written as a table and read back with its bounds", () => {
    const staircase = [
      { from: new Decimal(0), maxPercent: new Decimal(30) },
      { from: new Decimal(5000000), maxPercent: new Decimal(25) },
      { from: new Decimal(10000000), maxPercent: new Decimal(20) },
    ];
    const edits = settingsEdits(defaultSettings({ equityStaircase: staircase }));
    const rows: CellValue[][] = [];
    for (const e of edits.cells) {
      const at = parseAddress(e.cell)!;
      (rows[at.row - 1] ??= [])[at.column - 1] = e.value ?? null;
    }
    const back = settingsFromGrid(
      grid(
        [
          sheet(
            SETTINGS_SHEET,
            Array.from(rows, (r) => r ?? []),
          ),
        ],
        [...(edits.names ?? [])],
      ),
    );
    expect(back.findings).toEqual([]);
    expect(
      back.settings.equityStaircase.map((s) => [s.from.toNumber(), s.to?.toNumber(), s.maxPercent.toNumber()]),
    ).toEqual([
      [0, 5000000, 30],
      [5000000, 10000000, 25],
      [10000000, undefined, 20],
    ]);
  });

  it("Finsam_Enhet says tkr where the sheet does not", () => {
    const rows: CellValue[][] = [
      ["", 2025],
      ["Intäkter"],
      ["Staten genom FK", 2000],
      ["Region", 1000],
      ["Kiruna kommun", 1000],
      ["Kostnader"],
      ["Kansli", 4000],
      ["Enhet", "tkr"],
    ];
    const withName = grid([sheet("Budget", rows)], [{ name: "Finsam_Enhet", ref: "Budget!$B$8" }]);
    const located = locateBudget(withName);
    expect(located.ok && [located.budget.unit, located.budget.members[0]!.amounts.get(2025)!.value.toNumber()]).toEqual(
      ["tkr", 2000000],
    );
    const without = locateBudget(grid([sheet("Budget", rows)]));
    expect(without.ok && without.budget.unit).toBe("kr");
  });
});
