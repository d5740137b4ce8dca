import { typedKronor } from "../../src/app/typedAmount";

/** What the user types is read as the reader reads the sheet's amounts, in whole kronor. */
test.each([
  ["1 250 000", 1250000],
  ["1\u00a0250\u00a0000 kr", 1250000],
  ["1250 tkr", 1250000],
  ["1,5 tkr", 1500],
  // Mkr as the reader reads it (a forecast typed as 1,25 Mkr was read as 1 kr).
  ["1,25 Mkr", 1250000],
  ["2 MSEK", 2000000],
  ["1.250.000", 1250000],
  ["1 250 000,50", 1250001],
  ["0", 0],
])("%s → %d kr", (text, kronor) => {
  const read = typedKronor(text);
  expect("amount" in read ? read.amount.toNumber() : read.error).toBe(kronor);
});

test("what is not an amount, or is below zero, is named as such", () => {
  expect(typedKronor("tre miljoner")).toEqual({ error: "notAnAmount" });
  expect(typedKronor("")).toEqual({ error: "notAnAmount" });
  expect(typedKronor("−5 000")).toEqual({ error: "negative" });
  expect(typedKronor("(5 000)")).toEqual({ error: "negative" });
});
