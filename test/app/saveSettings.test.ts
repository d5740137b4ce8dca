import { MAPPING_FIELDS, type MappingField } from "../../src/app/budgetParts";
import { editsForSettings, saveSettings, type SettingsToSave } from "../../src/app/saveSettings";
import { Decimal, defaultSettings, type Settings } from "../../src/domain";
import { forecastEdits } from "../../src/memory/forecastSetting";
import { mappingEdits } from "../../src/memory/ledgerMappingSetting";
import { analysed, examplePort } from "./support";

jest.setTimeout(60_000);

const KOMMUNER = ["Motala", "Mjölby", "Vadstena", "Boxholms", "Ödeshögs"].map((k) => `${k} kommun`);
const NOTHING_TYPED = Object.fromEntries(MAPPING_FIELDS.map((f) => [f, ""])) as Record<MappingField, string>;

const fixed = (percents: readonly number[]): Settings["kommunKey"] => ({
  kind: "fixed",
  percents: Object.fromEntries(KOMMUNER.map((k, i) => [k, new Decimal(percents[i]!)])),
});

const request = (settings: Partial<Settings>, mapping: Partial<Record<MappingField, string>> = {}): SettingsToSave => ({
  settings: { ...defaultSettings(), ...settings },
  kommuner: KOMMUNER,
  mapping: { ...NOTHING_TYPED, ...mapping },
});

const namesOf = (edits: ReturnType<typeof editsForSettings>) =>
  Object.fromEntries((edits.names ?? []).map((n) => [n.name, n.ref]));

test("what saving writes: the settings' names, the fixed percentages in the form's order, the parts pointed at", () => {
  const edits = editsForSettings(
    request({ kommunKey: fixed([40, 30, 10, 10, 10]) }, { population: "Befolkning!b2:b6", costs: " " }),
  );
  const names = namesOf(edits);
  expect(names.Finsam_Nyckel).toBe("'Finsam-inställningar'!$B$4");
  expect(names.Finsam_EKMaxProcent).toBeDefined();
  expect(names.Finsam_Befolkning).toBe("Befolkning!$B$2:$B$6");
  expect(names.Finsam_Kostnader).toBeUndefined();
  const fixedCells = edits.cells.filter((c) => c.cell.startsWith("A") && KOMMUNER.includes(String(c.value)));
  expect(fixedCells.map((c) => c.value)).toEqual(KOMMUNER);
  const first = Number(fixedCells[0]!.cell.slice(1));
  expect(names.Finsam_FastaAndelar).toBe(`'Finsam-inställningar'!$B$${first}:$B$${first + 4}`);
  expect(edits.cells.find((c) => c.cell === `B${first}`)?.value).toBe(40);
});

test("a staircase of several steps leaves the workbook's one per cent alone", () => {
  const staircase = [
    { from: new Decimal(0), to: new Decimal(10_000_000), maxPercent: new Decimal(20) },
    { from: new Decimal(10_000_000), maxPercent: new Decimal(15) },
  ];
  expect(namesOf(editsForSettings(request({ equityStaircase: staircase }))).Finsam_EKMaxProcent).toBeUndefined();
});

test("the fixed shares, the ledger mapping and the forecasts are kept in cells of their own", () => {
  const settings = editsForSettings(request({ kommunKey: fixed([20, 20, 20, 20, 20]) })).cells.map((c) => c.cell);
  const kept = [...mappingEdits({ objects: {}, accounts: [] }).cells, ...forecastEdits(new Map()).cells].map(
    (c) => c.cell,
  );
  expect(settings).toContain("B18");
  expect(settings.filter((cell) => kept.includes(cell))).toEqual([]);
});

test("saved in the example workbook, as one undoable write, and read back by the next analysis", async () => {
  const port = await examplePort();
  const before = await analysed(port);
  expect(before.analysis.settings.kommunKey).toEqual({ kind: "population" });

  const session = await saveSettings(
    port,
    request({ kommunKey: fixed([40, 30, 10, 10, 10]) }, { population: "Befolkning!B2:B6" }),
  );
  expect(session).toBeUndefined();
  const grid = await port.readGrid();
  expect(grid.definedNames).toContainEqual({ name: "Finsam_Befolkning", ref: "Befolkning!$B$2:$B$6" });
  const after = await analysed(port);
  expect(after.analysis.settings.kommunKey).toEqual(fixed([40, 30, 10, 10, 10]));
  const motala = after.analysis.members.find((m) => m.name === "Motala kommun" && m.year === 2025)!;
  const kommuner = after.analysis.members.filter((m) => m.party === "kommun" && m.year === 2025);
  const quarter = kommuner.reduce((sum, k) => sum.plus(k.computedAmount), new Decimal(0));
  expect(motala.computedAmount.dividedBy(quarter).toDecimalPlaces(2).toNumber()).toBe(0.4);

  await port.undo();
  expect(port.canUndo()).toBe(false);
  expect((await analysed(port)).analysis.settings.kommunKey).toEqual({ kind: "population" });
});

test("a staircase of several steps stays in the session: saving gives it back", async () => {
  const port = await examplePort();
  const staircase = [
    { from: new Decimal(0), to: new Decimal(10_000_000), maxPercent: new Decimal(20) },
    { from: new Decimal(10_000_000), maxPercent: new Decimal(15) },
  ];
  const toSave = request({ equityStaircase: staircase });
  expect(await saveSettings(port, toSave)).toBe(toSave.settings);
  expect(port.canUndo()).toBe(true);
});
