import {
  readForecasts,
  readLedgerMapping,
  saveForecasts,
  saveLedgerMapping,
  type LedgerMapping,
} from "../../src/app/followUpMemory";
import { Decimal, type ForecastChoice } from "../../src/domain";
import { INCOME_LINE } from "../../src/app/openLedger";
import { analysed, examplePort } from "./support";

jest.setTimeout(60_000);

test("the ledger's mapping: none kept at first, then the one saved, until it is undone", async () => {
  const port = await examplePort();
  const lines = (await analysed(port)).analysis.budget.costs.map((l) => l.label);
  expect(await readLedgerMapping(port)).toBeUndefined();

  const mapping: LedgerMapping = {
    dimension: "6",
    objects: { "6.1": "Fontänhus 6.1" },
    accounts: [
      { from: "3010", to: "3030", line: INCOME_LINE },
      { from: "5010", to: "7510", line: "Kansli 1.0" },
    ],
  };
  await saveLedgerMapping(port, mapping);
  expect(await readLedgerMapping(port)).toEqual(mapping);
  // Kept beside the budget: the analysis reads the same lines as before.
  expect((await analysed(port)).analysis.budget.costs.map((l) => l.label)).toEqual(lines);

  await port.undo();
  expect(port.canUndo()).toBe(false);
  expect(await readLedgerMapping(port)).toBeUndefined();
});

test("the forecasts per line: none kept at first, then the ones saved, each by its method", async () => {
  const port = await examplePort();
  expect(await readForecasts(port)).toEqual({ findings: [] });

  const choices = new Map<string, ForecastChoice>([
    ["Kansli 1.0", { method: "typed", amount: new Decimal(1_250_000) }],
    ["Fontänhus 6.1", { method: "budget" }],
  ]);
  await saveForecasts(port, choices);
  const kept = await readForecasts(port);
  expect(kept.findings).toEqual([]);
  expect(kept.choices).toEqual(choices);

  await saveForecasts(port, new Map([["Kansli 1.0", { method: "scaled" }]]));
  expect((await readForecasts(port)).choices).toEqual(new Map([["Kansli 1.0", { method: "scaled" }]]));
  await port.undo();
  expect((await readForecasts(port)).choices).toEqual(choices);
});
