/**
 * The reading end for .xlsx files: a file (path, or its bytes) → the plain
 * `Grid` of src/grid/grid.ts, the same snapshot src/excel builds from the
 * open workbook through Office.js.
 *
 * What each cell becomes:
 * - values: numbers, strings, booleans and error values ({ error: "#REF!" })
 *   as stored; a formula cell holds its cached result (null when the file has
 *   none). Rich text becomes its plain text, a hyperlink its text, a string
 *   that is exactly an error text ("#N/A") an error value, the empty string
 *   null. Dates (numbers with a date format, which ExcelJS turns into JS
 *   Dates) become ISO strings: "2024-03-15", or "2024-03-15T08:30:00" when the
 *   value has a time of day.
 * - formulas: "=" + the formula as Excel shows it (the _xlfn./_xlws./_xlpm.
 *   prefixes of newer functions removed). Cells of a shared formula get their
 *   own, translated formula. A legacy array formula ({=…}) is on its top-left
 *   cell only; the other cells of its range hold their values and no formula
 *   (the file stores nothing else for them).
 * - numberFormats: the cell's format, null for General. Empty cells inside the
 *   used range show the format Excel would show for them (their own style, else
 *   the row's, else the column's, kept as rowFormats and columnFormats), as
 *   Office.js reports them.
 * - merged areas: the top-left cell keeps value, formula and format; the other
 *   cells of the area are null in all three, as Office.js reports them.
 *
 * The used range is the smallest rectangle holding every cell with a value or
 * a formula; cells that only carry formatting do not widen it. A sheet with no
 * such cell has top = left = 1, bottom = right = 0 and no rows.
 *
 * Defined names are read from xl/workbook.xml itself, because ExcelJS drops
 * names whose value is a constant (=0,1 or ="tkr"), whole-column references
 * and the scope of sheet-level names, and rewrites multi-area references. `ref`
 * is the name's formula as stored, without "=": "'Långtidsbudget'!$B$5:$B$8",
 * "Data!$A$1,Data!$B$2" (several areas: one entry, comma-separated, as Excel
 * shows it), "0.1", "\"tkr\"". Workbook-level names come first, then
 * sheet-level names under their plain name; Excel's built-in names
 * (_xlnm.Print_Area, _xlnm._FilterDatabase, …) and _xlfn. helper names are left
 * out. Hidden names are kept.
 *
 * Work is bounded by what the file holds (GRID_LIMITS in src/grid/grid.ts):
 * the Grid keeps only the cells that exist, so a cell in XFD1048576 costs one
 * cell, not the rectangle up to it; names and merges over a whole sheet are
 * clipped to the used range; more than a million cells or a text of more than
 * a thousand characters are INPUT_* findings in `grid.findings`, not failures.
 *
 * A file that cannot be read gives a WorkbookReadError with a one-line Swedish
 * message naming the file, never a raw exception.
 *
 * Only readGridFromFile touches node's fs (loaded on demand), so
 * readGridFromBuffer runs in a browser too.
 */
import ExcelJS from "exceljs";
import { type Finding, finding, message } from "../domain";
import {
  type CellValue,
  errorFromText,
  type Grid,
  GRID_LIMITS,
  type GridSheet,
  address,
  mergesWithin,
  parseRangeRef,
  SheetBuilder,
} from "../grid";
import { readXlsxParts } from "./xlsxParts";

export type WorkbookReadErrorCode =
  | "NOT_XLSX"
  | "CORRUPT"
  | "EMPTY_FILE"
  | "NOT_FOUND"
  | "EMPTY_WORKBOOK"
  /** Stopped by the time budget or the memory limit of the reading worker (src/cli/readInWorker.ts). */
  | "TIMEOUT"
  | "TOO_LARGE";

export class WorkbookReadError extends Error {
  override readonly name = "WorkbookReadError";

