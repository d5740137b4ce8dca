/** Swedish month names and their usual abbreviations, January first. */
const MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"] as const;

/**
 * The months of the year an utfall column covers, from its header: the last
 * month it names ("Utfall jan–aug 2025", "Utfall t.o.m. augusti" → 8). Undefined
 * where it names none; then the pane asks.
 */
export function outcomeMonths(header: string): number | undefined {
  const words = header.toLowerCase().match(/\p{L}+/gu) ?? [];
  let last: number | undefined;
  for (const word of words) {
    const index = MONTHS.findIndex((m) => word === m || (word.startsWith(m) && monthWord(word)));
    if (index >= 0) last = index + 1;
  }
  return last;
}

/** A full month name or a known short form ("sept"), so "augment" or "marginal" are not months. */
const monthWord = (word: string) =>
  /^(januari|februari|mars|april|juni|juli|augusti|sept|september|oktober|november|december)$/.test(word);
