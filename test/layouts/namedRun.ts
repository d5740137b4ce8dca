/**
 * The corpus named by hand and disturbed (issue 20, "the user can always say
 * it"): each fixture gets the Finsam_* names a user would give its parts
 * (test/fixtures/layouts/named/<fixture>.json, written by hand from the
 * workbook and its answer), then its labels are disturbed so detection cannot
 * help, and it must still give its expected report.
 *
 * The disturbance: every year leaves every text cell and every sheet name;
 * the header cells above (or beside) each named year range are blanked; a
 * text without figures loses its unit words (kr, tkr, Mkr). The named
 * members' and lines' labels stay: they say which party and which line.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { analyzeGrid } from "../../src/app/analyzeGrid";
import {
  type CellValue,
  type Grid,
  type GridRow,
  type GridSheet,
  parseRangeRef,
  sheetRef,
  splitAreas,
} from "../../src/grid";
import { readGridFromBuffer } from "../../src/xlsx/readGrid";
import { differences, type FixtureExpectation } from "./compare";
import { LAYOUTS_DIR } from "./corpusRun";

export const NAMED_DIR = join(LAYOUTS_DIR, "named");

export interface NamedSpec {
  readonly fixture: string;
  readonly unit: "kr" | "tkr" | "Mkr";
  readonly names: Readonly<Record<string, string>>;
}

/** The sheet the unit cell is put on: a user types "tkr" in a cell of their own and names it. */
export const UNIT_SHEET = "Namn";

const YEAR = /(?<!\d)(?:19[5-9]\d|20\d\d)(?!\d)/g;
const UNIT_WORDS = /(?<![\p{L}])(?:tusen kronor|kronor|tkr|mkr|kr)(?![\p{L}])/giu;
const YEAR_KIND = /^Finsam_(Budget|Plan|Historik|Bokslut|Utfall|Prognos)_\d{4}$/i;

interface Area {
  readonly sheet: string;
  readonly start: { row: number; column: number };
  readonly end: { row: number; column: number };
}

const areasOf = (ref: string): Area[] =>
  splitAreas(ref).flatMap((part) => {
    const r = parseRangeRef(part);
    return r ? [r] : [];
  });

/** The spec's names on the fixture, its labels disturbed, and the map of old sheet names to new. */
export function disturb(grid: Grid, spec: NamedSpec): { grid: Grid; renamed: ReadonlyMap<string, string> } {
  const keep = new Set<string>();
  const blank = new Set<string>();
  const key = (sheet: string, row: number, column: number) => `${sheet}\u0000${row}\u0000${column}`;
  for (const [name, ref] of Object.entries(spec.names)) {
    for (const a of areasOf(ref)) {
      if (/^Finsam_(Medlemmar|Kostnader)$/i.test(name))
        for (let r = a.start.row; r <= a.end.row; r++)
          for (let c = a.start.column; c <= a.end.column; c++) keep.add(key(a.sheet, r, c));
      if (YEAR_KIND.test(name)) {
        const sheet = grid.sheets.find((s) => s.name === a.sheet);
        const across = a.start.row === a.end.row && a.start.column !== a.end.column;
        for (let step = 1; step <= 3 && sheet; step++) {
          const row = across ? a.start.row : a.start.row - step;
          const column = across ? a.start.column - step : a.start.column;
          if (row >= 1 && column >= 1 && isHeaderLike(valueAt(sheet, row, column)))
            blank.add(key(a.sheet, row, column));
        }
      }
    }
  }
  const renamed = new Map<string, string>();
  const taken = new Set<string>();
  grid.sheets.forEach((s, i) => {
    let name = s.name
      .replace(YEAR, "")
      .replace(/[\s–-]+$/u, "")
      .replace(/^[\s–-]+/u, "")
      .replace(/\s+/g, " ");
    if (!name || taken.has(name.toLowerCase())) name = `Blad${i + 1}`;
    taken.add(name.toLowerCase());
    renamed.set(s.name, name);
  });
  const rewrite = (formula: string) => {
    let out = formula;
    for (const [from, to] of renamed) {
      if (from === to) continue;
      const target = sheetRef(to, "").slice(0, -1);
      out = out.split(`'${from.replace(/'/g, "''")}'!`).join(`${target}!`);
      if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(from))
        out = out.replace(new RegExp(`(?<![A-Za-z0-9_.'])${from.replace(/\./g, "\\.")}!`, "g"), `${target}!`);
    }
    return out;
  };
  const sheets: GridSheet[] = grid.sheets.map((s) => ({
    ...s,
    name: renamed.get(s.name)!,
    rows: new Map(
      [...s.rows].map(([r, row]): [number, GridRow] => {
        const columns: number[] = [];
        const values: CellValue[] = [];
        const formulas: (string | null)[] = [];
        const numberFormats: (string | null)[] = [];
        row.columns.forEach((c, i) => {
          if (blank.has(key(s.name, r, c))) return;
          const value = row.values[i]!;
          columns.push(c);
          values.push(typeof value === "string" && !keep.has(key(s.name, r, c)) ? disturbText(value) : value);
          formulas.push(row.formulas[i] ? rewrite(row.formulas[i]!) : null);
          numberFormats.push(row.numberFormats[i] ?? null);
        });
        return [r, { columns, values, formulas, numberFormats }];
      }),
    ),
  }));
  sheets.push(unitSheet(spec.unit));
  const names = new Map(grid.definedNames.map((d) => [d.name.toLowerCase(), { ...d, ref: rewrite(d.ref) }]));
  for (const [name, ref] of Object.entries(spec.names)) names.set(name.toLowerCase(), { name, ref: rewrite(ref) });
  names.set("finsam_enhet", { name: "Finsam_Enhet", ref: `${UNIT_SHEET}!$A$1` });
  return { grid: { ...grid, sheets, definedNames: [...names.values()] }, renamed };
}

