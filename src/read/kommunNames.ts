import { KOMMUNER, type Kommun } from "./kommuner";

/**
 * Matching a label to a kommun in the register whatever its case, genitive,
 * "kommun"/"stad" suffix or a prefix such as "Medlemsbidrag": "Kungälv",
 * "KUNGÄLVS KOMMUN", "Medlemsbidrag Karlskoga kommun", "Göteborgs Stad".
 */

/** Lower case, one space (vocabulary.ts's normalizeLabel, kept here: vocabulary asks this module). */
const normalize = (label: string) =>
  (/[\u0300-\u036f\u2126\u212a\u212b]/.test(label) ? label.normalize("NFC") : label)
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim();

const BY_NAME: ReadonlyMap<string, Kommun> = new Map([
  ...KOMMUNER.map((k): [string, Kommun] => [normalize(k.name), k]),
  // Genitives that are not name + s.
  ["falu", KOMMUNER.find((k) => k.name === "Falun")!],
]);

const PREFIX =
  /^(medlemsbidrag|medlemsavgift(er)?|bidrag( från)?|avgift|insats|andel|driftsbidrag|kommunbidrag)\b[\s:–-]*/;
const SUFFIX = /[\s,]+(kommun(en|s)?|kn|stad(en|s)?|\(kommun\))$/;
/** "Falköpings kommuns insats": what a party pays, after its name. */
const WHAT_IT_PAYS = /[\s,]+(insats|andel|bidrag|medlemsavgift|medlemsbidrag|tilldelning)$/;

/** The label as a bare name: no prefix, no "kommun", no trailing note in brackets or amounts. */
function bareName(normalized: string): string {
  return (
    normalized
      .replace(PREFIX, "")
      .replace(/\s*\((?!kommun).*\)$/, "")
      // "Nässjö kommun – förslag 2024-09-18": a note after a dash.
      .replace(/\s+[–—-]\s+.*$/, "")
      .replace(WHAT_IT_PAYS, "")
      .replace(SUFFIX, "")
      .replace(/[.:]+$/, "")
      .trim()
  );
}

/** The kommun a label names, if the register knows it. */
export function kommunOf(label: string): Kommun | undefined {
  return kommunOfNormalized(normalize(label));
}

/** kommunOf for a label already in lower case with single spaces (vocabulary.ts's normalizeLabel). */
export function kommunOfNormalized(normalized: string): Kommun | undefined {
  const name = bareName(normalized);
  if (name === "") return undefined;
  return BY_NAME.get(name) ?? (name.endsWith("s") ? BY_NAME.get(name.slice(0, -1)) : undefined);
}

/** One key per member whatever the label's wording: the party, and for a kommun the register's name. */
export function memberKey(party: string, label: string): string {
  if (party !== "kommun") return party;
  const normalized = normalize(label);
  return `kommun:${kommunOfNormalized(normalized)?.name ?? bareName(normalized)}`;
}
