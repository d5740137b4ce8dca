import {
  analyzeBudget,
  Decimal,
  splitContributions,
  defaultSettings,
  type Analysis,
  type Finding,
} from "../../src/domain";
import { ornskoldsvik, samo, vastra } from "./budgets";

const kr = (d: Decimal | undefined) => d?.toNumber();
const computed = (a: Analysis, year: number) =>
  a.members.filter((m) => m.year === year && m.party === "kommun").map((m) => kr(m.computedAmount));
const byCode = (a: Analysis, code: string) => a.findings.filter((f) => f.code === code);
const brief = (f: Finding) => ({
  severity: f.severity,
  cell: f.cell,
  year: f.year,
  expected: kr(f.expected),
  actual: kr(f.actual),
});

describe("Rule 1: the 50/25/25 split", () => {
  it.each([
    [17282000, 8641000, 4320500, 4320500, 4320500, 4320500],
    [8644000, 4322000, 2161000, 2161000, 2161000, 2161000],
    [5022000, 2511000, 1255500, 1255500, 1255500, 1255500],
    // A total not divisible by four: whole kronor that still sum to T.
    [17282002, 8641001, 4320501, 4320500, 4320501, 4320500],
  ])("splits %d into state %d, FK %d, AF %d, region %d, kommuner %d", (total, state, fk, af, region, kommuner) => {
    const split = splitContributions(new Decimal(total));
    expect([split.state, split.fk, split.af, split.region, split.kommuner].map(kr)).toEqual([
      state,
      fk,
      af,
      region,
      kommuner,
    ]);
    expect(split.state.plus(split.region).plus(split.kommuner).toNumber()).toBe(total);
  });

  it("anchors T on the state: Västra's state 4 322 000 gives 8 644 000, which the sheet's Totalt agrees with", () => {
    const a = analyzeBudget(vastra());
    expect(a.splits.map((s) => [s.year, kr(s.split.total)])).toEqual([[2025, 8644000]]);
    expect(byCode(a, "PARTY_SPLIT")).toEqual([]);
  });

  it("reports a stated total that disagrees with twice the state's half", () => {
    const b = vastra();
    const a = analyzeBudget({
      ...b,
      statedContributionTotal: new Map([
        [2025, { value: new Decimal(8650000), ref: { sheet: "Budget 2025", cell: "B21" } }],
      ]),
    });
    expect(byCode(a, "PARTY_SPLIT").map(brief)).toEqual([
      { severity: "warning", cell: "B21", year: 2025, expected: 8644000, actual: 8650000 },
    ]);
  });

  it("reports a region off its quarter, and FK and AF each off their quarter", () => {
    const b = samo();
    const members = b.members.map((m) =>
      m.party === "region"
        ? {
            ...m,
            amounts: new Map([
              ...m.amounts,
              [2023, { value: new Decimal(4300000), ref: { sheet: "Långtidsbudget", cell: "B9" } }],
            ]),
          }
        : m.party === "fk"
          ? {
              ...m,
              amounts: new Map([
                ...m.amounts,
                [2023, { value: new Decimal(4320000), ref: { sheet: "Långtidsbudget", cell: "B11" } }],
              ]),
            }
          : m.party === "af"
            ? {
                ...m,
                amounts: new Map([
                  ...m.amounts,
                  [2023, { value: new Decimal(4321000), ref: { sheet: "Långtidsbudget", cell: "B10" } }],
                ]),
              }
            : m,
    );
    const split = byCode(analyzeBudget({ ...b, members }), "PARTY_SPLIT").map(brief);
    expect(split).toEqual([
      { severity: "warning", cell: "B11", year: 2023, expected: 4320500, actual: 4320000 },
      { severity: "warning", cell: "B10", year: 2023, expected: 4320500, actual: 4321000 },
      { severity: "warning", cell: "B9", year: 2023, expected: 4320500, actual: 4300000 },
    ]);
  });
});

