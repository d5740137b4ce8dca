import { noteText } from "../support/cellNote";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { internalErrorLines, parseArgs, runCheck } from "../../src/cli/check";
import { readGridInWorker } from "../../src/cli/readInWorker";
import type { Report } from "../../src/report/jsonReport";
import { TEST_CLOCK } from "../support/clock";
import { check } from "../support/check";
import { withDamagedCoreDate, withManyRows } from "../support/mutate";
import { EXAMPLE, fixture } from "../support/paths";

// The file is read in a worker thread; the first one loads ExcelJS (seconds), later reads reuse it.
jest.setTimeout(60_000);
beforeAll(async () => {
  await readGridInWorker(EXAMPLE);
});

async function report(path: string): Promise<Report> {
  const { status, stdout } = await check(path, "--json");
  expect(status).toBe(0);
  return JSON.parse(stdout) as Report;
}

const brief = (f: Report["findings"][number]) => [
  f.code,
  f.severity,
  f.sheet ? `${f.sheet}!${f.cell}` : undefined,
  f.year,
  f.scenario,
  f.expected,
  f.actual,
];

describe("npm run check --json on the fixtures", () => {
  it("SAMO 2023: kr, the members of Långtidsbudget with their cells, the one-krona findings and the plan to the krona", async () => {
    const r = await report(fixture("samo-2023"));
    expect([r.file, r.unit, r.budgetYear, r.sheet]).toEqual(["samo-2023.xlsx", "kr", 2023, "Långtidsbudget"]);
    expect(r.members.find((m) => m.name === "Finspångs kommun" && m.year === 2023)).toEqual({
      name: "Finspångs kommun",
      party: "kommun",
      year: 2023,
      population: 21889,
      sheet: "Långtidsbudget",
      cell: "B5",
      sheetAmount: 501227,
      computedAmount: 501226,
      difference: 1,
    });
    const kommuner = (year: number) =>
      r.members.filter((m) => m.party === "kommun" && m.year === year).map((m) => m.computedAmount);
    expect(kommuner(2023)).toEqual([501226, 3307880, 335991, 175403]);
    expect(kommuner(2024)).toEqual([451104, 2977092, 302391, 157863]);
    expect(kommuner(2025)).toEqual([405994, 2679383, 272152, 142076]);
    expect(
      r.members.filter((m) => m.party !== "kommun" && m.year === 2024).map((m) => [m.party, m.cell, m.computedAmount]),
    ).toEqual([
      ["region", "C9", 3888450],
      ["af", "C10", 3888450],
      ["fk", "C11", 3888450],
    ]);
    const worst = r.plan.filter((p) => p.scenario === "worst-case");
    expect(
      worst.map((p) => [
        p.year,
        p.contributions,
        p.otherIncome,
        p.costs,
        p.openingEquity,
        p.closingEquity,
        p.maxEquity,
      ]),
    ).toEqual([
      [2023, 17282000, 70000, 18861000, 5809000, 4300000, 3456400],
      [2024, 15553800, 0, 17153800, 4300000, 2700000, 3110760],
      [2025, 13998420, 0, 14998420, 2700000, 1700000, 2799684],
    ]);
    expect(r.plan.filter((p) => p.scenario === "sheet").map((p) => p.contributions)).toEqual([
      17282001, 15553800, 13998420,
    ]);
    expect(r.findings.filter((f) => f.code.startsWith("SHARE")).map(brief)).toEqual([
      ["SHARE_SUM", "info", "Långtidsbudget!B5:B8", 2023, undefined, 4320500, 4320501],
      ["SHARE_DEVIATION", "info", "Långtidsbudget!B5", 2023, undefined, 501226, 501227],
    ]);
    // The sheet's Summa intäkter was saved as 18 861 000, but its own rows add up to one krona more.
    expect(r.findings.filter((f) => f.code === "TOTAL_MISMATCH").map(brief)).toEqual([
      ["TOTAL_MISMATCH", "warning", "Långtidsbudget!B14", 2023, undefined, 18861001, 18861000],
    ]);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("Västra 2025: the five share warnings on B16:B20, with both numbers", async () => {
    const r = await report(fixture("vastra-2025"));
    expect([r.unit, r.budgetYear, r.sheet]).toEqual(["kr", 2025, "Budget 2025"]);
    expect(r.findings.filter((f) => f.code === "SHARE_DEVIATION").map(brief)).toEqual([
      ["SHARE_DEVIATION", "warning", "Budget 2025!B16", 2025, undefined, 1045270, 1045924],
      ["SHARE_DEVIATION", "warning", "Budget 2025!B17", 2025, undefined, 676575, 676393],
      ["SHARE_DEVIATION", "warning", "Budget 2025!B18", 2025, undefined, 180171, 179363],
      ["SHARE_DEVIATION", "warning", "Budget 2025!B19", 2025, undefined, 131921, 131821],
      ["SHARE_DEVIATION", "warning", "Budget 2025!B20", 2025, undefined, 127063, 127499],
    ]);
    expect(r.members.filter((m) => m.party === "kommun").map((m) => [m.name, m.population, m.difference])).toEqual([
      ["Motala kommun", 43674, 654],
      ["Mjölby kommun", 28269, -182],
      ["Vadstena kommun", 7528, -808],
      ["Boxholms kommun", 5512, -100],
      ["Ödeshögs kommun", 5309, 436],
    ]);
    const budgetYear = r.plan.find((p) => p.scenario === "sheet" && p.year === 2025)!;
    expect([
      budgetYear.contributions,
      budgetYear.costs,
      budgetYear.openingEquity,
      budgetYear.closingEquity,
      budgetYear.maxEquity,
    ]).toEqual([8644000, 10010000, 3050000, 1684000, 1728800]);
    expect(r.findings.find((f) => f.code === "DEFICIT_JUSTIFIED" && f.year === 2025)?.cell).toBe("B31");
  });

  it("Örnsköldsvik 2024: tkr read as kronor; the worst case runs out of equity during 2025", async () => {
    const r = await report(fixture("ornskoldsvik-2024"));
    expect([r.unit, r.budgetYear, r.sheet]).toEqual(["tkr", 2024, "Budget 2024-2026"]);
    expect(
      r.plan.filter((p) => p.scenario === "worst-case").map((p) => [p.year, p.contributions, p.closingEquity]),
    ).toEqual([
      [2024, 5022000, 370000],
      [2025, 4519800, -132200],
      [2026, 4067820, -1086380],
    ]);
    expect(r.plan.filter((p) => p.scenario === "sheet").map((p) => p.closingEquity)).toEqual([370000, 370000, 370000]);
    expect(r.equityRunsOut).toEqual({ "worst-case": 2025 });
    expect(r.outcomes.find((o) => o.scenario === "worst-case")?.message).toBe(
      "Värsta fall (−10 % per år): Eget kapital tar slut under 2025: −132\u00a0200 kr vid årets slut.",
    );
    // The worst case's unfinanced years, one error each with the negative equity in its words, on the
    // Finsam-kontroll cell that computes the costs: the sheet's own costs and opening equity are right as typed.
    expect(r.findings.map(brief)).toEqual([
      ["CEILING_EXCEEDED", "error", "Finsam-kontroll!C53", 2025, "worst-case", 4889800, 5022000],
      ["CEILING_EXCEEDED", "error", "Finsam-kontroll!D53", 2026, "worst-case", 3935620, 5022000],
      // The sheet plans 2 511 tkr from the state in 2025 and 2026; the worst case leaves 2 259,9 and 2 033,91.
      ["PLAN_ABOVE_WORST_CASE", "warning", "Budget 2024-2026!C7", 2025, "worst-case", 2259900, 2511000],
      ["PLAN_ABOVE_WORST_CASE", "warning", "Budget 2024-2026!D7", 2026, "worst-case", 2033910, 2511000],
    ]);
    expect(r.members.find((m) => m.party === "kommun" && m.year === 2024)).toMatchObject({
      cell: "B6",
      sheetAmount: 1255500,
      computedAmount: 1255500,
    });
  });
});

describe("npm run check on the example workbook", () => {
  it("analyses assets/exempel-budget.xlsx by default and shows every kind of finding", async () => {
    const { status, stdout } = await check("--json");
    expect(status).toBe(0);
    const r = JSON.parse(stdout) as Report;
    expect(r.file).toBe("exempel-budget.xlsx");
    const codes = new Set(r.findings.map((f) => f.code));
    for (const code of [
      "SHARE_DEVIATION",
      "SHARE_SUM",
      "PARTY_SPLIT",
      // EQUITY_NEGATIVE is said within CEILING_EXCEEDED: costs that cannot be financed leave equity below zero.
      "EQUITY_ABOVE_MAX",
      "EQUITY_OUTSIDE_TARGET",
      "DEFICIT_UNJUSTIFIED",
      "DEFICIT_JUSTIFIED",
      "CEILING_EXCEEDED",
      "LINE_OVER_BUDGET",
      "TOTAL_MISMATCH",
      "DRAWDOWN_MISMATCH",
      "PLAN_ABOVE_WORST_CASE",
      "INPUT_TEXT_AMOUNT",
      "INPUT_ERROR_VALUE",
      "INPUT_HIDDEN_ROW",
    ]) {
      expect(codes).toContain(code);
    }
    expect(new Set(r.findings.map((f) => f.severity))).toEqual(new Set(["error", "warning", "info"]));
  });

  it("prints a Swedish table by default, English with --lang en", async () => {
    const sv = await check();
    expect(sv.status).toBe(0);
    expect(sv.stdout).toContain("Medlemsavgifter 2025");
    expect(sv.stdout).toContain("1\u00a0045\u00a0924 kr");
    expect(sv.stdout).toMatch(/Avvikelser: \d+ fel, \d+ varningar, \d+ information/);
    const en = await check("--lang", "en");
    expect(en.stdout).toContain("Member contributions 2025");
    expect(en.stdout).toContain("1,045,924 SEK");
  });

  it("--out writes an annotated copy and leaves the original untouched", async () => {
    const dir = await mkdtemp(join(tmpdir(), "finsam-out-"));
    const out = join(dir, "annoterad.xlsx");
    const before = await readFile(EXAMPLE);
    const { status, stderr } = await check(EXAMPLE, "--out", out);
    expect(status).toBe(0);
    expect(stderr).toMatch(
      /^Skrev .*annoterad\.xlsx med \d+ markeringar och bladen Finsam-kontroll och Styrelseunderlag\.$/,
    );
    expect((await readFile(EXAMPLE)).equals(before)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Budget 2025",
      "Befolkning",
      "Inställningar",
      "Finsam-kontroll",
      "Styrelseunderlag",
    ]);
    const motala = wb.getWorksheet("Budget 2025")!.getCell("B7");
    expect(motala.value).toBe(1045924);
    expect(motala.fill).toMatchObject({ type: "pattern", fgColor: { argb: "FFFFEB9C" } });
    expect(noteText(motala.note)).toContain("Finsam-budget: Motala kommun 2025: arket har 1\u00a0045\u00a0924 kr");
    // Only flagged cells change: the state's row has no finding and keeps its look.
    const budget = wb.getWorksheet("Budget 2025")!;
    expect((budget.getCell("B5").fill as { pattern?: string } | undefined)?.pattern).not.toBe("solid");
    expect(budget.getCell("C7").fill).toMatchObject({ fgColor: { argb: "FFDDEBF7" } });
    expect(budget.getCell("B5").note).toBeUndefined();
  });
});

describe("a workbook the add-in has written to", () => {
  it("is analysed on the user's budget again, not on Finsam-kontroll or Styrelseunderlag", async () => {
    const dir = await mkdtemp(join(tmpdir(), "finsam-again-"));
    const out = join(dir, "vastra-annoterad.xlsx");
    expect((await check(fixture("vastra-2025"), "--out", out)).status).toBe(0);
    const first = await report(fixture("vastra-2025"));
    const again = await report(out);
    expect(again.sheet).toBe("Budget 2025");
    expect(again.members).toEqual(first.members);
    expect(again.plan).toEqual(first.plan);
  });
});

describe("files that cannot be analysed: exit 2 and one Swedish line", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "finsam-bad-"));
  });

  async function expectRefused(path: string, pattern: RegExp): Promise<void> {
    const { status, stdout, stderr } = await check(path, "--json");
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(pattern);
    expect(stderr.split("\n")).toHaveLength(1);
    expect(stderr).not.toMatch(/\bat .*\(|Error:|node_modules/);
  }

  it("not an .xlsx", async () => {
    const path = join(dir, "budget.xlsx");
    await writeFile(path, "Kommun;Belopp\nMotala;1045924\n");
    await expectRefused(path, /budget\.xlsx.*(inte en Excel-arbetsbok|\.xlsx)/);
  });

  it("a corrupt file", async () => {
    const whole = await readFile(fixture("samo-2023"));
    const path = join(dir, "trasig.xlsx");
    await writeFile(path, whole.subarray(0, Math.floor(whole.length / 2)));
    await expectRefused(path, /trasig\.xlsx/);
  });

  it("an empty file", async () => {
    const path = join(dir, "tom.xlsx");
    await writeFile(path, "");
    await expectRefused(path, /tom\.xlsx.*tom/);
  });

  it("a file that does not exist", async () => {
    await expectRefused(join(dir, "saknas.xlsx"), /saknas\.xlsx finns inte/);
  });

  it("an empty workbook", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Blad1");
    const path = join(dir, "tom-bok.xlsx");
    await wb.xlsx.writeFile(path);
    await expectRefused(path, /tom-bok\.xlsx/);
  });

  it("a workbook with no budget in it", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Mötesanteckningar");
    ws.addRows([["Styrelsemöte 2025-11-20"], ["Närvarande", "Ordförande"], ["Beslut", "Budgeten antogs"]]);
    const path = join(dir, "anteckningar.xlsx");
    await wb.xlsx.writeFile(path);
    await expectRefused(path, /^anteckningar\.xlsx: Arbetsboken innehåller ingen budget/);
  });

  it("a wrong flag", async () => {
    const { status, stderr } = await check("--xml");
    expect(status).toBe(2);
    expect(stderr).toMatch(/Okänd flagga --xml/);
  });
});

