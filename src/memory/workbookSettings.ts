import { parseTargetText } from "../read/equityTarget";
import {
  Decimal,
  defaultSettings,
  scenariosFromJson,
  scenariosToJson,
  SHEET_PLAN,
  targetBand,
  WORST_CASE,
  type EquityStep,
  type Finding,
  type Settings,
  percentSetting,
} from "../domain";
import { type Grid, sheetRef } from "../grid";
import { readAmount } from "../read/swedishNumber";
import { normalizeLabel } from "../read/vocabulary";
import type { CellEdit, NewSheetLayout, WorkbookEdits } from "../grid/edits";
import { SettingCells } from "./settingCells";

/**
 * Settings kept in the workbook, so the next person who opens it (and the
 * command line) gets the same answer. Each is a defined name pointing at the
 * cell that holds the value, so it is visible and editable in Excel:
 * - Finsam_Nyckel: "befolkning" (default) or "fast";
 * - Finsam_FastaAndelar: with "fast", the cells of each kommun's per cent, names to their left;
 * - Finsam_EKMaxProcent: the recommended maximum for equity, per cent of contributions (20);
 * - Finsam_EKTrappa: a staircase instead, two columns: contributions from (kr) and maximum (%), a row a step;
 * - Finsam_EKMal and Finsam_EKMalTolerans: a target band, e.g. 1 800 000 and 20 %;
 * - Finsam_Minskning: the state's fall per year in the worst case (10 %);
 * - Finsam_Golv: a floor for the state's half, in kronor;
 * - Finsam_Planar: how many plan years follow the budget year (2);
 * - Finsam_Scenarier: the förbundschef's named scenarios, as JSON (scenariosToJson).
 */
export const SETTING_NAMES = {
  key: "Finsam_Nyckel",
  fixedShares: "Finsam_FastaAndelar",
  equityMaxPercent: "Finsam_EKMaxProcent",
  equityStaircase: "Finsam_EKTrappa",
  equityTarget: "Finsam_EKMal",
  equityTolerance: "Finsam_EKMalTolerans",
  reduction: "Finsam_Minskning",
  floor: "Finsam_Golv",
  planLength: "Finsam_Planar",
  scenarios: "Finsam_Scenarier",
} as const;

export interface WorkbookSettings {
  readonly settings: Settings;
  readonly findings: readonly Finding[];
}

/** Reads the settings the workbook holds; what it does not hold stays at the defaults of DOMAIN.md. */
export function settingsFromGrid(grid: Grid, base: Settings = defaultSettings()): WorkbookSettings {
  const cells = new SettingCells(grid);
  const settings = READ_IN_ORDER.reduce((read, step) => step(cells, read), base);
  const sources = {
    ...optional("equityMaxPercent", cells.source(SETTING_NAMES.equityMaxPercent)),
    ...optional("reduction", cells.source(SETTING_NAMES.reduction)),
    ...optional("floor", cells.source(SETTING_NAMES.floor)),
  };
  return { settings: Object.keys(sources).length > 0 ? { ...settings, sources } : settings, findings: cells.findings };
}

const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

/** Each setting or group of settings, read onto the settings so far; the order is the order of the findings. */
const READ_IN_ORDER: readonly ((cells: SettingCells, settings: Settings) => Settings)[] = [
  withKommunKey,
  withEquityMaxPercent,
  withEquityStaircase,
  withEquityTarget,
  withWorstCase,
  withPlanLength,
  withSavedScenarios,
];

/** Finsam_Nyckel: "befolkning" keeps the default; "fast" takes the per cents of Finsam_FastaAndelar. */
function withKommunKey(cells: SettingCells, settings: Settings): Settings {
  const key = cells.cell(SETTING_NAMES.key);
  if (!key) return settings;
  const value = normalizeLabel(key.view.text(key.range.start.row, key.range.start.column));
  if (value.startsWith("fast")) return { ...settings, kommunKey: { kind: "fixed", percents: fixedShares(cells) } };
  if (!value.startsWith("befolkning")) {
    cells.bad(
      SETTING_NAMES.key,
      key.ref,
      `”${value}” är varken befolkning eller fast; befolkning används.`,
      `"${value}" is neither befolkning nor fast; population is used.`,
    );
  }
  return settings;
}

/** Finsam_FastaAndelar: each kommun's per cent, its name to the left. */
function fixedShares(cells: SettingCells): Record<string, Decimal> {
  const shares = cells.cell(SETTING_NAMES.fixedShares);
  const percents: Record<string, Decimal> = {};
  if (shares) {
    for (const row of shares.view.rowNumbers(shares.range.start.row, shares.range.end.row)) {
      const reading = readAmount(shares.view.value(row, shares.range.start.column));
      const name = shares.view.text(row, shares.range.start.column - 1);
      if (reading.kind === "amount" && name) percents[name] = reading.value;
    }
  }
  return percents;
}

