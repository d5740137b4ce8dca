import { deviationSeverity, finding, type Finding } from "./findings";
import { formatKr, formatKrDiff, message } from "./format";
import { sum, sumAmounts } from "./money";
import type { PlanYear } from "./plan";
import type { Budget, CellRef, SourcedAmount } from "./types";

/**
 * Rule 5, the budget ceiling: costs above income + opening equity cannot be
 * financed (error), and leave equity below zero (Rule 4), both said in the one error. Costs above income, a planned deficit, need synnerliga
 * skäl: drawing down equity above the recommended level is one (information);
 * otherwise it is a warning.
 */
export function checkBudgetCeiling(year: PlanYear, ref: CellRef | undefined): Finding[] {
  const income = year.contributions.plus(year.otherIncome);
  const available = income.plus(year.openingEquity);
  const where = { ...(ref ? { ref } : {}), year: year.year, scenario: year.scenario };
  if (year.costs.greaterThan(available)) {
    return [
      finding({
        code: "CEILING_EXCEEDED",
        severity: "error",
        ...where,
        figure: "costs",
        expected: available,
        actual: year.costs,
        message: message(
          `Kostnaderna ${year.year}, ${formatKr(year.costs)}, är större än intäkterna ${formatKr(income)} plus ingående eget kapital ${formatKr(year.openingEquity)} = ${formatKr(available)}: ${formatKr(year.costs.minus(available))} kan inte finansieras, och eget kapital vid årets slut blir ${formatKr(year.closingEquity)}. Förbundet får inte sätta sig i skuld.`,
          `Costs for ${year.year}, ${formatKr(year.costs, "en")}, exceed income ${formatKr(income, "en")} plus opening equity ${formatKr(year.openingEquity, "en")} = ${formatKr(available, "en")}: ${formatKr(year.costs.minus(available), "en")} cannot be financed, and equity at the end of the year becomes ${formatKr(year.closingEquity, "en")}. A förbund must not go into debt.`,
        ),
      }),
    ];
  }
  if (!year.costs.greaterThan(income)) return [];
  const deficit = year.costs.minus(income);
  const justified = year.openingEquity.greaterThan(year.maxEquity);
  return [
    finding({
      code: justified ? "DEFICIT_JUSTIFIED" : "DEFICIT_UNJUSTIFIED",
      severity: justified ? "info" : "warning",
      ...where,
      figure: "result",
      expected: income,
      actual: year.costs,
      message: justified
        ? message(
            `Underskott ${year.year}: ${formatKr(deficit)} tas ur eget kapital, som vid årets början (${formatKr(year.openingEquity)}) är över rekommenderad nivå ${formatKr(year.maxEquity)}. Det är synnerliga skäl.`,
            `Deficit in ${year.year}: ${formatKr(deficit, "en")} is drawn from equity, which at the start of the year (${formatKr(year.openingEquity, "en")}) is above the recommended ${formatKr(year.maxEquity, "en")}. That is a valid reason (synnerliga skäl).`,
          )
        : message(
            `Underskott ${year.year}: kostnaderna ${formatKr(year.costs)} är större än intäkterna ${formatKr(income)} med ${formatKr(deficit)}, fast eget kapital (${formatKr(year.openingEquity)}) inte är över rekommenderad nivå ${formatKr(year.maxEquity)}. Ett underskott kräver synnerliga skäl.`,
            `Deficit in ${year.year}: costs ${formatKr(year.costs, "en")} exceed income ${formatKr(income, "en")} by ${formatKr(deficit, "en")}, though equity (${formatKr(year.openingEquity, "en")}) is not above the recommended ${formatKr(year.maxEquity, "en")}. A deficit needs synnerliga skäl.`,
          ),
    }),
  ];
}

/** A "Summa"/"Totalt" cell that does not equal the sum of its lines (by 1 kr or more). */
export function checkTotals(budget: Budget): Finding[] {
  return budget.sums.flatMap((s) => {
    const computed = sumAmounts(s.parts);
    const difference = s.stated.value.minus(computed);
    if (difference.abs().lessThan(1)) return [];
    return [
      finding({
        code: "TOTAL_MISMATCH",
        severity: "warning",
        ...(s.stated.ref ? { ref: s.stated.ref } : {}),
        year: s.year,
        expected: computed,
        actual: s.stated.value,
        message: message(
          `${s.label} ${s.year} är ${formatKr(s.stated.value)}, men raderna summerar till ${formatKr(computed)}. Skillnad ${formatKrDiff(difference)}.`,
          `${s.label} ${s.year} is ${formatKr(s.stated.value, "en")}, but its lines add up to ${formatKr(computed, "en")}. Difference ${formatKrDiff(difference, "en")}.`,
        ),
      }),
    ];
  });
}

