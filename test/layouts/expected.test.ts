/**
 * The corpus's own calculation (expected.ts) reproduces DOMAIN.md's worked
 * numbers, so the expected reports it writes rest on numbers checked by hand.
 */
import { ornskoldsvik2024, samo2023, vastra2025 } from "./budgets";
import { Decimal, largestRemainder as engineLargestRemainder } from "../../src/domain";
import { expectedBudget, kommunShares, largestRemainder, split } from "./expected";

describe("the corpus's independent calculation", () => {
  it("Västra 2025: 1 045 270 / 676 575 / 180 171 / 131 921 / 127 063 and the five deviations", () => {
    const b = vastra2025();
    expect(kommunShares(b, 2_161_000)).toEqual([1_045_270, 676_575, 180_171, 131_921, 127_063]);
    const e = expectedBudget(b, "kr");
    const d = e.findings.filter((f) => f.code === "SHARE_DEVIATION").map((f) => f.key);
    expect(d).toEqual([
      "member:Motala:2025",
      "member:Mjölby:2025",
      "member:Vadstena:2025",
      "member:Boxholm:2025",
      "member:Ödeshög:2025",
    ]);
  });

  it("SAMO 2023–2025: the shares of each quarter, Finspång's krona, and T 17 282 000 → 15 553 800 → 13 998 420", () => {
    const b = samo2023();
    expect(kommunShares(b, 4_320_500)).toEqual([501_226, 3_307_880, 335_991, 175_403]);
    expect(kommunShares(b, 3_888_450)).toEqual([451_104, 2_977_092, 302_391, 157_863]);
    expect(kommunShares(b, 3_499_605)).toEqual([405_994, 2_679_383, 272_152, 142_076]);
    const e = expectedBudget(b, "kr");
    expect(e.plan["worst-case"].map((y) => y.contributions)).toEqual([17_282_000, 15_553_800, 13_998_420]);
    expect(e.plan.sheet.map((y) => y.closingEquity)).toEqual([4_300_001, 2_700_001, 1_700_001]);
    expect(e.findings.filter((f) => f.code === "SHARE_DEVIATION" || f.code === "SHARE_SUM")).toEqual([
      { code: "SHARE_DEVIATION", year: 2023, key: "member:Finspång:2023" },
      { code: "SHARE_SUM", year: 2023 },
    ]);
  });

  it("Örnsköldsvik 2024: the worst case 4 519 800 and 4 067 820, equity −132 200 and −1 086 380", () => {
    const e = expectedBudget(ornskoldsvik2024(), "tkr");
    const worst = e.plan["worst-case"];
    expect(worst.map((y) => y.contributions)).toEqual([5_022_000, 4_519_800, 4_067_820]);
    expect(worst.map((y) => y.closingEquity)).toEqual([370_000, -132_200, -1_086_380]);
    expect(e.findings.filter((f) => f.code === "EQUITY_NEGATIVE")).toEqual([
      { code: "EQUITY_NEGATIVE", year: 2025, scenario: "worst-case" },
      { code: "EQUITY_NEGATIVE", year: 2026, scenario: "worst-case" },
    ]);
  });

  it("an odd state half leaves the odd krona to the region and to FK", () => {
    expect(split(2 * 2_647_501)).toEqual({
      state: 2_647_501,
      fk: 1_323_751,
      af: 1_323_750,
      region: 1_323_751,
      kommuner: 1_323_750,
    });
  });

  it("a true tie of remainders goes to the larger population (DOMAIN.md), found by the layout property (seed 587629018)", () => {
    // 2 139 000 × 70 485 / 131 100 and 2 139 000 × 13 732 / 131 100 both end in ,421052…: one krona left, Ale is larger.
    const weights = [70_485, 46_883, 13_732];
    const ours = largestRemainder(
      new Decimal(2_139_000),
      weights.map((w) => new Decimal(w)),
    );
    expect(ours.map((d) => d.toNumber())).toEqual([1_150_019, 764_933, 224_048]);
    const engine = engineLargestRemainder(
      new Decimal(2_139_000),
      weights.map((w) => new Decimal(w)),
    );
    expect(engine.map((d) => d.toNumber())).toEqual([1_150_019, 764_933, 224_048]);
  });
});
