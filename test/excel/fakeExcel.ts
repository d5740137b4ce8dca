/**
 * A small, faithful fake of the part of the Excel JavaScript API that
 * src/excel uses, with a workbook held in memory.
 *
 * Why not office-addin-mock's OfficeMockObject alone: it mocks a fixed tree
 * of loaded values, while the port navigates by address
 * (worksheets.getItem(name).getRange("B5")), asks for used ranges, merged
 * areas, visible views, notes and comments that depend on the cells, and
 * must be shown to run in a bounded number of context.sync() calls. So this
 * fake behaves like Office.js where the port depends on it:
 * - every call queues a command; nothing happens until context.sync(),
 *   which runs the queue in order and is counted (one round trip each);
 * - a property read before load() and sync() throws, as in Office.js;
 * - a failing command rejects the sync and the commands before it stay
 *   applied: no page says whether a batch is a transaction, so the fake takes the worse case
 *   (observed, not documented);
 * - cell edit mode rejects every batch, unless the batch asked to wait (delayForCellEdit, a RunOptions
 *   member with no requirement set named): with InvalidOperationInCellEditMode (the error table) or
 *   InvalidOperation (the cell-edit page), as `editModeError` says, since the pages disagree; an Excel
 *   that ignores the option (`ignoresDelay`) is possible, as no page says which Excel honours it;
 * - a write to a protected sheet, or a sheet added or deleted in a protected structure, fails: that it
 *   fails is documented, its code AccessDenied is observed, not documented;
 * - an API newer than the fake's ExcelApi version throws ApiNotFound;
 * - inside Excel.run({ mergeUndoGroup: true }) an API without undo support throws UndoNotSupported, and
 *   outside a group it clears the user's undo stack (counted in undoStackCleared);
 * - a request or a response over 5 MB fails (Excel on the web's payload limit), a request counting each
 *   command's own size as well as its values ("The payload size of a request combines: The number of API
 *   calls. The number of objects … The length of the value");
 * - getSelectedRange fails where the user selected several areas; getSelectedRanges gives them all;
 * - getSpecialCellsOrNullObject (constants, formulas) is a null object where there are none, and its
 *   RangeAreas' areas are a RangeCollection whose items are read only after load() and sync();
 * - workbook.settings (Excel.SettingCollection) are kept in the workbook, one copy for every session.
 * Each rule cites its Microsoft page where it is modelled; test/excel/README.md lists them with their tests.
 * office-addin-mock still builds the Office global (context.requirements,
 * document.settings) in the tests, which it does well.
 */
import { address as a1, columnLetters, parseAddress } from "../../src/grid";

export interface FakeFill {
  color: string;
  pattern: string;
  patternColor: string | null;
}

export interface FakeCell {
  value: number | string | boolean | null;
  formula: string | null;
  numberFormat?: string;
  fill?: FakeFill;
  bold?: boolean;
  wrap?: boolean;
  verticalAlignment?: Excel.VerticalAlignment;
}

export interface FakeConditionalFormat {
  range: string;
  type: string;
  cellValue: { format: { fill: { color?: string }; font: { color?: string } }; rule?: unknown };
  custom: { format: { fill: { color?: string }; font: { color?: string } }; rule: { formula?: string } };
}

export interface FakeSheet {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  cells: Map<string, FakeCell>;
  hiddenRows: Set<number>;
  merges: string[];
  rowFormats: Map<number, string>;
  columnFormats: Map<number, string>;
  columnWidths: Map<number, number>;
  notes: Map<string, string>;
  conditionalFormats: FakeConditionalFormat[];
  names: { name: string; formula: string }[];
  charts: FakeChart[];
  /** How the sheet prints, once anything set it (worksheet.pageLayout, ExcelApi 1.9). */
  pageLayout?: FakePageLayoutState;
}

/** The printing settings of a sheet as Excel keeps them: what worksheet.pageLayout set. */
export interface FakePageLayoutState {
  orientation: "Portrait" | "Landscape";
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  centerHorizontally: boolean;
  /** "" is "auto" numbering. */
  firstPageNumber: number | "";
  /** "$1:$2", or null when none. */
  printTitleRows: string | null;
  headersFooters: {
    state: string;
    defaultForAllPages: {
      leftHeader: string;
      centerHeader: string;
      rightHeader: string;
      leftFooter: string;
      centerFooter: string;
      rightFooter: string;
    };
  };
}

/** A new sheet's print settings in Excel: portrait, 100 %, Normal margins (0.75" and 0.7", header and footer 0.3"). */
function defaultPageLayout(): FakePageLayoutState {
  return {
    orientation: "Portrait",
    paperSize: "Letter",
    zoom: { scale: 100 },
    margins: { top: 54, bottom: 54, left: 50.4, right: 50.4, header: 21.6, footer: 21.6 },
    centerHorizontally: false,
    firstPageNumber: "",
    printTitleRows: null,
    headersFooters: {
      state: "Default",
      defaultForAllPages: {
        leftHeader: "",
        centerHeader: "",
        rightHeader: "",
        leftFooter: "",
        centerFooter: "",
        rightFooter: "",
      },
    },
  };
}

/** A chart as the add-in asked for it. */
export interface FakeChart {
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  legend?: string;
  position?: [string, string];
}

export interface FakeComment {
  id: string;
  sheet: string;
  cell: string;
  content: string;
}

export interface FakeWorkbook {
  sheets: FakeSheet[];
  names: { name: string; formula: string }[];
  comments: FakeComment[];
  protected: boolean;
  active?: string;
  /** The user's selection; several areas ("B2:B5,D2:D5") as Excel reports a multiple selection. */
  selection?: { sheet: string; address: string };
  /** Excel.SettingCollection: key → value, saved with the workbook. */
  settings?: Map<string, unknown>;
}

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

const DEFAULT_WIDTH = 48;
const key = (row: number, column: number) => `${row}:${column}`;

