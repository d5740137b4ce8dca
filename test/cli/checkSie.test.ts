import ExcelJS from "exceljs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Report } from "../../src/report/jsonReport";
import { readSie } from "../../src/sie/readSie";
import { exampleSieLines, sieFileBytes } from "../../scripts/make-example-sie";
import { check } from "../support/check";

const SIE = resolve(__dirname, "../../assets/exempel-bokforing.se");

describe("npm run check -- --sie", () => {
  it("the example workbook on the example bookkeeping through August: followUp in the JSON report", async () => {
    const { status, stdout } = await check("--sie", SIE, "--period", "2025-08", "--json");
    expect(status).toBe(0);
    const f = (JSON.parse(stdout) as Report).followUp!;
    expect([f.file, f.source, f.year, f.period, f.monthsElapsed, f.mapping]).toEqual([
      "exempel-bokforing.se",
      "psaldo",
      2025,
      "2025-08",
      8,
      "proposed",
    ]);
    expect(f.lines.map((l) => [l.label, l.cell, l.budget, l.utfall, l.forecast, l.method, l.deviation])).toEqual([
      ["Kansli 1.0", "B17", 1600000, 1200000, 1800000, "scaled", 200000],
      ["Nätverk 2.4.1", "B18", 3260000, 2000000, 3000000, "scaled", -260000],
      ["Försteg 4.0", "B19", 2700000, 1900000, 2850000, "scaled", 150000],
      ["Digitaliseringscenter 4.2", "B20", 1190000, 780000, 1170000, "scaled", -20000],
      ["Fontänhus 6.1", "B21", 500000, 0, 500000, "budget", 0],
      ["Utbildning 11.1", "B22", 100000, 40000, 60000, "scaled", -40000],
      ["Utveckling-struktur 11.7", "B23", 450000, 240000, 360000, "scaled", -90000],
    ]);
    expect(f.total).toEqual({ budget: 9800000, utfall: 6160000, forecast: 9740000, deviation: -60000 });
    // Contributions paid in January, April and July (3 × 2 161 000) and 8 × 1 250 interest.
    expect(f.income).toEqual({ budget: 8659000, utfall: 6493000 });
    expect([f.result, f.openingEquity, f.closingEquity, f.maxEquity, f.frame]).toEqual([
      -1081000, 3050000, 1969000, 1728800, 9800000,
    ]);
    expect(f.unmapped).toEqual([{ account: "4010", name: "Köpta tjänster insatser", amount: 12500 }]);
    expect(f.findings.map((x) => [x.code, x.severity, x.cell])).toEqual([
      ["LINE_OVER_BUDGET", "warning", "B17"],
      ["LINE_OVER_BUDGET", "warning", "B19"],
      ["EQUITY_ABOVE_MAX", "warning", undefined],
      ["INPUT_LEDGER_UNMAPPED", "warning", undefined],
    ]);
  });

  it("--sie with --out writes Finsam-uppföljning beside Finsam-kontroll and Styrelseunderlag", async () => {
    const dir = await mkdtemp(join(tmpdir(), "finsam-sie-out-"));
    const out = join(dir, "kopia.xlsx");
    const { status, stderr } = await check("--sie", SIE, "--out", out);
    expect(status).toBe(0);
    expect(stderr).toMatch(/bladen Finsam-kontroll, Styrelseunderlag och Finsam-uppföljning\.$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(out)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Finsam-uppföljning")!;
    expect(String(sheet.getCell("A2").value)).toContain("ur exempel-bokforing.se (CRC-32 ");
    expect(sheet.getCell("F5").value).toBe(1200000);
    expect(sheet.getCell("C5").value).toMatchObject({ formula: "ROUND(F5*12/$B$3,0)", result: 1800000 });
  });

  it("--period 2025-04 takes four months: Kansli 600 000 → 1 800 000", async () => {
    const { status, stdout } = await check("--sie", SIE, "--period", "2025-04", "--json");
    expect(status).toBe(0);
    const f = (JSON.parse(stdout) as Report).followUp!;
    expect(f.monthsElapsed).toBe(4);
    expect(f.lines[0]).toMatchObject({ label: "Kansli 1.0", utfall: 600000, forecast: 1800000 });
    expect(f.unmapped).toEqual([]); // the unallocated 12 500 is booked in June
  });

  it("prints the follow-up table after the findings", async () => {
    const { status, stdout: raw } = await check("--sie", SIE);
    expect(status).toBe(0);
    const stdout = raw.replace(/[\u00a0\u202f]/g, " ");
    expect(stdout).toContain("Uppföljning 2025 från exempel-bokforing.se (periodsaldon, t.o.m. 2025-08, 8 mån");
    expect(stdout).toMatch(
      /Kansli 1\.0 +1 600 000 kr +1 200 000 kr +1 800 000 kr +utfall × 12 \/ mån +\+200 000 kr +12,5 %/,
    );
    expect(stdout).toContain("Ej mappat: 4010 Köpta tjänster insatser 12 500 kr");
  });

  it("a bad SIE file: exit 2 and the reason with its line on stderr, nothing on stdout", async () => {
    const dir = await mkdtemp(join(tmpdir(), "finsam-sie-"));
    const bad = join(dir, "trasig.se");
    await writeFile(
      bad,
      sieFileBytes(["#FLAGGA 0", "#RAR 0 20250101 20251231", "#VER A 1 20250105", "{", "#TRANS 5010 {} 10", "}"]),
    );
    const { status, stdout, stderr } = await check("--sie", bad);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^trasig\.se: Rad 3: verifikationen går inte jämnt ut/);
  });

  it("usage: --period needs --sie and a month", async () => {
    expect((await check("--period", "2025-08")).status).toBe(2);
    expect((await check("--sie", SIE, "--period", "augusti")).stderr).toMatch(/--period är en månad/);
    const outside = await check("--sie", SIE, "--period", "2026-01");
    expect([outside.status, outside.stderr]).toEqual([2, expect.stringMatching(/utanför filens räkenskapsår/)]);
  });

  it("the example file's #PSALDO and its vouchers give the same amounts", () => {
    const both = readSie(sieFileBytes(exampleSieLines()));
    const vouchersOnly = readSie(sieFileBytes(exampleSieLines(undefined, false)));
    expect(vouchersOnly.source).toBe("vouchers");
    const key = (l: typeof both) =>
      [...l.accountAmounts, ...l.objectAmounts]
        .map((a) => `${a.account} ${a.period} ${"object" in a ? a.object : ""} ${a.amount.toFixed(2)}`)
        .sort();
    expect(key(vouchersOnly)).toEqual(key(both));
  });
});
