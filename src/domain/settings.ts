import type { Decimal } from "./money";
import { DEFAULT_EQUITY_STAIRCASE } from "./equity";
import { SHEET_PLAN, WORST_CASE } from "./plan";
import type { Settings } from "./types";

/** DOMAIN.md's defaults: population key, 20 % equity, worst case and the sheet's plan, two plan years. */
export function defaultSettings(overrides: Partial<Settings> = {}): Settings {
  return {
    kommunKey: { kind: "population" },
    equityStaircase: DEFAULT_EQUITY_STAIRCASE,
    scenarios: [SHEET_PLAN, WORST_CASE],
    planLength: 2,
    ...overrides,
  };
}

/** A per-cent setting as a person types it: 0,2 and 20 alike are 20 (%). */
export function percentSetting(typed: Decimal): Decimal {
  return typed.lessThanOrEqualTo(1) ? typed.times(100) : typed;
}

/** A fraction setting as a person types it: 0,1 and 10 alike are a tenth. */
export function fractionSetting(typed: Decimal): Decimal {
  return typed.greaterThan(1) ? typed.dividedBy(100) : typed;
}