export function emptySheet(name: string): FakeSheet {
  return {
    name,
    visibility: "Visible",
    protected: false,
    cells: new Map(),
    hiddenRows: new Set(),
    merges: [],
    rowFormats: new Map(),
    columnFormats: new Map(),
    columnWidths: new Map(),
    notes: new Map(),
    conditionalFormats: [],
    names: [],
    charts: [],
  };
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseBox(address: string): Box {
  const local = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const whole = /^([A-Z]+):([A-Z]+)$/i.exec(local);
  if (whole) {
    const l = parseAddress(`${whole[1]}1`)!.column;
    const r = parseAddress(`${whole[2]}1`)!.column;
    return { top: 1, bottom: 1048576, left: l, right: r };
  }
  const [from, to] = local.split(":");
  const s = parseAddress(from ?? "");
  const e = to === undefined ? s : parseAddress(to);
  if (!s || !e) throw new FakeOfficeError("InvalidArgument", `Bad address ${address}`);
  return {
    top: Math.min(s.row, e.row),
    left: Math.min(s.column, e.column),
    bottom: Math.max(s.row, e.row),
    right: Math.max(s.column, e.column),
  };
}

/**
 * "A range is limited to 5,000,000 cells for read operations"
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization, "Excel
 * add-ins"); the code is the error table's RangeExceedsLimit, "The cell count in the range has exceeded the
 * maximum supported number" (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 */
export const READ_LIMIT_CELLS = 5_000_000;

function requireReadable(box: Box): void {
  const cells = (box.bottom - box.top + 1) * (box.right - box.left + 1);
  if (cells > READ_LIMIT_CELLS) {
    throw new FakeOfficeError("RangeExceedsLimit", `${cells} cells is more than a read may take.`);
  }
}

function boxAddress(b: Box): string {
  const a = a1(b.top, b.left);
  const z = a1(b.bottom, b.right);
  return a === z ? a : `${a}:${z}`;
}

/** What typing a constant into a cell makes of it. */
function entered(input: unknown): { value: FakeCell["value"]; formula: string | null } {
  if (input === null || input === undefined || input === "") return { value: null, formula: null };
  if (typeof input === "number" || typeof input === "boolean") return { value: input, formula: null };
  const text = String(input);
  if (text.startsWith("=")) return { value: null, formula: withinFormulaLimits(text) };
  if (text.startsWith("'")) return { value: text.slice(1), formula: null };
  if (/^-?\d+(\.\d+)?$/.test(text.trim())) return { value: Number(text), formula: null };
  if (/^(true|false)$/i.test(text)) return { value: /^true$/i.test(text), formula: null };
  return { value: text, formula: null };
}

/**
 * Excel's limits on a formula:
 * - "Excel restricts the contents of this simple type [ST_Formula] to be at most 8192 characters"
 *   (https://learn.microsoft.com/openspecs/office_standards/ms-oi29500/8ebf82e4-4fa4-43a6-9ecd-d2d793a6f4bf), and
 *   Office.js answers a formula past its limit with FormulaLengthExceedsLimit ("The bytecode of the applied
 *   formula exceeds the maximum length limit", the error table of
 *   https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling);
 * - 255 arguments in a function ("Excel specifications and limits",
 *   https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 *   Which error code Excel gives for it no page says: observed, not documented; the fake answers InvalidArgument.
 */
function withinFormulaLimits(formula: string): string {
  if (formula.length > 8192)
    throw new FakeOfficeError("FormulaLengthExceedsLimit", `A formula of ${formula.length} characters (at most 8192).`);
  const open: number[] = [];
  for (let i = 0; i < formula.length; i++) {
    const c = formula[i]!;
    if (c === '"' || c === "'") {
      for (i++; i < formula.length; i++) if (formula[i] === c && formula[++i] !== c) break;
      i--;
    } else if (c === "(") open.push(formula[i + 1] === ")" ? 0 : 1);
    else if (c === ")" && (open.pop() ?? 0) > 255)
      throw new FakeOfficeError("InvalidArgument", "A function with more than 255 arguments.");
    else if (c === "," && open.length > 0) open[open.length - 1]!++;
  }
  return formula;
}

/** A queued command; `api` names it as Microsoft's undo table does ("Worksheet.delete"). */
/** A queued command; `bytes`: the length of the value it sends, as JSON. */
type Op = { write: boolean; run: () => void; api?: string; bytes?: number };

/**
 * APIs without undo support that the add-in could reach for (the table "Unsupported APIs" of
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities). Where the
 * table differs between Excel on the web and on Windows/Mac, the fake takes the stricter side.
 */
export const UNDO_UNSUPPORTED: ReadonlySet<string> = new Set([
  "Worksheet.delete",
  "Worksheet.copy",
  "Worksheet.name",
  "Worksheet.position",
  "Worksheet.visibility",
  "Worksheet.standardWidth",
  "WorksheetProtection.protect",
  "WorksheetProtection.unprotect",
  "WorkbookProtection.protect",
  "WorkbookProtection.unprotect",
  "NamedItem.comment",
  "Chart.categoryLabelLevel",
  "Chart.seriesNameLevel",
]);

/**
 * Excel on the web's payload limit for a request and for a response: "5MB. RichAPI.Error will be thrown if
 * that limit is exceeded" (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
 */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * What one command adds to a request besides its values. The performance page names the parts (the API
 * calls, the objects), not their size: this is about the JSON of one action and its object path in the
 * request Office.js sends, an estimate, not a documented figure.
 */
export const COMMAND_BYTES = 200;

/** A pretend Office.js: one per test workbook. */
export class FakeExcel {
  /** ExcelApi 1.x */
  version: number;
  syncs = 0;
  editMode = false;
  /** The code a batch fails with in cell edit mode: the two Microsoft pages name different ones. */
  editModeError: "InvalidOperationInCellEditMode" | "InvalidOperation" = "InvalidOperationInCellEditMode";
  /** An Excel that does not wait for cell edit mode to end though the batch asked it to. */
  ignoresDelay = false;
  /** Options each Excel.run was called with. */
  readonly runs: (Excel.RunOptions | undefined)[] = [];
  /** Makes the next sync with writes fail after this many of its write commands. */
  failNextWriteAfter: number | undefined;
  /** Write commands in the last sync that had any. */
  lastWriteCount = 0;
  /** Cells read through values/formulas/numberFormat loads. */
  cellsRead = 0;
  /** Times an API without undo support ran outside an undo group: each clears the user's undo stack. */
  undoStackCleared = 0;
  /** Bytes sent and received in the sync being run (JSON of the values), against PAYLOAD_LIMIT_BYTES. */
  requestBytes = 0;
  responseBytes = 0;
  /** The largest request and response of any sync so far. */
  largestRequest = 0;
  largestResponse = 0;
  /** An extra API to treat as without undo support (a newer Excel's table), for the fallback's test. */
  readonly undoUnsupported = new Set<string>(UNDO_UNSUPPORTED);
  private editEnded: (() => void)[] = [];
  private readonly handlers: { sheet?: string; fn: (args: unknown) => Promise<unknown> }[] = [];
  /** A formula's last value per cell, so a restored formula shows its value again (the fake does not calculate). */
  private readonly formulaValues = new Map<string, FakeCell["value"]>();
  private commentSeq = 0;

  constructor(
    readonly workbook: FakeWorkbook,
    version = 20,
  ) {
    this.version = version;
    workbook.settings ??= new Map();
    for (const s of workbook.sheets) this.rememberFormulas(s);
  }

  sheet(name: string): FakeSheet | undefined {
    return this.workbook.sheets.find((s) => s.name === name);
  }

  requireApi(minor: number, what: string): void {
    if (this.version < minor) throw new FakeOfficeError("ApiNotFound", `${what} needs ExcelApi 1.${minor}`);
  }

  isSetSupported(version: string): boolean {
    const minor = Number(version.split(".")[1] ?? 0);
    return minor <= this.version;
  }

  async run<T>(
    options: Excel.RunOptions | undefined,
    batch: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> {
    this.runs.push(options);
    if (options?.mergeUndoGroup) this.requireApi(20, "mergeUndoGroup");
    // RunOptions names no requirement set for delayForCellEdit: it is taken in every version.
    // "When true, … if the user is in cell edit mode the batch request is delayed until the user exits cell
    // edit mode" (https://learn.microsoft.com/javascript/api/excel/excel.runoptions, delayForCellEdit).
    if (this.editMode && options?.delayForCellEdit && !this.ignoresDelay) {
      await new Promise<void>((resolve) => this.editEnded.push(resolve));
    }
    const context = new FakeContext(this, options?.mergeUndoGroup === true);
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.pending.length > 0) await context.sync();
    return result;
  }

  /** The user leaves cell edit mode: batches that waited for it (delayForCellEdit) run. */
  exitEditMode(): void {
    this.editMode = false;
    for (const resume of this.editEnded.splice(0)) resume();
  }

  /** Runs a batch: the commands in order; a failing one rejects the sync and leaves the earlier ones applied. */
  execute(ops: Op[], grouped = false): void {
    this.syncs++;
    if (this.editMode) {
      // "When false, if the user is in cell edit when the batch request is processed by the host, the batch
      // automatically fails" (https://learn.microsoft.com/javascript/api/excel/excel.runoptions). Its code:
      // InvalidOperationInCellEditMode in the error table
      // (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling),
      // InvalidOperation on https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit.
      throw new FakeOfficeError(this.editModeError, "Excel is in cell-editing mode.");
    }
    // "The payload size of a request combines: The number of API calls. The number of objects, such as
    // Range objects. The length of the value to set or get"
    // (https://learn.microsoft.com/office/dev/add-ins/excel/performance, "Payload size limit best practices").
    this.requestBytes = ops.reduce((sum, op) => sum + COMMAND_BYTES + (op.bytes ?? 0), 0);
    this.responseBytes = 0;
    // A request over the limit is refused as a whole, before any of it runs.
    this.largestRequest = Math.max(this.largestRequest, this.requestBytes);
    if (this.requestBytes > PAYLOAD_LIMIT_BYTES) {
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload is over 5 MB.");
    }
    // An API without undo support: refused inside a group, and outside one it clears the undo stack
    // ("Unsupported APIs", https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities).
    const unsupported = ops.find((o) => o.api && this.undoUnsupported.has(o.api));
    if (unsupported && grouped) {
      throw new FakeOfficeError(
        "UndoNotSupported",
        `${unsupported.api} does not support undo and cannot run inside mergeUndoGroup.`,
      );
    }
    if (unsupported) this.undoStackCleared++;
    let writes = 0;
    const cellsBefore = this.cellsRead;
    const failAfter = ops.some((o) => o.write) ? this.failNextWriteAfter : undefined;
    if (failAfter !== undefined) this.failNextWriteAfter = undefined;
    let changed = false;
    for (const op of ops) {
      if (op.write) {
        if (failAfter !== undefined && writes >= failAfter) {
          throw new FakeOfficeError("GeneralException", "The network connection was lost (injected).");
        }
        writes++;
        changed = true;
      }
      op.run();
    }
    if (this.responseBytes > PAYLOAD_LIMIT_BYTES) {
      // Refused: none of it reaches the add-in.
      this.cellsRead = cellsBefore;
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload is over 5 MB.");
    }
    this.largestResponse = Math.max(this.largestResponse, this.responseBytes);
    if (changed) {
      this.lastWriteCount = writes;
      this.fireChanged(undefined);
    }
  }

  // --- the workbook, as commands see it -----------------------------------

  cellAt(sheet: FakeSheet, row: number, column: number): FakeCell | undefined {
    return sheet.cells.get(key(row, column));
  }

  formatAt(sheet: FakeSheet, row: number, column: number): string {
    return (
      sheet.cells.get(key(row, column))?.numberFormat ??
      sheet.rowFormats.get(row) ??
      sheet.columnFormats.get(column) ??
      "General"
    );
  }

  writeCell(sheet: FakeSheet, row: number, column: number, change: (cell: FakeCell) => void): void {
    if (sheet.protected) throw new FakeOfficeError("AccessDenied", `The sheet ${sheet.name} is protected.`);
    const k = key(row, column);
    const cell = sheet.cells.get(k) ?? { value: null, formula: null };
    change(cell);
    // "General" where no row or column format shows through is no format at all, as in Excel.
    if (cell.numberFormat === "General" && !sheet.rowFormats.has(row) && !sheet.columnFormats.has(column)) {
      delete cell.numberFormat;
    }
    if (
      cell.value === null &&
      cell.formula === null &&
      !cell.numberFormat &&
      !cell.fill &&
      !cell.bold &&
      !cell.wrap &&
      !cell.verticalAlignment
    ) {
      sheet.cells.delete(k);
      return;
    }
    sheet.cells.set(k, cell);
    if (cell.formula) {
      const memo = this.formulaValues.get(`${sheet.name}!${k}|${cell.formula}`);
      if (memo !== undefined) cell.value = memo;
    }
  }

  usedBox(sheet: FakeSheet, valuesOnly: boolean): Box | undefined {
    let box: Box | undefined;
    for (const [k, c] of sheet.cells) {
      const has = c.value !== null || c.formula !== null;
      const formatted = (c.numberFormat && c.numberFormat !== "General") || c.fill || c.bold;
      if (!has && (valuesOnly || !formatted)) continue;
      const [r, col] = k.split(":").map(Number) as [number, number];
      box = box
        ? {
            top: Math.min(box.top, r),
            left: Math.min(box.left, col),
            bottom: Math.max(box.bottom, r),
            right: Math.max(box.right, col),
          }
        : { top: r, left: col, bottom: r, right: col };
    }
    return box;
  }

  address(sheet: FakeSheet, box: Box): string {
    return `${quoteSheet(sheet.name)}!${boxAddress(box)}`;
  }

  /** Counts a value Excel sends back in this sync, as JSON; returns it. */
  responded<T>(value: T): T {
    this.responseBytes += JSON.stringify(value).length;
    return value;
  }

  nextCommentId(): string {
    return `comment-${++this.commentSeq}`;
  }

  rememberFormulas(sheet: FakeSheet): void {
    for (const [k, c] of sheet.cells) {
      if (c.formula) this.formulaValues.set(`${sheet.name}!${k}|${c.formula}`, c.value);
    }
  }

  addHandler(sheet: string | undefined, fn: (args: unknown) => Promise<unknown>): { remove: () => void } {
    const h = { ...(sheet ? { sheet } : {}), fn };
    this.handlers.push(h);
    return {
      remove: () => {
        const i = this.handlers.indexOf(h);
        if (i >= 0) this.handlers.splice(i, 1);
      },
    };
  }

  get handlerCount(): number {
    return this.handlers.length;
  }

  private fireChanged(sheet: string | undefined): void {
    for (const h of [...this.handlers]) {
      if (h.sheet && sheet && h.sheet !== sheet) continue;
      void Promise.resolve().then(() => h.fn({ changeType: "RangeEdited", source: "Local" }));
    }
  }

  /** The user types into a cell (outside any batch): the change events fire. */
  userEdit(sheetName: string, cell: string, value: unknown): void {
    const sheet = this.sheet(sheetName)!;
    const at = parseAddress(cell)!;
    const v = entered(value);
    sheet.cells.set(key(at.row, at.column), { ...(sheet.cells.get(key(at.row, at.column)) ?? {}), ...v });
    this.fireChanged(sheetName);
  }

  /** A deep copy of the workbook, for "exactly as before" comparisons. */
  snapshot(): unknown {
    return JSON.parse(
      JSON.stringify(this.workbook, (_k, v: unknown) =>
        v instanceof Map ? Object.fromEntries([...v.entries()].sort()) : v instanceof Set ? [...v].sort() : v,
      ),
    );
  }

  /** The ExcelHost the port takes. */
  host(): import("../../src/excel/excelPort").ExcelHost {
    return {
      run: (options, batch) => this.run(options, batch),
      isSetSupported: (v) => this.isSetSupported(v),
    };
  }
}

// ---------------------------------------------------------------------------
// Proxies

class FakeContext {
  pending: Op[] = [];
  readonly workbook: FakeWorkbookProxy;

  constructor(
    readonly excel: FakeExcel,
    readonly grouped = false,
  ) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  queue(write: boolean, run: () => void, api?: string, sends?: unknown): void {
    const bytes = sends === undefined ? undefined : JSON.stringify(sends).length;
    this.pending.push({ write, run, ...(api ? { api } : {}), ...(bytes !== undefined ? { bytes } : {}) });
  }

  async sync(): Promise<void> {
    const ops = this.pending;
    this.pending = [];
    await Promise.resolve();
    this.excel.execute(ops, this.grouped);
  }
}

class PropertyNotLoaded extends FakeOfficeError {
  constructor(what: string) {
    super("PropertyNotLoaded", `The property '${what}' is not available. Load it and call context.sync() first.`);
  }
}

function propertyList(arg: unknown): string[] {
  if (arg === undefined) return [];
  if (typeof arg === "string")
    return arg
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap(propertyList);
  return [];
}

/** A proxy: load() queues a read, properties throw until it has run. */
class Loadable {
  protected readonly loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: FakeContext) {}

  protected loadedValue<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new PropertyNotLoaded(prop);
    return this.loaded.get(prop) as T;
  }

  /** Reads a property at sync time; overridden per proxy. */
  protected read(_prop: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `The fake does not load ${_prop}`);
  }

  protected isNull(): boolean {
    return false;
  }

  load(props?: unknown): this {
    const list = propertyList(props);
    this.ctx.queue(false, () => {
      const isNull = this.isNull();
      this.loaded.set("isNullObject", isNull);
      if (isNull) return;
      for (const p of list) this.loaded.set(p, this.read(p));
    });
    return this;
  }

  get isNullObject(): boolean {
    return this.loadedValue("isNullObject");
  }

  get context(): FakeContext {
    return this.ctx;
  }
}

