/**
 * A finding on the user's own cell: the fill by severity and the add-in's note, decided here once for
 * both shells (src/excel, src/xlsx), down to each cell, so that they only write what the plan holds.
 */
import {
  type Finding,
  type Scenario,
  scenarioNames,
  scenariosOf,
  type Severity,
  SEVERITY_ORDER,
  worseSeverity,
} from "../domain";
import { address, parseAddress } from "../grid";
import { CONTROL_SHEET } from "../read/addinSheets";
import { addinNote } from "./notes";
import type { Flag, FlagCell } from "./types";

export const SEVERITY_FILL: Record<Severity, string> = { error: "FFC7CE", warning: "FFEB9C", info: "DDEBF7" };

/**
 * Where findings meet, merged here once, for both shells: one flag per note
 * cell (a range's first cell), covering every finding's cells, with the
 * worst severity and every message in its note. Flags are ordered from the
 * mildest to the worst. Where flags still overlap, each cell is resolved here
 * too (flagCells): the shells write every flag's `cells` as they stand.
 */
export function flagsOf(findings: readonly Finding[], scenarios: readonly Scenario[] = []): Flag[] {
  const merged = mergeByAnchor(findings, scenarios).sort(
    (a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] || a.order - b.order,
  );
  const notes = merged.map((f) => addinNote(f.notes));
  const cells = flagCells(merged, notes);
  return merged.map((f, i) => ({
    sheet: f.sheet,
    cell:
      f.area.top === f.area.bottom && f.area.left === f.area.right
        ? address(f.area.top, f.area.left)
        : `${address(f.area.top, f.area.left)}:${address(f.area.bottom, f.area.right)}`,
    severity: f.severity,
    codes: f.codes,
    note: notes[i]!,
    cells: cells[i]!,
  }));
}

/** Findings that share a first cell, as one: every cell of theirs, the worst severity, each message once. */
interface Merged {
  readonly sheet: string;
  area: Area;
  severity: Severity;
  readonly codes: string[];
  readonly notes: string[];
  /** The order its first finding came in. */
  readonly order: number;
}

function mergeByAnchor(findings: readonly Finding[], scenarios: readonly Scenario[]): Merged[] {
  const byAnchor = new Map<string, Merged>();
  for (const f of findings) {
    // Finsam-kontroll is rewritten by every analysis (after the flags, in both shells): its cells are pointed at, not flagged.
    if (!f.sheet || !f.cell || f.sheet === CONTROL_SHEET) continue;
    const area = areaOf(f.cell);
    if (!area) continue;
    const key = cellKey(f.sheet, area.top, area.left);
    const flag = byAnchor.get(key) ?? {
      sheet: f.sheet,
      area,
      severity: f.severity,
      codes: [],
      notes: [],
      order: byAnchor.size,
    };
    flag.area = {
      top: flag.area.top,
      left: flag.area.left,
      bottom: Math.max(flag.area.bottom, area.bottom),
      right: Math.max(flag.area.right, area.right),
    };
    flag.severity = worseSeverity(flag.severity, f.severity);
    if (!flag.codes.includes(f.code)) flag.codes.push(f.code);
    const text = f.scenario ? `${scenarioNames(scenariosOf(f), scenarios)}: ${f.message.sv}` : f.message.sv;
    if (!flag.notes.includes(text)) flag.notes.push(text);
    byAnchor.set(key, flag);
  }
  return [...byAnchor.values()];
}

/**
 * What each flag writes, cell by cell, where flags overlap: a cell takes the worst severity's fill of
 * every flag that covers it, and each flag's note stands on its first cell alone. Each cell is written
 * once, under the flag whose note it carries, or else under the first flag (in the plan's order) that
 * covers it.
 */
function flagCells(flags: readonly Merged[], notes: readonly string[]): FlagCell[][] {
  const resolved = new Map<string, { owner: number; severity: Severity }>();
  flags.forEach((flag, i) => {
    forEachCell(flag.area, (row, column) => {
      const key = cellKey(flag.sheet, row, column);
      const known = resolved.get(key);
      resolved.set(
        key,
        known
          ? { ...known, severity: worseSeverity(known.severity, flag.severity) }
          : { owner: i, severity: flag.severity },
      );
    });
  });
  flags.forEach((flag, i) => {
    const anchor = cellKey(flag.sheet, flag.area.top, flag.area.left);
    resolved.set(anchor, { ...resolved.get(anchor)!, owner: i });
  });
  return flags.map((flag, i) => {
    const cells: FlagCell[] = [];
    forEachCell(flag.area, (row, column) => {
      const cell = resolved.get(cellKey(flag.sheet, row, column))!;
      if (cell.owner !== i) return;
      const anchor = row === flag.area.top && column === flag.area.left;
      cells.push({
        cell: address(row, column),
        fill: SEVERITY_FILL[cell.severity],
        ...(anchor ? { note: notes[i]! } : {}),
      });
    });
    return cells;
  });
}

interface Area {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

const cellKey = (sheet: string, row: number, column: number) => `${sheet}!${address(row, column)}`;

/** An area's cells, row by row, its first cell first. */
function forEachCell(area: Area, visit: (row: number, column: number) => void): void {
  for (let row = area.top; row <= area.bottom; row++) {
    for (let column = area.left; column <= area.right; column++) visit(row, column);
  }
}

/** "C7:C11" or "C7" → its corners, top-left first. */
function areaOf(cell: string): Area | undefined {
  const [a, b] = cell.split(":");
  const start = parseAddress(a!);
  const end = b === undefined ? start : parseAddress(b);
  if (!start || !end) return undefined;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.column, end.column),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.column, end.column),
  };
}
