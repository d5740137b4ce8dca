import { toKronor, dec, fromKronor } from "../../src/domain";
import { parseSwedishNumber } from "../../src/read/swedishNumber";
import { unitNamedIn, unitOfFormat } from "../../src/read/units";

describe("a table's unit", () => {
  it.each([
    ["Samordningsförbundet Centrala Östergötland: Budget och plan (belopp i Mkr)", "Mkr"],
    ["Belopp i miljoner kronor", "Mkr"],
    ["MSEK", "Mkr"],
    ["Resultatbudget (tkr)", "tkr"],
    ["Belopp i tusental kronor", "tkr"],
    ["kSEK", "tkr"],
    ["Budget 2025", undefined],
    ["Kostnader (kr)", undefined],
    // An amount with its unit is no statement of the sheet's unit; a year or a date before the unit is.
    ["Finansiellt mål: eget kapital ska vara 1,8 Mkr +/- 20 %.", undefined],
    ["Budget 2025 tkr", "tkr"],
    ["Budgetuppföljning per 2025-08-31, tkr", "tkr"],
  ])("%j names %s", (text, unit) => {
    expect(unitNamedIn(text)).toBe(unit);
  });

  it.each([
    ['#,##0 "tkr"', { shown: "tkr", held: "tkr" }],
    ['#,##0.00 "Mkr"', { shown: "Mkr", held: "Mkr" }],
    // Excel's trailing comma divides by 1 000 for display: the cells hold kronor.
    ['#,##0, "tkr";-#,##0, "tkr"', { shown: "tkr", held: "kr" }],
    ['#,##0.0,, "Mkr"', { shown: "Mkr", held: "kr" }],
    ['#,##0.0, "Mkr"', { shown: "Mkr", held: "tkr" }],
    ["#,##0", undefined],
    ['#,##0 "kr"', undefined],
  ])("the number format %j shows and holds %j", (format, expected) => {
    expect(unitOfFormat(format)).toEqual(expected);
  });

  it("an Mkr amount is kronor × 1 000 000, exactly, and back", () => {
    expect(toKronor(dec(3.349875), "Mkr").toFixed()).toBe("3349875");
    expect(toKronor(dec("0.00076"), "Mkr").toFixed()).toBe("760");
    expect(fromKronor(dec(1_800_000), "Mkr").toFixed()).toBe("1.8");
  });

  it("reads a unit typed with the amount: Mkr and MSEK", () => {
    expect(parseSwedishNumber("3,35 Mkr")).toMatchObject({ unit: "Mkr" });
    expect(parseSwedishNumber("3,35 MSEK")?.value.toFixed()).toBe("3.35");
  });
});
