/** The pane's languages: Swedish first, English second. */
export type Lang = "sv" | "en";

export const LANGS: readonly Lang[] = ["sv", "en"];

export const DEFAULT_LANG: Lang = "sv";

/** Every text the pane shows, in both languages. A key missing in one language fails to compile. */
const MESSAGES = {
  sv: {
    title: "Finsam-budget",
    intro:
      "Tillägget läser budgetbladet i arbetsboken och räknar om medlemmarnas andelar: staten 1/2, regionen 1/4 och kommunerna 1/4, fördelat efter befolkning.",
    plan: "Det räknar fram treårsplanen i värsta fall (−10 % per år) och markerar avvikelserna direkt i bladet.",
    privacy: "Inget skickas någonstans: allt räknas här, i arbetsboken.",
    language: "Språk",
    inExcel: "Öppnat i Excel.",
    outsideExcel: "Öppnat utanför Excel: sidan visas, men det finns ingen arbetsbok att läsa.",
  },
  en: {
    title: "Finsam budget",
    intro:
      "The add-in reads the budget sheet in the workbook and recalculates the members' shares: the state 1/2, the region 1/4 and the kommuner 1/4, split by population.",
    plan: "It projects the three-year plan in the worst case (−10 % a year) and flags the deviations inline in the sheet.",
    privacy: "Nothing is sent anywhere: everything is calculated here, in the workbook.",
    language: "Language",
    inExcel: "Opened in Excel.",
    outsideExcel: "Opened outside Excel: the page shows, but there is no workbook to read.",
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type MessageKey = keyof (typeof MESSAGES)["sv"];

/** The text for a key in a language. */
export function t(lang: Lang, key: MessageKey): string {
  return MESSAGES[lang][key];
}

/** Each language's name, written in that language, for the language switch. */
export const LANG_NAMES: Record<Lang, string> = { sv: "Svenska", en: "English" };
