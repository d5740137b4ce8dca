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