/**
 * A collection proxy: load("items/values") makes its items at sync time, each
 * with the properties asked for, and `items` throws until then ("items: Gets
 * the loaded child items in this collection",
 * https://learn.microsoft.com/javascript/api/excel/excel.rangecollection).
 */
abstract class FakeCollection<T> extends Loadable {
  private list: T[] = [];

  /** The collection's items as they stand at sync time, each loaded with `props`. */
  protected abstract itemsAtSync(props: string[]): T[];

  override load(props?: unknown): this {
    const list = propertyList(props).map((p) => p.replace(/^items\//, ""));
    this.ctx.queue(false, () => {
      this.list = this.itemsAtSync(list);
      this.loaded.set("items", true);
    });
    return this;
  }

  get items(): T[] {
    this.loadedValue("items");
    return this.list;
  }
}

interface FakeChartCollection {
  load(props?: string): FakeChartCollection;
  readonly items: { delete: () => void }[];
  add(type: string, range: FakeRange, seriesBy: string): unknown;
}

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNameCollection;
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNameCollection(ctx, undefined);
  }
  get comments(): FakeCommentCollection {
    this.ctx.excel.requireApi(10, "workbook.comments");
    return new FakeCommentCollection(this.ctx);
  }
  get notes(): never {
    throw new FakeOfficeError("InvalidArgument", "use worksheet.notes");
  }
  get protection(): FakeProtection {
    return new FakeProtection(this.ctx, () => this.ctx.excel.workbook);
  }
  /** Workbook.settings (ExcelApi 1.4): "Settings are unique to a single Excel file and add-in pairing". */
  get settings(): FakeSettingCollection {
    this.ctx.excel.requireApi(4, "workbook.settings");
    return new FakeSettingCollection(this.ctx);
  }
  /**
   * Workbook.getSelectedRange (ExcelApi 1.1): "If multiple ranges are selected, this method will throw an
   * error" (https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-getselectedrange-member(1)).
   */
  /**
   * Workbook.getSelectedRanges (ExcelApi 1.9): "Gets the currently selected one or more ranges from the
   * workbook. Unlike getSelectedRange(), this method returns a RangeAreas object that represents all the
   * selected ranges" (https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-getselectedranges-member(1)).
   */
  getSelectedRanges(): FakeRangeAreas {
    this.ctx.excel.requireApi(9, "getSelectedRanges");
    return new FakeRangeAreas(this.ctx, () => {
      const selection = this.ctx.excel.workbook.selection;
      if (!selection) throw new FakeOfficeError("ItemNotFound", "Nothing is selected.");
      const sheet = this.ctx.excel.sheet(selection.sheet)!;
      return { sheet, boxes: selection.address.split(",").map((area) => parseBox(area.trim())) };
    });
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const selection = this.ctx.excel.workbook.selection;
      if (!selection) throw new FakeOfficeError("ItemNotFound", "Nothing is selected.");
      if (selection.address.includes(",")) {
        throw new FakeOfficeError("InvalidSelection", "The current selection is invalid for this operation.");
      }
      return { sheet: this.ctx.excel.sheet(selection.sheet)!, box: parseBox(selection.address) };
    });
  }
}

/** Excel.SettingCollection: values kept in the workbook, read and written in batches like everything else. */
class FakeSettingCollection {
  constructor(private readonly ctx: FakeContext) {}
  private get store(): Map<string, unknown> {
    const wb = this.ctx.excel.workbook;
    wb.settings ??= new Map();
    return wb.settings;
  }
  /** SettingCollection.add: "Sets or adds the specified setting to the workbook." */
  add(key: string, value: unknown): void {
    this.ctx.queue(
      true,
      () => this.store.set(key, JSON.parse(JSON.stringify(value)) as unknown),
      "SettingCollection.add",
      value,
    );
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.ctx, () => this.store, key);
  }
}

