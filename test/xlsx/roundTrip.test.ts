/**
 * Copies keep every part (issue 21): over a corpus of workbooks (the fixtures, the not-budget workbooks
 * of ExcelJS's test suite, XlsxWriter's Excel-made macro01.xlsm, and workbooks made with page breaks,
 * print areas and titles, images, charts, a pivot table, conditional formats, data validations, tables,
 * sparklines, notes and threaded comments, external links, hidden and very hidden sheets, protection,
 * macros and buttons), the copy the add-in writes is compared with the original part by part and
 * attribute by attribute (test/support/packageDiff.ts): only its fills and notes on flagged cells, its
 * own sheets and names may differ. The table of part kinds is printed; the same corpus re-serialised by
 * ExcelJS (the way copies were written before) is measured beside it. Every copy opens in LibreOffice.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { analyzeGrid } from "../../src/app/analyzeGrid";
import { address } from "../../src/grid";
import { buildWritePlan } from "../../src/plan/writePlan";
import type { WritePlan } from "../../src/plan/types";
import { loadWorkbook } from "../../src/xlsx/loadWorkbook";
import { readGridFromBuffer } from "../../src/xlsx/readGrid";
import { writeAnnotated } from "../../src/xlsx/writeAnnotated";
import { macroEnabled } from "../../src/xlsx/package/changes";
import { type AllowedChanges, comparePackages, flaggedFormats, type PartReport } from "../support/packageDiff";

jest.setTimeout(900_000);

const FIXTURES = join(__dirname, "../fixtures");
const corpus = [
  ...files(join(FIXTURES, "roundtrip/made"), /\.xls[xm]$/),
  ...files(join(FIXTURES, "roundtrip/external"), /\.xls[xm]$/),
  ...files(join(FIXTURES, "not-budgets"), /\.xlsx$/),
  ...files(join(FIXTURES, "hostile"), /\.xlsx$/),
  ...files(join(FIXTURES, "workbooks"), /\.xlsx$/),
  ...files(join(FIXTURES, "layouts"), /\.xlsx$/),
  join(__dirname, "../../assets/exempel-budget.xlsx"),
];

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir)
    .filter((f) => pattern.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** The plan for a workbook: its own where it is a budget; else the example's sheets and a flag on a cell it has. */
async function planFor(bytes: Uint8Array, example: WritePlan): Promise<{ plan: WritePlan; budget: boolean }> {
  let grid;
  try {
    grid = await readGridFromBuffer(bytes, "x.xlsx");
  } catch {
    grid = undefined;
  }
  const result = grid ? analyzeGrid(grid) : undefined;
  if (result?.ok) return { plan: buildWritePlan(result.analysis), budget: true };
  const sheet = grid?.sheets.find((s) => s.rows.size > 0);
  const [row, cells] = sheet ? [...sheet.rows][0]! : [1, undefined];
  const cell = address(row, cells?.columns[0] ?? 1);
  const name = sheet?.name ?? grid?.sheets[0]?.name ?? "Sheet1";
  return {
    plan: {
      ...example,
      boardSheet: undefined,
      followUpSheet: undefined,
      flags: [
        {
          sheet: name,
          cell,
          severity: "warning",
          codes: ["TEST"],
          note: "Finsam-budget: prov",
          cells: [{ cell, fill: "FFEB9C", note: "Finsam-budget: prov" }],
        },
      ],
    } as WritePlan,
    budget: false,
  };
}

function allowedFor(plan: WritePlan): AllowedChanges {
  const cells = new Map<string, Set<string>>();
  for (const f of plan.flags)
    for (const c of f.cells) cells.set(f.sheet, new Set([...(cells.get(f.sheet) ?? []), c.cell]));
  return {
    cells,
    ownSheets: new Set(
      [plan.controlSheet.name, plan.boardSheet?.name, plan.followUpSheet?.name].filter((s) => s !== undefined),
    ),
  };
}

interface Row {
  readonly file: string;
  readonly parts: PartReport[];
  readonly exceljs: { kept: number; lost: number; total: number } | undefined;
}

const rows: Row[] = [];
const out = mkdtempSync(join(tmpdir(), "finsam-roundtrip-"));

