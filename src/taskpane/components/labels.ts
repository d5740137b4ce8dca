import { membersOf, scenarioName as nameOf, type Budget, type Party, type Settings } from "../../domain";
import { type Lang, t } from "../strings";

/** A scenario's name in the user's language: the two built-in ones translated, the user's own as named. */
export function scenarioName(id: string, settings: Settings, lang: Lang): string {
  return nameOf(id, settings.scenarios, lang);
}

/** The contributions' parties as the pane lists them, each named as the sheet names it where it can. */
export interface PartyLabels {
  /** The state's half as Försäkringskassan and Arbetsförmedlingen, each a row (else one row, the state). */
  readonly hasFkAf: boolean;
  readonly fk: string;
  readonly af: string;
  readonly stat: string;
  readonly region: string;
  readonly kommuner: string;
}

/**
 * The parties' labels: a party the sheet has one member of by the sheet's own name ("Staten genom FK",
 * "Region Östergötland"); several, or none, by the pane's word; the kommuner together always so.
 */
export function partyLabels(budget: Budget, lang: Lang): PartyLabels {
  const label = (party: Party, fallback: string) => {
    const named = membersOf(budget, party);
    return named.length === 1 ? named[0]!.name : fallback;
  };
  return {
    hasFkAf: membersOf(budget, "fk", "af").length > 0,
    fk: label("fk", t(lang, "partyFk")),
    af: label("af", t(lang, "partyAf")),
    stat: label("stat", t(lang, "partyStat")),
    region: label("region", t(lang, "partyRegion")),
    kommuner: t(lang, "partyKommuner"),
  };
}
