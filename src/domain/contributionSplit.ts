import { amountIn, membersOf, spanOf } from "./budgetQueries";
import { deviationSeverity, finding, type Finding } from "./findings";
import { formatKr, formatKrDiff, message } from "./format";
import { largestRemainder } from "./largestRemainder";
import { Decimal, sumAmounts } from "./money";
import type { Budget, CellRef, SourcedAmount } from "./types";

/** The year's member contributions split by the law's shares, in whole kronor. */
export interface ContributionSplit {
  readonly total: Decimal;
  /** The state's half, paid by FK and AF together. */
  readonly state: Decimal;
  readonly fk: Decimal;
  readonly af: Decimal;
  readonly region: Decimal;
  /** The kommuner's quarter, split between them by the key (kommunKey.ts). */
  readonly kommuner: Decimal;
}

/**
 * Rule 1, the 50/25/25 split: the state 1/2 (FK and AF 1/4 each), the region
 * 1/4, the kommuner together 1/4. Whole kronor by largest remainder, so the
 * parts always sum to the total.
 */
export function splitContributions(total: Decimal): ContributionSplit {
  const [state, region, kommuner] = largestRemainder(total, [new Decimal(2), new Decimal(1), new Decimal(1)]);
  const [fk, af] = largestRemainder(state!, [new Decimal(1), new Decimal(1)]);
  return { total, state: state!, fk: fk!, af: af!, region: region!, kommuner: kommuner! };
}

/** The state decides its half first and the others match it: T = 2 × the state's half. */
export function totalFromStateHalf(stateHalf: Decimal): Decimal {
  return stateHalf.times(2);
}

/** What a year's total T rests on, and from which cell. */
export interface YearTotal {
  readonly total: Decimal;
  readonly basis: "state" | "statedTotal" | "memberSum";
  readonly ref?: CellRef;
}

/** The state's half as the sheet states it: one "stat" row, or FK plus AF. */
export function stateHalfIn(budget: Budget, year: number): SourcedAmount | undefined {
  const stat = membersOf(budget, "stat").map((m) => amountIn(m, year));
  if (stat.length === 1 && stat[0]) return stat[0];
  const fk = membersOf(budget, "fk").map((m) => amountIn(m, year));
  const af = membersOf(budget, "af").map((m) => amountIn(m, year));
  if (stat.length === 0 && fk.length === 1 && af.length === 1 && fk[0] && af[0]) {
    return { value: fk[0].value.plus(af[0].value), ...(fk[0].ref ? { ref: fk[0].ref } : {}) };
  }
  return undefined;
}

/**
 * The year's total T: twice the state's half (the anchor), else the stated
 * "Totalt", else the sum of the member rows.
 */
export function yearTotal(budget: Budget, year: number): YearTotal | undefined {
  const stateHalf = stateHalfIn(budget, year);
  if (stateHalf) return { total: totalFromStateHalf(stateHalf.value), basis: "state", ...refOf(stateHalf) };
  const stated = budget.statedContributionTotal?.get(year);
  if (stated) return { total: stated.value, basis: "statedTotal", ...refOf(stated) };
  const amounts = budget.members.map((m) => amountIn(m, year)).filter((a): a is SourcedAmount => !!a);
  if (amounts.length === 0) return undefined;
  return { total: sumAmounts(amounts), basis: "memberSum" };
}

function refOf(amount: SourcedAmount): { ref?: CellRef } {
  return amount.ref ? { ref: amount.ref } : {};
}

const PARTY_NAMES = {
  stat: { sv: "staten (FK och AF)", en: "the state (FK and AF)", share: "1/2" },
  fk: { sv: "Försäkringskassan", en: "Försäkringskassan", share: "1/4" },
  af: { sv: "Arbetsförmedlingen", en: "Arbetsförmedlingen", share: "1/4" },
  region: { sv: "regionen", en: "the region", share: "1/4" },
} as const;

/**
 * Rule 1's checks for one year: each party group against its share of T
 * (PARTY_SPLIT), the kommun rows' sum against the quarter (SHARE_SUM), and a
 * stated total against T (PARTY_SPLIT on the total's cell).
 */
export function checkPartySplit(budget: Budget, year: number, anchor: YearTotal): Finding[] {
  const split = splitContributions(anchor.total);
  const findings: Finding[] = [];
  const T = formatKr(anchor.total, "sv");
  const Ten = formatKr(anchor.total, "en");

  for (const party of ["stat", "fk", "af", "region"] as const) {
    for (const member of membersOf(budget, party)) {
      const actual = amountIn(member, year);
      if (!actual) continue;
      const expected = split[party === "stat" ? "state" : party];
      const severity = deviationSeverity(actual.value.minus(expected));
      if (!severity) continue;
      const names = PARTY_NAMES[party];
      findings.push(
        finding({
          code: "PARTY_SPLIT",
          severity,
          ...refOf(actual),
          year,
          expected,
          actual: actual.value,
          message: message(
            `${member.name} ${year}: arket har ${formatKr(actual.value)} men ${names.sv}s andel är ${names.share} av ${T} = ${formatKr(expected)}. Skillnad ${formatKrDiff(actual.value.minus(expected))}.`,
            `${member.name} ${year}: the sheet has ${formatKr(actual.value, "en")} but ${names.en}'s share is ${names.share} of ${Ten} = ${formatKr(expected, "en")}. Difference ${formatKrDiff(actual.value.minus(expected), "en")}.`,
          ),
        }),
      );
    }
  }

  const kommunAmounts = membersOf(budget, "kommun")
    .map((m) => amountIn(m, year))
    .filter((a): a is SourcedAmount => !!a);
  if (kommunAmounts.length > 0) {
    const kommunSum = sumAmounts(kommunAmounts);
    const severity = deviationSeverity(kommunSum.minus(split.kommuner));
    const span = spanOf(kommunAmounts.flatMap((a) => (a.ref ? [a.ref] : [])));
    if (severity) {
      findings.push(
        finding({
          code: "SHARE_SUM",
          severity,
          ...(span ? { ref: span } : {}),
          year,
          expected: split.kommuner,
          actual: kommunSum,
          message: message(
            `Kommunernas belopp ${year} summerar till ${formatKr(kommunSum)}, men kommunernas fjärdedel av ${T} är ${formatKr(split.kommuner)}. Skillnad ${formatKrDiff(kommunSum.minus(split.kommuner))}.`,
            `The kommuner's amounts for ${year} add up to ${formatKr(kommunSum, "en")}, but their quarter of ${Ten} is ${formatKr(split.kommuner, "en")}. Difference ${formatKrDiff(kommunSum.minus(split.kommuner), "en")}.`,
          ),
        }),
      );
    }
  }

  const stated = budget.statedContributionTotal?.get(year);
  if (stated && anchor.basis === "state") {
    const severity = deviationSeverity(stated.value.minus(anchor.total));
    if (severity) {
      findings.push(
        finding({
          code: "PARTY_SPLIT",
          severity,
          ...refOf(stated),
          year,
          expected: anchor.total,
          actual: stated.value,
          message: message(
            `Totalen ${year} är ${formatKr(stated.value)} i arket, men staten betalar hälften: 2 × ${formatKr(split.state)} = ${T}. Skillnad ${formatKrDiff(stated.value.minus(anchor.total))}.`,
            `The sheet's total for ${year} is ${formatKr(stated.value, "en")}, but the state pays half: 2 × ${formatKr(split.state, "en")} = ${Ten}. Difference ${formatKrDiff(stated.value.minus(anchor.total), "en")}.`,
          ),
        }),
      );
    }
  }
  return findings;
}
