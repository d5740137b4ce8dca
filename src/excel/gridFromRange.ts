/**
 * Office range data → the Grid of src/grid/grid.ts, exactly as
 * src/xlsx/readGrid.ts builds it from a file, so one analysis serves both.
 * Pure: no Office.js here, so it is tested on plain arrays.
 *
 * What Office.js reports, and what the Grid wants:
 * - values: "" for an empty cell → null; an error as its text ("#REF!") →
 *   { error: "#REF!" }; a number in a date format (Excel's serial number) →
 *   the ISO date ExcelJS gives ("2024-03-15", or with the time of day);
 * - formulas: the formula ("=SUM(B5:B9)") for formula cells, the value
 *   elsewhere → the formula or null;
 * - numberFormat: "General" → null;
 * - merged areas: every cell but the top-left one → null in all three;
 * - the used range is trimmed to the cells with a value or a formula;
 * - only the cells that hold something are kept (the Grid is sparse).
 */
import {
  type CellValue,
  type DefinedName,
  errorFromText,
  type GridSheet,
  parseAddress,
  SheetBuilder,
  parseRangeRef,
  address as a1,
  mergesWithin,
} from "../grid";

/** One worksheet as read through Office.js: its used range's arrays (null when the sheet is empty). */
export interface RangeData {
  readonly name: string;
  /** Worksheet.visibility: "Visible", "Hidden" or "VeryHidden". */
  readonly visibility: string;
  /** The used range's address, "'Budget 2025'!A1:F28"; undefined for an empty sheet. */
  readonly address?: string;
  readonly values?: readonly (readonly unknown[])[];
  readonly formulas?: readonly (readonly unknown[])[];
  readonly numberFormat?: readonly (readonly unknown[])[];
  /** 1-based rows hidden. */
  readonly hiddenRows?: readonly number[];
  /** Merged areas, "A1:F1" or with the sheet ("Blad1!A1:F1"). */
  readonly merges?: readonly string[];
}

/** "'Budget 2025'!B5:D9" or "B5:D9" → corners. */
export function rangeCorners(
  address: string,
): { top: number; left: number; bottom: number; right: number } | undefined {
  const local = address.includes("!") ? address : `X!${address}`;
  const r = parseRangeRef(local);
  if (!r) return undefined;
  return {
    top: Math.min(r.start.row, r.end.row),
    left: Math.min(r.start.column, r.end.column),
    bottom: Math.max(r.start.row, r.end.row),
    right: Math.max(r.start.column, r.end.column),
  };
}

/** ExcelJS's test for a date format (utils.isDateFmt): date letters outside quotes and brackets. */
export function isDateFormat(format: string | null): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

/** Excel's serial date (1900 system) → "2024-03-15", or "2024-03-15T08:30:00" with a time of day. */
export function serialToIso(serial: number): string | null {
  const ms = Math.round((serial - 25569) * 24 * 3600 * 1000);
  const t = Math.round(ms / 1000) * 1000;
  if (!Number.isFinite(t)) return null;
  const iso = new Date(t).toISOString();
  return iso.slice(11, 19) === "00:00:00" ? iso.slice(0, 10) : iso.slice(0, 19);
}

function formatOf(raw: unknown): string | null {
  if (typeof raw !== "string" || raw === "" || raw.toLowerCase() === "general") return null;
  return raw;
}

function valueOf(raw: unknown, format: string | null): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return null;
    return isDateFormat(format) ? serialToIso(raw) : raw;
  }
  if (typeof raw === "string") return raw === "" ? null : (errorFromText(raw) ?? raw);
  if (typeof raw === "boolean") return raw;
  return null;
}

function formulaOf(raw: unknown): string | null {
  return typeof raw === "string" && raw.startsWith("=") && raw.length > 1 ? raw : null;
}

/**
 * The used range's arrays → one GridSheet of the cells that hold something
 * (a value, a formula or a format other than General), trimmed to the cells
 * with a value or a formula.
 */
