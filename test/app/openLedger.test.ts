import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { followUpOnMapping } from "../../src/app/followUpFromLedger";
import { INCOME_LINE, openLedger } from "../../src/app/openLedger";
import type { LedgerMapping } from "../../src/app/followUpMemory";
import { analysed, examplePort } from "./support";

jest.setTimeout(60_000);

const SIE = resolve(__dirname, "../../assets/exempel-bokforing.se");
const exampleLedger = async () => new Uint8Array(await readFile(SIE));

test("the example's bookkeeping opened on the example budget: a mapping proposed from its lines", async () => {
  const { analysis } = await analysed(await examplePort());
  const asked = jest.fn(async (): Promise<LedgerMapping | undefined> => undefined);
  const opened = await openLedger(await exampleLedger(), "exempel-bokforing.se", analysis, asked);
  if (!opened.ok) throw new Error(opened.detail.en);
  expect(asked).toHaveBeenCalledTimes(1);
  expect(opened).toMatchObject({ fileName: "exempel-bokforing.se", mappingSource: "proposed", period: "2025-08" });
  expect(opened.ledger.year).toEqual({ start: "2025-01-01", end: "2025-12-31" });
  expect(opened.mapping.objects["6.1"]).toBe("Fontänhus 6.1");
  expect(opened.mapping.accounts).toContainEqual({ from: "3010", to: "3030", line: INCOME_LINE });
  // What the view follows up with it: every cost line of the budget's is a line of the mapping's.
  const lines = analysis.budget.costs.map((l) => l.label);
  expect(Object.values(opened.mapping.objects).every((line) => lines.includes(line))).toBe(true);
  const followUp = followUpOnMapping(analysis, opened.ledger, opened.fileName, {
    mapping: opened.mapping,
    source: opened.mappingSource,
    period: opened.period!,
  });
  expect(followUp.followUp.monthsElapsed).toBe(8);
});

test("the workbook's mapping, where it keeps one, is the one followed", async () => {
  const { analysis } = await analysed(await examplePort());
  const kept: LedgerMapping = { objects: {}, accounts: [{ from: "5000", to: "7999", line: "Kansli 1.0" }] };
  const opened = await openLedger(await exampleLedger(), "bok.se", analysis, async () => kept);
  expect(opened).toMatchObject({ ok: true, mapping: kept, mappingSource: "workbook" });
});

test("a file that is no SIE says why in the reader's words, and the workbook is not asked", async () => {
  const { analysis } = await analysed(await examplePort());
  const asked = jest.fn(async (): Promise<LedgerMapping | undefined> => undefined);
  const opened = await openLedger(new TextEncoder().encode("hej"), "brev.txt", analysis, asked);
  expect(opened).toEqual({
    ok: false,
    detail: {
      sv: "Rad 1: det här är ingen SIE-fil: den ska börja med en etikett som #FLAGGA.",
      en: "Line 1: this is not a SIE file: it should begin with a label such as #FLAGGA.",
    },
  });
  expect(asked).not.toHaveBeenCalled();
});

test("a workbook that cannot be read gives its error as the reason", async () => {
  const { analysis } = await analysed(await examplePort());
  const opened = await openLedger(await exampleLedger(), "bok.se", analysis, () =>
    Promise.reject(new Error("Arbetsboken är stängd")),
  );
  expect(opened).toEqual({
    ok: false,
    detail: { sv: "Error: Arbetsboken är stängd", en: "Error: Arbetsboken är stängd" },
  });
});
