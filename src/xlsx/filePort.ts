/**
 * The WorkbookPort on an .xlsx file held in memory: the pane in a plain
 * browser (and tests) read, flag, edit and undo exactly as inside Excel, and
 * `download()` gives the annotated copy. The file the user picked is never
 * changed; every write goes to the ExcelJS workbook in memory.
 *
 * Undo: before each write the port keeps the workbook's bytes as they were
 * (a snapshot of every cell, style, note, sheet and name at once, the
 * control sheet included), so "Ångra" restores them exactly.
 *
 * Flags: the port remembers each flagged cell's own style and note from
 * before its first flag, so "Ta bort markeringar" restores them; flags it
 * finds from an earlier run (a note starting with NOTE_PREFIX, e.g. a copy
 * written by `npm run check -- --out`) lose the note and the severity fill.
 */
import ExcelJS from "exceljs";
import type { PortCapabilities, WorkbookPort } from "../app/workbookPort";
import { WorkbookError } from "../app/workbookPort";
import type { Grid } from "../grid/grid";
import { readGridFromBuffer } from "./readGrid";
import { loadWorkbook, loadWorkbookParts } from "./loadWorkbook";
import { applyWritePlan, finishXlsx } from "./writeAnnotated";
import type { WorkbookEdits } from "../grid/edits";
import type { WritePlan } from "../plan/types";
import { SEVERITY_FILL } from "../plan/flags";
import { splitNote } from "../plan/notes";

export interface FilePort extends WorkbookPort {
  /** The file's name as the user picked it. */
  readonly fileName: string;
  /** The workbook as it now stands (flags, control sheet, edits), as .xlsx bytes. */
  download(): Promise<Uint8Array>;
}

const CAPABILITIES: PortCapabilities = {
  host: "file",
  annotations: "note",
  nativeUndo: false,
  goToCell: false,
  liveChanges: false,
};

/** A cell's own look and note before the add-in flagged it. */
interface Original {
  readonly style: Partial<ExcelJS.Style>;
  readonly note: ExcelJS.Cell["note"] | undefined;
}

interface Snapshot {
  readonly bytes: Uint8Array;
  readonly originals: ReadonlyMap<string, Original>;
  readonly plan: WritePlan | undefined;
}

const OUR_FILLS = new Set(Object.values(SEVERITY_FILL).map((rgb) => `FF${rgb}`.toUpperCase()));

