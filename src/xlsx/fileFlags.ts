/**
 * The file port's flags: it remembers each flagged cell's own format and note from before its first
 * flag, so "Ta bort markeringar" puts them back exactly; flags it finds from an earlier run (a note with
 * the add-in's part, e.g. a copy written by `npm run check -- --out`) lose that part and the severity fill.
 * What a flag writes on a cell is writeAnnotated.ts's, as the plan decided it.
 */
import { SEVERITY_FILL } from "../plan/flags";
import { splitNote } from "../plan/notes";
import type { Flag } from "../plan/types";
import { type CellChange, type CellLook, lookKey, notesAndFills, readLooks } from "./package/changes";

/** Each flagged cell's own look and note before its first flag, by lookKey(sheet, cell). */
export type Originals = Map<string, CellLook>;

const OUR_FILLS = new Set(Object.values(SEVERITY_FILL).map((rgb) => rgb.toUpperCase()));

/** Before the flags are written: each of their cells' own look and note, where not remembered already. */
export async function rememberOriginals(
  bytes: Uint8Array,
  flags: readonly Flag[],
  originals: Originals,
): Promise<void> {
  const cells = flags
    .flatMap((f) => f.cells.map((w) => ({ sheet: f.sheet, cell: w.cell })))
    .filter((c) => !originals.has(lookKey(c.sheet, c.cell)));
  for (const [key, look] of await readLooks(bytes, cells)) originals.set(key, look);
}

/** The changes that take every flag of the add-in's off: remembered cells exactly back, earlier ones cleaned. */
export async function unflagChanges(bytes: Uint8Array, originals: Originals): Promise<CellChange[]> {
  const changes: CellChange[] = [...originals].map(([key, look]) => {
    const at = key.indexOf("\u0000");
    return { sheet: key.slice(0, at), cell: key.slice(at + 1), xf: look.xf, note: look.note ?? null };
  });
  for (const n of await notesAndFills(bytes)) {
    if (originals.has(lookKey(n.sheet, n.cell))) continue;
    const { user, addin } = splitNote(n.note);
    if (addin === undefined) continue;
    changes.push({
      sheet: n.sheet,
      cell: n.cell,
      note: user || null,
      ...(n.fill && OUR_FILLS.has(n.fill) ? { fill: null } : {}),
    });
  }
  return changes;
}
