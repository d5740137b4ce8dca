import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Clock } from "../../src/app/clock";
import { analysed, fixtureGrid, gridPort, plain, renderPane, TEST_CLOCK } from "./support";

/** Every timer stays real (Testing Library waits on them); only the machine's Date is moved. */
const REAL_TIMERS = [
  "hrtime",
  "nextTick",
  "performance",
  "queueMicrotask",
  "requestAnimationFrame",
  "cancelAnimationFrame",
  "requestIdleCallback",
  "cancelIdleCallback",
  "setImmediate",
  "clearImmediate",
  "setInterval",
  "clearInterval",
  "setTimeout",
  "clearTimeout",
] as const;

afterEach(() => jest.useRealTimers());

test("the pane shows the injected clock's time, whatever day the machine says it is", async () => {
  jest.useFakeTimers({ now: new Date(2031, 2, 15, 3, 7), doNotFake: [...REAL_TIMERS] });
  expect(new Date().getFullYear()).toBe(2031); // the machine's clock really is elsewhere

  renderPane({ port: gridPort(fixtureGrid("vastra-2025")), clock: TEST_CLOCK });
  await userEvent.click(screen.getByRole("button", { name: "Analysera" }));
  expect(plain((await analysed()).textContent)).toBe("Senast analyserad 14:32");
});

test("an analysis from another day than the clock's today shows its date too", async () => {
  let now = new Date(2026, 10, 23, 14, 32);
  const clock: Clock = { now: () => now };
  renderPane({ port: gridPort(fixtureGrid("vastra-2025")), clock });
  await userEvent.click(screen.getByRole("button", { name: "Analysera" }));
  expect(plain((await analysed()).textContent)).toBe("Senast analyserad 14:32");

  // The pane left open overnight: the next render is on the 24th, and the time needs its day.
  now = new Date(2026, 10, 24, 8, 15);
  await userEvent.selectOptions(screen.getByRole("combobox"), "en");
  expect(plain((await analysed("en")).textContent)).toBe("Last analysed 23 Nov, 14:32");
});