export function gridSheetFromRange(data: RangeData): GridSheet {
  const corners = data.address ? rangeCorners(data.address) : undefined;
  const merges = (data.merges ?? [])
    .map((m) => rangeCorners(m))
    .filter((m): m is NonNullable<typeof m> => !!m)
    .sort((x, y) => x.top - y.top || x.left - y.left);
  const builder = new SheetBuilder({
    name: data.name,
    visible: data.visibility === "Visible",
    hiddenRows: [...(data.hiddenRows ?? [])].sort((x, y) => x - y),
    merges: merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`),
  });
  if (!corners || !data.values) return builder.build();

  // Merged areas: only the top-left cell holds anything, as in the .xlsx reader.
  const mergedByRow = new Map<number, { left: number; right: number; master: boolean }[]>();
  for (const m of merges) {
    for (let row = Math.max(m.top, corners.top); row <= Math.min(m.bottom, corners.bottom); row++) {
      const spans = mergedByRow.get(row) ?? [];
      spans.push({ left: m.left, right: m.right, master: row === m.top });
      mergedByRow.set(row, spans);
    }
  }
  const merged = (row: number, column: number) =>
    mergedByRow.get(row)?.some((s) => column >= s.left && column <= s.right && !(s.master && column === s.left)) ??
    false;

  const height = data.values.length;
  for (let i = 0; i < height; i++) {
    const row = corners.top + i;
    const rawValues = data.values[i]!;
    const rawFormulas = data.formulas?.[i];
    const rawFormats = data.numberFormat?.[i];
    const hasMerges = mergedByRow.has(row);
    for (let j = 0; j < rawValues.length; j++) {
      const column = corners.left + j;
      if (hasMerges && merged(row, column)) {
        builder.cell(row, column, null, null, null);
        continue;
      }
      const format = formatOf(rawFormats?.[j]);
      const value = valueOf(rawValues[j], format);
      const formula = formulaOf(rawFormulas?.[j]);
      if (value !== null || formula !== null || format !== null) builder.cell(row, column, value, formula, format);
    }
  }
  return builder.build();
}

/** Excel's own names (print areas, filters) and helper names, which the .xlsx reader leaves out too. */
const BUILT_IN =
  /^(?:_xlnm\.|_xlfn\.)|^(?:Print_Area|Print_Titles|_FilterDatabase|Criteria|Extract|Consolidate_Area)$/i;

/** NamedItem name and formula ("='Långtidsbudget'!$B$5:$B$8") → DefinedName; workbook names first, then sheet names. */
export function definedNamesFrom(
  workbook: readonly { readonly name: string; readonly formula: unknown }[],
  sheetLevel: readonly { readonly name: string; readonly formula: unknown }[] = [],
): DefinedName[] {
  const convert = (items: readonly { name: string; formula: unknown }[], sheetScoped: boolean) =>
    items
      .filter((n) => !(sheetScoped ? BUILT_IN : /^(?:_xlnm\.|_xlfn\.)/i).test(n.name))
      .map((n) => ({ name: n.name, ref: String(n.formula ?? "").replace(/^=/, "") }))
      .filter((n) => n.ref !== "");
  return [...convert(workbook, false), ...convert(sheetLevel, true)];
}

/** "Blad1!A5" → 5. */
export function rowOf(address: string): number | undefined {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  return parseAddress(local.split(":")[0]!)?.row;
}

/** One rectangle of cells read through Office.js: a special-cells area, or a chunk of rows of one. */
export interface AreaData {
  /** "'Budget 2025'!A1:C10" or "XFD1048576". */
  readonly address: string;
  readonly values: readonly (readonly unknown[])[];
  readonly formulas?: readonly (readonly unknown[])[];
  readonly numberFormat?: readonly (readonly unknown[])[];
}

/** A sheet read by the cells that exist (its constants and formulas), not by its used range. */
export interface SparseSheetData {
  readonly name: string;
  readonly visibility: string;
  readonly areas: readonly AreaData[];
  /** 1-based rows hidden among the rows that hold a cell; "all" when every row of the used range is. */
  readonly hiddenRows?: readonly number[] | "all";
  /** Merged areas, as for RangeData. */
  readonly merges?: readonly string[];
}

/**
 * The cells of a sheet's special-cells areas → one GridSheet, as
 * gridSheetFromRange builds it from the used range, for the cells that hold
 * a value or a formula. Formats of empty cells are not read (Excel names no
 * such cells), and merged areas are clipped to the cells that exist, as the
 * .xlsx reader clips them. Work follows the cells, not the used range.
 */
export function gridSheetFromAreas(data: SparseSheetData): GridSheet {
  const merges = (data.merges ?? []).map((m) => rangeCorners(m)).filter((m): m is NonNullable<typeof m> => !!m);
  const builder = new SheetBuilder({ name: data.name, visible: data.visibility === "Visible" });
  for (const area of data.areas) {
    const corners = rangeCorners(area.address);
    if (!corners) continue;
    // Only the top-left cell of a merged area holds anything, as in the .xlsx reader.
    const covering = merges.filter(
      (m) => m.top <= corners.bottom && m.bottom >= corners.top && m.left <= corners.right && m.right >= corners.left,
    );
    const hidden = (row: number, column: number) =>
      covering.some(
        (m) =>
          row >= m.top &&
          row <= m.bottom &&
          column >= m.left &&
          column <= m.right &&
          !(row === m.top && column === m.left),
      );
    for (let i = 0; i < area.values.length; i++) {
      const row = corners.top + i;
      const rawValues = area.values[i]!;
      const rawFormulas = area.formulas?.[i];
      const rawFormats = area.numberFormat?.[i];
      for (let j = 0; j < rawValues.length; j++) {
        const column = corners.left + j;
        if (covering.length > 0 && hidden(row, column)) continue;
        const format = formatOf(rawFormats?.[j]);
        const value = valueOf(rawValues[j], format);
        const formula = formulaOf(rawFormulas?.[j]);
        if (value !== null || formula !== null) builder.cell(row, column, value, formula, format);
      }
    }
  }
  const sheet = builder.build();
  const rowsWithCells = [...sheet.rows.keys()];
  const hiddenRows =
    data.hiddenRows === "all"
      ? rowsWithCells
      : [...new Set(data.hiddenRows ?? [])].filter((r) => sheet.rows.has(r)).sort((x, y) => x - y);
  return { ...sheet, hiddenRows, merges: mergesWithin(sheet, merges) };
}
