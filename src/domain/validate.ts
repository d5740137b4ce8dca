import { costsIn, membersOf } from "./budgetQueries";
import { yearTotal } from "./contributionSplit";
import { finding, type Finding } from "./findings";
import { formatKr, message } from "./format";
import { kommunWeights } from "./kommunKey";
import type { Budget, Party, Settings } from "./types";

/**
 * Checks the engine's input before any rule runs, so bad input becomes an
 * INPUT_* finding that names the cell, never an exception or a wrong number.
 * A budget with no year or no members stops at that one finding; the other
 * checks all run, in this order.
 */
export function validateBudget(budget: Budget): Finding[] {
  const stop = missingBudgetYear(budget) ?? noMembers(budget);
  if (stop) return [stop];
  return [
    ...noState(budget),
    ...noKommun(budget),
    ...duplicateParties(budget),
    ...negativeContributions(budget),
    ...missingContributions(budget),
    ...missingCosts(budget),
    ...noOpeningEquity(budget),
  ];
}

function missingBudgetYear(budget: Budget): Finding | undefined {
  if (Number.isInteger(budget.budgetYear)) return undefined;
  return finding({
    code: "INPUT_MISSING_YEAR",
    severity: "error",
    message: message("Budgetåret saknas i arket.", "The budget year is missing from the sheet."),
  });
}

/** No members: a follow-up's lines are still checked; a budget's contributions cannot be. */
function noMembers(budget: Budget): Finding | undefined {
  if (budget.members.length > 0) return undefined;
  if (budget.followUp.length > 0) {
    return finding({
      code: "INPUT_NO_MEMBERS",
      severity: "info",
      message: message(
        "Arbetsboken är en uppföljning: inga medlemmar hittades att kontrollera, så bara raderna, prognosen och budgetramen kontrolleras.",
        "The workbook is a follow-up: no members were found to check, so only the lines, the forecast and the budget frame are checked.",
      ),
    });
  }
  return finding({
    code: "INPUT_NO_MEMBERS",
    severity: "error",
    message: message(
      "Inga medlemmar med medlemsavgifter hittades i arket.",
      "No members with contributions were found in the sheet.",
    ),
  });
}

function noState(budget: Budget): Finding[] {
  if (membersOf(budget, "stat", "fk", "af").length > 0) return [];
  return [
    finding({
      code: "INPUT_NO_STATE",
      severity: "warning",
      message: message(
        "Statens andel (Försäkringskassan och Arbetsförmedlingen) hittades inte; totalen tas från arkets summa.",
        "The state's share (Försäkringskassan and Arbetsförmedlingen) was not found; the total is taken from the sheet's sum.",
      ),
    }),
  ];
}

function noKommun(budget: Budget): Finding[] {
  if (membersOf(budget, "kommun").length > 0) return [];
  return [
    finding({
      code: "INPUT_NO_KOMMUN",
      severity: "error",
      message: message(
        "Inga kommuner hittades bland medlemmarna; kommunernas fjärdedel kan inte fördelas.",
        "No kommuner were found among the members; their quarter cannot be split.",
      ),
    }),
  ];
}

/** A party on more than one row (the state, FK, AF, the region, in that order): its second row. */
function duplicateParties(budget: Budget): Finding[] {
  const findings: Finding[] = [];
  for (const party of ["stat", "fk", "af", "region"] as const satisfies readonly Party[]) {
    const rows = membersOf(budget, party);
    const second = rows[1];
    if (second) {
      findings.push(
        finding({
          code: "INPUT_DUPLICATE_PARTY",
          severity: "warning",
          ...(second.nameRef ? { ref: second.nameRef } : {}),
          message: message(
            `${second.name} är en andra rad för samma part som ${rows[0]!.name}; bara en rad per part kan kontrolleras.`,
            `${second.name} is a second row for the same party as ${rows[0]!.name}; only one row per party can be checked.`,
          ),
        }),
      );
    }
  }
  return findings;
}

/** Every member's negative contribution, member by member, year by year. */
function negativeContributions(budget: Budget): Finding[] {
  const findings: Finding[] = [];
  for (const member of budget.members) {
    for (const [year, amount] of member.amounts) {
      if (!amount.value.isNegative() || amount.value.isZero()) continue;
      findings.push(
        finding({
          code: "INPUT_NEGATIVE_AMOUNT",
          severity: "error",
          ...(amount.ref ? { ref: amount.ref } : {}),
          year,
          actual: amount.value,
          message: message(
            `${member.name} ${year}: medlemsavgiften ${formatKr(amount.value)} är negativ.`,
            `${member.name} ${year}: the contribution ${formatKr(amount.value, "en")} is negative.`,
          ),
        }),
      );
    }
  }
  return findings;
}

function missingContributions(budget: Budget): Finding[] {
  if (yearTotal(budget, budget.budgetYear)) return [];
  return [
    finding({
      code: "INPUT_MISSING_YEAR",
      severity: "error",
      year: budget.budgetYear,
      message: message(
        `Medlemsavgifterna för budgetåret ${budget.budgetYear} saknas.`,
        `The contributions for the budget year ${budget.budgetYear} are missing.`,
      ),
    }),
  ];
}

