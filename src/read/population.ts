import { Decimal, type CellRef, type Member } from "../domain";
import { kommunOf } from "./kommunNames";
import { address, type Grid, SheetView } from "../grid";
import { readAmount } from "./swedishNumber";
import { classifyLabel, kommunKey, POPULATION_HEADER } from "./vocabulary";

export interface PopulationEntry {
  readonly name: string;
  readonly value: Decimal;
  readonly ref: CellRef;
  /** "43 674" typed as text: formulas cannot count the cell, so the control sheet writes the number. */
  readonly typedAsText?: boolean;
}

export interface PopulationTable {
  readonly entries: readonly PopulationEntry[];
  /** The date the header names ("Invånare 2021-12-31"). */
  readonly date?: string;
}

/**
 * Finds the population per kommun wherever it stands: a column headed
 * "Befolkning…", "Invånare…" or "Folkmängd" with whole numbers below it and
 * kommun names to its left. The largest such table wins.
 */
export function findPopulation(grid: Grid): PopulationTable {
  return findPopulations(grid).reduce<PopulationTable>(
    (best, table) => (table.entries.length > best.entries.length ? table : best),
    { entries: [] },
  );
}

/**
 * Every population table of the workbook. The header may stand over the
 * numbers or over the names beside them ("Folkmängd 2024-12-31" over
 * "Härnösand | 24 950").
 */
export function findPopulations(grid: Grid): PopulationTable[] {
  const tables: PopulationTable[] = [];
  for (const sheet of grid.sheets) {
    const view = new SheetView(sheet);
    for (const row of view.rowNumbers()) {
      for (const col of view.columnNumbers(row)) {
        const value = view.value(row, col);
        if (typeof value !== "string" || !isPopulationHeading(value)) continue;
        // Over the numbers, or over the names with the numbers a column or two to the right.
        const table = [col, col + 1, col + 2]
          .map((c) => readPopulationColumn(view, row, c, col))
          .find((t) => t.entries.length > 0);
        if (table) tables.push(table);
      }
    }
  }
  return tables;
}

/**
 * A heading that names population ("Invånare 2024-12-31", "Folkmängd 31 dec
 * 2020"), not a sentence that mentions it ("Kommunernas del fördelas efter
 * folkmängd 2020-12-31."): a short text, no full stop between words.
 */
function isPopulationHeading(text: string): boolean {
  return text.length <= 48 && !/\.\s+\S/.test(text) && POPULATION_HEADER.test(text.toLowerCase());
}

/** Reads the names and numbers below a population header until a total or a gap. */
export function readPopulationColumn(
  view: SheetView,
  headerRow: number,
  col: number,
  /** The column whose header names the date, where it is not the numbers' own. */
  headerColumn = col,
): PopulationTable {
  const entries: PopulationEntry[] = [];
  for (const row of view.rowsAndGaps(headerRow + 1)) {
    const name = nameLeftOf(view, row, col);
    const reading = readAmount(view.value(row, col));
    if (reading.kind !== "amount") {
      if (entries.length > 0) break;
      continue;
    }
    if (!name || classifyLabel(name).kind === "total") break;
    entries.push({
      name,
      value: reading.value,
      ref: { sheet: view.name, cell: address(row, col) },
      ...(reading.typedAsText ? { typedAsText: true } : {}),
    });
  }
  const date = populationDate(view.text(headerRow, headerColumn));
  return { entries, ...(date ? { date } : {}) };
}

export function nameLeftOf(view: SheetView, row: number, col: number): string | undefined {
  for (let c = col - 1; c >= view.sheet.left; c--) {
    const t = view.text(row, c);
    if (t && readAmount(t).kind === "text") return t;
  }
  return undefined;
}

/**
 * Population rows by kommun, so each member finds its row in one look-up
 * (290 kommuner × 290 rows adds up): by the register's kommunkod where the
 * name is a kommun ("KUNGÄLVS KOMMUN" finds "Kungälv"), else by the bare key.
 */
export function populationIndex(entries: readonly PopulationEntry[]): ReadonlyMap<string, PopulationEntry> {
  const index = new Map<string, PopulationEntry>();
  for (const entry of entries) {
    for (const key of matchKeys(entry.name)) if (key && !index.has(key)) index.set(key, entry);
  }
  return index;
}

/** The member with its population, where the index has its kommun. */
export function withPopulation(member: Member, index: ReadonlyMap<string, PopulationEntry>): Member {
  if (member.party !== "kommun") return member;
  const entry = matchKeys(member.name)
    .map((key) => index.get(key))
    .find((e) => e !== undefined);
  return entry
    ? {
        ...member,
        population: { value: entry.value, ref: entry.ref, ...(entry.typedAsText ? { typedAsText: true } : {}) },
      }
    : member;
}

/** "Finspångs kommun" finds "Finspång": the register's code, the key, the key without its genitive s, or with one. */
function matchKeys(name: string): string[] {
  const code = kommunOf(name)?.code;
  const key = kommunKey(name);
  return [...(code ? [code] : []), key, key.endsWith("s") ? key.slice(0, -1) : `${key}s`];
}

const MONTHS: Readonly<Record<string, string>> = {
  jan: "01",
  feb: "02",
  mar: "03",
  apr: "04",
  maj: "05",
  jun: "06",
  jul: "07",
  aug: "08",
  sep: "09",
  okt: "10",
  nov: "11",
  dec: "12",
};

/** The date a population header names: "Invånare 2021-12-31", "Invånare 31/12 2023", "Folkmängd 31 dec 2020". */
export function populationDate(header: string): string | undefined {
  const iso = /(\d{4}-\d{2}-\d{2})/.exec(header);
  if (iso) return iso[1];
  const slash = /\b(\d{1,2})\/(\d{1,2})[ -]?(\d{4})\b/.exec(header);
  if (slash) return `${slash[3]}-${slash[2]!.padStart(2, "0")}-${slash[1]!.padStart(2, "0")}`;
  const named = /\b(\d{1,2})\s*(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-z]*\.?\s*(\d{4})\b/i.exec(header);
  return named ? `${named[3]}-${MONTHS[named[2]!.toLowerCase()]}-${named[1]!.padStart(2, "0")}` : undefined;
}
