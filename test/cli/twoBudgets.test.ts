import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { readGridInWorker } from "../../src/cli/readInWorker";
import type { Report } from "../../src/report/jsonReport";
import { check } from "../support/check";

/** Blind fixture 46: one ekonomistöd's workbook with Ådalen (tkr, years as columns) and Finsam Mitt (years as rows). */
const TWO = resolve(__dirname, "../fixtures/layouts/46-blind1-tva-forbund-i-en-arbetsbok.xlsx");

jest.setTimeout(60_000);
beforeAll(async () => {
  await readGridInWorker(TWO);
});

describe("npm run check on a workbook that keeps two förbund's budgets", () => {
  it("reports each, never only the first: text under a heading per budget, JSON as { budgets: [...] }", async () => {
    const text = await check(TWO);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain("Budget 1 av 2: Samordningsförbundet Ådalen (bladet ”Ådalen”)");
    expect(text.stdout).toContain("Budget 2 av 2: Finsam Mitt (bladet ”Finsam Mitt”)");
    const json = await check(TWO, "--json");
    const { budgets } = JSON.parse(json.stdout) as { budgets: Report[] };
    expect(budgets.map((r) => [r.sheet, r.unit, r.budgetYear])).toEqual([
      ["Ådalen", "tkr", 2025],
      ["Finsam Mitt", "kr", 2025],
    ]);
    // Each its own members: Ådalen's kommuner in one, Finsam Mitt's in the other (DOMAIN.md Rule 2, to the krona).
    const kommuner = (r: Report) => r.members.filter((m) => m.party === "kommun" && m.year === 2025).map((m) => m.name);
    expect(kommuner(budgets[0]!)).toEqual(["Härnösands kommun", "Kramfors kommun", "Sollefteå kommun"]);
    expect(kommuner(budgets[1]!)).toEqual(["Sundsvalls kommun", "Timrå kommun", "Ånge kommun"]);
    expect(budgets.flatMap((r) => r.findings.map((f) => f.code))).not.toContain("INPUT_SEVERAL_BUDGETS");
  });

  it("--budget reads the one named; an unknown sheet is a clear Swedish message and exit 2", async () => {
    const one = await check(TWO, "--budget", "Finsam Mitt", "--json");
    expect((JSON.parse(one.stdout) as Report).sheet).toBe("Finsam Mitt");
    const unknown = await check(TWO, "--budget", "Mitt");
    expect([unknown.status, unknown.stderr]).toEqual([
      2,
      "Ingen budget har sina medlemmar på bladet ”Mitt”. Budgetarna finns på ”Ådalen” och ”Finsam Mitt”.",
    ]);
  });

  it("--out needs --budget: the reports are printed, nothing is written, and the message says how to choose", async () => {
    const out = join(await mkdtemp(join(tmpdir(), "two-")), "ut.xlsx");
    const result = await check(TWO, "--out", out);
    expect([result.status, existsSync(out)]).toEqual([3, false]);
    expect(result.stderr).toBe(
      'Arbetsboken har 2 budgetar; --sie och --out gäller en av dem. Ange vilken: --budget "Ådalen" eller --budget "Finsam Mitt".',
    );
    const chosen = await check(TWO, "--budget", "Ådalen", "--out", out);
    expect([chosen.status, chosen.stderr]).toEqual([0, expect.stringContaining(`Skrev ${out}`)]);
  });
});