  constructor(
    readonly code: WorkbookReadErrorCode,
    message: string,
    /** The file's name as given (the path for readGridFromFile), when known. */
    readonly file?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Reads the .xlsx file at `path`. */
export async function readGridFromFile(path: string): Promise<Grid> {
  const name = baseName(path);
  // Loaded here only, and hidden from webpack, so the module stays usable in a browser.
  const fs: typeof import("node:fs/promises") = await import(/* webpackIgnore: true */ "node:fs/promises");
  let data: Uint8Array;
  try {
    data = await fs.readFile(path);
  } catch (cause) {
    const code = (cause as { code?: unknown } | null)?.code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      throw new WorkbookReadError("NOT_FOUND", `Filen ${name} finns inte.`, path, { cause });
    }
    if (code === "EISDIR") {
      throw new WorkbookReadError("NOT_XLSX", `${name} är en mapp, inte en Excel-arbetsbok (.xlsx).`, path, { cause });
    }
    const why = typeof code === "string" ? ` (${code})` : "";
    throw new WorkbookReadError("NOT_FOUND", `Filen ${name} kunde inte öppnas${why}.`, path, { cause });
  }
  return readWorkbook(data, name, path);
}

/** What a user does with a workbook the add-in cannot read in its format. */
const SAVE_AS_XLSX =
  "spara den som .xlsx i Excel (Arkiv > Spara som > Excel-arbetsbok, eller .xlsm om den har makron) och öppna den igen.";

/**
 * Reads an .xlsx (or .xlsm) file from its bytes. `fileName` only names the file in error
 * messages.
 */
export async function readGridFromBuffer(data: ArrayBuffer | Uint8Array, fileName?: string): Promise<Grid> {
  const bytes = ArrayBuffer.isView(data)
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : new Uint8Array(data);
  return readWorkbook(bytes, fileName === undefined ? undefined : baseName(fileName), fileName);
}

// ---------------------------------------------------------------------------
// The workbook

async function readWorkbook(bytes: Uint8Array, name: string | undefined, file: string | undefined): Promise<Grid> {
  const fail = (code: WorkbookReadErrorCode, message: string, cause?: unknown): WorkbookReadError =>
    new WorkbookReadError(code, message, file, cause === undefined ? undefined : { cause });
  const theFile = name === undefined ? "Filen" : `Filen ${name}`;
  const theWorkbook = name === undefined ? "Arbetsboken" : `Arbetsboken ${name}`;

  if (bytes.length === 0) throw fail("EMPTY_FILE", `${theFile} är tom (0 byte).`);
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    // D0 CF 11 E0: an OLE compound file, i.e. an old .xls or a password-protected workbook.
    const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
    throw fail(
      "NOT_XLSX",
      ole
        ? `${theFile} är inte en .xlsx-arbetsbok (troligen en äldre .xls-fil eller en lösenordsskyddad arbetsbok): ${SAVE_AS_XLSX}`
        : `${theFile} är inte en Excel-arbetsbok (.xlsx eller .xlsm).`,
    );
  }

  const parts = await readXlsxParts(bytes);
  if ("kind" in parts) {
    if (parts.kind === "binary") {
      throw fail("NOT_XLSX", `${theFile} är en binär arbetsbok (.xlsb), som tillägget inte läser: ${SAVE_AS_XLSX}`);
    }
    if (parts.kind === "no-workbook") {
      throw fail("CORRUPT", `${theFile} är en zip-fil men ingen Excel-arbetsbok (.xlsx); den saknar xl/workbook.xml.`);
    }
    if (parts.kind === "damaged") {
      throw fail("CORRUPT", `${theFile} är skadad: delen ${parts.part} i arbetsboken kunde inte läsas.`, parts.cause);
    }
    throw fail(
      "CORRUPT",
      `${theFile} är skadad: zip-arkivet kunde inte öppnas som Excel-arbetsbok (.xlsx).`,
      parts.cause,
    );
  }

