/**
 * The reading end for .xlsx files: a file (path, or its bytes) → the plain
 * `Grid` of src/sheet/grid.ts, the same snapshot src/excel builds from the
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
 *   used range get the format Excel would show for them (their own style, else
 *   the row's, else the column's), as Office.js reports them.
 * - merged areas: the top-left cell keeps value, formula and format; the other
 *   cells of the area are null in all three, as Office.js reports them.
 *
 * The used range is the smallest rectangle holding every cell with a value or
 * a formula; cells that only carry formatting do not widen it. A sheet with no
 * such cell has top = left = 1 and empty arrays.
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
 * A file that cannot be read gives a WorkbookReadError with a one-line Swedish
 * message naming the file, never a raw exception.
 *
 * Only readGridFromFile touches node's fs (loaded on demand), so
 * readGridFromBuffer runs in a browser too.
 */
import ExcelJS from "exceljs";
import { type CellValue, type DefinedName, errorFromText, type Grid, type GridSheet, address } from "../sheet/grid";

export type WorkbookReadErrorCode = "NOT_XLSX" | "CORRUPT" | "EMPTY_FILE" | "NOT_FOUND" | "EMPTY_WORKBOOK";

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

/**
 * Reads an .xlsx file from its bytes. `fileName` only names the file in error
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
        ? `${theFile} är inte en .xlsx-arbetsbok (troligen en äldre .xls-fil eller en lösenordsskyddad arbetsbok).`
        : `${theFile} är inte en Excel-arbetsbok (.xlsx).`,
    );
  }

  const workbookXml = await readZipEntry(bytes, "xl/workbook.xml");
  if (workbookXml.kind === "missing") {
    throw fail("CORRUPT", `${theFile} är en zip-fil men ingen Excel-arbetsbok (.xlsx); den saknar xl/workbook.xml.`);
  }

  const workbook = new ExcelJS.Workbook();
  try {
    // JSZip, under ExcelJS, takes a Uint8Array as well as a Buffer.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (cause) {
    throw fail("CORRUPT", `${theFile} är skadad och kunde inte läsas som Excel-arbetsbok (.xlsx).`, cause);
  }

  let grid: Grid;
  try {
    const sheets = workbook.worksheets.map(readSheet);
    const definedNames =
      workbookXml.kind === "found" ? definedNamesFromXml(workbookXml.text) : definedNamesFromExcelJs(workbook);
    grid = { sheets, definedNames };
  } catch (cause) {
    throw fail("CORRUPT", `${theFile} är skadad och kunde inte läsas som Excel-arbetsbok (.xlsx).`, cause);
  }

  if (grid.sheets.length === 0) throw fail("EMPTY_WORKBOOK", `${theWorkbook} har inga kalkylblad.`);
  if (grid.sheets.every((s) => s.values.length === 0)) {
    throw fail("EMPTY_WORKBOOK", `${theWorkbook} innehåller inga ifyllda celler.`);
  }
  return grid;
}

// ---------------------------------------------------------------------------
// One sheet, in one pass over its stored cells

/** A cell as read, before it is placed in the dense rectangle. */
interface Entry {
  readonly row: number;
  readonly column: number;
  readonly value: CellValue;
  readonly formula: string | null;
  readonly numberFormat: string | null;
}

function readSheet(ws: ExcelJS.Worksheet): GridSheet {
  const entries: Entry[] = [];
  const hiddenRows: number[] = [];
  /** Merged areas by their master cell: ExcelJS marks every other cell of an area as merged into it. */
  const merges = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;

  const rowCount = ws.rowCount;
  for (let r = 1; r <= rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    if (row.hidden) hiddenRows.push(r);
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
        entries.push({ row: r, column: c, value: null, formula: null, numberFormat: null });
        continue;
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
      if (value !== null || formula !== null) {
        if (r < top) top = r;
        if (r > bottom) bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      }
      if (value !== null || formula !== null || numberFormat !== null) {
        entries.push({ row: r, column: c, value, formula, numberFormat });
      }
    }
  }

  const mergeList = [...merges.values()]
    .sort((a, b) => a.top - b.top || a.left - b.left)
    .map((a) => `${address(a.top, a.left)}:${address(a.bottom, a.right)}`);
  const base = {
    name: ws.name,
    visible: ws.state === undefined || ws.state === "visible",
    hiddenRows,
    merges: mergeList,
  };
  if (top === Infinity) return { ...base, top: 1, left: 1, values: [], formulas: [], numberFormats: [] };

  const height = bottom - top + 1;
  const width = right - left + 1;
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  for (let i = 0; i < height; i++) {
    values.push(new Array<CellValue>(width).fill(null));
    formulas.push(new Array<string | null>(width).fill(null));
    numberFormats.push(new Array<string | null>(width).fill(null));
  }
  /** Positions a stored cell has filled; the others take the row's or column's format. */
  const seen = new Uint8Array(height * width);
  for (const e of entries) {
    const i = e.row - top;
    const j = e.column - left;
    if (i < 0 || i >= height || j < 0 || j >= width) continue;
    values[i]![j] = e.value;
    formulas[i]![j] = e.formula;
    numberFormats[i]![j] = e.numberFormat;
    seen[i * width + j] = 1;
  }
  const columnFormats: (string | null)[] = [];
  for (let j = 0; j < width; j++) columnFormats.push(formatOrNull(ws.getColumn(left + j).numFmt));
  for (let i = 0; i < height; i++) {
    const rowFormat = formatOrNull(ws.findRow(top + i)?.numFmt);
    const formats = numberFormats[i]!;
    for (let j = 0; j < width; j++) {
      if (!seen[i * width + j]) formats[j] = rowFormat ?? columnFormats[j] ?? null;
    }
  }

  return { ...base, top, left, values, formulas, numberFormats };
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
// Defined names