class FakeSetting extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly store: () => Map<string, unknown>,
    private readonly key: string,
  ) {
    super(ctx);
  }
  protected override isNull(): boolean {
    return !this.store().has(this.key);
  }
  protected override read(prop: string): unknown {
    if (prop === "value") return this.ctx.excel.responded(this.store().get(this.key));
    if (prop === "key") return this.key;
    return super.read(prop);
  }
  get value(): unknown {
    return this.loadedValue("value");
  }
  delete(): void {
    this.ctx.queue(true, () => {
      if (!this.store().delete(this.key)) throw new FakeOfficeError("ItemNotFound", `No setting ${this.key}`);
    });
  }
}

class FakeProtection extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly target: () => { protected: boolean },
  ) {
    super(ctx);
  }
  protected override read(prop: string): unknown {
    if (prop === "protected") return this.target().protected;
    return super.read(prop);
  }
  get protected(): boolean {
    return this.loadedValue("protected");
  }
}

class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  constructor(ctx: FakeContext) {
    super(ctx);
  }

  protected itemsAtSync(props: string[]): FakeWorksheet[] {
    return this.ctx.excel.workbook.sheets.map((s) => {
      const ws = new FakeWorksheet(this.ctx, () => this.ctx.excel.sheet(s.name));
      ws.fill(props);
      return ws;
    });
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.excel.sheet(name);
      if (!s) throw new FakeOfficeError("ItemNotFound", `No sheet ${name}`);
      return s;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.excel.sheet(name), true);
  }

  add(name: string): FakeWorksheet {
    this.ctx.queue(true, () => {
      const wb = this.ctx.excel.workbook;
      if (wb.protected) throw new FakeOfficeError("AccessDenied", "The workbook's structure is protected.");
      if (this.ctx.excel.sheet(name)) throw new FakeOfficeError("ItemAlreadyExists", `Sheet ${name} exists`);
      wb.sheets.push(emptySheet(name));
    });
    return this.getItem(name);
  }

  get onChanged(): { add: (fn: (args: unknown) => Promise<unknown>) => unknown } {
    this.ctx.excel.requireApi(9, "worksheets.onChanged");
    return { add: (fn) => handlerResult(this.ctx, undefined, fn) };
  }
}

function handlerResult(ctx: FakeContext, sheet: string | undefined, fn: (args: unknown) => Promise<unknown>) {
  let remove: (() => void) | undefined;
  ctx.queue(false, () => {
    remove = ctx.excel.addHandler(sheet, fn).remove;
  });
  return {
    context: ctx,
    remove: () => ctx.queue(false, () => remove?.()),
  };
}

class FakeWorksheet extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly target: () => FakeSheet | undefined,
    private readonly orNull = false,
  ) {
    super(ctx);
  }

  resolve(): FakeSheet {
    const s = this.target();
    if (!s) throw new FakeOfficeError("ItemNotFound", "The worksheet does not exist.");
    return s;
  }

  protected override isNull(): boolean {
    return this.orNull && !this.target();
  }

  protected override read(prop: string): unknown {
    const s = this.resolve();
    switch (prop) {
      case "name":
        return s.name;
      case "visibility":
        return s.visibility;
      case "position":
        return this.ctx.excel.workbook.sheets.indexOf(s);
      case "protection/protected":
        return s.protected;
    }
    return super.read(prop);
  }

  /** Loaded by a collection load: the values are there after its sync. */
  fill(props: string[]): void {
    this.loaded.set("isNullObject", false);
    for (const p of props) {
      if (p === "protection/protected") this.protectionValue = this.resolve().protected;
      else this.loaded.set(p, this.read(p));
    }
  }

  private protectionValue: boolean | undefined;

  get name(): string {
    return this.loadedValue("name");
  }
  get visibility(): string {
    return this.loadedValue("visibility");
  }
  get position(): number {
    return this.loadedValue("position");
  }
  set position(p: number) {
    this.ctx.queue(
      true,
      () => {
        const sheets = this.ctx.excel.workbook.sheets;
        const s = this.resolve();
        sheets.splice(sheets.indexOf(s), 1);
        sheets.splice(Math.min(p, sheets.length), 0, s);
      },
      "Worksheet.position",
    );
  }

  get protection(): FakeProtection | { protected: boolean } {
    if (this.protectionValue !== undefined) return { protected: this.protectionValue };
    return new FakeProtection(this.ctx, () => this.resolve());
  }

  get names(): FakeNameCollection {
    return new FakeNameCollection(this.ctx, () => this.resolve());
  }

  get notes(): FakeNoteCollection {
    this.ctx.excel.requireApi(18, "worksheet.notes");
    return new FakeNoteCollection(this.ctx, () => this.resolve());
  }

  get onChanged(): { add: (fn: (args: unknown) => Promise<unknown>) => unknown } {
    return { add: (fn) => handlerResult(this.ctx, this.loaded.get("name") as string | undefined, fn) };
  }

  /** Worksheet.getRange(): "If not specified, the entire worksheet range is returned." */
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.resolve(), box: parseBox(address ?? "A1:XFD1048576") }));
  }

  /**
   * charts.add(type, range, seriesBy) with the title, legend and position the add-in sets, and the charts
   * standing on the sheet, each deletable (ChartCollection, Chart.delete: ExcelApi 1.1).
   */
  get charts(): FakeChartCollection {
    const ctx = this.ctx;
    const sheet = () => this.resolve();
    let items: { delete: () => void }[] | undefined;
    const collection: FakeChartCollection = {
      load: () => {
        ctx.queue(false, () => {
          items = sheet().charts.map((chart) => ({
            delete: () =>
              ctx.queue(true, () => {
                const list = sheet().charts;
                if (list.indexOf(chart) >= 0) list.splice(list.indexOf(chart), 1);
              }),
          }));
        });
        return collection;
      },
      get items() {
        if (!items) throw new PropertyNotLoaded("items");
        return items;
      },
      add: (type, range, seriesBy) => {
        const chart: FakeChart = { type, source: "", seriesBy };
        this.ctx.queue(true, () => {
          chart.source = range.addressForChart();
          this.resolve().charts.push(chart);
        });
        const set = (apply: () => void) => this.ctx.queue(true, apply);
        return {
          title: {
            set text(t: string) {
              set(() => (chart.title = t));
            },
          },
          legend: {
            set position(p: string) {
              set(() => (chart.legend = p));
            },
          },
          setPosition: (start: string, end: string) => set(() => (chart.position = [start, end])),
        };
      },
    };
    return collection;
  }

  /**
   * worksheet.pageLayout: "[API set: ExcelApi 1.9]"
   * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheet#excel-excel-worksheet-pagelayout-member).
   */
  get pageLayout(): FakePageLayout {
    this.ctx.excel.requireApi(9, "worksheet.pageLayout");
    return new FakePageLayout(this.ctx, () => this.resolve());
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const sheet = this.resolve();
        const box = this.ctx.excel.usedBox(sheet, valuesOnly);
        return box ? { sheet, box } : undefined;
      },
      true,
    );
  }

  /**
   * "If the entire worksheet is blank, this function will return the top left cell (i.e. it will not throw
   * an error)" (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getusedrange-member(1)).
   */
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.resolve();
      return { sheet, box: this.ctx.excel.usedBox(sheet, valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 } };
    });
  }

  delete(): void {
    this.ctx.queue(
      true,
      () => {
        const wb = this.ctx.excel.workbook;
        if (wb.protected) throw new FakeOfficeError("AccessDenied", "The workbook's structure is protected.");
        const s = this.resolve();
        if (s.protected) throw new FakeOfficeError("AccessDenied", "The sheet is protected.");
        wb.sheets.splice(wb.sheets.indexOf(s), 1);
        wb.comments = wb.comments.filter((c) => c.sheet !== s.name);
      },
      "Worksheet.delete",
    );
  }

  activate(): void {
    this.ctx.queue(false, () => {
      this.ctx.excel.workbook.active = this.resolve().name;
    });
  }
}

/**
 * Excel.PageLayout (https://learn.microsoft.com/en-us/javascript/api/excel/excel.pagelayout), the part the
 * add-in sets. Each set queues a command that runs at sync, as every property set in Office.js does.
 */