describe("Rule 2: the kommun key", () => {
  it("Västra 2025: largest remainder gives 1 045 270 / 676 575 / 180 171 / 131 921 / 127 063", () => {
    expect(computed(analyzeBudget(vastra()), 2025)).toEqual([1045270, 676575, 180171, 131921, 127063]);
  });

  it("Västra 2025: the seed's amounts from rounded percentages are five warnings of +654, −182, −808, −100, +436 kr", () => {
    const findings = byCode(analyzeBudget(vastra()), "SHARE_DEVIATION");
    expect(findings.map(brief)).toEqual([
      { severity: "warning", cell: "B16", year: 2025, expected: 1045270, actual: 1045924 },
      { severity: "warning", cell: "B17", year: 2025, expected: 676575, actual: 676393 },
      { severity: "warning", cell: "B18", year: 2025, expected: 180171, actual: 179363 },
      { severity: "warning", cell: "B19", year: 2025, expected: 131921, actual: 131821 },
      { severity: "warning", cell: "B20", year: 2025, expected: 127063, actual: 127499 },
    ]);
    expect(findings.map((f) => f.actual!.minus(f.expected!).toNumber())).toEqual([654, -182, -808, -100, 436]);
    expect(findings.every((f) => f.sheet === "Budget 2025")).toBe(true);
  });

  it("says in the message both numbers and the formula, in Swedish and English", () => {
    const motala = byCode(analyzeBudget(vastra()), "SHARE_DEVIATION")[0]!;
    expect(motala.message.sv).toBe(
      "Motala kommun 2025: arket har 1\u00a0045\u00a0924 kr men andelen är 1\u00a0045\u00a0270 kr " +
        "(kommunernas fjärdedel 2\u00a0161\u00a0000 kr × 43\u00a0674 / 90\u00a0292 invånare, hela kronor enligt största rest). " +
        "Skillnad +654 kr.",
    );
    expect(motala.message.en).toContain("the share is 1,045,270 SEK");
    expect(motala.message.en).toContain("43,674 / 90,292 inhabitants");
  });

  it("SAMO 2023–2025: shares of each year's quarter, equal to the seed but for Finspång's krona in 2023", () => {
    const a = analyzeBudget(samo());
    expect(computed(a, 2023)).toEqual([501226, 3307880, 335991, 175403]);
    expect(computed(a, 2024)).toEqual([451104, 2977092, 302391, 157863]);
    expect(computed(a, 2025)).toEqual([405994, 2679383, 272152, 142076]);
    expect(a.splits.map((s) => kr(s.split.kommuner))).toEqual([4320500, 3888450, 3499605]);
  });

  it("SAMO 2023: one krona too much is information, on Finspång and on the kommun rows' sum", () => {
    const a = analyzeBudget(samo());
    expect(byCode(a, "SHARE_DEVIATION").map(brief)).toEqual([
      { severity: "info", cell: "B5", year: 2023, expected: 501226, actual: 501227 },
    ]);
    expect(byCode(a, "SHARE_SUM").map(brief)).toEqual([
      { severity: "info", cell: "B5:B8", year: 2023, expected: 4320500, actual: 4320501 },
    ]);
  });

  it("a fixed key (the förbundsordning's percentages) reproduces the seed's own amounts", () => {
    const percents = {
      "Motala kommun": 48.4,
      "Mjölby kommun": 31.3,
      "Vadstena kommun": 8.3,
      "Boxholms kommun": 6.1,
      "Ödeshögs kommun": 5.9,
    };
    const settings = defaultSettings({
      kommunKey: {
        kind: "fixed",
        percents: Object.fromEntries(Object.entries(percents).map(([k, v]) => [k, new Decimal(v)])),
      },
    });
    const a = analyzeBudget(vastra(), settings);
    expect(computed(a, 2025)).toEqual([1045924, 676393, 179363, 131821, 127499]);
    expect(byCode(a, "SHARE_DEVIATION")).toEqual([]);
  });

  it("one kommun takes the whole quarter (Örnsköldsvik)", () => {
    const a = analyzeBudget(ornskoldsvik());
    expect(computed(a, 2024)).toEqual([1255500]);
    expect(byCode(a, "SHARE_DEVIATION")).toEqual([]);
  });

  it("reports each member's computed amount next to the sheet's, with the cell", () => {
    const finspang = analyzeBudget(samo()).members.find((m) => m.name === "Finspångs kommun" && m.year === 2023)!;
    expect(finspang).toMatchObject({ party: "kommun", year: 2023, ref: { sheet: "Långtidsbudget", cell: "B5" } });
    expect([kr(finspang.population), kr(finspang.sheetAmount?.value), kr(finspang.computedAmount)]).toEqual([
      21889, 501227, 501226,
    ]);
    expect(finspang.exactAmount.minus(501226).abs().lessThan(1)).toBe(true);
  });
});
