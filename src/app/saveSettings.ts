import type { Settings } from "../domain";
import type { CellEdit, WorkbookEdits } from "../grid/edits";
import { sheetRef } from "../grid";
import { SETTING_NAMES, SETTINGS_SHEET, settingsEdits } from "../memory/workbookSettings";
import { MAPPING_FIELDS, namesFor, type MappingField } from "./budgetParts";
import type { WorkbookPort } from "./workbookPort";

/** What Inställningar saves: the settings, checked, and the parts of the budget the user pointed at. */
export interface SettingsToSave {
  readonly settings: Settings;
  /** The kommuner in the order the form lists them: their fixed percentages are written in that order. */
  readonly kommuner: readonly string[];
  /** What the user typed or selected for each part; empty keeps what the workbook has (or detection). */
  readonly mapping: Readonly<Record<MappingField, string>>;
  /** The year the budget column is of, and the plan columns follow: their names say it (Finsam_Budget_2022). */
  readonly budgetYear?: number;
}

/**
 * What saving writes: the settings sheet and its Finsam_* names (settingsEdits), the fixed
 * percentages below them with Finsam_FastaAndelar, and a name for each part the user pointed at.
 * A staircase of several steps stays in the session (the workbook keeps one per cent), so its first
 * step's Finsam_EKMaxProcent is then left out rather than override it.
 */
export function editsForSettings({ settings, kommuner, mapping, budgetYear }: SettingsToSave): WorkbookEdits {
  const base = settingsEdits(settings);
  const cells: CellEdit[] = [...base.cells];
  let names = [...(base.names ?? [])];
  if (settings.equityStaircase.length > 1) names = names.filter((n) => n.name !== SETTING_NAMES.equityMaxPercent);
  if (settings.kommunKey.kind === "fixed") {
    const rows = base.cells.map((c) => Number(/\d+$/.exec(c.cell)?.[0] ?? 0));
    const top = Math.max(0, ...rows) + 2;
    cells.push({ sheet: SETTINGS_SHEET, cell: `A${top}`, value: "Fasta andelar för kommunerna (%)" });
    const percents = settings.kommunKey.percents;
    const named = kommuner.filter((name) => percents[name] !== undefined);
    named.forEach((name, i) => {
      cells.push({ sheet: SETTINGS_SHEET, cell: `A${top + 1 + i}`, value: name });
      cells.push({ sheet: SETTINGS_SHEET, cell: `B${top + 1 + i}`, value: percents[name]!.toNumber() });
    });
    if (named.length > 0) {
      names = names.filter((n) => n.name !== SETTING_NAMES.fixedShares);
      names.push({
        name: SETTING_NAMES.fixedShares,
        ref: sheetRef(SETTINGS_SHEET, `$B$${top + 1}:$B$${top + named.length}`),
      });
    }
  }
  for (const field of MAPPING_FIELDS) names.push(...namesFor(field, mapping[field], budgetYear));
  return { sheets: base.sheets ?? [SETTINGS_SHEET], ...(base.layouts ? { layouts: base.layouts } : {}), cells, names };
}

/**
 * The use case behind "Spara" in Inställningar: the settings and the defined names in the workbook, as
 * one undoable write. Returns the settings the session keeps on top of the workbook's: a staircase of
 * several steps, which the workbook cannot hold; else none, and the analysis reads them all back.
 */
export async function saveSettings(port: WorkbookPort, request: SettingsToSave): Promise<Settings | undefined> {
  await port.applyEdits(editsForSettings(request));
  return request.settings.equityStaircase.length > 1 ? request.settings : undefined;
}
