/** A1 addressing: column letters, cell addresses, ranges and sheet references as formulas write them. */

/** "A" → 1, "AB" → 28. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const LETTERS: string[] = [];

/** 1 → "A", 28 → "AB". Remembered: every cell the readers touch asks for its column's letters. */
export function columnLetters(column: number): string {
  const known = LETTERS[column];
  if (known !== undefined) return known;
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  if (column <= 16384) LETTERS[column] = s;
  return s;
}

export function address(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** A rectangle of cells by 1-based rows and columns. */
export interface CellArea {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * Merged areas clipped to a sheet's used range, as "A1:D1" top to bottom: a
 * merge (a whole-sheet one too) costs no more than the cells it covers, and
 * one clipped to a single cell or to nothing is no merge.
 */
export function mergesWithin(usedRange: CellArea, areas: readonly CellArea[]): string[] {
  return areas
    .map((a) => ({
      top: Math.max(a.top, usedRange.top),
      left: Math.max(a.left, usedRange.left),
      bottom: Math.min(a.bottom, usedRange.bottom),
      right: Math.min(a.right, usedRange.right),
    }))
    .filter((a) => a.top <= a.bottom && a.left <= a.right && (a.top < a.bottom || a.left < a.right))
    .sort((a, b) => a.top - b.top || a.left - b.left)
    .map((a) => `${address(a.top, a.left)}:${address(a.bottom, a.right)}`);
}

/**
 * "B12" → { row: 12, column: 2 }; "$B$12" too. Read character by character:
 * spans parse thousands of addresses, and a regular expression's match is an allocation each.
 */
export function parseAddress(a: string): { row: number; column: number } | undefined {
  const s = a.trim();
  let i = s.startsWith("$") ? 1 : 0;
  const lettersFrom = i;
  let column = 0;
  for (; i < s.length; i++) {
    const letter = s.charCodeAt(i) | 32; // lower case
    if (letter < 97 || letter > 122) break;
    column = column * 26 + (letter - 96);
  }
  if (i === lettersFrom || i - lettersFrom > 3) return undefined;
  if (s[i] === "$") i++;
  if (i === s.length) return undefined;
  let row = 0;
  for (; i < s.length; i++) {
    const digit = s.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    row = row * 10 + digit;
  }
  return { row, column };
}

/** "'Långtidsbudget'!$B$5:$B$8" → its sheet and corners; undefined for #REF! and the like. */
export function parseRangeRef(
  ref: string,
): { sheet: string; start: { row: number; column: number }; end: { row: number; column: number } } | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^!'"]+))!(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?$/.exec(
    ref.trim().replace(/^=/, ""),
  );
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
  const start = parseAddress(m[3]!);
  const end = m[4] ? parseAddress(m[4]) : start;
  return start && end ? { sheet, start, end } : undefined;
}

/** The areas of a name's reference, split at the commas between them (not at a comma inside a quoted sheet name). */
export function splitAreas(ref: string): string[] {
  return ref
    .replace(/^=/, "")
    .split(/,\s*(?=(?:'(?:[^']|'')+'|[^',!\s]+)!)/)
    .map((part) => part.trim());
}

/** A sheet name as a formula reference: 'Budget 2025'!B14. */
/** Whether a formula refers to a cell of the sheet ("'Budget 2025'!B7", "Export!F5"), quoted or not. */
export function refersToSheet(formula: string, sheet: string): boolean {
  return formula.includes(`'${sheet.replace(/'/g, "''")}'!`) || formula.includes(`${sheet}!`);
}

export function sheetRef(sheet: string, cell: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? `${sheet}!${cell}` : `'${sheet.replace(/'/g, "''")}'!${cell}`;
}
