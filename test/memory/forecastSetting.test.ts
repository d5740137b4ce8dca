import { Decimal, type ForecastChoice } from "../../src/domain";
import { forecastEdits, forecastsFromGrid, forecastsFromJson } from "../../src/memory/forecastSetting";
import { SheetBuilder, type Grid } from "../../src/grid";

const CHOICES = new Map<string, ForecastChoice>([
  ["Kansli 1.0", { method: "typed", amount: new Decimal(1700000) }],
  ["Försteg 4.0", { method: "budget" }],
  ["Nätverk 2.4.1", { method: "scaled" }],
]);

const gridWith = (text: string): Grid => ({
  sheets: [new SheetBuilder({ name: "Finsam-inställningar", visible: true }).cell(4, 7, text, null, null).build()],
  definedNames: [{ name: "Finsam_Prognoser", ref: "'Finsam-inställningar'!$G$4" }],
});

test("the forecasts per line are kept as JSON in G4 of Finsam-inställningar and read back as they were", () => {
  const edits = forecastEdits(CHOICES);
  expect(edits.names).toEqual([{ name: "Finsam_Prognoser", ref: "'Finsam-inställningar'!$G$4" }]);
  const json = String(edits.cells.find((c) => c.cell === "G4")!.value);
  expect(json).toBe(
    '{"version":1,"lines":{"Kansli 1.0":{"method":"typed","amount":"1700000"},"Försteg 4.0":{"method":"budget"},"Nätverk 2.4.1":{"method":"scaled"}}}',
  );
  const back = forecastsFromGrid(gridWith(json));
  expect(back.findings).toEqual([]);
  expect(back.choices).toEqual(CHOICES);
});

test.each([
  "inte json",
  '{"version":2,"lines":{}}',
  '{"version":1,"lines":{"Kansli":{"method":"typed","amount":"1,5"}}}',
])("%s cannot be read: an INPUT_SETTING error on the cell, and no forecasts", (text) => {
  expect(forecastsFromJson(text)).toBeUndefined();
  const read = forecastsFromGrid(gridWith(text));
  expect(read.choices).toBeUndefined();
  expect(read.findings.map((f) => [f.code, f.severity, f.sheet, f.cell])).toEqual([
    ["INPUT_SETTING", "error", "Finsam-inställningar", "G4"],
  ]);
});

test("a workbook without the name keeps no forecasts and has nothing wrong", () => {
  expect(forecastsFromGrid({ sheets: [], definedNames: [] })).toEqual({ findings: [] });
});