  const workbook = new ExcelJS.Workbook();
  try {
    // JSZip, under ExcelJS, takes a Uint8Array as well as a Buffer.
    await workbook.xlsx.load(parts.bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (cause) {
    throw fail("CORRUPT", `${theFile} är skadad och kunde inte läsas som Excel-arbetsbok (.xlsx).`, cause);
  }

  let grid: Grid;
  let sheetName = "";
  try {
    const findings: Finding[] = [];
    const sheets = workbook.worksheets.map((ws) => {
      sheetName = ws.name;
      return readSheet(ws, parts.largeMerges.get(ws.name) ?? [], findings);
    });
    grid = { sheets, definedNames: parts.definedNames, ...(findings.length ? { findings } : {}) };
  } catch (cause) {
    throw fail(
      "CORRUPT",
      `${theFile} är skadad: bladet ${sheetName} kunde inte läsas som Excel-arbetsbok (.xlsx).`,
      cause,
    );
  }

  if (grid.sheets.length === 0) throw fail("EMPTY_WORKBOOK", `${theWorkbook} har inga kalkylblad.`);
  if (grid.sheets.every((s) => s.bottom === 0)) {
    throw fail("EMPTY_WORKBOOK", `${theWorkbook} innehåller inga ifyllda celler.`);
  }
  return grid;
}

// ---------------------------------------------------------------------------
// One sheet, in one pass over its stored cells

function readSheet(ws: ExcelJS.Worksheet, largeMerges: readonly string[], findings: Finding[]): GridSheet {
  const hiddenRows: number[] = [];
  const builder = new SheetBuilder({
    name: ws.name,
    visible: ws.state === undefined || ws.state === "visible",
    hiddenRows,
  });
  /** Merged areas by their master cell: ExcelJS marks every other cell of an area as merged into it. */
  const merges = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  let cells = 0;
  let overflow: { row: number; column: number } | undefined;

  // ExcelJS keeps rows and cells in sparse arrays: findRow and findCell create nothing, so a far cell costs one row.
  const rowCount = ws.rowCount;
  rows: for (let r = 1; r <= rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    if (row.hidden) hiddenRows.push(r);
    const rowFormat = formatOrNull(row.numFmt);
    if (rowFormat !== null) builder.rowFormat(r, rowFormat);
    const cellCount = row.cellCount;
    for (let c = 1; c <= cellCount; c++) {
      const cell = row.findCell(c);
      if (!cell) continue;
      if (cell.type === ExcelJS.ValueType.Merge) {
        // Never read .value here: it is the master's (and throws for a stray merge cell without one).
        const master = cell.master as ExcelJS.Cell | undefined;
        if (master && master !== cell) {
          const m = Number(master.row);
          const n = Number(master.col);
          const key = `${m}:${n}`;
          const area = merges.get(key);
          if (area) {
            area.top = Math.min(area.top, r);
            area.left = Math.min(area.left, c);
            area.bottom = Math.max(area.bottom, r);
            area.right = Math.max(area.right, c);
          } else {
            merges.set(key, {
              top: Math.min(m, r),
              left: Math.min(n, c),
              bottom: Math.max(m, r),
              right: Math.max(n, c),
            });
          }
        }
        // Kept as an empty cell: a merged cell shows no format of its row or column, as Office.js reports it.
        builder.cell(r, c, null, null, null);
        continue;
      }
      if (cells >= GRID_LIMITS.cells) {
        overflow = { row: r, column: c };
        break rows;
      }
      const raw: unknown = cell.value;
      let value: CellValue;
      let formula: string | null = null;
      if (isFormulaValue(raw)) {
        const text = cell.formula as string | undefined;
        if (text) formula = normalizeFormula(text);
        value = toCellValue(raw.result);
      } else {
        value = toCellValue(raw);
      }
      const numberFormat = formatOrNull(cell.numFmt);
      if (typeof value === "string" && value.length > GRID_LIMITS.text) {
        findings.push(longText(ws.name, r, c, value.length));
        value = `${value.slice(0, GRID_LIMITS.text)}…`;
      }
      if (value !== null || formula !== null) cells++;
      if (value !== null || formula !== null || numberFormat !== null) builder.cell(r, c, value, formula, numberFormat);
    }
  }
  if (overflow) findings.push(tooManyCells(ws.name, overflow.row, overflow.column));
  for (const column of ws.columns ?? []) {
    const format = formatOrNull(column.numFmt);
    if (format !== null && typeof column.number === "number") builder.columnFormat(column.number, format);
  }

  const sheet = builder.build();
  // Merged areas, whole-sheet ones too, clipped to the used range: a merge costs no more than the cells it covers.
  const areas = [...merges.values()];
  for (const ref of largeMerges) {
    const r = parseRangeRef(`A!${ref}`);
    if (r) areas.push({ top: r.start.row, left: r.start.column, bottom: r.end.row, right: r.end.column });
  }
  return { ...sheet, merges: mergesWithin(sheet, areas) };
}

function isFormulaValue(v: unknown): v is { formula?: string; sharedFormula?: string; result?: unknown } {
  return typeof v === "object" && v !== null && ("formula" in v || "sharedFormula" in v);
}

/** ExcelJS's cell value (or formula result) → the Grid's CellValue. */
function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") return v === "" ? null : (errorFromText(v) ?? v);
  if (typeof v === "boolean") return v;
  if (v instanceof Date) return isoDate(v);
  if (typeof v === "object") {
    if ("error" in v) {
      const error = (v as { error: unknown }).error;
      return typeof error === "string" ? { error } : null;
    }
    if ("richText" in v) return toCellValue(richTextToString((v as { richText: unknown }).richText));
    if ("text" in v) return toCellValue((v as { text: unknown }).text); // hyperlink: { text, hyperlink }
    if ("formula" in v || "sharedFormula" in v) return toCellValue((v as { result?: unknown }).result);
  }
  return null;
}

function richTextToString(runs: unknown): string {
  if (!Array.isArray(runs)) return "";
  let s = "";
  for (const run of runs) {
    const text = (run as { text?: unknown } | null)?.text;
    if (typeof text === "string") s += text;
  }
  return s;
}

/** "2024-03-15", or "2024-03-15T08:30:00" with a time of day; null for an invalid Date. */
function isoDate(d: Date): string | null {
  const t = d.getTime();
  if (!Number.isFinite(t)) return null;
  const iso = new Date(Math.round(t / 1000) * 1000).toISOString(); // ExcelJS's dates are UTC
  return iso.slice(11, 19) === "00:00:00" ? iso.slice(0, 10) : iso.slice(0, 19);
}

function formatOrNull(numFmt: unknown): string | null {
  if (typeof numFmt !== "string" || numFmt === "" || numFmt.toLowerCase() === "general") return null;
  return numFmt;
}

/** "=" + the formula, without the _xlfn./_xlws./_xlpm. prefixes (outside string literals). */
function normalizeFormula(text: string): string {
  const body = text.startsWith("=") ? text.slice(1) : text;
  const parts = body.split('"');
  for (let i = 0; i < parts.length; i += 2) parts[i] = parts[i]!.replace(/_xl(?:fn|ws|pm)\./g, "");
  return `=${parts.join('"')}`;
}

// ---------------------------------------------------------------------------
// The limits

const count = (n: number) => n.toLocaleString("sv-SE").replace(/\u00a0/g, " ");

function tooManyCells(sheet: string, row: number, column: number): Finding {
  const cell = address(row, column);
  return finding({
    code: "INPUT_TOO_MANY_CELLS",
    severity: "warning",
    ref: { sheet, cell },
    message: message(
      `Bladet har fler än ${count(GRID_LIMITS.cells)} ifyllda celler; från ${cell} och framåt lästes inget.`,
      `The sheet has more than ${GRID_LIMITS.cells} filled cells; nothing from ${cell} on was read.`,
    ),
  });
}

function longText(sheet: string, row: number, column: number, length: number): Finding {
  return finding({
    code: "INPUT_LONG_TEXT",
    severity: "info",
    ref: { sheet, cell: address(row, column) },
    message: message(
      `Texten i cellen är ${count(length)} tecken lång; tillägget läser de första ${count(GRID_LIMITS.text)}.`,
      `The text in the cell is ${length} characters long; the add-in reads the first ${GRID_LIMITS.text}.`,
    ),
  });
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}