/**
 * Follow-up: a line whose outcome or full-year forecast exceeds its budget is
 * a warning on that cell; the total forecast above the budget frame is an error.
 */
export function checkFollowUp(budget: Budget): Finding[] {
  const findings: Finding[] = [];
  for (const line of budget.followUp) {
    for (const [kind, value] of [
      ["utfall", line.outcome],
      ["prognos", line.forecast],
    ] as const) {
      if (!value || !value.value.greaterThan(line.budget.value)) continue;
      const over = value.value.minus(line.budget.value);
      const en = kind === "utfall" ? "outcome" : "forecast";
      findings.push(
        finding({
          code: "LINE_OVER_BUDGET",
          severity: "warning",
          ...(value.ref ? { ref: value.ref } : {}),
          year: line.year,
          expected: line.budget.value,
          actual: value.value,
          message: message(
            `${line.label} ${line.year}: ${kind} ${formatKr(value.value)} är över budget ${formatKr(line.budget.value)} med ${formatKr(over)}.`,
            `${line.label} ${line.year}: the ${en} ${formatKr(value.value, "en")} is over the budget ${formatKr(line.budget.value, "en")} by ${formatKr(over, "en")}.`,
          ),
        }),
      );
    }
  }
  const frame = budget.budgetFrame;
  const forecasts = budget.followUp
    .map((l) => l.forecast ?? l.outcome)
    .filter((a): a is SourcedAmount => a !== undefined);
  if (frame && forecasts.length > 0) {
    const total = sum(forecasts.map((f) => f.value));
    if (total.greaterThan(frame.value)) {
      findings.push(
        finding({
          code: "CEILING_EXCEEDED",
          severity: "error",
          ...(frame.ref ? { ref: frame.ref } : {}),
          ...(budget.followUp[0] ? { year: budget.followUp[0].year } : {}),
          expected: frame.value,
          actual: total,
          message: message(
            `Helårsprognosen ${formatKr(total)} är över budgetramen ${formatKr(frame.value)} med ${formatKr(total.minus(frame.value))}. Budgeten är ram och begränsning för vad som kan finansieras.`,
            `The full-year forecast ${formatKr(total, "en")} exceeds the budget frame ${formatKr(frame.value, "en")} by ${formatKr(total.minus(frame.value), "en")}. The budget is the limit of what can be financed.`,
          ),
        }),
      );
    }
  }
  return findings;
}

/**
 * An equity drawdown row ("Eget kapital" on the income side) should equal
 * the year's deficit, costs − income; a gap is a finding on the row.
 */
export function checkDrawdown(drawdown: SourcedAmount, year: PlanYear): Finding[] {
  const deficit = year.costs.minus(year.contributions).minus(year.otherIncome);
  const difference = drawdown.value.minus(deficit);
  const severity = deviationSeverity(difference);
  if (!severity) return [];
  return [
    finding({
      code: "DRAWDOWN_MISMATCH",
      severity,
      ...(drawdown.ref ? { ref: drawdown.ref } : {}),
      year: year.year,
      expected: deficit,
      actual: drawdown.value,
      message: message(
        `Ianspråktaget eget kapital ${year.year} är ${formatKr(drawdown.value)} i arket, men kostnader − intäkter = ${formatKr(year.costs)} − ${formatKr(year.contributions.plus(year.otherIncome))} = ${formatKr(deficit)}. Skillnad ${formatKrDiff(difference)}.`,
        `Equity drawn in ${year.year} is ${formatKr(drawdown.value, "en")} in the sheet, but costs − income = ${formatKr(year.costs, "en")} − ${formatKr(year.contributions.plus(year.otherIncome), "en")} = ${formatKr(deficit, "en")}. Difference ${formatKrDiff(difference, "en")}.`,
      ),
    }),
  ];
}
