/**
 * The Inställningar form as plain data: what it starts from (the analysis), how it is checked, and
 * what saving writes to the workbook (defined names of MAPPING_NAMES, the settings of settingsEdits,
 * the fixed percentages). No React here, so it is tested on its own.
 */
import type { AnalysisOutcome } from "../app/analyseWorkbook";
import { Decimal, spanOf, targetBand, type CellRef, type EquityStep, type Settings } from "../domain";
import { address, parseAddress, parseRangeRef, sheetRef } from "../grid";
import { MAPPING_NAMES } from "../read/mapping";
import { SETTING_NAMES, SETTINGS_SHEET, settingsEdits } from "../memory/workbookSettings";
import type { CellEdit, WorkbookEdits } from "../grid/edits";

export type MappingField = keyof typeof MAPPING_NAMES;

/** The fields in the order the form shows them. */
export const MAPPING_FIELDS: readonly MappingField[] = [
  "budgetSheet",
  "yearHeader",
  "members",
  "costs",
  "population",
  "openingEquity",
];

export interface SettingsDraft {
  /** What the user typed for each field; empty keeps what the workbook has (or detection). */
  readonly mapping: Readonly<Record<MappingField, string>>;
  readonly keyKind: "population" | "fixed";
  /** Per kommun, as typed ("48,4"). */
  readonly fixedPercents: readonly { readonly name: string; readonly percent: string }[];
  readonly staircase: readonly { readonly from: string; readonly maxPercent: string }[];
  /** The target's centre in kronor and its tolerance in per cent, as typed; empty centre for none. */
  readonly targetCentre: string;
  readonly targetTolerance: string;
}

type Ok<T> = { readonly ok: true; readonly value: T };
type Bad = { readonly ok: false; readonly errors: Readonly<Record<string, true>> };

const EMPTY_MAPPING: Record<MappingField, string> = {
  budgetSheet: "",
  yearHeader: "",
  members: "",
  costs: "",
  population: "",
  openingEquity: "",
};

/** Where the analysis found each part of the budget, as "Sheet!B5:B8" (the workbook's names win there). */
export function foundMapping(outcome: AnalysisOutcome | undefined): Partial<Record<MappingField, string>> {
  if (outcome?.kind !== "ok") return {};
  const { budget } = outcome.analysis;
  const { location } = outcome;
  const show = (ref: CellRef | undefined) => (ref ? sheetRef(ref.sheet, ref.cell) : undefined);
  const headers = location.yearColumns.map((c) => c.header);
  const firstHeader = headers[0];
  const lastHeader = headers[headers.length - 1];
  const found: Partial<Record<MappingField, string>> = {
    budgetSheet: location.sheet,
    ...(firstHeader && lastHeader
      ? {
          yearHeader: sheetRef(
            firstHeader.sheet,
            firstHeader.cell === lastHeader.cell ? firstHeader.cell : `${firstHeader.cell}:${lastHeader.cell}`,
          ),
        }
      : {}),
  };
  const members = show(spanOf(budget.members.flatMap((m) => (m.nameRef ? [m.nameRef] : []))));
  const costs = show(spanOf(budget.costs.flatMap((c) => (c.labelRef ? [c.labelRef] : []))));
  const population = show(spanOf(location.population.map((p) => p.ref)));
  const equity = show(budget.openingEquity?.ref);
  return {
    ...found,
    ...(members ? { members } : {}),
    ...(costs ? { costs } : {}),
    ...(population ? { population } : {}),
    ...(equity ? { openingEquity: equity } : {}),
  };
}

/** A kommun as the form lists it: its name, and its share of the quarter under the key in use. */
export interface KommunEntry {
  readonly name: string;
  /** A fraction (0.484); the fixed percentages start from it when the key is population. */
  readonly share?: Decimal;
}

