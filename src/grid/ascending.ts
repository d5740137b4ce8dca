/** Searches over ascending lists of row and column numbers: what SheetView and SheetBuilder walk by. */

/** A cell's place in its row, by binary search over the row's columns; -1 when the row has no such cell. */
export function indexIn(columns: readonly number[], column: number): number {
  let lo = 0;
  let hi = columns.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = columns[mid]!;
    if (c === column) return mid;
    if (c < column) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The first index in an ascending list whose entry is at least `n`. */
function firstAtLeast(list: readonly number[], n: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < n) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The entries of an ascending list within [from, to]. */
export function within(list: readonly number[], from: number, to: number): readonly number[] {
  const start = firstAtLeast(list, from);
  const end = firstAtLeast(list, to + 1);
  return start === 0 && end === list.length ? list : list.slice(start, end);
}

/** A map's keys, ascending: as they are when they were added in order, else sorted. */
export function sortedKeys(rows: ReadonlyMap<number, unknown>): number[] {
  const keys = [...rows.keys()];
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return keys.sort((a, b) => a - b);
  return keys;
}
