import { amountIn } from "./budgetQueries";
import { deviationSeverity, finding, type Finding } from "./findings";
import { formatKr, formatKrDiff, formatNumber, message, type Message } from "./format";
import { exactShares, largestRemainder } from "./largestRemainder";
import { Decimal, sum } from "./money";
import type { Budget, KommunKey, Member } from "./types";

/** Each kommun's weight under the key: its population, or its fixed percentage. */
export function kommunWeights(kommuner: readonly Member[], key: KommunKey): (Decimal | undefined)[] {
  // A lone kommun pays the whole quarter: no key is needed.
  if (kommuner.length === 1) return [new Decimal(1)];
  return kommuner.map((k) => (key.kind === "population" ? k.population?.value : key.percents[k.name]));
}

export interface KommunShare {
  readonly member: Member;
  readonly weight: Decimal;
  /** quarter × w_i / Σw, unrounded. */
  readonly exact: Decimal;
  /** Whole kronor by largest remainder; these sum to the quarter. */
  readonly amount: Decimal;
}

/**
 * Rule 2, the kommun key: the kommuner's quarter split by weight (population
 * by default), whole kronor by largest remainder.
 */
export function kommunShares(
  quarter: Decimal,
  kommuner: readonly Member[],
  weights: readonly Decimal[],
): KommunShare[] {
  const amounts = largestRemainder(quarter, weights);
  const exact = exactShares(quarter, weights);
  return kommuner.map((member, i) => ({ member, weight: weights[i]!, exact: exact[i]!, amount: amounts[i]! }));
}

/** The share's formula in words, for the revisor. */
export function shareFormula(quarter: Decimal, share: KommunShare, total: Decimal, key: KommunKey): Message {
  if (key.kind === "population") {
    return message(
      `kommunernas fjärdedel ${formatKr(quarter)} × ${formatNumber(share.weight)} / ${formatNumber(total)} invånare, hela kronor enligt största rest`,
      `the kommuner's quarter ${formatKr(quarter, "en")} × ${formatNumber(share.weight, "en")} / ${formatNumber(total, "en")} inhabitants, whole kronor by largest remainder`,
    );
  }
  return message(
    `kommunernas fjärdedel ${formatKr(quarter)} × ${formatNumber(share.weight)} / ${formatNumber(total)} procent, hela kronor enligt största rest`,
    `the kommuner's quarter ${formatKr(quarter, "en")} × ${formatNumber(share.weight, "en")} / ${formatNumber(total, "en")} per cent, whole kronor by largest remainder`,
  );
}

/**
 * Compares each kommun's amount in the sheet with its share of the quarter.
 * A difference that rounding explains (≤ 1 kr) is information, a larger one a
 * warning that shows both numbers and the formula (SHARE_DEVIATION).
 */
export function checkKommunShares(
  budget: Budget,
  year: number,
  quarter: Decimal,
  shares: readonly KommunShare[],
  key: KommunKey,
): Finding[] {
  const weightTotal = sum(shares.map((s) => s.weight));
  const findings: Finding[] = [];
  for (const share of shares) {
    const actual = amountIn(share.member, year);
    if (!actual) continue;
    const difference = actual.value.minus(share.amount);
    const severity = deviationSeverity(difference);
    if (!severity) continue;
    const formula = shareFormula(quarter, share, weightTotal, key);
    findings.push(
      finding({
        code: "SHARE_DEVIATION",
        severity,
        ...(actual.ref ? { ref: actual.ref } : {}),
        year,
        expected: share.amount,
        actual: actual.value,
        message: message(
          `${share.member.name} ${year}: arket har ${formatKr(actual.value)} men andelen är ${formatKr(share.amount)} (${formula.sv}). Skillnad ${formatKrDiff(difference)}.`,
          `${share.member.name} ${year}: the sheet has ${formatKr(actual.value, "en")} but the share is ${formatKr(share.amount, "en")} (${formula.en}). Difference ${formatKrDiff(difference, "en")}.`,
        ),
      }),
    );
  }
  return findings;
}