function definedNamesFromXml(xml: string): DefinedName[] {
  const sheetNames: string[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*?)\/?>/g)) {
    const name = attribute(m[1]!, "name");
    if (name !== undefined) sheetNames.push(name);
  }
  const global: DefinedName[] = [];
  const local: DefinedName[] = [];
  const tag = /<(?:[\w.-]+:)?definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?definedName>)/g;
  for (const m of xml.matchAll(tag)) {
    const name = attribute(m[1]!, "name");
    const text = m[2] === undefined ? "" : decodeXml(m[2]).trim();
    if (!name || !text || /^_xl(?:nm|fn)\./i.test(name)) continue;
    const entry = { name, ref: normalizeFormula(text).slice(1) };
    (attribute(m[1]!, "localSheetId") === undefined ? global : local).push(entry);
  }
  return [...global, ...local];
}

/** When xl/workbook.xml could not be read here (zip64, no DecompressionStream): what ExcelJS kept. */
function definedNamesFromExcelJs(workbook: ExcelJS.Workbook): DefinedName[] {
  const model = workbook.definedNames.model as readonly { name: string; ranges: readonly string[] }[];
  return model
    .filter((d) => d.ranges.length > 0 && !/^_xl(?:nm|fn)\./i.test(d.name))
    .map((d) => ({ name: d.name, ref: d.ranges.join(",") }));
}

function attribute(attributes: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return m ? decodeXml(m[1] ?? m[2] ?? "") : undefined;
}

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    switch (e) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default:
        return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

// ---------------------------------------------------------------------------
// One entry of a zip file, without a zip library (ExcelJS keeps its own to itself)

type ZipLookup =
  | { readonly kind: "found"; readonly text: string }
  /** The zip's directory is sound and has no such entry. */
  | { readonly kind: "missing" }
  /** Could not tell (damaged, zip64, unsupported compression, no DecompressionStream): ExcelJS decides. */
  | { readonly kind: "unknown" };

async function readZipEntry(bytes: Uint8Array, wanted: string): Promise<ZipLookup> {
  try {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const n = bytes.length;
    let eocd = -1;
    for (let i = n - 22; i >= 0 && i >= n - 22 - 0xffff; i--) {
      if (view.getUint32(i, true) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return { kind: "unknown" };
    const count = view.getUint16(eocd + 10, true);
    const size = view.getUint32(eocd + 12, true);
    const offset = view.getUint32(eocd + 16, true);
    if (count === 0xffff || offset === 0xffffffff || offset + size > eocd) return { kind: "unknown" };
    const utf8 = new TextDecoder("utf-8");
    let p = offset;
    for (let k = 0; k < count; k++) {
      if (p + 46 > n || view.getUint32(p, true) !== 0x02014b50) return { kind: "unknown" };
      const method = view.getUint16(p + 10, true);
      const compressedSize = view.getUint32(p + 20, true);
      const nameLength = view.getUint16(p + 28, true);
      const extraLength = view.getUint16(p + 30, true);
      const commentLength = view.getUint16(p + 32, true);
      const localOffset = view.getUint32(p + 42, true);
      const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLength)).replace(/^\//, "");
      p += 46 + nameLength + extraLength + commentLength;
      if (name !== wanted) continue;
      if (localOffset + 30 > n || view.getUint32(localOffset, true) !== 0x04034b50) return { kind: "unknown" };
      const start = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
      if (start + compressedSize > n) return { kind: "unknown" };
      const data = bytes.slice(start, start + compressedSize);
      if (method === 0) return { kind: "found", text: utf8.decode(data) };
      if (method !== 8 || typeof DecompressionStream === "undefined") return { kind: "unknown" };
      const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
      return { kind: "found", text: await new Response(stream).text() };
    }
    return { kind: "missing" };
  } catch {
    return { kind: "unknown" };
  }
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}
