import type { Lang } from "./strings";

const LOCALE: Record<Lang, string> = { sv: "sv-SE", en: "en-GB" };

/**
 * A time of day in the user's own zone, with the date when it is not `now`'s day (the injected clock's).
 * Apart from paneFormat (decimal.js) so the first screen's "Senast analyserad" needs no amounts.
 */
export function timeOfDay(lang: Lang, date: Date, now: Date): string {
  const sameDay = date.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(LOCALE[lang], {
    ...(sameDay ? {} : { day: "numeric", month: "short" }),
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
}
