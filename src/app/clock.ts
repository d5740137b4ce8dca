/**
 * The add-in's one source of "now". The entry points (src/taskpane/index.tsx, src/cli/check.ts,
 * src/commands/commands.ts) make the machine's clock; everything below receives a Clock, so no rule,
 * view or test depends on the day or the zone it runs in. A lint rule (eslint.config.mjs) keeps it so.
 */
export interface Clock {
  now(): Date;
}

/** A clock that always says `at`: for tests, and for work that must name one moment throughout. */
export function fixedClock(at: Date): Clock {
  const time = at.getTime();
  return { now: () => new Date(time) };
}
