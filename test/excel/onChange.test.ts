import { createExcelPort } from "../../src/excel";
import { CHANGE_DEBOUNCE_MS, OWN_WRITE_QUIET_MS } from "../../src/excel/changeEvents";
import { generatedBudget } from "./workbooks";
import type { Clock } from "../../src/app/clock";

/** The port's clock here is jest's fake time, so the quiet time after a write passes as the timers advance. */
const timerClock: Clock = { now: () => new Date(Date.now()) };

/** Lets queued promises (event handlers, syncs) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

describe("the analysis follows the user's edits", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it.each([[20, "workbook-wide onChanged (ExcelApi 1.9)"]])(
    "ExcelApi 1.%i: %s, debounced, and stopped on request",
    async (version) => {
      const fake = generatedBudget(10, version);
      const port = createExcelPort(timerClock, fake.host());
      const callback = jest.fn();
      const stop = port.onChange(callback);
      await settle();
      expect(fake.handlerCount).toBeGreaterThan(0);

      fake.userEdit("Budget 2026", "B4", 2_000_001);
      await settle();
      jest.advanceTimersByTime(CHANGE_DEBOUNCE_MS / 2);
      fake.userEdit("Budget 2026", "B5", 1_000_001);
      await settle();
      jest.advanceTimersByTime(CHANGE_DEBOUNCE_MS - 1);
      expect(callback).not.toHaveBeenCalled();
      jest.advanceTimersByTime(1);
      expect(callback).toHaveBeenCalledTimes(1);

      stop();
      await settle();
      expect(fake.handlerCount).toBe(0);
      fake.userEdit("Budget 2026", "B4", 3);
      await settle();
      jest.advanceTimersByTime(CHANGE_DEBOUNCE_MS * 2);
      expect(callback).toHaveBeenCalledTimes(1);
    },
  );

  it("the add-in's own writes do not set it off", async () => {
    const fake = generatedBudget(10);
    const port = createExcelPort(timerClock, fake.host());
    const callback = jest.fn();
    port.onChange(callback);
    await settle();
    await port.applyEdits({ cells: [{ sheet: "Budget 2026", cell: "F1", value: "x" }] });
    await settle();
    jest.advanceTimersByTime(CHANGE_DEBOUNCE_MS * 2);
    expect(callback).not.toHaveBeenCalled();

    // Once the quiet time has passed, the user's own edit is followed again.
    jest.advanceTimersByTime(OWN_WRITE_QUIET_MS);
    fake.userEdit("Budget 2026", "B4", 2_000_001);
    await settle();
    jest.advanceTimersByTime(CHANGE_DEBOUNCE_MS);
    expect(callback).toHaveBeenCalledTimes(1);
  });
});