class FakePageLayout extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly target: () => FakeSheet,
  ) {
    super(ctx);
  }

  private set(change: (layout: FakePageLayoutState) => void): void {
    this.ctx.queue(true, () => {
      const sheet = this.target();
      const layout = sheet.pageLayout ?? defaultPageLayout();
      change(layout);
      sheet.pageLayout = layout;
    });
  }

  protected override read(prop: string): unknown {
    const layout = this.target().pageLayout ?? defaultPageLayout();
    if (prop === "zoom") return { ...layout.zoom };
    if (prop === "orientation") return layout.orientation;
    return super.read(prop);
  }

  /** orientation: Excel.PageOrientation, "Portrait" or "Landscape". */
  set orientation(value: string) {
    if (value !== "Portrait" && value !== "Landscape")
      throw new FakeOfficeError("InvalidArgument", `orientation ${value}`);
    this.set((l) => (l.orientation = value));
  }
  get orientation(): string {
    return this.loadedValue("orientation");
  }

  /** paperSize: one of Excel.PaperType ("A4", "Letter", …). */
  set paperSize(value: string) {
    if (!PAPER_TYPES.has(value)) throw new FakeOfficeError("InvalidArgument", `paperSize ${value}`);
    this.set((l) => (l.paperSize = value));
  }

  /**
   * zoom: "The PageLayoutZoomOptions object must be set as a JSON object (use x.zoom = {...} instead of
   * x.zoom.scale = ...)", so reading it before load() and sync() throws, like any property.
   * Excel.PageLayoutZoomOptions (https://learn.microsoft.com/en-us/javascript/api/excel/excel.pagelayoutzoomoptions):
   * scale "can be between 10 and 400", and is null when fitting to pages; the fit counts are "Number of pages
   * to fit horizontally/vertically", null with a scale. A count of 0 (the file format's "automatic") is not
   * documented for Office.js, so the fake refuses it: the port leaves a count out instead.
   */
  get zoom(): FakePageLayoutState["zoom"] {
    return this.loadedValue("zoom");
  }
  set zoom(options: FakePageLayoutState["zoom"]) {
    const { scale, horizontalFitToPages: wide, verticalFitToPages: tall } = options;
    if (scale !== undefined && (scale < 10 || scale > 400))
      throw new FakeOfficeError("InvalidArgument", `scale ${scale}`);
    for (const n of [wide, tall]) {
      if (n !== undefined && (!Number.isInteger(n) || n < 1)) throw new FakeOfficeError("InvalidArgument", `fit ${n}`);
    }
    this.set((l) => {
      l.zoom =
        wide !== undefined || tall !== undefined
          ? {
              ...(wide !== undefined ? { horizontalFitToPages: wide } : {}),
              ...(tall !== undefined ? { verticalFitToPages: tall } : {}),
            }
          : { ...(scale !== undefined ? { scale } : {}) };
    });
  }

  /** The margins, "in points". */
  set topMargin(points: number) {
    this.set((l) => (l.margins.top = margin(points)));
  }
  set bottomMargin(points: number) {
    this.set((l) => (l.margins.bottom = margin(points)));
  }
  set leftMargin(points: number) {
    this.set((l) => (l.margins.left = margin(points)));
  }
  set rightMargin(points: number) {
    this.set((l) => (l.margins.right = margin(points)));
  }
  set headerMargin(points: number) {
    this.set((l) => (l.margins.header = margin(points)));
  }
  set footerMargin(points: number) {
    this.set((l) => (l.margins.footer = margin(points)));
  }

  set centerHorizontally(value: boolean) {
    this.set((l) => (l.centerHorizontally = value));
  }

  /** firstPageNumber: "A null value represents 'auto' page numbering" (typed number | ""). */
  set firstPageNumber(value: number | "") {
    if (value !== "" && (!Number.isInteger(value) || value < 0))
      throw new FakeOfficeError("InvalidArgument", `${value}`);
    this.set((l) => (l.firstPageNumber = value));
  }

  /** setPrintTitleRows: "The range must span the entire row to be valid." */
  setPrintTitleRows(rows: string): void {
    const m = /^\$?(\d+):\$?(\d+)$/.exec(rows);
    if (!m) throw new FakeOfficeError("InvalidArgument", `Print title rows must be whole rows: ${rows}`);
    this.set((l) => (l.printTitleRows = `$${m[1]}:$${m[2]}`));
  }

  /**
   * headersFooters (Excel.HeaderFooterGroup, https://learn.microsoft.com/en-us/javascript/api/excel/excel.headerfootergroup):
   * with its state "Default", defaultForAllPages is printed on every page. Its six texts
   * (Excel.HeaderFooter) take Excel's header codes (&P the page, &N the pages), kept as given.
   */
  get headersFooters(): {
    defaultForAllPages: Record<keyof FakePageLayoutState["headersFooters"]["defaultForAllPages"], string>;
  } {
    const set = (part: keyof FakePageLayoutState["headersFooters"]["defaultForAllPages"], text: string) =>
      this.set((l) => (l.headersFooters.defaultForAllPages[part] = text));
    const all = {} as Record<keyof FakePageLayoutState["headersFooters"]["defaultForAllPages"], string>;
    for (const part of [
      "leftHeader",
      "centerHeader",
      "rightHeader",
      "leftFooter",
      "centerFooter",
      "rightFooter",
    ] as const) {
      Object.defineProperty(all, part, {
        set: (text: string) => {
          set(part, text);
        },
        get: () => {
          throw new FakeOfficeError("PropertyNotLoaded", `${part} is not loaded`);
        },
      });
    }
    return { defaultForAllPages: all };
  }
}

function margin(points: number): number {
  if (!(points >= 0)) throw new FakeOfficeError("InvalidArgument", `margin ${points}`);
  return points;
}

/** Excel.PaperType's values (https://learn.microsoft.com/en-us/javascript/api/excel/excel.papertype). */
const PAPER_TYPES = new Set([
  "Letter",
  "LetterSmall",
  "Tabloid",
  "Ledger",
  "Legal",
  "Statement",
  "Executive",
  "A3",
  "A4",
  "A4Small",
  "A5",
  "B4",
  "B5",
  "Folio",
  "Quatro",
  "Paper10x14",
  "Paper11x17",
  "Note",
  "Envelope9",
  "Envelope10",
  "Envelope11",
  "Envelope12",
  "Envelope14",
  "Csheet",
  "Dsheet",
  "Esheet",
  "EnvelopeDL",
  "EnvelopeC5",
  "EnvelopeC3",
  "EnvelopeC4",
  "EnvelopeC6",
  "EnvelopeC65",
  "EnvelopeB4",
  "EnvelopeB5",
  "EnvelopeB6",
  "EnvelopeItaly",
  "EnvelopeMonarch",
  "EnvelopePersonal",
  "FanfoldUS",
  "FanfoldStdGerman",
  "FanfoldLegalGerman",
]);

type RangeTarget = { sheet: FakeSheet; box: Box };