describe("every failure is Swedish, and each has its own exit status", () => {
  it("a workbook that takes longer to read than the time budget ends at the budget: exit 2, one Swedish line", async () => {
    // 300 000 rows beside the example's budget: ExcelJS alone needs about 10 s for them, five times the budget.
    const dir = await mkdtemp(join(tmpdir(), "finsam-budget-"));
    const path = join(dir, "stor.xlsx");
    await writeFile(path, await withManyRows(await readFile(EXAMPLE), 40, 300_000));
    const err: string[] = [];
    const status = await runCheck(
      [path, "--json"],
      () => undefined,
      (s) => err.push(s),
      TEST_CLOCK,
      {
        timeoutMs: 2_000,
        memoryMb: 1_024,
      },
    );
    expect(status).toBe(2);
    expect(err).toEqual([
      "Filen stor.xlsx kunde inte läsas: läsningen tog längre än 2 sekunder och avbröts (filen är troligen skadad eller sparad på ett sätt som läsaren inte klarar).",
    ]);
    // The worker that was stopped is not reused; the next read gets a fresh one and works.
    expect((await check(EXAMPLE, "--json")).status).toBe(0);
  });

  it("ExcelJS's test-issue-1842.xlsx, on which ExcelJS 4.4.0 alone never returns (a validation over A1:XFD1048576), reads quickly to a Swedish line", async () => {
    const err: string[] = [];
    const status = await runCheck(
      [join(__dirname, "../fixtures/hostile/test-issue-1842.xlsx"), "--json"],
      () => undefined,
      (s) => err.push(s),
      TEST_CLOCK,
      // A budget far beyond the read (about 0.1 s): only a hang would reach it.
      { timeoutMs: 30_000, memoryMb: 1_024 },
    );
    expect(status).toBe(2);
    expect(err).toEqual(["Arbetsboken test-issue-1842.xlsx innehåller inga ifyllda celler."]);
  });

  it("an --out that cannot be written after the analysis: exit 3, the report printed whole", async () => {
    const dir = await mkdtemp(join(tmpdir(), "finsam-out-"));
    const { status, stdout, stderr } = await check(EXAMPLE, "--json", "--out", join(dir, "saknas", "kopia.xlsx"));
    expect(status).toBe(3);
    // 29 facts: the budget year's, said once for both scenarios, and no EQUITY_NEGATIVE beside CEILING_EXCEEDED.
    expect((JSON.parse(stdout) as Report).findings).toHaveLength(29);
    expect(stderr).toBe(
      `Analysen är klar, men ${join(dir, "saknas", "kopia.xlsx")} kunde inte skrivas: mappen finns inte.`,
    );
  });

  it("a damaged date in docProps/core.xml: exit 0 and the --out copy is written and re-opens", async () => {
    const dir = await mkdtemp(join(tmpdir(), "finsam-core-"));
    const path = join(dir, "datum.xlsx");
    await writeFile(path, await withDamagedCoreDate(await readFile(EXAMPLE)));
    const out = join(dir, "datum-annoterad.xlsx");
    const { status, stderr } = await check(path, "--json", "--out", out);
    expect([status, stderr]).toEqual([
      0,
      `Skrev ${out} med 21 markeringar och bladen Finsam-kontroll och Styrelseunderlag.`,
    ]);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load((await readFile(out)) as unknown as ArrayBuffer);
    expect(copy.worksheets.map((w) => w.name)).toEqual([
      "Budget 2025",
      "Befolkning",
      "Inställningar",
      "Finsam-kontroll",
      "Styrelseunderlag",
    ]);
    // The copy is the file's own package: docProps/core.xml, damaged dates and all, stands as the file has it.
    const core = async (bytes: Uint8Array) => (await JSZip.loadAsync(bytes)).file("docProps/core.xml")!.async("string");
    expect(await core(await readFile(out))).toBe(await core(await readFile(path)));
  });

  it("an internal error is one Swedish line; its English detail only with --verbose", () => {
    const error = new RangeError("Maximum call stack size exceeded");
    const quiet = internalErrorLines(error, "/tmp/budget.xlsx", false);
    expect(quiet).toEqual([
      "Ett internt fel i Finsam-budget stoppade analysen av budget.xlsx; felet är tilläggets, inte nödvändigtvis filens. Kör med --verbose för detaljer.",
    ]);
    const verbose = internalErrorLines(error, "/tmp/budget.xlsx", true);
    expect(verbose[0]).toBe(quiet[0]);
    expect(verbose[1]).toMatch(/^RangeError: Maximum call stack size exceeded\n\s+at /);
    expect(parseArgs(["--verbose"]).verbose).toBe(true);
  });
});

describe("parseArgs", () => {
  it("defaults to the example workbook", () => {
    expect(parseArgs([])).toMatchObject({ json: false, lang: "sv" });
    expect(parseArgs([]).file).toMatch(/assets\/exempel-budget\.xlsx$/);
    expect(parseArgs(["a.xlsx", "--json", "--out", "b.xlsx"])).toEqual({
      file: "a.xlsx",
      json: true,
      out: "b.xlsx",
      verbose: false,
      lang: "sv",
    });
  });
});
