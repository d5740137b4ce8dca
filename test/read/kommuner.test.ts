import { kommunOf } from "../../src/read/kommunNames";
import { classifyLabel } from "../../src/read/vocabulary";
import { KOMMUNER } from "../../src/read/kommuner";

describe("the register of Sweden's kommuner", () => {
  it("has 290 kommuner with unique four-digit codes and unique names", () => {
    expect(KOMMUNER).toHaveLength(290);
    expect(new Set(KOMMUNER.map((k) => k.code)).size).toBe(290);
    expect(new Set(KOMMUNER.map((k) => k.name)).size).toBe(290);
    expect(KOMMUNER.every((k) => /^\d{4}$/.test(k.code))).toBe(true);
  });

  it("has the codes of SCB: Stockholm 0180, Göteborg 1480, Malmö 1280, Kiruna 2584, Gotland 0980, Knivsta 0330", () => {
    const code = (name: string) => KOMMUNER.find((k) => k.name === name)?.code;
    expect(["Stockholm", "Göteborg", "Malmö", "Kiruna", "Gotland", "Knivsta"].map(code)).toEqual([
      "0180",
      "1480",
      "1280",
      "2584",
      "0980",
      "0330",
    ]);
    // Every län's kommuner: Stockholms län 26, Skåne 33, Västra Götaland 49.
    const inLan = (prefix: string) => KOMMUNER.filter((k) => k.code.startsWith(prefix)).length;
    expect([inLan("01"), inLan("12"), inLan("14"), inLan("25")]).toEqual([26, 33, 49, 14]);
  });

  it.each([
    ["Kungälv", "1482"],
    ["Kungälvs", "1482"],
    ["KUNGÄLVS KOMMUN", "1482"],
    ["kungälvs kommun", "1482"],
    ["Medlemsbidrag Karlskoga kommun", "1883"],
    ["Medlemsavgift Degerfors kommun", "1862"],
    ["Göteborgs Stad", "1480"],
    ["Borås Stad", "1490"],
    ["Falu kommun", "2080"],
    ["Upplands Väsby kommun", "0114"],
    ["Malung-Sälens kommun", "2023"],
    // What a party pays after its name, an abbreviation, a note after a dash (blind batch 2).
    ["Falköpings kommuns insats", "1499"],
    ["Strömstad kn", "1486"],
    ["Nässjö kommun – förslag 2024-09-18 (ersatt)", "0682"],
  ])("%s is kommun %s", (label, code) => {
    expect(kommunOf(label)?.code).toBe(code);
  });

  it.each(["Kansli", "Region Västra Götaland", "Försäkringskassan", "Summa kommuner", "Kungälvs sjukhus"])(
    "%s is no kommun",
    (label) => {
      expect(kommunOf(label)).toBeUndefined();
    },
  );
});

describe("the parties by their labels", () => {
  it.each([
    ["Försäkringskassans insats", "fk"],
    ["Arbetsförmedlingens insats", "af"],
    ["Västra Götalandsregionens insats", "region"],
    ["Falköpings kommuns insats", "kommun"],
    ["Strömstad kn", "kommun"],
  ])("%s is a member, %s", (label, party) => {
    expect(classifyLabel(label)).toEqual({ kind: "member", party });
  });

  it.each([
    ["Beräknat överskott", "result"],
    ["Årets över-/underskott", "result"],
    ["Överskott från tidigare år", "drawdown"],
    ["Disponibelt kapital vid årets ingång (2025-01-01)", "openingEquity"],
    ["Eget kapital vid ingången av året", "openingEquity"],
    ["Beräknat kapital vid årets utgång", "closingEquity"],
    ["Användning av medlen", "costHeader"],
    ["Planerad förbrukning", "costHeader"],
    ["Övriga medel", "incomeHeader"],
  ])("%s is a row of kind %s", (label, kind) => {
    expect(classifyLabel(label).kind).toBe(kind);
  });
});