class FakeRange extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly target: () => RangeTarget | undefined,
    private readonly orNull = false,
  ) {
    super(ctx);
  }

  /** The range's address as a chart's source, read when the chart is added. */
  addressForChart(): string {
    return boxAddress(this.resolve().box);
  }

  resolve(): RangeTarget {
    const t = this.target();
    if (!t) throw new FakeOfficeError("ItemNotFound", "The range does not exist.");
    return t;
  }

  protected override isNull(): boolean {
    return this.orNull && !this.target();
  }

  private each<T>(fn: (sheet: FakeSheet, row: number, column: number) => T): T[][] {
    const { sheet, box } = this.resolve();
    const rows: T[][] = [];
    for (let r = box.top; r <= box.bottom; r++) {
      const row: T[] = [];
      for (let c = box.left; c <= box.right; c++) row.push(fn(sheet, r, c));
      rows.push(row);
    }
    return rows;
  }

  protected override read(prop: string): unknown {
    const excel = this.ctx.excel;
    const { sheet, box } = this.resolve();
    if (prop === "values" || prop === "formulas" || prop === "numberFormat") requireReadable(box);
    switch (prop) {
      case "address":
        return excel.address(sheet, box);
      case "rowCount":
        return box.bottom - box.top + 1;
      case "columnCount":
        return box.right - box.left + 1;
      case "rowIndex":
        return box.top - 1;
      case "columnIndex":
        return box.left - 1;
      case "rowHidden": {
        let hidden = 0;
        for (let r = box.top; r <= box.bottom; r++) if (sheet.hiddenRows.has(r)) hidden++;
        return hidden === 0 ? false : hidden === box.bottom - box.top + 1 ? true : null;
      }
      case "values":
        excel.cellsRead += (box.bottom - box.top + 1) * (box.right - box.left + 1);
        return excel.responded(
          this.each((s, r, c) => {
            const cell = excel.cellAt(s, r, c);
            return cell?.value ?? "";
          }),
        );
      case "formulas":
        return excel.responded(
          this.each((s, r, c) => {
            const cell = excel.cellAt(s, r, c);
            return cell?.formula ?? cell?.value ?? "";
          }),
        );
      case "numberFormat":
        return excel.responded(this.each((s, r, c) => excel.formatAt(s, r, c)));
    }
    return super.read(prop);
  }

  get address(): string {
    return this.loadedValue("address");
  }
  get rowCount(): number {
    return this.loadedValue("rowCount");
  }
  get columnCount(): number {
    return this.loadedValue("columnCount");
  }
  get rowHidden(): boolean | null {
    return this.loadedValue("rowHidden");
  }
  get values(): unknown[][] {
    return this.loadedValue("values");
  }
  get formulas(): unknown[][] {
    return this.loadedValue("formulas");
  }
  set formulas(input: unknown[][]) {
    this.queueEach(input, (given) => {
      const v = entered(given);
      return (cell) => {
        cell.value = v.value;
        cell.formula = v.formula;
      };
    });
  }
  get numberFormat(): unknown[][] {
    return this.loadedValue("numberFormat");
  }
  set numberFormat(input: unknown[][]) {
    this.queueEach(input, (given) => {
      const f = String(given ?? "General");
      return (cell) => {
        cell.numberFormat = f;
      };
    });
  }

  /**
   * Queues a write of each cell of the range from its place in `input` (what the request sends): `each`
   * checks the value given (a formula past Excel's limits throws here), then says how the cell changes.
   */
  private queueEach(input: unknown[][], each: (given: unknown) => (cell: FakeCell) => void): void {
    this.ctx.queue(
      true,
      () => {
        const { sheet, box } = this.resolve();
        for (let r = box.top; r <= box.bottom; r++) {
          for (let c = box.left; c <= box.right; c++) {
            this.ctx.excel.writeCell(sheet, r, c, each(input[r - box.top]?.[c - box.left]));
          }
        }
      },
      undefined,
      input,
    );
  }

  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this.ctx, () => this.resolve());
  }

  /**
   * Range.clear() (ExcelApi 1.1): contents and formats of the range go; a cell then holds nothing
   * (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-clear-member(1)).
   */
  clear(): void {
    this.ctx.queue(true, () => {
      const { sheet, box } = this.resolve();
      if (sheet.protected) throw new FakeOfficeError("AccessDenied", "protected");
      for (const k of [...sheet.cells.keys()]) {
        const [r, c] = k.split(":").map(Number) as [number, number];
        if (r >= box.top && r <= box.bottom && c >= box.left && c <= box.right) sheet.cells.delete(k);
      }
    });
  }

  get conditionalFormats(): { add: (type: string) => FakeConditionalFormat; clearAll: () => void } {
    return {
      /** ConditionalFormatCollection.clearAll (ExcelApi 1.6): every conditional format of the sheet's range goes. */
      clearAll: () =>
        this.ctx.queue(true, () => {
          const { sheet } = this.resolve();
          if (sheet.protected) throw new FakeOfficeError("AccessDenied", "protected");
          sheet.conditionalFormats = [];
        }),
      add: (type: string) => {
        const cf: FakeConditionalFormat = {
          range: "",
          type,
          cellValue: { format: { fill: {}, font: {} } },
          custom: { format: { fill: {}, font: {} }, rule: {} },
        };
        this.ctx.queue(true, () => {
          const { sheet, box } = this.resolve();
          if (sheet.protected) throw new FakeOfficeError("AccessDenied", "protected");
          cf.range = boxAddress(box);
          sheet.conditionalFormats.push(cf);
        });
        return cf;
      },
    };
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, box } = this.resolve();
      const r = box.top + row;
      const c = box.left + column;
      return { sheet, box: { top: r, left: c, bottom: r, right: c } };
    });
  }

  getColumn(column: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, box } = this.resolve();
      return { sheet, box: { ...box, left: box.left + column, right: box.left + column } };
    });
  }

  getVisibleView(): FakeLoadableValue {
    return new FakeLoadableValue(this.ctx, (prop) => {
      if (prop !== "cellAddresses") throw new FakeOfficeError("InvalidArgument", prop);
      const { sheet, box } = this.resolve();
      requireReadable(box);
      const rows: string[][] = [];
      for (let r = box.top; r <= box.bottom; r++) {
        if (sheet.hiddenRows.has(r)) continue;
        const row: string[] = [];
        for (let c = box.left; c <= box.right; c++) row.push(`${quoteSheet(sheet.name)}!${a1(r, c)}`);
        rows.push(row);
      }
      return this.ctx.excel.responded(rows);
    });
  }

  /**
   * Range.getIntersection (ExcelApi 1.1): "Gets the range object that represents the rectangular intersection
   * of the given ranges" (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getintersection-member(1)).
   * Where there is none it throws ItemNotFound, as RangeAreas.getIntersection says in words ("If no
   * intersection is found, an ItemNotFound error will be thrown",
   * https://learn.microsoft.com/javascript/api/excel/excel.rangeareas#excel-excel-rangeareas-getintersection-member(1))
   * and as every accessor without OrNullObject does for what does not exist
   * (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model, "*OrNullObject methods").
   */
  getIntersection(another: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, box } = this.resolve();
      const other = parseBox(another);
      const meet = {
        top: Math.max(box.top, other.top),
        left: Math.max(box.left, other.left),
        bottom: Math.min(box.bottom, other.bottom),
        right: Math.min(box.right, other.right),
      };
      if (meet.top > meet.bottom || meet.left > meet.right) {
        throw new FakeOfficeError("ItemNotFound", `${another} does not meet the range.`);
      }
      return { sheet, box: meet };
    });
  }

  getMergedAreasOrNullObject(): FakeLoadableValue {
    this.ctx.excel.requireApi(13, "getMergedAreasOrNullObject");
    const areas = () => {
      const { sheet, box } = this.resolve();
      return sheet.merges.filter((m) => {
        const b = parseBox(m);
        return b.top <= box.bottom && b.bottom >= box.top && b.left <= box.right && b.right >= box.left;
      });
    };
    return new FakeLoadableValue(
      this.ctx,
      (prop) => {
        if (prop !== "address") throw new FakeOfficeError("InvalidArgument", prop);
        const { sheet } = this.resolve();
        return areas()
          .map((m) => `${quoteSheet(sheet.name)}!${m}`)
          .join(", ");
      },
      () => areas().length === 0,
    );
  }

  /**
   * Range.getSpecialCellsOrNullObject (ExcelApi 1.9): "Gets the RangeAreas object, comprising one or more
   * ranges, that represents all the cells that match the specified type and value. If no special cells are
   * found, then this method returns an object with its isNullObject property set to true"
   * (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getspecialcellsornullobject-member(1);
   * office/dev/add-ins/excel/excel-add-ins-ranges-special-cells, "Quick reference"). Modelled for
   * Excel.SpecialCellType "Constants" ("Cells containing constants") and "Formulas" ("Cells containing
   * formulas", https://learn.microsoft.com/javascript/api/excel/excel.specialcelltype): a cell is one or the
   * other, and an empty cell (a format only) is neither. Other types and a cellValueType are refused: the
   * fake does not know them. Excel does not document how it cuts the cells into rectangles; the fake takes
   * each row's runs of adjacent cells and stacks runs of the same columns in adjacent rows, so the port must
   * take any cut. Only the sheet's cells are visited, never the range's empty rectangle.
   */
  getSpecialCellsOrNullObject(cellType: string, cellValueType?: string): FakeRangeAreas {
    this.ctx.excel.requireApi(9, "getSpecialCellsOrNullObject");
    if ((cellType !== "Constants" && cellType !== "Formulas") || cellValueType !== undefined) {
      throw new FakeOfficeError("InvalidArgument", `The fake does not model special cells ${cellType}`);
    }
    return new FakeRangeAreas(this.ctx, () => {
      const { sheet, box } = this.resolve();
      const rows = new Map<number, number[]>();
      for (const [k, c] of sheet.cells) {
        const match = cellType === "Formulas" ? c.formula !== null : c.formula === null && c.value !== null;
        if (!match) continue;
        const [r, col] = k.split(":").map(Number) as [number, number];
        if (r < box.top || r > box.bottom || col < box.left || col > box.right) continue;
        const list = rows.get(r) ?? [];
        list.push(col);
        rows.set(r, list);
      }
      return { sheet, boxes: rectangles(rows) };
    });
  }

  /** Loaded as an item of a collection (RangeCollection): its values are there after the collection's sync. */
  fillFrom(props: string[]): void {
    this.loaded.set("isNullObject", false);
    for (const p of props) this.loaded.set(p, this.read(p));
  }

  getCellProperties(spec: { format?: { font?: { bold?: boolean }; fill?: { color?: boolean } } }): {
    value: unknown[][];
  } {
    this.ctx.excel.requireApi(9, "getCellProperties");
    const result: { value: unknown[][]; ready: boolean } = { value: [], ready: false };
    this.ctx.queue(false, () => {
      // CellPropertiesFormat: only what the spec asks for is returned (Range.getCellProperties, ExcelApi 1.9).
      result.value = this.each((s, r, c) => {
        const cell = this.ctx.excel.cellAt(s, r, c);
        return {
          format: {
            ...(spec.format?.font?.bold ? { font: { bold: cell?.bold === true } } : { font: {} }),
            ...(spec.format?.fill?.color ? { fill: { color: cell?.fill?.color ?? "#FFFFFF" } } : {}),
          },
        };
      });
      result.ready = true;
    });
    return {
      get value() {
        if (!result.ready) throw new PropertyNotLoaded("value");
        return result.value;
      },
    };
  }

  select(): void {
    this.ctx.queue(false, () => {
      const { sheet, box } = this.resolve();
      this.ctx.excel.workbook.selection = { sheet: sheet.name, address: boxAddress(box) };
    });
  }
}

