import { parseSwedishNumber, readAmount, yearIn } from "../../src/read/swedishNumber";

const NB = "\u00a0";
const NNB = "\u202f";

describe("Swedish amounts", () => {
  it.each([
    ["1 386 000 kr", "1386000", "kr"],
    [`1${NB}386${NB}000 kr`, "1386000", "kr"],
    [`1${NNB}386${NNB}000`, "1386000", undefined],
    ["1255,5", "1255.5", undefined],
    ["1255.5", "1255.5", undefined],
    ["−785", "-785", undefined],
    ["-785", "-785", undefined],
    ["– 785", "-785", undefined],
    ["(785)", "-785", undefined],
    ["12,5 tkr", "12.5", "tkr"],
    ["3 888 450 kr", "3888450", "kr"],
    ["1.386.000,50", "1386000.5", undefined],
    ["1.386.000", "1386000", undefined],
    ["0", "0", undefined],
    ["4 320 500:-", "4320500", "kr"],
  ])("%j is %s", (text, value, unit) => {
    const parsed = parseSwedishNumber(text);
    expect(parsed?.value.toFixed()).toBe(value);
    expect(parsed?.unit).toBe(unit);
  });

  it.each(["Finspång", "", "12 ab", "1,2,3", "kr", "20 % av årlig medelstilldelning", "2021-12-31"])(
    "%j is not an amount",
    (text) => {
      expect(parseSwedishNumber(text)).toBeUndefined();
    },
  );

  it("reads cells: numbers, numbers typed as text, errors, text, empty", () => {
    expect(readAmount(1255.5)).toMatchObject({ kind: "amount", typedAsText: false });
    expect(readAmount("1 255,5")).toMatchObject({ kind: "amount", typedAsText: true });
    expect(readAmount({ error: "#REF!" })).toEqual({ kind: "error", error: "#REF!" });
    expect(readAmount("Finspång")).toEqual({ kind: "text", text: "Finspång" });
    expect(readAmount(null)).toEqual({ kind: "empty" });
    expect(readAmount("")).toEqual({ kind: "empty" });
  });

  it.each([
    [2025, 2025],
    ["Budget 2025", 2025],
    ["Plan 2026", 2026],
    ["Prognos 2024", 2024],
    ["Utfall 2024", 2024],
    [2025.5, undefined],
    [1386000, undefined],
    ["Långtidsbudget 2023 - 2025", undefined],
    ["Eget kapital 2022-12-31", undefined],
    ["Kansli 1.0", undefined],
    // An amount typed as text in Mkr is no year.
    ["0,2065", undefined],
    ["1.2030", undefined],
    ["Budget 2025.", 2025],
  ])("year in %j is %s", (cell, year) => {
    expect(yearIn(cell)).toBe(year);
  });
});
