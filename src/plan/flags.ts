/**
 * A finding on the user's own cell: the fill by severity and the add-in's note, decided here once for
 * both shells (src/excel, src/xlsx).
 */
import { type Finding, type Severity, SEVERITY_ORDER, worseSeverity } from "../domain";
import { address, parseAddress } from "../grid/grid";
import { CONTROL_SHEET } from "../read/addinSheets";
import { addinNote } from "./notes";
import type { Flag } from "./types";

export const SEVERITY_FILL: Record<Severity, string> = { error: "FFC7CE", warning: "FFEB9C", info: "DDEBF7" };

/**
 * Where findings meet, merged here once, for both shells: one flag per note
 * cell (a range's first cell), covering every finding's cells, with the
 * worst severity and every message in its note. Flags are ordered from the
 * mildest to the worst, so where ranges still overlap, the cell applied last
 * carries the worse fill.
 */
export function flagsOf(findings: readonly Finding[]): Flag[] {
  const byAnchor = new Map<
    string,
    { sheet: string; area: Area; severity: Severity; codes: string[]; notes: string[]; order: number }
  >();
  for (const f of findings) {
    // Finsam-kontroll is rewritten by every analysis (after the flags, in both shells): its cells are pointed at, not flagged.
    if (!f.sheet || !f.cell || f.sheet === CONTROL_SHEET) continue;
    const area = areaOf(f.cell);
    if (!area) continue;
    const key = `${f.sheet}!${address(area.top, area.left)}`;
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
    const text = f.scenario ? `${f.message.sv} [${f.scenario}]` : f.message.sv;
    if (!flag.notes.includes(text)) flag.notes.push(text);
    byAnchor.set(key, flag);
  }
  return [...byAnchor.values()]
    .sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] || a.order - b.order)
    .map((f) => ({
      sheet: f.sheet,
      cell:
        f.area.top === f.area.bottom && f.area.left === f.area.right
          ? address(f.area.top, f.area.left)
          : `${address(f.area.top, f.area.left)}:${address(f.area.bottom, f.area.right)}`,
      severity: f.severity,
      codes: f.codes,
      note: addinNote(f.notes),
    }));
}

interface Area {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
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
