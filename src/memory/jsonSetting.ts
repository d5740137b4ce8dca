import { finding, message, type Finding, type Message } from "../domain";
import { address, parseAddress, parseRangeRef, SheetView, sheetRef, type Grid } from "../grid";
import { SETTINGS_LAYOUT, SETTINGS_SHEET } from "./workbookSettings";
import type { WorkbookEdits } from "../grid/edits";

/**
 * A setting the add-in keeps as JSON in one cell of Finsam-inställningar,
 * found by its defined name (the ledger mapping, the forecasts per line):
 * written beside a label, read back, and said on the cell when unreadable.
 */
export interface JsonSetting<T> {
  readonly name: string;
  /** "B14": the cell that holds the JSON; the label stands left of it or above it. */
  readonly cell: string;
  readonly labelCell: string;
  readonly label: string;
  readonly toJson: (value: T) => string;
  /** undefined when the text is not what toJson writes. */
  readonly fromJson: (text: string) => T | undefined;
  /** Why the kept value is not used, after "Finsam_X (ref) ". */
  readonly unreadable: Message;
}

/** The value the workbook keeps, if any, and what was wrong with it. */
export function readJsonSetting<T>(grid: Grid, setting: JsonSetting<T>): { value?: T; findings: Finding[] } {
  const defined = grid.definedNames.find((d) => d.name.toLowerCase() === setting.name.toLowerCase());
  if (!defined) return { findings: [] };
  const range = parseRangeRef(defined.ref);
  const sheet = range && grid.sheets.find((s) => s.name === range.sheet);
  const ref = range ? { sheet: range.sheet, cell: address(range.start.row, range.start.column) } : undefined;
  const text = sheet && range ? new SheetView(sheet).text(range.start.row, range.start.column) : undefined;
  const value = text ? setting.fromJson(text) : undefined;
  if (value !== undefined) return { value, findings: [] };
  const at = `${setting.name} (${defined.ref})`;
  return {
    findings: [
      finding({
        code: "INPUT_SETTING",
        severity: "error",
        ...(ref ? { ref } : {}),
        message: message(`${at} ${setting.unreadable.sv}`, `${at} ${setting.unreadable.en}`),
      }),
    ],
  };
}

/** The value as edits: a labelled cell on the settings sheet and the name pointing at its JSON. */
export function jsonSettingEdits<T>(setting: JsonSetting<T>, value: T): WorkbookEdits {
  const sheet = SETTINGS_SHEET;
  const at = parseAddress(setting.cell)!;
  return {
    sheets: [sheet],
    cells: [
      { sheet, cell: setting.labelCell, value: setting.label },
      { sheet, cell: setting.cell, value: setting.toJson(value) },
    ],
    names: [
      { name: setting.name, ref: sheetRef(sheet, `$${address(at.row, at.column).replace(/\d+$/, "")}$${at.row}`) },
    ],
    layouts: [SETTINGS_LAYOUT],
  };
}