/** Finsam_EKMaxProcent: one step from 0 kr; 0,2 and 20 alike are 20 %. */
function withEquityMaxPercent(cells: SettingCells, settings: Settings): Settings {
  const maxPercent = cells.number(SETTING_NAMES.equityMaxPercent, false);
  if (!maxPercent) return settings;
  return {
    ...settings,
    equityStaircase: [{ from: new Decimal(0), maxPercent: percentSetting(maxPercent) }],
  };
}

/** Finsam_EKTrappa: rows of contributions from (kr) and maximum (%), ordered, each step up to the next. */
function withEquityStaircase(cells: SettingCells, settings: Settings): Settings {
  const stairs = cells.cell(SETTING_NAMES.equityStaircase);
  if (!stairs) return settings;
  const steps: EquityStep[] = [];
  for (const row of stairs.view.rowNumbers(stairs.range.start.row, stairs.range.end.row)) {
    const from = readAmount(stairs.view.value(row, stairs.range.start.column));
    const percent = readAmount(stairs.view.value(row, stairs.range.start.column + 1));
    if (from.kind === "amount" && percent.kind === "amount")
      steps.push({ from: from.value, maxPercent: percent.value });
  }
  const ordered = [...steps].sort((a, b) => a.from.comparedTo(b.from));
  if (ordered.length > 0) {
    return {
      ...settings,
      equityStaircase: ordered.map((step, i) => (ordered[i + 1] ? { ...step, to: ordered[i + 1]!.from } : step)),
    };
  }
  cells.bad(
    SETTING_NAMES.equityStaircase,
    stairs.ref,
    "har inga rader med belopp och procent.",
    "has no rows of amount and per cent.",
  );
  return settings;
}

/** Finsam_EKMal and Finsam_EKMalTolerans: the target band. */
function withEquityTarget(cells: SettingCells, settings: Settings): Settings {
  // The target as text ("1,8 Mkr +/- 20 %") carries its own tolerance; Finsam_EKMalTolerans still wins.
  const targetCell = cells.cell(SETTING_NAMES.equityTarget);
  const targetRaw = targetCell?.view.value(targetCell.range.start.row, targetCell.range.start.column);
  const targetText =
    typeof targetRaw === "string" && readAmount(targetRaw).kind !== "amount" ? parseTargetText(targetRaw) : undefined;
  const target = targetText?.centre ?? (targetCell ? cells.number(SETTING_NAMES.equityTarget, false) : undefined);
  if (!target) return settings;
  return {
    ...settings,
    equityTarget: targetBand(
      target,
      cells.number(SETTING_NAMES.equityTolerance, true) ?? targetText?.tolerance ?? new Decimal(0),
    ),
  };
}

/** Finsam_Minskning and Finsam_Golv: the worst case's yearly fall for the state and the floor of its half. */
function withWorstCase(cells: SettingCells, settings: Settings): Settings {
  const reduction = cells.number(SETTING_NAMES.reduction, true);
  const floor = cells.number(SETTING_NAMES.floor, false);
  if (!reduction && !floor) return settings;
  return {
    ...settings,
    scenarios: settings.scenarios.map((s) =>
      s.id === WORST_CASE.id && s.contributions.kind === "reduction"
        ? {
            ...s,
            contributions: {
              ...s.contributions,
              ...(reduction ? { rate: reduction } : {}),
              ...(floor ? { stateFloor: floor } : {}),
            },
          }
        : s,
    ),
  };
}

/** Finsam_Planar: how many plan years follow the budget year. */
function withPlanLength(cells: SettingCells, settings: Settings): Settings {
  const planLength = cells.number(SETTING_NAMES.planLength, false);
  return planLength ? { ...settings, planLength: planLength.toNumber() } : settings;
}

/** Finsam_Scenarier: the saved scenarios after the built-in ones, none of them replacing one. */
function withSavedScenarios(cells: SettingCells, settings: Settings): Settings {
  const named = cells.cell(SETTING_NAMES.scenarios);
  if (!named) return settings;
  const text = named.view.text(named.range.start.row, named.range.start.column);
  const scenarios = text === "" ? [] : scenariosFromJson(text);
  if (scenarios) {
    const builtIn = new Set(settings.scenarios.map((s) => s.id));
    return { ...settings, scenarios: [...settings.scenarios, ...scenarios.filter((s) => !builtIn.has(s.id))] };
  }
  cells.bad(
    SETTING_NAMES.scenarios,
    named.ref,
    "kan inte läsas som scenarier; de sparade scenarierna används inte.",
    "cannot be read as scenarios; the saved scenarios are not used.",
  );
  return settings;
}

/** The scenarios every analysis has; the workbook keeps only their settings (rate, floor), not the scenarios. */
const BUILT_IN = new Set([SHEET_PLAN.id, WORST_CASE.id]);

