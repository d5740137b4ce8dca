/**
 * Which cells the add-in has flagged, and the charts it put on its own sheets, kept in the workbook itself:
 * Workbook.settings (Excel.SettingCollection, ExcelApi 1.4), read and written inside the same batches as the
 * cells. Unlike Office.context.document.settings, an in-memory copy per runtime that a later save overwrites
 * ("The get, set, and remove methods operate only on the in-memory copy of the settings property bag",
 * https://learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings), these are
 * read fresh at each use, so the ribbon's runtime, the pane and a co-author see the same record, and
 * "Ta bort markeringar" works in any later session.
 */
import type { AddinChart } from "./addinSheet";

/** The workbook setting that holds the record. */
export const FLAGS_SETTING = "finsam.flags";

/** A fill as Office.js reports it: color "#FFC7CE"; pattern "None"/"Solid"/… where ExcelApi 1.9 is supported. */
export interface FillState {
  readonly color: string | null;
  readonly pattern?: string | null;
  readonly patternColor?: string | null;
}

/** One flagged cell: the fill the add-in put there, and the cell's own fill before it. */
export interface FlagRecord {
  readonly sheet: string;
  /** One cell ("B5"), even where the flag covered a range. */
  readonly cell: string;
  /** "#FFC7CE" */
  readonly fill: string;
  readonly original: FillState;
  /** Whether the add-in wrote a note or comment on this cell. */
  readonly annotated: boolean;
}

export interface FlagStore {
  readonly version: 1;
  readonly flags: readonly FlagRecord[];
  /** The chart on each add-in sheet that has one, as the add-in asked for it: undo puts it back. */
  readonly charts?: Readonly<Record<string, AddinChart>>;
}

export const EMPTY_STORE: FlagStore = { version: 1, flags: [] };

/** The record as read in a batch, and whether the setting stood in the workbook. */
export interface StoredFlags {
  readonly store: FlagStore;
  readonly stored: boolean;
}

/** Queues the read of the record; the function returns it after the sync. */
export function queueFlagsRead(context: Excel.RequestContext): () => StoredFlags {
  const item = context.workbook.settings.getItemOrNullObject(FLAGS_SETTING).load("value");
  return () =>
    item.isNullObject ? { store: EMPTY_STORE, stored: false } : { store: parseFlags(item.value), stored: true };
}

/** Queues writing the record in the same batch as the cells it describes; an empty record removes the setting. */
export function queueFlagsWrite(context: Excel.RequestContext, store: FlagStore, stored: boolean): void {
  const empty = store.flags.length === 0 && Object.keys(store.charts ?? {}).length === 0;
  if (!empty) context.workbook.settings.add(FLAGS_SETTING, JSON.stringify(store));
  else if (stored) context.workbook.settings.getItemOrNullObject(FLAGS_SETTING).delete();
}

/** The record from a setting's value (a JSON text); anything unreadable is no record, never an error. */
export function parseFlags(raw: unknown): FlagStore {
  const parsed = typeof raw === "string" ? safeParse(raw) : raw;
  if (!parsed || typeof parsed !== "object" || !Array.isArray((parsed as FlagStore).flags)) return EMPTY_STORE;
  const charts = (parsed as FlagStore).charts;
  return {
    version: 1,
    flags: (parsed as FlagStore).flags.filter(isRecord),
    ...(charts && typeof charts === "object" ? { charts } : {}),
  };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(r: unknown): r is FlagRecord {
  const x = r as FlagRecord | null;
  return !!x && typeof x.sheet === "string" && typeof x.cell === "string" && typeof x.fill === "string";
}

/**
 * The flag record after taking back one write: where the record still holds what the write left, what
 * stood before it; where someone has written since (the ribbon after the pane), theirs. Cell by cell and
 * chart by chart, so nobody's later flags are lost from the record.
 */
export function flagsAfterUndo(before: FlagStore, written: FlagStore | undefined, now: FlagStore): FlagStore {
  if (!written || JSON.stringify(now) === JSON.stringify(written)) return before;
  const key = (r: { sheet: string; cell: string }) => `${r.sheet}\u0000${r.cell}`;
  const byKey = <T extends { sheet: string; cell: string }>(list: readonly T[]) =>
    new Map(list.map((r) => [key(r), r]));
  const [b, w, n] = [byKey(before.flags), byKey(written.flags), byKey(now.flags)];
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  const flags = new Map(n);
  for (const k of new Set([...b.keys(), ...w.keys()])) {
    if (same(b.get(k), w.get(k)) || !same(n.get(k), w.get(k))) continue;
    const was = b.get(k);
    if (was) flags.set(k, was);
    else flags.delete(k);
  }
  const charts: Record<string, NonNullable<FlagStore["charts"]>[string]> = { ...(now.charts ?? {}) };
  for (const sheet of new Set([...Object.keys(before.charts ?? {}), ...Object.keys(written.charts ?? {})])) {
    const [was, wrote] = [before.charts?.[sheet], written.charts?.[sheet]];
    if (same(was, wrote) || !same(charts[sheet], wrote)) continue;
    if (was) charts[sheet] = was;
    else delete charts[sheet];
  }
  return { version: 1, flags: [...flags.values()], ...(Object.keys(charts).length > 0 ? { charts } : {}) };
}