/** The kommuner of the budget year and their shares, from the analysis. */
export function kommunEntries(outcome: AnalysisOutcome | undefined): KommunEntry[] {
  if (outcome?.kind !== "ok") return [];
  const { analysis } = outcome;
  const year = analysis.budget.budgetYear;
  const kommuner = analysis.members.filter((m) => m.party === "kommun" && m.year === year);
  const total = kommuner.reduce((sum, k) => sum.plus(k.weight ?? 0), new Decimal(0));
  const named = analysis.budget.members.filter((m) => m.party === "kommun").map((m) => m.name);
  return named.map((name) => {
    const weight = kommuner.find((k) => k.name === name)?.weight;
    return weight && !total.isZero() ? { name, share: weight.dividedBy(total) } : { name };
  });
}

/** The form as the analysis left the settings. */
export function draftFromSettings(settings: Settings, kommuner: readonly (string | KommunEntry)[]): SettingsDraft {
  const key = settings.kommunKey;
  const target = settings.equityTarget;
  const centre = target ? target.min.plus(target.max).dividedBy(2) : undefined;
  const tolerance =
    target && centre && !centre.isZero() ? target.max.minus(centre).dividedBy(centre).times(100) : undefined;
  return {
    mapping: EMPTY_MAPPING,
    keyKind: key.kind,
    fixedPercents: kommuner.map((entry) => {
      const { name, share } = typeof entry === "string" ? { name: entry, share: undefined } : entry;
      // With the population key the fixed percentages start at the population's, to one decimal.
      const percent = key.kind === "fixed" ? key.percents[name] : share?.times(100).toDecimalPlaces(1);
      return { name, percent: decimalText(percent) };
    }),
    staircase: settings.equityStaircase.map((s) => ({
      from: decimalText(s.from),
      maxPercent: decimalText(s.maxPercent),
    })),
    targetCentre: decimalText(centre),
    targetTolerance: decimalText(tolerance) || "20",
  };
}

function decimalText(value: Decimal | undefined): string {
  return value === undefined ? "" : value.toDecimalPlaces(4).toFixed().replace(".", ",");
}

/** "1 386 000", "48,4", "−5" → a Decimal; undefined for anything else. */
export function parseNumber(text: string): Decimal | undefined {
  const cleaned = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(/\u2212/g, "-")
    .replace(/%$/, "")
    .replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return undefined;
  return new Decimal(cleaned);
}

/**
 * A range the user typed or selected ("Befolkning!B2:B5", "'Budget 2025'!$B$16") as an absolute
 * reference for a defined name; a bare sheet name is fine for the budget sheet. Undefined when unreadable.
 */
export function rangeForName(field: MappingField, typed: string, sheets?: readonly string[]): string | undefined {
  const text = typed.trim().replace(/^=/, "");
  if (text === "") return undefined;
  if (field === "budgetSheet" && !text.includes("!")) {
    const name = text.replace(/^'(.*)'$/, "$1");
    return !sheets || sheets.includes(name) ? sheetRef(name, "$A$1") : undefined;
  }
  const range = parseRangeRef(text);
  if (!range || (sheets && !sheets.includes(range.sheet))) return undefined;
  const abs = (p: { row: number; column: number }) => address(p.row, p.column).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  const same = range.start.row === range.end.row && range.start.column === range.end.column;
  return sheetRef(range.sheet, same ? abs(range.start) : `${abs(range.start)}:${abs(range.end)}`);
}

/** A selection from Excel ({ sheet, address: "B2:B5" }) as the form's text. */
export function selectionText(selection: { readonly sheet: string; readonly address: string }): string {
  const cells = selection.address.replace(/^.*!/, "").replace(/\$/g, "");
  const [start] = cells.split(":");
  return start && parseAddress(start) ? sheetRef(selection.sheet, cells) : selection.address;
}

