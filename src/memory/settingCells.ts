import { Decimal, finding, fractionSetting, message, type Finding, type SettingSource } from "../domain";
import { address, type Grid, parseRangeRef, SheetView } from "../grid";
import { readAmount } from "../read/swedishNumber";

/** The cell a setting's defined name points at: its sheet, its range and its first cell. */
export interface SettingCell {
  readonly view: SheetView;
  readonly range: NonNullable<ReturnType<typeof parseRangeRef>>;
  readonly ref: { readonly sheet: string; readonly cell: string };
}

/**
 * The workbook's settings cells, found by their defined names (Finsam_*), and
 * what was wrong with them: a name pointing nowhere, a value that cannot be
 * used. Each is an INPUT_SETTING finding, and the setting keeps its default.
 */
export class SettingCells {
  readonly findings: Finding[] = [];

  constructor(private readonly grid: Grid) {}

  /** The cell a name points at; undefined without the name, and with a finding when it points nowhere. */
  cell(name: string): SettingCell | undefined {
    const found = this.cellQuietly(name);
    const defined = this.grid.definedNames.find((d) => d.name.toLowerCase() === name.toLowerCase());
    if (defined && !found) {
      this.findings.push(
        finding({
          code: "INPUT_SETTING",
          severity: "error",
          message: message(
            `Inställningen ${name} pekar på ${defined.ref}, som inte finns. Standardvärdet används.`,
            `The setting ${name} points at ${defined.ref}, which does not exist. The default is used.`,
          ),
        }),
      );
    }
    return found;
  }

  /** The cell a name points at, or undefined, saying nothing. */
  private cellQuietly(name: string): SettingCell | undefined {
    const defined = this.grid.definedNames.find((d) => d.name.toLowerCase() === name.toLowerCase());
    const range = defined && parseRangeRef(defined.ref);
    const sheet = range && this.grid.sheets.find((s) => s.name === range.sheet);
    if (!defined || !range || !sheet) return undefined;
    return {
      view: new SheetView(sheet),
      range,
      ref: { sheet: range.sheet, cell: address(range.start.row, range.start.column) },
    };
  }

  /** A setting whose value cannot be used: what is wrong, after "Finsam_X (sheet!cell): ". */
  bad(name: string, ref: { sheet: string; cell: string }, sv: string, en: string): void {
    this.findings.push(
      finding({
        code: "INPUT_SETTING",
        severity: "error",
        ref,
        message: message(`${name} (${ref.sheet}!${ref.cell}): ${sv}`, `${name} (${ref.sheet}!${ref.cell}): ${en}`),
      }),
    );
  }

  /** The setting as a source a formula can read: its name and the number its cell holds (not a text). */
  source(name: string): SettingSource | undefined {
    const at = this.grid.definedNames.some((d) => d.name.toLowerCase() === name.toLowerCase())
      ? this.cellQuietly(name)
      : undefined;
    const raw = at?.view.value(at.range.start.row, at.range.start.column);
    return typeof raw === "number" ? { ref: name, value: new Decimal(raw) } : undefined;
  }

  /** A number. A fraction setting reads 0,1, 10 and "10 %" alike as a tenth. */
  number(name: string, asFraction: boolean): Decimal | undefined {
    const at = this.cell(name);
    if (!at) return undefined;
    const raw = at.view.value(at.range.start.row, at.range.start.column);
    const percentText = typeof raw === "string" && /%\s*$/.test(raw);
    const reading = readAmount(percentText ? raw.replace(/%\s*$/, "") : raw);
    if (reading.kind !== "amount") {
      this.bad(name, at.ref, "är inte ett tal; standardvärdet används.", "is not a number; the default is used.");
      return undefined;
    }
    if (!asFraction) return reading.value;
    return percentText ? reading.value.dividedBy(100) : fractionSetting(reading.value);
  }
}
