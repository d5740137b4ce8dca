/**
 * Which cells the add-in has flagged, kept in the workbook itself (Office
 * document settings, saved with the file), so "Ta bort markeringar" finds
 * them in a later session and restores each cell's own fill.
 */

/** The subset of Office.Settings the port uses (Office.context.document.settings). */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: string; error?: { message: string } }) => void): void;
}

/** The document setting that holds the flags. */
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
}

export function loadFlags(settings: DocumentSettings | undefined): FlagStore {
  const raw = settings?.get(FLAGS_SETTING);
  const parsed = typeof raw === "string" ? safeParse(raw) : raw;
  if (parsed && typeof parsed === "object" && Array.isArray((parsed as FlagStore).flags)) {
    return { version: 1, flags: (parsed as FlagStore).flags.filter(isRecord) };
  }
  return { version: 1, flags: [] };
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

/** Saves the flags into the document (saveAsync); an empty list removes the setting. */
export async function saveFlags(settings: DocumentSettings | undefined, store: FlagStore): Promise<void> {
  if (!settings) return;
  if (store.flags.length === 0) settings.remove(FLAGS_SETTING);
  else settings.set(FLAGS_SETTING, JSON.stringify(store));
  await new Promise<void>((resolve) => {
    // A failed save leaves the settings in memory for this session; the next write saves them again.
    settings.saveAsync(() => resolve());
  });
}
