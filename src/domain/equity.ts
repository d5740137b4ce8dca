import { finding, type Finding } from "./findings";
import { formatKr, formatPercent, message } from "./format";
import { Decimal, roundKronor } from "./money";
import type { CellRef, EquityStep, EquityTarget } from "./types";

/** Rule 4: closing = opening + income − costs. Drawdown rows are not income and never enter here. */
export function rollEquity(opening: Decimal, income: Decimal, costs: Decimal): Decimal {
  return opening.plus(income).minus(costs);
}

/** Nationella rådet's recommendation as all the seeds quote it: at most 20 % of the year's contributions. */
export const DEFAULT_EQUITY_STAIRCASE: readonly EquityStep[] = [{ from: new Decimal(0), maxPercent: new Decimal(20) }];

/**
 * The staircase step for a förbund of this size: the row whose [from, to)
 * holds the year's contributions; the last row has no upper bound.
 */
export function equityStep(staircase: readonly EquityStep[], contributions: Decimal): EquityStep | undefined {
  return staircase.find(
    (step) =>
      contributions.greaterThanOrEqualTo(step.from) && (step.to === undefined || contributions.lessThan(step.to)),
  );
}

/**
 * The reasonable maximum for equity: the step's per cent of the year's contributions, in whole kronor
 * (roundKronor, as Finsam-kontroll's ROUND(…;0)), so the level compared is the level shown.
 */
export function maxEquity(staircase: readonly EquityStep[], contributions: Decimal): Decimal {
  const step = equityStep(staircase, contributions) ?? staircase[staircase.length - 1];
  return step ? roundKronor(contributions.times(step.maxPercent).dividedBy(100)) : new Decimal(0);
}

/** A target band such as 1,8 Mkr ± 20 %: centre × (1 ± tolerance). */
export function targetBand(centre: Decimal, tolerance: Decimal): EquityTarget {
  return { min: centre.times(new Decimal(1).minus(tolerance)), max: centre.times(new Decimal(1).plus(tolerance)) };
}

export interface EquityYear {
  readonly year: number;
  readonly contributions: Decimal;
  readonly closingEquity: Decimal;
  readonly maxEquity: Decimal;
}

/**
 * Rule 4's checks on a year's closing equity: below zero is an error (a
 * förbund must not go into debt); above the recommended maximum or outside
 * the förbund's own target band is a warning.
 */
export function checkEquity(
  year: EquityYear,
  target: EquityTarget | undefined,
  scenario: string | undefined,
  ref: CellRef | undefined,
): Finding[] {
  const findings: Finding[] = [];
  const where = {
    ...(ref ? { ref } : {}),
    year: year.year,
    ...(scenario ? { scenario } : {}),
    figure: "closingEquity" as const,
  };
  const closing = year.closingEquity;
  if (closing.isNegative() && !closing.isZero()) {
    findings.push(
      finding({
        code: "EQUITY_NEGATIVE",
        severity: "error",
        ...where,
        expected: new Decimal(0),
        actual: closing,
        message: message(
          `Eget kapital vid utgången av ${year.year} blir ${formatKr(closing)}: förbundet får inte sätta sig i skuld.`,
          `Equity at the end of ${year.year} becomes ${formatKr(closing, "en")}: a förbund must not go into debt.`,
        ),
      }),
    );
  }
  if (closing.greaterThan(year.maxEquity)) {
    const percent = year.contributions.isZero() ? new Decimal(0) : year.maxEquity.dividedBy(year.contributions);
    findings.push(
      finding({
        code: "EQUITY_ABOVE_MAX",
        severity: "warning",
        ...where,
        expected: year.maxEquity,
        actual: closing,
        message: message(
          `Eget kapital vid utgången av ${year.year}, ${formatKr(closing)}, är över rekommenderad nivå ${formatPercent(percent)} × ${formatKr(year.contributions)} = ${formatKr(year.maxEquity)}. Staten kan minska tilldelningen, och tioprocentsspärren skyddar inte.`,
          `Equity at the end of ${year.year}, ${formatKr(closing, "en")}, is above the recommended ${formatPercent(percent, "en")} × ${formatKr(year.contributions, "en")} = ${formatKr(year.maxEquity, "en")}. The state may reduce the allocation, and the 10 % cap no longer protects.`,
        ),
      }),
    );
  }
  if (target && (closing.lessThan(target.min) || closing.greaterThan(target.max))) {
    const expected = closing.lessThan(target.min) ? target.min : target.max;
    findings.push(
      finding({
        code: "EQUITY_OUTSIDE_TARGET",
        severity: "warning",
        ...where,
        expected,
        actual: closing,
        message: message(
          `Eget kapital vid utgången av ${year.year}, ${formatKr(closing)}, ligger utanför förbundets mål ${formatKr(target.min)}–${formatKr(target.max)}.`,
          `Equity at the end of ${year.year}, ${formatKr(closing, "en")}, is outside the förbund's target ${formatKr(target.min, "en")}–${formatKr(target.max, "en")}.`,
        ),
      }),
    );
  }
  return findings;
}
