import { Decimal, formatKr, formatKrDiff, formatNumber, formatPercent } from "../../src/domain";

const NB = "\u00a0";

describe("sv-SE formats, English second", () => {
  it.each([
    [1386000, `1${NB}386${NB}000 kr`, "1,386,000 SEK"],
    [-785, "−785 kr", "-785 SEK"],
    [0, "0 kr", "0 SEK"],
    ["4519800", `4${NB}519${NB}800 kr`, "4,519,800 SEK"],
    // Money is shown in whole kronor, halves away from zero (roundKronor).
    ["1255.5", `1${NB}256 kr`, "1,256 SEK"],
    ["1728800.2", `1${NB}728${NB}800 kr`, "1,728,800 SEK"],
    ["-0.5", "−1 kr", "-1 SEK"],
  ])("%s kr", (value, sv, en) => {
    expect(formatKr(new Decimal(value), "sv")).toBe(sv);
    expect(formatKr(new Decimal(value), "en")).toBe(en);
  });

  it("formats exactly, without binary floating point", () => {
    expect(formatNumber(new Decimal("12345678901234567.89"), "sv")).toBe(
      `12${NB}345${NB}678${NB}901${NB}234${NB}567,89`,
    );
  });

  it("signs a difference", () => {
    expect(formatKrDiff(new Decimal(654))).toBe("+654 kr");
    expect(formatKrDiff(new Decimal(-182))).toBe("−182 kr");
    expect(formatKrDiff(new Decimal(0))).toBe("0 kr");
  });

  it("per cent: 48,4 %", () => {
    expect(formatPercent(new Decimal("0.484"))).toBe("48,4 %");
    expect(formatPercent(new Decimal("0.484"), "en")).toBe("48.4%");
    expect(formatPercent(new Decimal("0.2"))).toBe("20 %");
  });
});