export async function createFilePort(
  bytes: Uint8Array,
  fileName: string,
  /** How the file is first read: the pane passes a Web Worker with a time budget (readInWebWorker.ts). */
  readGrid: (bytes: Uint8Array, fileName: string) => Promise<Grid> = readGridFromBuffer,
): Promise<FilePort> {
  // Reading first gives the reader's typed, Swedish error for a file that is no workbook, and stops a file on
  // which the parser would never return before ExcelJS loads it here.
  let grid: Grid | undefined = await readGrid(bytes, fileName);
  let current = bytes;
  // The user's large names, merges and data validations, set aside for ExcelJS, go back into the downloaded copy.
  const first = await loadWorkbookParts(bytes);
  const setAside = first.setAside;
  let workbook = first.workbook;
  let originals = new Map<string, Original>();
  /** The last plan applied: its board sheet's chart is added to the file on download. */
  let lastPlan: WritePlan | undefined;
  const undoStack: Snapshot[] = [];

  /** Runs one write as one undoable step; nothing changes when it fails. */
  async function write(change: (wb: ExcelJS.Workbook) => void): Promise<void> {
    const before: Snapshot = { bytes: current, originals: new Map(originals), plan: lastPlan };
    try {
      change(workbook);
      current = await save(workbook);
    } catch (cause) {
      workbook = await load(before.bytes);
      originals = new Map(before.originals);
      lastPlan = before.plan;
      const detail = cause instanceof Error ? cause.message.split("\n")[0] : String(cause);
      throw new WorkbookError("WRITE_FAILED", {
        sv: `Ändringen kunde inte skrivas i ${fileName}: ${detail}. Inget ändrades.`,
        en: `The change could not be written to ${fileName}: ${detail}. Nothing was changed.`,
      });
    }
    undoStack.push(before);
    grid = undefined;
  }

  function removeOwnFlags(wb: ExcelJS.Workbook): void {
    for (const [key, original] of originals) {
      const [sheetName, address] = splitKey(key);
      const cell = wb.getWorksheet(sheetName)?.getCell(address);
      if (!cell) continue;
      cell.style = clone(original.style);
      setNote(cell, original.note);
    }
    originals = new Map();
    // Flags from an earlier run, which this port did not make: our note part and our fill go.
    wb.eachSheet((sheet) => {
      sheet.eachRow({ includeEmpty: false }, (row) => {
        row.eachCell({ includeEmpty: true }, (cell) => {
          const { user, addin } = splitNote(noteText(cell.note));
          if (addin === undefined) return;
          setNote(cell, user || undefined);
          const fill = cell.style.fill;
          const argb = fill?.type === "pattern" ? fill.fgColor?.argb?.toUpperCase() : undefined;
          if (argb && OUR_FILLS.has(argb)) {
            const { fill: _fill, ...rest } = cell.style;
            cell.style = rest;
          }
        });
      });
    });
  }

  return {
    capabilities: CAPABILITIES,
    fileName,

    async readGrid() {
      grid ??= await readGridFromBuffer(current, fileName);
      return grid;
    },

    async applyPlan(plan: WritePlan) {
      await write((wb) => {
        removeOwnFlags(wb);
        for (const flag of plan.flags) {
          const sheet = wb.getWorksheet(flag.sheet);
          if (!sheet) continue;
          for (const write of flag.cells) {
            const cell = sheet.getCell(write.cell);
            const key = cellKey(flag.sheet, cell.address);
            if (!originals.has(key)) originals.set(key, { style: clone(cell.style), note: cloneNote(cell.note) });
          }
        }
        applyWritePlan(wb, plan, true);
        // A later plan without a board sheet leaves the board sheet (and its chart) as it was.
        // Likewise Finsam-uppföljning: a later plan without one keeps the one written before.
        const board = plan.boardSheet ?? lastPlan?.boardSheet;
        const followUp = plan.followUpSheet ?? lastPlan?.followUpSheet;
        lastPlan = {
          ...plan,
          ...(board ? { boardSheet: board } : {}),
          ...(followUp ? { followUpSheet: followUp } : {}),
        };
      });
    },

    async applyEdits(edits: WorkbookEdits) {
      await write((wb) => {
        for (const name of edits.sheets ?? []) if (!wb.getWorksheet(name)) wb.addWorksheet(name);
        for (const edit of edits.cells) {
          const sheet = wb.getWorksheet(edit.sheet);
          if (!sheet) throw new Error(`bladet ${edit.sheet} finns inte`);
          const cell = sheet.getCell(edit.cell);
          if (edit.formula !== undefined) {
            cell.value = {
              formula: edit.formula.replace(/^=/, ""),
              ...(edit.value !== undefined ? { result: edit.value } : {}),
            } as ExcelJS.CellFormulaValue;
          } else if (edit.value !== undefined) {
            cell.value = edit.value === "" ? null : edit.value;
          }
          if (edit.numberFormat) cell.style = { ...cell.style, numFmt: edit.numberFormat };
        }
        if (edits.names && edits.names.length > 0) {
          const replaced = new Set(edits.names.map((n) => n.name.toLowerCase()));
          const model = wb.definedNames.model as { name: string; ranges: string[] }[];
          wb.definedNames.model = [
            ...model.filter((d) => !replaced.has(d.name.toLowerCase())),
            ...edits.names.map((n) => ({ name: n.name, ranges: [n.ref.replace(/^=/, "")] })),
          ];
        }
      });
    },

    canUndo() {
      return undoStack.length > 0;
    },

    async undo() {
      const last = undoStack.pop();
      if (!last) {
        throw new WorkbookError("NOTHING_TO_UNDO", {
          sv: "Det finns inget att ångra.",
          en: "There is nothing to undo.",
        });
      }
      workbook = await load(last.bytes);
      current = last.bytes;
      originals = new Map(last.originals);
      lastPlan = last.plan;
      grid = undefined;
      // The file is the add-in's alone between a write and its undo: nothing the user changed is overwritten.
      return { kept: [] };
    },

    async removeFlags() {
      await write(removeOwnFlags);
    },

    async goToCell(sheet: string, cell: string) {
      throw new WorkbookError(
        "UNSUPPORTED_VERSION",
        {
          sv: `Att gå till en cell (${sheet}!${cell}) går bara i Excel.`,
          en: `Going to a cell (${sheet}!${cell}) works only in Excel.`,
        },
        { sheet, cell },
      );
    },

    onChange() {
      return () => undefined;
    },

    async download() {
      return current === bytes ? current : finishXlsx(current, lastPlan, setAside);
    },
  };
}

function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  return loadWorkbook(bytes);
}

async function save(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const out = await workbook.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}

/** Styles and notes are plain JSON in ExcelJS. */
function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function cellKey(sheet: string, address: string): string {
  return `${sheet}\u0000${address}`;
}

function splitKey(key: string): [string, string] {
  const i = key.indexOf("\u0000");
  return [key.slice(0, i), key.slice(i + 1)];
}

function noteText(note: ExcelJS.Cell["note"] | undefined): string | undefined {
  if (!note) return undefined;
  if (typeof note === "string") return note;
  return note.texts?.map((t) => t.text).join("") ?? undefined;
}

function cloneNote(note: ExcelJS.Cell["note"] | undefined): ExcelJS.Cell["note"] | undefined {
  return note === undefined || typeof note === "string" ? note : clone(note);
}

/** Sets or removes a cell's note (ExcelJS has no public way to remove one). */
function setNote(cell: ExcelJS.Cell, note: ExcelJS.Cell["note"] | undefined): void {
  if (note === undefined || note === "") {
    // The note lives in two places once loaded: the cell's comment and its value's stored model.
    const inner = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
    inner._comment = undefined;
    if (inner._value?.model) delete inner._value.model.comment;
  } else {
    cell.note = note;
  }
}
