import type { Lang } from "./i18n";

/** The Uppföljning view's texts, in its own chunk with the view (loaded when the tab is first opened). */
const FOLLOW_UP_MESSAGES = {
  sv: {
    intro:
      "Följ upp budgetåret mot bokföringen: välj bokföringens SIE-fil (SIE 4, .se), perioden och vilka konton och objekt som hör till vilken budgetrad.",
    sieFile: "Bokföringens SIE-fil",
    chooseSie: "Välj SIE-fil …",
    read: "{file}: räkenskapsår {start}–{end}, {source}, kontrollsumma {checksum}.",
    sourcePsaldo: "periodsaldon",
    sourceVouchers: "{count} verifikationer",
    sheetColumnsHint:
      "Arkets egna kolumner för utfall och prognos kontrolleras redan av analysen (under Avvikelser); välj en SIE-fil för att följa upp mot bokföringen.",
    period: "Utfall till och med",
    mapping: "Konton och objekt → budgetrader",
    mappingSource: "Förslag från namn och nummer; ändra där det inte stämmer och spara det i arbetsboken.",
    mappingKept: "Mappningen som arbetsboken sparat (Finsam_Kontomappning).",
    objectsOf: "Objekt i dimension {dimension}",
    accounts: "Kontointervall",
    noLine: "(ingen budgetrad)",
    income: "Intäkter",
    saveMapping: "Spara mappningen",
    linesHeading: "Budgetrader {year}",
    colLine: "Budgetrad",
    colBudget: "Budget",
    colOutcome: "Utfall",
    colForecast: "Prognos",
    colMethod: "Metod",
    colDeviation: "Avvikelse",
    methodTyped: "inskriven",
    methodScaled: "utfall × 12 / {months}",
    methodBudget: "budgeten",
    total: "Summa",
    unmappedHeading: "Hör inte till någon budgetrad",
    words:
      "Med helårsprognosen {forecast} blir årets resultat {result} och eget kapital vid årets slut {closing} (högst rekommenderat {max}).",
    wordsNoEquity: "Med helårsprognosen {forecast} blir årets resultat {result}.",
    overFrame: "Prognosen ligger över budgetens ram på {frame}.",
    equityNegative: "Det egna kapitalet blir negativt: förbundet får inte gå med skuld.",
    equityAbove: "Det egna kapitalet blir högre än rekommenderat.",
    write: "Skriv Finsam-uppföljning",
    writeHint:
      "Skriver bladet Finsam-uppföljning: utfallet som värden med filens namn och kontrollsumma, prognos, avvikelser, resultat och eget kapital som formler, och ett stapeldiagram. Ett steg som Ångra tar tillbaka.",
    undo: "Ångra",
    badFile: "SIE-filen kunde inte läsas: {detail}",
    noFollowUp: "Välj en SIE-fil för att följa upp budgeten.",
  },
  en: {
    intro:
      "Follow up the budget year against the bookkeeping: choose the bookkeeping's SIE file (SIE 4, .se), the period, and which accounts and objects belong to which budget line.",
    sieFile: "The bookkeeping's SIE file",
    chooseSie: "Choose SIE file …",
    read: "{file}: financial year {start}–{end}, {source}, checksum {checksum}.",
    sourcePsaldo: "period balances",
    sourceVouchers: "{count} vouchers",
    sheetColumnsHint:
      "The sheet's own outcome and forecast columns are already checked by the analysis (under Findings); choose a SIE file to follow up against the bookkeeping.",
    period: "Outcome up to and including",
    mapping: "Accounts and objects → budget lines",
    mappingSource: "Proposed from names and numbers; change what is wrong and save it in the workbook.",
    mappingKept: "The mapping the workbook keeps (Finsam_Kontomappning).",
    objectsOf: "Objects of dimension {dimension}",
    accounts: "Account ranges",
    noLine: "(no budget line)",
    income: "Income",
    saveMapping: "Save the mapping",
    linesHeading: "Budget lines {year}",
    colLine: "Budget line",
    colBudget: "Budget",
    colOutcome: "Outcome",
    colForecast: "Forecast",
    colMethod: "Method",
    colDeviation: "Deviation",
    methodTyped: "typed",
    methodScaled: "outcome × 12 / {months}",
    methodBudget: "the budget",
    total: "Total",
    unmappedHeading: "Belongs to no budget line",
    words:
      "With the full-year forecast {forecast}, the year's result is {result} and equity at year end {closing} (recommended at most {max}).",
    wordsNoEquity: "With the full-year forecast {forecast}, the year's result is {result}.",
    overFrame: "The forecast is above the budget frame of {frame}.",
    equityNegative: "Equity turns negative: a förbund must not go into debt.",
    equityAbove: "Equity ends above the recommended level.",
    write: "Write Finsam-uppföljning",
    writeHint:
      "Writes the sheet Finsam-uppföljning: the outcome as values with the file's name and checksum, forecast, deviations, result and equity as formulas, and a bar chart. One step that Undo takes back.",
    undo: "Undo",
    badFile: "The SIE file could not be read: {detail}",
    noFollowUp: "Choose a SIE file to follow up the budget.",
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type FollowUpKey = keyof (typeof FOLLOW_UP_MESSAGES)["sv"];

/** The follow-up view's text for a key in a language, with `{name}` filled from vars. */
export function ft(lang: Lang, key: FollowUpKey, vars?: Readonly<Record<string, string | number>>): string {
  const text: string = FOLLOW_UP_MESSAGES[lang][key];
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole)) : text;
}
