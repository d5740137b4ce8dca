import { forecastText, parseForecast } from "../../src/taskpane/forecastDraft";
import { Decimal } from "../../src/domain";

/** A typed forecast read as Swedish amounts are written, in whole kronor; or a Swedish (or English) reason. */
test.each([
  ["1 250 000", 1250000],
  ["1\u00a0250\u00a0000 kr", 1250000],
  ["1250 tkr", 1250000],
  ["1.250.000", 1250000],
  ["1 250 000,50", 1250001],
  ["0", 0],
])("%s → %d kr", (text, kronor) => {
  const read = parseForecast(text, "sv");
  expect("amount" in read ? read.amount.toNumber() : read.error).toBe(kronor);
});

test("what is not an amount, or is below zero, says so in the user's language", () => {
  expect(parseForecast("tre miljoner", "sv")).toEqual({
    error: "”tre miljoner” är inget belopp: skriv kronor, till exempel 1 250 000.",
  });
  expect(parseForecast("", "en")).toEqual({ error: "“” is not an amount: write kronor, for example 1 250 000." });
  expect(parseForecast("−5 000", "sv")).toEqual({ error: "En prognos kan inte vara negativ." });
});

test("an amount written back as the user would type it", () => {
  expect(forecastText(new Decimal(1800000))).toBe("1 800 000");
  expect(forecastText(new Decimal(950))).toBe("950");
});