/** Cells by row (columns in any order) → rectangles: each row's runs, stacked where adjacent rows have the same run. */
function rectangles(rows: Map<number, number[]>): Box[] {
  const done: Box[] = [];
  let open = new Map<string, Box>();
  let previous = NaN;
  for (const r of [...rows.keys()].sort((a, b) => a - b)) {
    const columns = rows.get(r)!.sort((a, b) => a - b);
    const next = new Map<string, Box>();
    for (let i = 0; i < columns.length;) {
      let j = i;
      while (j + 1 < columns.length && columns[j + 1] === columns[j]! + 1) j++;
      const span = `${columns[i]}:${columns[j]}`;
      const above = r === previous + 1 ? open.get(span) : undefined;
      if (above) {
        above.bottom = r;
        open.delete(span);
        next.set(span, above);
      } else {
        next.set(span, { top: r, bottom: r, left: columns[i]!, right: columns[j]! });
      }
      i = j + 1;
    }
    done.push(...open.values());
    open = next;
    previous = r;
  }
  done.push(...open.values());
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * Excel.RangeAreas (ExcelApi 1.9, https://learn.microsoft.com/javascript/api/excel/excel.rangeareas): "a
 * collection of one or more rectangular ranges in the same worksheet". Modelled: areaCount ("the number of
 * rectangular ranges"), cellCount ("Returns -1 if the cell count exceeds 2^31-1"), address ("Sheet1!A1:B4,
 * Sheet1!D1:D4") and areas, a RangeCollection whose items are read only after load() and sync().
 */
class FakeRangeAreas extends Loadable {
  private found: { sync: number; value: { sheet: FakeSheet; boxes: Box[] } } | undefined;
  constructor(
    ctx: FakeContext,
    private readonly find: () => { sheet: FakeSheet; boxes: Box[] },
  ) {
    super(ctx);
  }
  /** The cells as they are at this sync, looked for once per sync however many properties are loaded. */
  private target(): { sheet: FakeSheet; boxes: Box[] } {
    const sync = this.ctx.excel.syncs;
    if (this.found?.sync !== sync) this.found = { sync, value: this.find() };
    return this.found.value;
  }
  protected override isNull(): boolean {
    return this.target().boxes.length === 0;
  }
  protected override read(prop: string): unknown {
    const { sheet, boxes } = this.target();
    switch (prop) {
      case "areaCount":
        return boxes.length;
      case "cellCount": {
        const n = boxes.reduce((sum, b) => sum + (b.bottom - b.top + 1) * (b.right - b.left + 1), 0);
        return n > 2 ** 31 - 1 ? -1 : n;
      }
      case "address":
        return this.ctx.excel.responded(boxes.map((b) => this.ctx.excel.address(sheet, b)).join(", "));
    }
    return super.read(prop);
  }
  get areaCount(): number {
    return this.loadedValue("areaCount");
  }
  get cellCount(): number {
    return this.loadedValue("cellCount");
  }
  get address(): string {
    return this.loadedValue("address");
  }
  /** RangeAreas.areas: "Returns a collection of rectangular ranges that comprise this RangeAreas object." */
  get areas(): FakeRangeCollection {
    return new FakeRangeCollection(this.ctx, () => {
      const { sheet, boxes } = this.target();
      return boxes.map((box) => ({ sheet, box }));
    });
  }
}

/**
 * Excel.RangeCollection (ExcelApi 1.9, https://learn.microsoft.com/javascript/api/excel/excel.rangecollection):
 * items, "the loaded child items in this collection", throw until load() and sync(); each item is a Range
 * with the properties loaded ("items/values"), counted in the response like any range's.
 */
class FakeRangeCollection extends FakeCollection<FakeRange> {
  constructor(
    ctx: FakeContext,
    private readonly targets: () => RangeTarget[],
  ) {
    super(ctx);
  }
  protected itemsAtSync(props: string[]): FakeRange[] {
    return this.targets().map((t) => {
      const range = new FakeRange(this.ctx, () => t);
      range.fillFrom(props);
      return range;
    });
  }
}

/** A proxy with one computed property set (RangeView, RangeAreas). */
class FakeLoadableValue extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly compute: (prop: string) => unknown,
    private readonly nullWhen: () => boolean = () => false,
  ) {
    super(ctx);
  }
  protected override isNull(): boolean {
    return this.nullWhen();
  }
  protected override read(prop: string): unknown {
    return this.compute(prop);
  }
  get cellAddresses(): unknown[][] {
    return this.loadedValue("cellAddresses");
  }
  get address(): string {
    return this.loadedValue("address");
  }
}

class FakeRangeFormat extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly target: () => RangeTarget,
  ) {
    super(ctx);
  }

  protected override read(prop: string): unknown {
    if (prop === "verticalAlignment") {
      const t = this.target();
      return common(
        cellsIn(t).map(({ row, column }) => this.ctx.excel.cellAt(t.sheet, row, column)?.verticalAlignment ?? "Bottom"),
      );
    }
    if (prop === "wrapText") {
      const t = this.target();
      return common(cellsIn(t).map(({ row, column }) => this.ctx.excel.cellAt(t.sheet, row, column)?.wrap === true));
    }
    if (prop !== "columnWidth") return super.read(prop);
    const { sheet, box } = this.target();
    return sheet.columnWidths.get(box.left) ?? DEFAULT_WIDTH;
  }

  /**
   * RangeFormat.wrapText: "Specifies if Excel wraps the text in the object. A null value indicates that
   * the entire range doesn't have a uniform wrap setting"
   * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-wraptext-member).
   */
  /**
   * RangeFormat.verticalAlignment: "Specifies the vertical alignment for the specified object", one of
   * Excel.VerticalAlignment's Top, Center, Bottom, Justify, Distributed; Bottom is a new cell's
   * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-verticalalignment-member).
   */
  get verticalAlignment(): string | null {
    return this.loadedValue("verticalAlignment");
  }
  set verticalAlignment(alignment: string | null) {
    if (!["Top", "Center", "Bottom", "Justify", "Distributed"].includes(alignment ?? "")) {
      throw new FakeOfficeError("InvalidArgument", `verticalAlignment ${String(alignment)}`);
    }
    this.ctx.queue(true, () => {
      const t = this.target();
      for (const { row, column } of cellsIn(t)) {
        this.ctx.excel.writeCell(t.sheet, row, column, (cell) => {
          if (alignment === "Bottom") delete cell.verticalAlignment;
          else cell.verticalAlignment = alignment as Excel.VerticalAlignment;
        });
      }
    });
  }

  get wrapText(): boolean | null {
    return this.loadedValue("wrapText");
  }
  set wrapText(wrap: boolean | null) {
    this.ctx.queue(true, () => {
      const t = this.target();
      for (const { row, column } of cellsIn(t)) {
        this.ctx.excel.writeCell(t.sheet, row, column, (cell) => {
          if (wrap) cell.wrap = true;
          else delete cell.wrap;
        });
      }
    });
  }

  get columnWidth(): number {
    return this.loadedValue("columnWidth");
  }
  set columnWidth(width: number) {
    this.ctx.queue(true, () => {
      const { sheet, box } = this.target();
      if (sheet.protected) throw new FakeOfficeError("AccessDenied", "protected");
      for (let c = box.left; c <= box.right; c++) {
        if (width === DEFAULT_WIDTH) sheet.columnWidths.delete(c);
        else sheet.columnWidths.set(c, width);
      }
    });
  }

  get fill(): FakeFillProxy {
    return new FakeFillProxy(this.ctx, this.target);
  }

  get font(): FakeFontProxy {
    return new FakeFontProxy(this.ctx, this.target);
  }
}

/** One value for a range: the common value of its cells, null when they differ. */
function common<T>(values: T[]): T | null {
  return values.every((v) => v === values[0]) ? (values[0] ?? null) : null;
}

function cellsIn(t: RangeTarget): { row: number; column: number }[] {
  const out: { row: number; column: number }[] = [];
  for (let r = t.box.top; r <= t.box.bottom; r++)
    for (let c = t.box.left; c <= t.box.right; c++) out.push({ row: r, column: c });
  return out;
}

class FakeFillProxy extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly target: () => RangeTarget,
  ) {
    super(ctx);
  }

  private fills(): FakeFill[] {
    const t = this.target();
    return cellsIn(t).map(
      ({ row, column }) =>
        this.ctx.excel.cellAt(t.sheet, row, column)?.fill ?? { color: "#FFFFFF", pattern: "None", patternColor: null },
    );
  }

  protected override read(prop: string): unknown {
    const fills = this.fills();
    switch (prop) {
      case "color":
        return common(fills.map((f) => f.color));
      case "pattern":
        this.ctx.excel.requireApi(9, "fill.pattern");
        return common(fills.map((f) => f.pattern));
      case "patternColor":
        this.ctx.excel.requireApi(9, "fill.patternColor");
        return common(fills.map((f) => f.patternColor));
    }
    return super.read(prop);
  }

  private set(change: (fill: FakeFill) => FakeFill | undefined): void {
    this.ctx.queue(true, () => {
      const t = this.target();
      for (const { row, column } of cellsIn(t)) {
        this.ctx.excel.writeCell(t.sheet, row, column, (cell) => {
          const next = change(cell.fill ?? { color: "#FFFFFF", pattern: "None", patternColor: null });
          if (next) cell.fill = next;
          else delete cell.fill;
        });
      }
    });
  }

  get color(): string | null {
    return this.loadedValue("color");
  }
  set color(color: string | null) {
    this.set((f) => ({
      ...f,
      color: String(color).toUpperCase(),
      pattern: f.pattern === "None" ? "Solid" : f.pattern,
    }));
  }
  get pattern(): string | null {
    return this.loadedValue("pattern");
  }
  set pattern(pattern: string | null) {
    this.ctx.excel.requireApi(9, "fill.pattern");
    this.set((f) => (pattern === "None" ? undefined : { ...f, pattern: String(pattern) }));
  }
  get patternColor(): string | null {
    return this.loadedValue("patternColor");
  }
  set patternColor(color: string | null) {
    this.ctx.excel.requireApi(9, "fill.patternColor");
    this.set((f) => ({ ...f, patternColor: color }));
  }
  clear(): void {
    this.set(() => undefined);
  }
}

