import type { Lang, Message } from "./format";
import type { FindingCode } from "./findings";

/**
 * What each kind of finding is called where people read it (the pane, the notes, the reports): a few
 * words in the reader's language. The codes stay in the JSON report and behind the pane's "detaljer".
 */
export const FINDING_TITLES: Readonly<Record<FindingCode, Message>> = {
  SHARE_DEVIATION: { sv: "Andelen avviker", en: "The share deviates" },
  SHARE_SUM: { sv: "Andelarna summerar fel", en: "The shares do not add up" },
  PARTY_SPLIT: { sv: "Fördelningen mellan parterna avviker", en: "The split between the parties deviates" },
  EQUITY_NEGATIVE: { sv: "Eget kapital tar slut", en: "Equity runs out" },
  EQUITY_ABOVE_MAX: { sv: "Eget kapital över rekommenderad nivå", en: "Equity above the recommended level" },
  EQUITY_OUTSIDE_TARGET: { sv: "Eget kapital utanför förbundets mål", en: "Equity outside the förbund's target" },
  DEFICIT_UNJUSTIFIED: { sv: "Underskott utan synnerliga skäl", en: "A deficit without a valid reason" },
  DEFICIT_JUSTIFIED: { sv: "Underskott som eget kapital bär", en: "A deficit that equity carries" },
  CEILING_EXCEEDED: { sv: "Kostnaderna kan inte finansieras", en: "The costs cannot be financed" },
  LINE_OVER_BUDGET: { sv: "Raden går över budget", en: "The line is over budget" },
  TOTAL_MISMATCH: { sv: "Summan stämmer inte med raderna", en: "The total does not match its lines" },
  DRAWDOWN_MISMATCH: { sv: "Uttaget ur eget kapital stämmer inte", en: "The drawdown from equity does not match" },
  PLAN_ABOVE_WORST_CASE: {
    sv: "Planen räknar med mer än värsta fallet",
    en: "The plan counts on more than the worst case",
  },
  INPUT_NO_MEMBERS: { sv: "Inga medlemmar hittades", en: "No members found" },
  INPUT_NO_STATE: { sv: "Staten saknas bland medlemmarna", en: "The state is missing among the members" },
  INPUT_NO_KOMMUN: { sv: "Ingen kommun hittades", en: "No kommun found" },
  INPUT_NO_EQUITY: { sv: "Eget kapital saknas", en: "Equity is missing" },
  INPUT_POPULATION: { sv: "Befolkningen kan inte användas", en: "The population cannot be used" },
  INPUT_KEY: { sv: "Fördelningsnyckeln kan inte användas", en: "The distribution key cannot be used" },
  INPUT_NEGATIVE_AMOUNT: { sv: "Negativt belopp", en: "A negative amount" },
  INPUT_MISSING_YEAR: { sv: "Ett år saknas", en: "A year is missing" },
  INPUT_SETTING: { sv: "Inställningen kan inte användas", en: "The setting cannot be used" },
  INPUT_AMOUNT: { sv: "Beloppet kan inte användas", en: "The amount cannot be used" },
  INPUT_DUPLICATE_PARTY: { sv: "Samma part två gånger", en: "The same party twice" },
  INPUT_EQUITY_DATE: { sv: "Eget kapital gäller en annan dag", en: "Equity is stated for another day" },
  INPUT_ERROR_VALUE: { sv: "Cellen visar ett fel", en: "The cell shows an error" },
  INPUT_HIDDEN_ROW: { sv: "Dold rad", en: "A hidden row" },
  INPUT_HIDDEN_SHEET: { sv: "Dolt blad", en: "A hidden sheet" },
  INPUT_SEVERAL_BUDGETS: { sv: "Flera budgetar i arbetsboken", en: "Several budgets in the workbook" },
  INPUT_MAPPING: { sv: "Kontomappningen kan inte användas", en: "The account mapping cannot be used" },
  INPUT_TEXT_AMOUNT: { sv: "Beloppet är skrivet som text", en: "The amount is typed as text" },
  INPUT_TEXT_IN_AMOUNT: { sv: "Text bland beloppen", en: "Text among the amounts" },
  INPUT_LEDGER_YEAR: { sv: "Bokföringen gäller ett annat år", en: "The ledger is of another year" },
  INPUT_LEDGER_UNMAPPED: { sv: "Utfall utan budgetrad", en: "Outcome without a budget line" },
  INPUT_SOURCES_DISAGREE: { sv: "Två blad säger olika", en: "Two sheets disagree" },
  INPUT_WEAK_EVIDENCE: { sv: "Osäker tolkning", en: "An uncertain reading" },
  INPUT_TOO_MANY_CELLS: { sv: "För stor arbetsbok", en: "Too large a workbook" },
  INPUT_LONG_TEXT: { sv: "För lång text", en: "Too long a text" },
};

/** A finding's title in the reader's language; a code we do not know (an older report) stands as it is. */
export function findingTitle(code: string, lang: Lang = "sv"): string {
  return (FINDING_TITLES as Readonly<Record<string, Message>>)[code]?.[lang] ?? code;
}
