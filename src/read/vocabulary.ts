import type { Party } from "../domain";
import { kommunOfNormalized } from "./kommunNames";

/**
 * The words förbund use in their budget sheets (DOMAIN.md, "Reading real
 * sheets"), as patterns on a normalised label: lower case, one space.
 */

export function normalizeLabel(label: string): string {
  return remembered(NORMALIZED, label, normalize);
}

/** A module function, not a closure: a closure per question would be an allocation per row. */
function normalize(label: string): string {
  return nfc(label)
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim();
}

/**
 * The reader asks the same few thousand labels the same questions many times
 * (roles, parties, kommun names); pure answers are kept, up to a bound so a
 * huge sheet cannot grow the memory without end.
 */
function remembered<T>(memo: Map<string, T>, key: string, compute: (key: string) => T): T {
  const known = memo.get(key);
  if (known !== undefined) return known;
  const value = compute(key);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

const MEMO_LIMIT = 50_000;
const NORMALIZED = new Map<string, string>();
const ROLES = new Map<string, LabelRole>();

const DECOMPOSED = /[\u0300-\u036f\u2126\u212a\u212b]/;

/**
 * NFC only changes text with combining marks (a decomposed "å") or the few
 * letter-like signs (Å Ω K); the reader asks this of every row, so the common
 * case skips the costly normalisation.
 */
export function nfc(label: string): string {
  return DECOMPOSED.test(label) ? label.normalize("NFC") : label;
}

/** A label's role in the sheet. */
export type LabelRole =
  | { readonly kind: "member"; readonly party: Party }
  | { readonly kind: "total" }
  | { readonly kind: "incomeHeader" }
  | { readonly kind: "costHeader" }
  | { readonly kind: "drawdown" }
  | { readonly kind: "openingEquity"; readonly date?: string }
  | { readonly kind: "closingEquity" }
  | { readonly kind: "contributions" }
  | { readonly kind: "frame" }
  /** "Årets resultat", "Resultat": computed from the rest, neither a line nor a sum of lines. */
  | { readonly kind: "result" }
  /** "Kommunernas andel (25 %)", "varav …", a percentage: derived from other rows, never a line. */
  | { readonly kind: "derived" }
  | { readonly kind: "line" };

const STATE_TOGETHER =
  /(försäkringskassan?|\bfk\b).*(arbetsförmedlingen|\baf\b)|(arbetsförmedlingen|\baf\b).*(försäkringskassan|\bfk\b)|\bstaten\b|\bstatlig|\bstat\b/;
// Genitives too: "Försäkringskassans insats", "Västra Götalandsregionens insats", "Falköpings kommuns insats".
const FK = /försäkringskassans?\b|försäkringskassa\b|^fk$/;
const AF = /arbetsförmedlingens?\b|arbetsförmedling\b|^af$/;
const REGION = /\bregion(en|ens)?\b|regionens?\b|landsting/;
const KOMMUN = /\bkommun(en|s)?\b|\bstad(ens)?\b|\bkn$/;
const TOTAL = /^(summa|totalt?|total|s:a|delsumma)\b|^parternas insats|^verksamhetens nettokostnader|\b(totalt|summa)$/;
const RESULT =
  /^(årets|budgeterat|prognostiserat|beräknat) resultat|^resultat\b|^verksamhetens resultat|^resultat efter finansiella|^(årets|beräknat|budgeterat|prognostiserat) (över|under)skott|^(årets )?över-?\s*\/\s*underskott/;
const DERIVED = /^varav\b|^kommunernas (andel|del)\b|\(\s*%\s*\)|^andel\b|\bi procent\b|^procent\b/;
const INCOME_HEADER =
  /^(intäkter|verksamhetens intäkter|intäkter\/tilldelning|intäkter, kr|tilldelning|finansiering|övriga medel)$|^(intäkter|verksamhetens intäkter|intäkter\/tilldelning|intäkter, kr|tilldelning|finansiering)\b/;
const COST_HEADER =
  /^(kostnader|planerade kostnader|verksamhetens kostnader|kostnader, kr|utgifter|användning av (medlen|medel)|planerad förbrukning|förbrukning)\b/;
const DRAWDOWN =
  /ianspråktag|användning av eget kapital|användande av eget kapital|överskott från tidigare|^eget kapital$|uttag ur eget kapital|^egna medel/;
const OPENING_EQUITY =
  /ingående eget kapital|^eget kapital\b.*\d{4}|^eget kapital,? prognos|eget kapital (vid|per) årets (början|ingång)|^ib,? eget kapital|^eget kapital,? ib\b|^eget kapital vid (års|periodens) ?(början|start)|^eget kapital,? (den |per )?1 jan(uari)?\b|^eget kapital vid ingången av året|^(disponibelt |eget )?kapital vid årets (ingång|början)/;
const CLOSING_EQUITY =
  /utgående eget kapital|eget kapital (vid|per) årets (slut|utgång)|^ub,? eget kapital|^eget kapital,? ub\b|^eget kapital vid (periodens|års) ?slut|^eget kapital,? (den |per )?31 dec(ember)?\b|^eget kapital vid utgången av året|^(beräknat |disponibelt |eget )?kapital vid årets (utgång|slut)/;
/** The total budget frame that follow-up is held against. */
const FRAME = /^(total |fastställd )?budgetram\b|^ram\b/;
/** One row for all member contributions (no split by party). */
const CONTRIBUTIONS = /^(medlemsavgifter|medlemsbidrag|medlemsinsatser|driftsbidrag|\(\d+\) driftsbidrag|tilldelning)$/;

/** The roles that carry nothing but their kind, one object each: the reader classifies every row. */
const ROLE = {
  line: { kind: "line" },
  closingEquity: { kind: "closingEquity" },
  frame: { kind: "frame" },
  result: { kind: "result" },
  drawdown: { kind: "drawdown" },
  total: { kind: "total" },
  derived: { kind: "derived" },
  incomeHeader: { kind: "incomeHeader" },
  costHeader: { kind: "costHeader" },
  contributions: { kind: "contributions" },
} as const satisfies Record<string, LabelRole>;

/**
 * What a label says it is. `inIncome` tells whether the row stands in an
 * income section, where a bare kommun name is a member and not a cost line.
 */
export function classifyLabel(label: string): LabelRole {
  return remembered(ROLES, label, roleOfLabel);
}

function roleOfLabel(label: string): LabelRole {
  return roleOf(normalizeLabel(label));
}

function roleOf(l: string): LabelRole {
  if (l === "") return ROLE.line;
  if (CLOSING_EQUITY.test(l)) return ROLE.closingEquity;
  if (OPENING_EQUITY.test(l)) {
    const date = /(\d{4}-\d{2}-\d{2})/.exec(l)?.[1];
    return date ? { kind: "openingEquity", date } : { kind: "openingEquity" };
  }
  if (FRAME.test(l)) return ROLE.frame;
  if (RESULT.test(l)) return ROLE.result;
  if (DRAWDOWN.test(l)) return ROLE.drawdown;
  if (TOTAL.test(l)) return ROLE.total;
  if (DERIVED.test(l)) return ROLE.derived;
  if (INCOME_HEADER.test(l)) return ROLE.incomeHeader;
  if (COST_HEADER.test(l)) return ROLE.costHeader;
  if (CONTRIBUTIONS.test(l)) return ROLE.contributions;
  const party = partyOf(l) ?? (kommunOfNormalized(l) ? "kommun" : undefined);
  return party ? { kind: "member", party } : ROLE.line;
}

/** The party a member label names, if any. */
export function partyOf(normalized: string): Party | undefined {
  if (STATE_TOGETHER.test(normalized)) return "stat";
  if (FK.test(normalized)) return "fk";
  if (AF.test(normalized)) return "af";
  if (REGION.test(normalized)) return "region";
  if (KOMMUN.test(normalized)) return "kommun";
  return undefined;
}

/** A kommun name without "kommun", "medlemsbidrag" and punctuation: the key population rows are matched on (locate.ts adds the genitive s). */
export function kommunKey(label: string): string {
  return normalizeLabel(label)
    .replace(/medlemsbidrag|medlemsavgift|kommun(en)?|\bstad\b/g, "")
    .replace(/[^a-zåäöéü0-9 ]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** A header that names population: "Befolkningsmängd", "Invånare 2021-12-31", "Folkmängd". */
export const POPULATION_HEADER = /befolkning|invånare|folkmängd|population/;

/** Words that say a sheet's amounts are in thousands of kronor. */
export const TKR = /\btkr\b|\bksek\b|tusental kronor|belopp i tusen/;

/** Words that say a sheet's amounts are in millions of kronor. */
export const MKR = /\bmkr\b|\bmsek\b|miljoner kronor|belopp i miljoner/;

/**
 * What a year column holds.
 * "history": a closed year's accounts (Bokslut 2024, Årsredovisning 2023), never the budget or a plan year.
 * "period": a month, quarter or tertial of a year (jan 2026, Kv1 2026, T2), never a year of its own.
 * "derived": a share or a deviation of other columns ("Utfall i % av budget", "Avvikelse mot prognos"), no amount.
 */
export type ColumnKind = "budget" | "plan" | "forecast" | "outcome" | "year" | "history" | "period" | "derived";

/** "jan 2026", "Januari", "Kv1", "kvartal 2", "Q3", "T1", "Tertial 2", "Period 4", "mån 5". */
export const PERIOD_HEADER =
  /^(jan(uari)?|feb(ruari)?|mar(s)?|apr(il)?|maj|jun(i)?|jul(i)?|aug(usti)?|sep(t|tember)?|okt(ober)?|nov(ember)?|dec(ember)?)\b\.?|^(kv(artal)?|q|t(ertial)?|period|mån(ad)?)\s*\d\b/;

export function columnKind(header: string): ColumnKind {
  const h = normalizeLabel(header);
  if (PERIOD_HEADER.test(h)) return "period";
  if (/%|procent|\bandel\b|avvikelse|differens|skillnad|förändring/.test(h)) return "derived";
  if (/bokslut|årsredovisning|räkenskap|\bredovisat\b/.test(h)) return "history";
  if (/utfall/.test(h)) return "outcome";
  if (/prognos/.test(h)) return "forecast";
  if (/\bplan\b/.test(h)) return "plan";
  if (/budget/.test(h)) return "budget";
  return "year";
}