class FakeFontProxy extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly target: () => RangeTarget,
  ) {
    super(ctx);
  }
  protected override read(prop: string): unknown {
    if (prop !== "bold") return super.read(prop);
    const t = this.target();
    return common(cellsIn(t).map(({ row, column }) => this.ctx.excel.cellAt(t.sheet, row, column)?.bold === true));
  }
  get bold(): boolean | null {
    return this.loadedValue("bold");
  }
  set bold(bold: boolean | null) {
    this.ctx.queue(true, () => {
      const t = this.target();
      for (const { row, column } of cellsIn(t)) {
        this.ctx.excel.writeCell(t.sheet, row, column, (cell) => {
          if (bold) cell.bold = true;
          else delete cell.bold;
        });
      }
    });
  }
  set color(_color: string) {
    // Only on conditional formats in this fake.
  }
}

class FakeNameCollection extends FakeCollection<FakeNamedItem> {
  constructor(
    ctx: FakeContext,
    private readonly sheet: (() => FakeSheet) | undefined,
  ) {
    super(ctx);
  }

  private store(): { name: string; formula: string }[] {
    return this.sheet ? this.sheet().names : this.ctx.excel.workbook.names;
  }

  protected itemsAtSync(props: string[]): FakeNamedItem[] {
    return this.store().map((n) => {
      const item = new FakeNamedItem(this.ctx, () => n);
      item.fillFrom(props);
      return item;
    });
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(
      this.ctx,
      () => this.store().find((n) => n.name.toLowerCase() === name.toLowerCase()),
      () => this.store(),
    );
  }

  add(name: string, reference: string): void {
    this.ctx.queue(true, () => {
      const store = this.store();
      if (store.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
        throw new FakeOfficeError("ItemAlreadyExists", name);
      }
      store.push({ name, formula: reference.startsWith("=") ? reference : `=${reference}` });
    });
  }
}

class FakeNamedItem extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly target: () => { name: string; formula: string } | undefined,
    private readonly store?: () => { name: string; formula: string }[],
  ) {
    super(ctx);
  }
  protected override isNull(): boolean {
    return !this.target();
  }
  protected override read(prop: string): unknown {
    const n = this.target()!;
    if (prop === "name") return n.name;
    if (prop === "formula") return n.formula;
    return super.read(prop);
  }
  fillFrom(props: string[]): void {
    this.loaded.set("isNullObject", false);
    for (const p of props) this.loaded.set(p, this.read(p));
  }
  get name(): string {
    return this.loadedValue("name");
  }
  get formula(): string {
    return this.loadedValue("formula");
  }
  set formula(formula: string) {
    this.ctx.queue(true, () => {
      const n = this.target();
      if (!n) throw new FakeOfficeError("ItemNotFound", "name");
      n.formula = formula;
    });
  }
  delete(): void {
    this.ctx.queue(true, () => {
      const n = this.target();
      const store = this.store?.();
      if (!n || !store) throw new FakeOfficeError("ItemNotFound", "name");
      store.splice(store.indexOf(n), 1);
    });
  }
}

class FakeNoteCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {}

  getItemOrNullObject(cell: string): FakeNote {
    return new FakeNote(this.ctx, this.sheet, cell.replace(/\$/g, "").toUpperCase(), true);
  }

  getItem(cell: string): FakeNote {
    return new FakeNote(this.ctx, this.sheet, cell.replace(/\$/g, "").toUpperCase(), false);
  }

  add(cell: string, content: string): void {
    this.ctx.queue(true, () => {
      const s = this.sheet();
      if (s.protected) throw new FakeOfficeError("AccessDenied", "protected");
      const k = cell.replace(/\$/g, "").toUpperCase();
      if (s.notes.has(k)) throw new FakeOfficeError("InvalidArgument", `A note is already on ${k}`);
      s.notes.set(k, content);
    });
  }
}

class FakeNote extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly cell: string,
    private readonly orNull: boolean,
  ) {
    super(ctx);
  }
  private note(): string | undefined {
    return this.sheet().notes.get(this.cell);
  }
  protected override isNull(): boolean {
    if (this.note() !== undefined) return false;
    if (this.orNull) return true;
    throw new FakeOfficeError("ItemNotFound", `No note on ${this.cell}`);
  }
  protected override read(prop: string): unknown {
    if (prop === "content") return this.note();
    return super.read(prop);
  }
  get content(): string {
    return this.loadedValue("content");
  }
  set content(content: string) {
    this.ctx.queue(true, () => {
      const s = this.sheet();
      if (s.protected) throw new FakeOfficeError("AccessDenied", "protected");
      if (!s.notes.has(this.cell)) throw new FakeOfficeError("ItemNotFound", `No note on ${this.cell}`);
      s.notes.set(this.cell, content);
    });
  }
  delete(): void {
    this.ctx.queue(true, () => {
      const s = this.sheet();
      if (s.protected) throw new FakeOfficeError("AccessDenied", "protected");
      if (!s.notes.delete(this.cell)) throw new FakeOfficeError("ItemNotFound", `No note on ${this.cell}`);
    });
  }
}

class FakeCommentCollection extends FakeCollection<FakeCommentProxy> {
  constructor(ctx: FakeContext) {
    super(ctx);
  }
  /**
   * CommentCollection.getItem (ExcelApi 1.10): "Gets a comment from the collection based on its ID"
   * (https://learn.microsoft.com/javascript/api/excel/excel.commentcollection#excel-excel-commentcollection-getitem-member(1));
   * one that is not there is ItemNotFound when it is loaded, as every accessor without OrNullObject
   * (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model, "*OrNullObject methods").
   */
  getItem(id: string): FakeCommentProxy {
    this.ctx.excel.requireApi(10, "comments");
    return new FakeCommentProxy(this.ctx, id);
  }

  protected itemsAtSync(props: string[]): FakeCommentProxy[] {
    return this.ctx.excel.workbook.comments.map((c) => {
      const p = new FakeCommentProxy(this.ctx, c.id);
      p.fillFrom(props);
      return p;
    });
  }
  add(where: FakeRange | string, content: string): void {
    this.ctx.queue(true, () => {
      const excel = this.ctx.excel;
      let sheet: string;
      let cell: string;
      if (typeof where === "string") {
        const bang = where.lastIndexOf("!");
        sheet = where.slice(0, bang).replace(/^'(.*)'$/, "$1");
        cell = where.slice(bang + 1);
      } else {
        const t = where.resolve();
        sheet = t.sheet.name;
        cell = boxAddress(t.box);
      }
      if (excel.sheet(sheet)?.protected) throw new FakeOfficeError("AccessDenied", "protected");
      if (excel.workbook.comments.some((c) => c.sheet === sheet && c.cell === cell)) {
        throw new FakeOfficeError("InvalidOperation", "A comment is already on the cell");
      }
      excel.workbook.comments.push({ id: excel.nextCommentId(), sheet, cell, content });
    });
  }
}

class FakeCommentProxy extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly commentId: string,
  ) {
    super(ctx);
  }
  private comment(): FakeComment {
    const c = this.ctx.excel.workbook.comments.find((x) => x.id === this.commentId);
    if (!c) throw new FakeOfficeError("ItemNotFound", "comment");
    return c;
  }
  protected override read(prop: string): unknown {
    const c = this.comment();
    if (prop === "id") return c.id;
    if (prop === "content") return c.content;
    return super.read(prop);
  }
  fillFrom(props: string[]): void {
    this.loaded.set("isNullObject", false);
    for (const p of props) this.loaded.set(p, this.read(p));
  }
  get id(): string {
    return this.loadedValue("id");
  }
  get content(): string {
    return this.loadedValue("content");
  }
  set content(content: string) {
    this.ctx.queue(true, () => {
      this.comment().content = content;
    });
  }
  delete(): void {
    this.ctx.queue(true, () => {
      const list = this.ctx.excel.workbook.comments;
      list.splice(list.indexOf(this.comment()), 1);
    });
  }
  getLocation(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const c = this.comment();
      return { sheet: this.ctx.excel.sheet(c.sheet)!, box: parseBox(c.cell) };
    });
  }
}

export { columnLetters };
