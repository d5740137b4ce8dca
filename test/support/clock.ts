import { fixedClock } from "../../src/app/clock";

/** The day the tests say it is: a Monday in November, when budgets are adopted. Never the machine's day. */
export const TEST_NOW = new Date(2026, 10, 23, 14, 32);
export const TEST_CLOCK = fixedClock(TEST_NOW);