/** The sheet the add-in keeps its settings on, where the workbook has none of its own. */
export const SETTINGS_SHEET = "Finsam-inställningar";

/**
 * The settings sheet's layout when the add-in creates it: labels in A, values in B, the staircase in D:E,
 * the follow-up's JSON in G (jsonSetting.ts). Text wraps in its column, so A:B print on one portrait page.
 */
export const SETTINGS_LAYOUT: NewSheetLayout = {
  sheet: SETTINGS_SHEET,
  columnWidths: [42, 30, 3, 34, 10, 3, 60],
  // A and B side by side on a portrait page: a long label wraps in A, the JSON in B, each row from its top.
  wrapped: ["A2", ...[4, 5, 6, 7, 8, 9, 10, 11].flatMap((row) => [`A${row}`, `B${row}`]), "G4", "G7"],
};

/**
 * The settings as edits to the workbook: one labelled row each on the
 * settings sheet, and a defined name pointing at its value cell, so that
 * settingsFromGrid reads them back and a person can see and change them.
 */
export function settingsEdits(settings: Settings): WorkbookEdits {
  const sheet = SETTINGS_SHEET;
  const worst = settings.scenarios.find((s) => s.id === WORST_CASE.id)?.contributions;
  const rows: [string, string, string | number | undefined, string?][] = [
    [
      SETTING_NAMES.key,
      "Fördelningsnyckel för kommunerna (befolkning eller fast)",
      settings.kommunKey.kind === "population" ? "befolkning" : "fast",
    ],
    [
      SETTING_NAMES.equityMaxPercent,
      "Eget kapital högst, % av årets medlemsavgifter",
      settings.equityStaircase[0]?.maxPercent.toNumber(),
    ],
    [
      SETTING_NAMES.equityTarget,
      "Förbundets mål för eget kapital (kr)",
      settings.equityTarget
        ? settings.equityTarget.min.plus(settings.equityTarget.max).dividedBy(2).toNumber()
        : undefined,
      '#,##0 "kr"',
    ],
    [
      SETTING_NAMES.equityTolerance,
      "Tolerans kring målet",
      settings.equityTarget && !settings.equityTarget.max.plus(settings.equityTarget.min).isZero()
        ? settings.equityTarget.max
            .minus(settings.equityTarget.min)
            .dividedBy(settings.equityTarget.max.plus(settings.equityTarget.min))
            .toNumber()
        : undefined,
      "0%",
    ],
    [
      SETTING_NAMES.reduction,
      "Statens minskning per år i värsta fall",
      worst?.kind === "reduction" ? worst.rate.toNumber() : undefined,
      "0%",
    ],
    [
      SETTING_NAMES.floor,
      "Golv för statens hälft (kr)",
      worst?.kind === "reduction" ? worst.stateFloor?.toNumber() : undefined,
      '#,##0 "kr"',
    ],
    [SETTING_NAMES.planLength, "Antal planår efter budgetåret", settings.planLength],
    // Row 11: its JSON wraps in B (SETTINGS_LAYOUT).
    [
      SETTING_NAMES.scenarios,
      "Sparade scenarier (skrivs av tillägget)",
      scenariosToJson(settings.scenarios.filter((s) => !BUILT_IN.has(s.id))),
    ],
  ];
  const cells: CellEdit[] = [
    { sheet, cell: "A1", value: "Inställningar för Finsam-budget" },
    {
      sheet,
      cell: "A2",
      value: "Ändra värdena i kolumn B. Finsam-budget läser dem här (namnen Finsam_*) vid nästa analys.",
    },
  ];
  const names: { name: string; ref: string }[] = [];
  rows.forEach(([name, label, value, format], i) => {
    const row = 4 + i;
    cells.push({ sheet, cell: `A${row}`, value: label });
    cells.push({ sheet, cell: `B${row}`, value: value ?? "", ...(format ? { numberFormat: format } : {}) });
    if (value !== undefined) names.push({ name, ref: `${sheetRef(sheet, `$B$${row}`)}` });
  });
  // A staircase of several steps as a table beside the rows: from (kr), maximum (%).
  if (settings.equityStaircase.length > 1) {
    cells.push(
      { sheet, cell: "D3", value: "Trappa: medlemsavgifter från (kr)" },
      { sheet, cell: "E3", value: "Högst (%)" },
    );
    settings.equityStaircase.forEach((step, i) => {
      cells.push(
        { sheet, cell: `D${4 + i}`, value: step.from.toNumber(), numberFormat: '#,##0 "kr"' },
        { sheet, cell: `E${4 + i}`, value: step.maxPercent.toNumber() },
      );
    });
    names.push({
      name: SETTING_NAMES.equityStaircase,
      ref: sheetRef(sheet, `$D$4:$E$${3 + settings.equityStaircase.length}`),
    });
  }
  return { sheets: [sheet], cells, names, layouts: [SETTINGS_LAYOUT] };
}