function valueAt(sheet: GridSheet, row: number, column: number): CellValue {
  const r = sheet.rows.get(row);
  const i = r ? r.columns.indexOf(column) : -1;
  return i >= 0 ? r!.values[i]! : null;
}

/** A header's cell: a text, or a number that is a year. */
function isHeaderLike(value: CellValue): boolean {
  return (
    typeof value === "string" ||
    (typeof value === "number" && Number.isInteger(value) && value >= 1950 && value <= 2099)
  );
}

function disturbText(text: string): string {
  const yearless = text.replace(YEAR, "");
  const out = /\d/.test(yearless) ? yearless : yearless.replace(UNIT_WORDS, "");
  return out.replace(/\s+/g, " ").trim() || "·";
}

function unitSheet(unit: string): GridSheet {
  return {
    name: UNIT_SHEET,
    visible: true,
    top: 1,
    left: 1,
    bottom: 1,
    right: 1,
    rows: new Map([[1, { columns: [1], values: [unit], formulas: [null], numberFormats: [null] }]]),
    hiddenRows: [],
    merges: [],
  };
}

/** Every "sheet" of the answer under its disturbed name. */
function renameSheets<T>(value: T, renamed: ReadonlyMap<string, string>): T {
  if (Array.isArray(value)) return value.map((v) => renameSheets(v, renamed)) as T;
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === "sheet" && typeof v === "string" ? (renamed.get(v) ?? v) : renameSheets(v, renamed),
      ]),
    ) as T;
  return value;
}

/**
 * The fixture named and disturbed, analysed and compared with its answer.
 * `withNames: false` leaves the names out (the disturbed copy alone): what
 * detection still reads right there is what the disturbance fails to hide.
 */
export async function checkNamedFixture(
  name: string,
  withNames = true,
): Promise<{ fixture: string; differences: readonly string[] }> {
  const expected = JSON.parse(await readFile(join(LAYOUTS_DIR, `${name}.json`), "utf8")) as FixtureExpectation;
  const spec = JSON.parse(await readFile(join(NAMED_DIR, `${name}.json`), "utf8")) as NamedSpec;
  try {
    const file = `${name.replace(/\.second$/, "")}.xlsx`;
    const original = await readGridFromBuffer(await readFile(join(LAYOUTS_DIR, file)), file);
    const { grid, renamed } = disturb(original, spec);
    const given = new Set([...Object.keys(spec.names), "Finsam_Enhet"].map((n) => n.toLowerCase()));
    const read = withNames
      ? grid
      : { ...grid, definedNames: grid.definedNames.filter((d) => !given.has(d.name.toLowerCase())) };
    let result = analyzeGrid(read);
    // Without the names, the second budget of a workbook is chosen as the user would.
    if (!withNames && name.endsWith(".second") && result.ok && result.budgets.length > 1)
      result = analyzeGrid(read, undefined, result.budgets[1]!.sheet);
    return { fixture: name, differences: differences(result, renameSheets(expected, renamed)) };
  } catch (error) {
    return {
      fixture: name,
      differences: [`kastade: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`],
    };
  }
}
