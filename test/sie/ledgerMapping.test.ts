import { readFile } from "node:fs/promises";
import { applyMapping, INCOME_LINE, proposeMapping, type LedgerMapping } from "../../src/sie/ledgerMapping";
import { readSie } from "../../src/sie/readSie";
import { MAPPING_NAME, mappingEdits, mappingFromGrid } from "../../src/memory/ledgerMappingSetting";
import { createFilePort } from "../../src/xlsx/filePort";
import { EXAMPLE } from "../support/paths";
import { HEAD, sieBytes } from "./sieFiles";

const LINES = ["Kansli 1.0", "Styrelse", "Nätverk 2.4.1", "Försteg 4.0", "Fontänhus 6.1"];

const ledger = readSie(
  sieBytes([
    ...HEAD,
    '#KONTO 3010 "Medlemsavgifter"',
    '#KONTO 4010 "Köpta tjänster"',
    '#KONTO 5010 "Lokalhyra"',
    '#KONTO 6990 "Övriga kostnader"',
    '#KONTO 7010 "Löner"',
    '#KONTO 7220 "Styrelsearvoden"',
    '#KONTO 8310 "Ränteintäkter"',
    '#DIM 1 "Kostnadsställe"',
    '#DIM 6 "Projekt"',
    '#OBJEKT 1 "10" "Kansli"',
    '#OBJEKT 6 "241" "Nätverk"',
    '#OBJEKT 6 "4.0" "Försteg unga"',
    '#OBJEKT 6 "99" "Okänt projekt"',
    "#PSALDO 0 202501 3010 {} -4000000.00",
    "#PSALDO 0 202501 8310 {} -1000.00",
    "#PSALDO 0 202501 4010 {} 700000.00",
    '#PSALDO 0 202501 4010 {6 "241"} 400000.00',
    '#PSALDO 0 202501 4010 {6 "4.0"} 250000.00',
    '#PSALDO 0 202501 4010 {1 "10"} 50000.00',
    "#PSALDO 0 202501 5010 {} 30000.00",
    "#PSALDO 0 202502 5010 {} 30000.00",
    "#PSALDO 0 202502 7010 {} 100000.00",
    "#PSALDO 0 202502 7220 {} 20000.00",
    "#PSALDO 0 202503 6990 {} 5000.00",
    "#PSALDO 0 202503 1930 {} -999.00",
  ]),
);

describe("the mapping from accounts and objects to budget lines", () => {
  const proposed = proposeMapping(ledger, LINES);

  it("proposes objects by insats name or number, income by class, Styrelse by name and Kansli by range", () => {
    expect(proposed).toEqual<LedgerMapping>({
      dimension: "6",
      objects: { "241": "Nätverk 2.4.1", "4.0": "Försteg 4.0" },
      accounts: [
        { from: "3010", to: "3010", line: INCOME_LINE },
        { from: "5010", to: "7010", line: "Kansli 1.0" },
        { from: "7220", to: "7220", line: "Styrelse" },
        { from: "8310", to: "8310", line: INCOME_LINE },
      ],
    });
  });

  it("sums the outcome per line; what maps to nothing is listed, never dropped", () => {
    const outcome = applyMapping(ledger, proposed);
    expect(outcome.period).toBe("2025-03");
    expect(outcome.monthsElapsed).toBe(3);
    expect(Object.fromEntries([...outcome.lines].map(([k, v]) => [k, v.toNumber()]))).toEqual({
      "Nätverk 2.4.1": 400000,
      "Försteg 4.0": 250000,
      "Kansli 1.0": 30000 + 30000 + 100000 + 5000,
      Styrelse: 20000,
    });
    expect(outcome.income.toNumber()).toBe(4001000);
    // 4010's 50 000 on the kostnadsställe dimension is not an insats object: the account keeps it, unmapped.
    expect(outcome.unmapped.map((u) => [u.account, u.name, u.amount.toNumber()])).toEqual([
      ["4010", "Köpta tjänster", 50000],
    ]);
    // Balance accounts (1930) are never outcome.
  });

  it("stops at the period asked for", () => {
    const outcome = applyMapping(ledger, proposed, "2025-01");
    expect(outcome.monthsElapsed).toBe(1);
    expect(outcome.lines.get("Kansli 1.0")?.toNumber()).toBe(30000);
    expect(outcome.lines.has("Styrelse")).toBe(false);
  });

  it("is kept in the workbook as Finsam_Kontomappning and read back from the saved file", async () => {
    const port = await createFilePort(await readFile(EXAMPLE), "exempel-budget.xlsx");
    await port.applyEdits(mappingEdits(proposed));
    const saved = await createFilePort(await port.download(), "exempel-budget.xlsx");
    const grid = await saved.readGrid();
    expect(grid.definedNames.some((d) => d.name === MAPPING_NAME)).toBe(true);
    expect(mappingFromGrid(grid)).toEqual({ mapping: proposed, findings: [] });
  });

  it("a name that does not hold a mapping is an INPUT_SETTING error", async () => {
    const port = await createFilePort(await readFile(EXAMPLE), "exempel-budget.xlsx");
    await port.applyEdits({
      sheets: ["Finsam-inställningar"],
      cells: [{ sheet: "Finsam-inställningar", cell: "G7", value: "{inte json" }],
      names: [{ name: MAPPING_NAME, ref: "'Finsam-inställningar'!$G$7" }],
    });
    const read = mappingFromGrid(await port.readGrid());
    expect(read.mapping).toBeUndefined();
    expect(read.findings.map((f) => [f.code, f.severity, f.cell])).toEqual([["INPUT_SETTING", "error", "G7"]]);
  });
});
