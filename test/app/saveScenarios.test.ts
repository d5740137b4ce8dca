import { BUILT_IN_IDS, saveScenarios } from "../../src/app/saveScenarios";
import { Decimal, newScenario, scenarioFromInput, WORST_CASE, type Settings } from "../../src/domain";
import { analysed, examplePort } from "./support";

jest.setTimeout(60_000);

const named = (id: string, name: string, change: string) =>
  scenarioFromInput({ ...newScenario(id, name), stateChangeByYear: { 2026: new Decimal(change) } });

const ids = (settings: Settings | undefined) => settings?.scenarios.map((s) => s.id);

test("the named scenarios are kept in the workbook and come back with the next analysis", async () => {
  const port = await examplePort();
  const current = (await analysed(port)).analysis.settings;
  expect(ids(current)).toEqual(BUILT_IN_IDS);

  const tolv = named("tolv", "Tolv", "-0.12");
  expect(await saveScenarios(port, { current, named: [tolv], session: undefined })).toBeUndefined();
  const after = (await analysed(port)).analysis;
  expect(ids(after.settings)).toEqual(["sheet", "worst-case", "tolv"]);
  expect(after.settings.scenarios[2]!.name).toBe("Tolv");
  expect(after.plans.map((p) => p.scenario.id)).toContain("tolv");
  // The settings the analysis ran with are saved as they were.
  expect(after.settings.kommunKey).toEqual(current.kommunKey);
  expect(after.settings.equityStaircase).toEqual(current.equityStaircase);

  await port.undo();
  expect(port.canUndo()).toBe(false);
  expect(ids((await analysed(port)).analysis.settings)).toEqual(BUILT_IN_IDS);
});

test("what is saved is the whole list: one replaced, one removed", async () => {
  const port = await examplePort();
  const current = (await analysed(port)).analysis.settings;
  await saveScenarios(port, {
    current,
    named: [named("tolv", "Tolv", "-0.12"), named("elva", "Elva", "-0.11")],
    session: undefined,
  });
  const saved = (await analysed(port)).analysis.settings;
  await saveScenarios(port, { current: saved, named: [named("elva", "Elva nu", "-0.15")], session: undefined });
  const after = (await analysed(port)).analysis.settings;
  expect(after.scenarios.map((s) => [s.id, s.name])).toEqual([
    ["sheet", expect.any(String)],
    ["worst-case", WORST_CASE.name],
    ["elva", "Elva nu"],
  ]);
});

test("the session keeps its own settings, with the built-in scenarios alone, so the named are read back", async () => {
  const port = await examplePort();
  const current = (await analysed(port)).analysis.settings;
  const staircase = [
    { from: new Decimal(0), to: new Decimal(10_000_000), maxPercent: new Decimal(20) },
    { from: new Decimal(10_000_000), maxPercent: new Decimal(15) },
  ];
  const tolv = named("tolv", "Tolv", "-0.12");
  const session = { ...current, equityStaircase: staircase, scenarios: [...current.scenarios, tolv] };
  const next = await saveScenarios(port, { current, named: [tolv], session });
  expect(ids(next)).toEqual(BUILT_IN_IDS);
  expect(next?.equityStaircase).toEqual(staircase);
  expect(ids((await analysed(port)).analysis.settings)).toEqual(["sheet", "worst-case", "tolv"]);
});
