import { outcomeMonths } from "../../src/read/outcomeMonths";

/** The months an utfall column covers, from the header as ekonomistöd write it. */
test.each([
  ["Utfall jan–aug 2025", 8],
  ["Utfall januari–augusti 2025", 8],
  ["Utfall t.o.m. april", 4],
  ["Utfall jan-okt", 10],
  ["Utfall sept 2025", 9],
  ["Utfall helår december", 12],
  ["Utfall maj", 5],
  ["Utfall 2025", undefined],
  ["Utfall marginal augmentering", undefined],
])("%s → %s", (header, months) => {
  expect(outcomeMonths(header)).toBe(months);
});