describe("a copy keeps every part of the workbook it did not change", () => {
  let example: WritePlan;
  beforeAll(async () => {
    const bytes = readFileSync(join(__dirname, "../../assets/exempel-budget.xlsx"));
    const result = analyzeGrid(await readGridFromBuffer(bytes));
    if (!result.ok) throw new Error("example");
    example = buildWritePlan(result.analysis);
  });

  it(`over ${corpus.length} workbooks: only the add-in's changes differ, every other part as the file has it`, async () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    const failures: string[] = [];
    for (const [i, path] of corpus.entries()) {
      const original = new Uint8Array(readFileSync(path));
      const { plan } = await planFor(original, example);
      const copy = await writeAnnotated(original, plan);
      writeFileSync(join(out, `${String(i).padStart(3, "0")}-${basename(path).replace(/\.xlsm$/, ".xlsm")}`), copy);
      const { parts } = await comparePackages(original, copy, allowedFor(plan));
      for (const p of parts) for (const w of p.wrong) failures.push(`${basename(path)}: ${w}`);
      // A flagged cell keeps its number format, font, border and alignment: only its fill is the add-in's.
      for (const w of await flaggedFormats(original, copy, allowedFor(plan))) failures.push(`${basename(path)}: ${w}`);
      rows.push({ file: basename(path), parts, exceljs: await throughExcelJS(original) });
    }
    expect(failures).toEqual([]);
  });

  it("an .xlsm keeps its macros byte for byte, and its macro-enabled content type", async () => {
    const macro = rows.filter((r) => r.file.endsWith(".xlsm"));
    expect(macro.length).toBeGreaterThanOrEqual(4);
    for (const r of macro) {
      const vba = r.parts.find((p) => p.path === "xl/vbaProject.bin");
      expect([r.file, vba?.fate]).toEqual([r.file, "kept"]);
    }
    const path = join(FIXTURES, "roundtrip/external/macro01.xlsm");
    const copy = readdirSync(out).find((f) => f.endsWith("macro01.xlsm"))!;
    expect(await macroEnabled(readFileSync(path))).toBe(true);
    expect(await macroEnabled(readFileSync(join(out, copy)))).toBe(true);
  });

  it("every copy opens in LibreOffice", () => {
    const copies = readdirSync(out).filter((f) => /\.xls[xm]$/.test(f));
    execFileSync(
      "soffice",
      ["--headless", "--convert-to", "csv", "--outdir", join(out, "csv"), ...copies.map((f) => join(out, f))],
      {
        stdio: "ignore",
        timeout: 600_000,
      },
    );
    const converted = new Set(readdirSync(join(out, "csv")).map((f) => f.replace(/\.csv$/, "")));
    expect(copies.filter((f) => !converted.has(f.replace(/\.xls[xm]$/, "")))).toEqual([]);
  });

  afterAll(() => {
    if (rows.length === 0) return;
    const kinds = new Map<string, { parts: number; kept: number; changed: number; lost: number }>();
    for (const r of rows) {
      for (const p of r.parts) {
        const k = kinds.get(p.kind) ?? { parts: 0, kept: 0, changed: 0, lost: 0 };
        k.parts++;
        k[p.fate]++;
        kinds.set(p.kind, k);
      }
    }
    const lines = [...kinds]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([kind, k]) =>
          `${kind.padEnd(34)} ${String(k.parts).padStart(5)} ${String(k.kept).padStart(6)} ${String(k.changed).padStart(8)} ${String(k.lost).padStart(5)}`,
      );
    const ex = rows.reduce(
      (s, r) => ({
        kept: s.kept + (r.exceljs?.kept ?? 0),
        lost: s.lost + (r.exceljs?.lost ?? 0),
        total: s.total + (r.exceljs?.total ?? 0),
      }),
      { kept: 0, lost: 0, total: 0 },
    );
    const total = rows.reduce((s, r) => s + r.parts.length, 0);
    const kept = rows.reduce((s, r) => s + r.parts.filter((p) => p.fate === "kept").length, 0);
    const lost = rows.reduce((s, r) => s + r.parts.filter((p) => p.fate === "lost").length, 0);
    process.stdout.write(
      [
        "",
        `Round trip over ${rows.length} workbooks, ${total} parts (copy = the file's package, changed in place):`,
        `${"part kind".padEnd(34)} ${"parts".padStart(5)} ${"same".padStart(6)} ${"changed".padStart(8)} ${"lost".padStart(5)}`,
        ...lines,
        `The copy: ${kept} of ${total} parts byte for byte as the file has them, ${lost} lost; every change within what the add-in may change.`,
        `ExcelJS re-serialising the same workbooks (load, write): ${ex.kept} of ${ex.total} parts byte for byte, ${ex.lost} lost.`,
        "",
      ].join("\n"),
    );
  });
});

/**
 * The way copies were written before: ExcelJS loads the workbook (without what it would expand cell by
 * cell, as the reader loads it) and writes it; how many parts come through unchanged, how many are lost.
 */
async function throughExcelJS(original: Uint8Array): Promise<Row["exceljs"]> {
  try {
    const wb = await loadWorkbook(original);
    const written = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const JSZip = (await import("jszip")).default;
    const a = await JSZip.loadAsync(original);
    const b = await JSZip.loadAsync(written);
    const paths = Object.keys(a.files).filter((p) => !a.files[p]!.dir);
    let kept = 0;
    let lost = 0;
    for (const p of paths) {
      const y = b.file(p);
      if (!y) {
        lost++;
        continue;
      }
      if ((await a.file(p)!.async("string")) === (await y.async("string"))) kept++;
    }
    return { kept, lost, total: paths.length };
  } catch {
    return undefined;
  }
}