function missingCosts(budget: Budget): Finding[] {
  if (costsIn(budget, budget.budgetYear) !== undefined) return [];
  return [
    finding({
      code: "INPUT_MISSING_YEAR",
      severity: "error",
      year: budget.budgetYear,
      message: message(
        `Kostnaderna för budgetåret ${budget.budgetYear} saknas; flerårsplanen kan inte beräknas.`,
        `The costs for the budget year ${budget.budgetYear} are missing; the plan cannot be projected.`,
      ),
    }),
  ];
}

function noOpeningEquity(budget: Budget): Finding[] {
  if (budget.openingEquity) return [];
  return [
    finding({
      code: "INPUT_NO_EQUITY",
      severity: "warning",
      year: budget.budgetYear,
      message: message(
        `Ingående eget kapital för ${budget.budgetYear} saknas; planen räknar med 0 kr.`,
        `Opening equity for ${budget.budgetYear} is missing; the plan assumes 0 SEK.`,
      ),
    }),
  ];
}

/** Whether the key gives every kommun a usable weight; INPUT_* findings where not. */
export function validateKommunKey(budget: Budget, settings: Settings): Finding[] {
  const kommuner = membersOf(budget, "kommun");
  const weights = kommunWeights(kommuner, settings.kommunKey);
  const findings: Finding[] = [];
  kommuner.forEach((kommun, i) => {
    const weight = weights[i];
    if (weight && weight.isPositive() && !weight.isZero()) return;
    const byPopulation = settings.kommunKey.kind === "population";
    const ref = byPopulation ? (kommun.population?.ref ?? kommun.nameRef) : kommun.nameRef;
    const shown = weight ? weight.toFixed() : "saknas";
    findings.push(
      finding({
        code: byPopulation ? "INPUT_POPULATION" : "INPUT_KEY",
        severity: "error",
        ...(ref ? { ref } : {}),
        message: byPopulation
          ? message(
              `${kommun.name}: befolkningen (${shown}) måste vara ett positivt tal för att fördela kommunernas fjärdedel.`,
              `${kommun.name}: the population (${weight ? weight.toFixed() : "missing"}) must be a positive number to split the kommuner's quarter.`,
            )
          : message(
              `${kommun.name}: den fasta andelen (${shown}) måste vara ett positivt procenttal.`,
              `${kommun.name}: the fixed share (${weight ? weight.toFixed() : "missing"}) must be a positive percentage.`,
            ),
      }),
    );
  });
  return findings;
}

/** Settings a user can type wrong: rates, floors, the staircase, the plan's length. */
export function validateSettings(settings: Settings): Finding[] {
  const problems: { sv: string; en: string }[] = [];
  if (!Number.isInteger(settings.planLength) || settings.planLength < 0 || settings.planLength > 10) {
    problems.push({
      sv: `Antal planår måste vara ett heltal 0–10, inte ${settings.planLength}.`,
      en: `The number of plan years must be a whole number 0–10, not ${settings.planLength}.`,
    });
  }
  if (settings.equityStaircase.length === 0) {
    problems.push({ sv: "Trappan för eget kapital har inga rader.", en: "The equity staircase has no rows." });
  }
  for (const step of settings.equityStaircase) {
    if (step.maxPercent.isNegative() || step.maxPercent.greaterThan(100) || step.from.isNegative()) {
      problems.push({
        sv: `Trappsteget från ${formatKr(step.from)} med ${step.maxPercent.toFixed()} % är ogiltigt.`,
        en: `The staircase step from ${formatKr(step.from, "en")} at ${step.maxPercent.toFixed()} % is invalid.`,
      });
    }
  }
  if (settings.equityTarget && settings.equityTarget.min.greaterThan(settings.equityTarget.max)) {
    problems.push({
      sv: "Målintervallet för eget kapital har lägsta nivå över högsta.",
      en: "The equity target band has its minimum above its maximum.",
    });
  }
  for (const scenario of settings.scenarios) {
    const c = scenario.contributions;
    if (c.kind !== "reduction") continue;
    const rates = [c.rate, ...Object.values(c.rateByYear ?? {})];
    for (const rate of rates) {
      if ((rate.isNegative() && !rate.isZero()) || rate.greaterThan(1)) {
        problems.push({
          sv: `Scenariot ”${scenario.name}”: minskningen ${rate.times(100).toFixed()} % ligger utanför 0–100 %.`,
          en: `Scenario "${scenario.name}": the reduction ${rate.times(100).toFixed()} % is outside 0–100 %.`,
        });
      }
    }
    if (c.stateFloor?.isNegative()) {
      problems.push({
        sv: `Scenariot ”${scenario.name}”: golvet för statens del är negativt.`,
        en: `Scenario "${scenario.name}": the floor for the state's half is negative.`,
      });
    }
  }
  return problems.map((p) => finding({ code: "INPUT_SETTING", severity: "error", message: message(p.sv, p.en) }));
}
