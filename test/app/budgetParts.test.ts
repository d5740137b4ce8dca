import { foundMapping, namesFor, partsFound, rangeForName, selectionText } from "../../src/app/budgetParts";
import { analysed, examplePort } from "./support";

jest.setTimeout(60_000);

test("where the example's parts were read, as the user reads and types ranges", async () => {
  const outcome = await analysed(await examplePort());
  expect(foundMapping(outcome)).toEqual({
    budgetSheet: "Budget 2025",
    yearHeader: "'Budget 2025'!B3:F3",
    budgetColumn: "'Budget 2025'!B3",
    planColumns: "'Budget 2025'!C3:D3",
    members: "'Budget 2025'!A5:A11",
    costs: "'Budget 2025'!A17:A23",
    population: "Befolkning!B2:B6",
    openingEquity: "'Budget 2025'!B26",
  });
  const parts = partsFound(outcome);
  expect(parts.find((p) => p.part === "costs")).toMatchObject({
    sheet: "Budget 2025",
    range: "A17:A23",
    ref: "'Budget 2025'!A17:A23",
  });
  expect(parts.find((p) => p.part === "population")?.ref).toBe("Befolkning!B2:B6");
  expect(parts.map((p) => p.part)).toEqual(outcome.location.parts.map((p) => p.part));
});

test("nothing found without an analysis", () => {
  expect(foundMapping(undefined)).toEqual({});
  expect(foundMapping({ kind: "error", message: { sv: "", en: "" } })).toEqual({});
});

test.each([
  ["population", "Befolkning!B2:B5", "Befolkning!$B$2:$B$5"],
  ["population", "'Budget 2025'!c16:c20", "'Budget 2025'!$C$16:$C$20"],
  ["openingEquity", "Budget!$B$34", "Budget!$B$34"],
  ["budgetSheet", "Budget 2025", "'Budget 2025'!$A$1"],
  ["budgetSheet", "'Budget 2025'", "'Budget 2025'!$A$1"],
] as const)("a range for %s: %s → %s", (field, typed, ref) => {
  expect(rangeForName(field, typed)).toBe(ref);
});

test("a range on a sheet that does not exist, or no range, is refused", () => {
  expect(rangeForName("population", "B2:B5")).toBeUndefined();
  expect(rangeForName("population", "Finns!B2:B5", ["Budget"])).toBeUndefined();
  expect(rangeForName("budgetSheet", "Finns", ["Budget"])).toBeUndefined();
});

test("Excel's selection as the form shows it", () => {
  expect(selectionText({ sheet: "Budget 2025", address: "B2:B5" })).toBe("'Budget 2025'!B2:B5");
  expect(selectionText({ sheet: "Befolkning", address: "Befolkning!$C$3" })).toBe("Befolkning!C3");
});

test("the year columns' names take their year: the budget's, and each plan column the next year from the left", () => {
  expect(namesFor("budgetColumn", "Budget!B2", 2022)).toEqual([{ name: "Finsam_Budget_2022", ref: "Budget!$B$2" }]);
  expect(namesFor("planColumns", "'Budget 2022'!C2:D2", 2022)).toEqual([
    { name: "Finsam_Plan_2023", ref: "'Budget 2022'!$C$2" },
    { name: "Finsam_Plan_2024", ref: "'Budget 2022'!$D$2" },
  ]);
  expect(namesFor("planColumns", "Budget!C5:D9", 2022).map((n) => n.ref)).toEqual([
    "Budget!$C$5:$C$9",
    "Budget!$D$5:$D$9",
  ]);
  // No year, no name; the unit is one cell's name.
  expect(namesFor("budgetColumn", "Budget!B2", undefined)).toEqual([]);
  expect(namesFor("unit", "Budget!B1", undefined)).toEqual([{ name: "Finsam_Enhet", ref: "Budget!$B$1" }]);
});

test("a union of areas, on one sheet or several, is kept area by area (lines in groups; parts on two sheets)", () => {
  expect(rangeForName("costs", "Budget!A14:A16,Budget!a19:a24")).toBe("Budget!$A$14:$A$16,Budget!$A$19:$A$24");
  expect(rangeForName("budgetColumn", "Medlemsavgifter!B4:B10, Resultatbudget!B5:B18")).toBe(
    "Medlemsavgifter!$B$4:$B$10,Resultatbudget!$B$5:$B$18",
  );
  expect(rangeForName("costs", "Budget!A14:A16,Finns!A2", ["Budget"])).toBeUndefined();
  expect(selectionText({ sheet: "Budget 2025", address: "A16:A18,A20:A22" })).toBe(
    "'Budget 2025'!A16:A18,'Budget 2025'!A20:A22",
  );
  // Each plan year is the same column of every area, left to right.
  expect(namesFor("planColumns", "Medlemsavgifter!C4:D10,Resultatbudget!C5:D18", 2025)).toEqual([
    { name: "Finsam_Plan_2026", ref: "Medlemsavgifter!$C$4:$C$10,Resultatbudget!$C$5:$C$18" },
    { name: "Finsam_Plan_2027", ref: "Medlemsavgifter!$D$4:$D$10,Resultatbudget!$D$5:$D$18" },
  ]);
});
