import { parseTargetText } from "../read/equityTarget";
import {
  Decimal,
  defaultSettings,
  finding,
  message,
  scenariosFromJson,
  scenariosToJson,
  SHEET_PLAN,
  targetBand,
  WORST_CASE,
  type EquityStep,
  type Finding,
  type Settings,
} from "../domain";
import { address, type Grid, parseRangeRef, SheetView, sheetRef } from "../grid";
import { readAmount } from "../read/swedishNumber";
import { normalizeLabel } from "../read/vocabulary";
import type { CellEdit, WorkbookEdits } from "../grid/edits";

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
  const findings: Finding[] = [];
  const cellOf = (name: string) => {
    const defined = grid.definedNames.find((d) => d.name.toLowerCase() === name.toLowerCase());
    const range = defined && parseRangeRef(defined.ref);
    const sheet = range && grid.sheets.find((s) => s.name === range.sheet);
    if (!defined) return undefined;
    if (!range || !sheet) {
      findings.push(
        finding({
          code: "INPUT_SETTING",
          severity: "error",
          message: message(
            `Inställningen ${name} pekar på ${defined.ref}, som inte finns. Standardvärdet används.`,
            `The setting ${name} points at ${defined.ref}, which does not exist. The default is used.`,
          ),
        }),
      );
      return undefined;
    }
    return {
      view: new SheetView(sheet),
      range,
      ref: { sheet: range.sheet, cell: address(range.start.row, range.start.column) },
    };
  };
  const bad = (name: string, ref: { sheet: string; cell: string }, sv: string, en: string) =>
    findings.push(
      finding({
        code: "INPUT_SETTING",
        severity: "error",
        ref,
        message: message(`${name} (${ref.sheet}!${ref.cell}): ${sv}`, `${name} (${ref.sheet}!${ref.cell}): ${en}`),
      }),
    );
  /** A number. A fraction setting reads 0,1, 10 and "10 %" alike as a tenth. */
  const number = (name: string, asFraction: boolean): Decimal | undefined => {
    const at = cellOf(name);
    if (!at) return undefined;
    const raw = at.view.value(at.range.start.row, at.range.start.column);
    const percentText = typeof raw === "string" && /%\s*$/.test(raw);
    const reading = readAmount(percentText ? raw.replace(/%\s*$/, "") : raw);
    if (reading.kind !== "amount") {
      bad(name, at.ref, "är inte ett tal; standardvärdet används.", "is not a number; the default is used.");
      return undefined;
    }
    return asFraction && (percentText || reading.value.greaterThan(1)) ? reading.value.dividedBy(100) : reading.value;
  };

  let settings: Settings = base;
  const key = cellOf(SETTING_NAMES.key);
  if (key) {
    const value = normalizeLabel(key.view.text(key.range.start.row, key.range.start.column));
    if (value.startsWith("fast")) {
      const shares = cellOf(SETTING_NAMES.fixedShares);
      const percents: Record<string, Decimal> = {};
      if (shares) {
        for (const row of shares.view.rowNumbers(shares.range.start.row, shares.range.end.row)) {
          const reading = readAmount(shares.view.value(row, shares.range.start.column));
          const name = shares.view.text(row, shares.range.start.column - 1);
          if (reading.kind === "amount" && name) percents[name] = reading.value;
        }
      }
      settings = { ...settings, kommunKey: { kind: "fixed", percents } };
    } else if (!value.startsWith("befolkning")) {
      bad(
        SETTING_NAMES.key,
        key.ref,
        `”${value}” är varken befolkning eller fast; befolkning används.`,
        `"${value}" is neither befolkning nor fast; population is used.`,
      );
    }
  }
  const maxPercent = number(SETTING_NAMES.equityMaxPercent, false);
  if (maxPercent)
    settings = {
      ...settings,
      equityStaircase: [
        { from: new Decimal(0), maxPercent: maxPercent.lessThanOrEqualTo(1) ? maxPercent.times(100) : maxPercent },
      ],
    };
  const stairs = cellOf(SETTING_NAMES.equityStaircase);
  if (stairs) {
    const steps: EquityStep[] = [];
    for (const row of stairs.view.rowNumbers(stairs.range.start.row, stairs.range.end.row)) {
      const from = readAmount(stairs.view.value(row, stairs.range.start.column));
      const percent = readAmount(stairs.view.value(row, stairs.range.start.column + 1));
      if (from.kind === "amount" && percent.kind === "amount")
        steps.push({ from: from.value, maxPercent: percent.value });
    }
    const ordered = [...steps].sort((a, b) => a.from.comparedTo(b.from));
    if (ordered.length > 0) {
      settings = {
        ...settings,
        equityStaircase: ordered.map((step, i) => (ordered[i + 1] ? { ...step, to: ordered[i + 1]!.from } : step)),
      };
    } else {
      bad(
        SETTING_NAMES.equityStaircase,
        stairs.ref,
        "har inga rader med belopp och procent.",
        "has no rows of amount and per cent.",
      );
    }
  }
  // The target as text ("1,8 Mkr +/- 20 %") carries its own tolerance; Finsam_EKMalTolerans still wins.
  const targetCell = cellOf(SETTING_NAMES.equityTarget);
  const targetRaw = targetCell?.view.value(targetCell.range.start.row, targetCell.range.start.column);
  const targetText =
    typeof targetRaw === "string" && readAmount(targetRaw).kind !== "amount" ? parseTargetText(targetRaw) : undefined;
  const target = targetText?.centre ?? (targetCell ? number(SETTING_NAMES.equityTarget, false) : undefined);
  if (target)
    settings = {
      ...settings,
      equityTarget: targetBand(
        target,
        number(SETTING_NAMES.equityTolerance, true) ?? targetText?.tolerance ?? new Decimal(0),
      ),
    };
  const reduction = number(SETTING_NAMES.reduction, true);
  const floor = number(SETTING_NAMES.floor, false);
  if (reduction || floor) {
    settings = {
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
  const planLength = number(SETTING_NAMES.planLength, false);
  if (planLength) settings = { ...settings, planLength: planLength.toNumber() };
  const named = cellOf(SETTING_NAMES.scenarios);
  if (named) {
    const text = named.view.text(named.range.start.row, named.range.start.column);
    const scenarios = text === "" ? [] : scenariosFromJson(text);
    if (scenarios) {
      const builtIn = new Set(settings.scenarios.map((s) => s.id));
      settings = { ...settings, scenarios: [...settings.scenarios, ...scenarios.filter((s) => !builtIn.has(s.id))] };
    } else {
      bad(
        SETTING_NAMES.scenarios,
        named.ref,
        "kan inte läsas som scenarier; de sparade scenarierna används inte.",
        "cannot be read as scenarios; the saved scenarios are not used.",
      );
    }
  }
  return { settings, findings };
}

/** The scenarios every analysis has; the workbook keeps only their settings (rate, floor), not the scenarios. */
const BUILT_IN = new Set([SHEET_PLAN.id, WORST_CASE.id]);

/** The sheet the add-in keeps its settings on, where the workbook has none of its own. */
export const SETTINGS_SHEET = "Finsam-inställningar";

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
      value: "Ändra värdena i kolumn B; tillägget och npm run check läser dem via namnen Finsam_*.",
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
  return { sheets: [sheet], cells, names };
}