/** The settings the form describes, on top of the analysis's; or which fields are wrong. */
export function settingsFromDraft(draft: SettingsDraft, base: Settings): Ok<Settings> | Bad {
  const errors: Record<string, true> = {};
  let kommunKey: Settings["kommunKey"] = { kind: "population" };
  if (draft.keyKind === "fixed") {
    const percents: Record<string, Decimal> = {};
    draft.fixedPercents.forEach((p, i) => {
      const value = parseNumber(p.percent);
      if (!value || value.isNegative()) errors[`fixed.${i}`] = true;
      else percents[p.name] = value;
    });
    kommunKey = { kind: "fixed", percents };
  }
  const staircase: EquityStep[] = [];
  draft.staircase.forEach((s, i) => {
    const from = parseNumber(s.from);
    const max = parseNumber(s.maxPercent);
    if (!from || from.isNegative()) errors[`step.${i}.from`] = true;
    if (!max || max.isNegative()) errors[`step.${i}.max`] = true;
    if (from && max) staircase.push({ from, maxPercent: max });
  });
  staircase.sort((a, b) => a.from.comparedTo(b.from));
  const withTo = staircase.map((s, i) => {
    const next = staircase[i + 1];
    return next ? { ...s, to: next.from } : s;
  });
  if (draft.staircase.length === 0) errors["step.0.max"] = true;
  let equityTarget: Settings["equityTarget"];
  if (draft.targetCentre.trim() !== "") {
    const centre = parseNumber(draft.targetCentre);
    const tolerance = parseNumber(draft.targetTolerance);
    if (!centre || centre.isNegative()) errors.targetCentre = true;
    if (!tolerance || tolerance.isNegative()) errors.targetTolerance = true;
    if (centre && tolerance) equityTarget = targetBand(centre, tolerance.dividedBy(100));
  }
  for (const field of MAPPING_FIELDS) {
    if (draft.mapping[field].trim() !== "" && !rangeForName(field, draft.mapping[field])) errors[`map.${field}`] = true;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const { equityTarget: _old, ...rest } = base;
  return {
    ok: true,
    value: { ...rest, kommunKey, equityStaircase: withTo, ...(equityTarget ? { equityTarget } : {}) },
  };
}

/**
 * What saving writes: the settings sheet and its Finsam_* names (settingsEdits), the fixed
 * percentages below them with Finsam_FastaAndelar, and a name for each mapping field filled in.
 * A staircase of several steps stays in the session (the workbook keeps one per cent), so its first
 * step's Finsam_EKMaxProcent is then left out rather than override it.
 */
export function editsFromDraft(draft: SettingsDraft, settings: Settings): WorkbookEdits {
  const base = settingsEdits(settings);
  const cells: CellEdit[] = [...base.cells];
  let names = [...(base.names ?? [])];
  if (settings.equityStaircase.length > 1) names = names.filter((n) => n.name !== SETTING_NAMES.equityMaxPercent);
  if (settings.kommunKey.kind === "fixed") {
    const rows = base.cells.map((c) => Number(/\d+$/.exec(c.cell)?.[0] ?? 0));
    const top = Math.max(0, ...rows) + 2;
    cells.push({ sheet: SETTINGS_SHEET, cell: `A${top}`, value: "Fasta andelar för kommunerna (%)" });
    const percents = settings.kommunKey.percents;
    const entries = draft.fixedPercents.filter((p) => percents[p.name] !== undefined);
    entries.forEach((p, i) => {
      cells.push({ sheet: SETTINGS_SHEET, cell: `A${top + 1 + i}`, value: p.name });
      cells.push({ sheet: SETTINGS_SHEET, cell: `B${top + 1 + i}`, value: percents[p.name]!.toNumber() });
    });
    if (entries.length > 0) {
      names = names.filter((n) => n.name !== SETTING_NAMES.fixedShares);
      names.push({
        name: SETTING_NAMES.fixedShares,
        ref: sheetRef(SETTINGS_SHEET, `$B$${top + 1}:$B$${top + entries.length}`),
      });
    }
  }
  for (const field of MAPPING_FIELDS) {
    const ref = rangeForName(field, draft.mapping[field]);
    if (ref) names.push({ name: MAPPING_NAMES[field], ref });
  }
  return { sheets: base.sheets ?? [SETTINGS_SHEET], cells, names };
}
