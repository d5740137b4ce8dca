import {
  Decimal,
  type Budget,
  type BudgetLine,
  type Member,
  type Party,
  type SourcedAmount,
  type YearAmounts,
} from "../../src/domain";

/** Budgets built by hand from the seeds' numbers (DOMAIN.md), with the fixtures' cells. */

type Amounts = Record<number, number | [number, string]>;

export function amounts(sheet: string, values: Amounts): YearAmounts {
  return new Map(
    Object.entries(values).map(([year, v]): [number, SourcedAmount] => {
      const [value, cell] = Array.isArray(v) ? v : [v, undefined];
      return [Number(year), { value: new Decimal(value), ...(cell ? { ref: { sheet, cell } } : {}) }];
    }),
  );
}

export function member(
  name: string,
  party: Party,
  sheet: string,
  values: Amounts,
  population?: number | [number, string],
): Member {
  const [pop, popCell] = Array.isArray(population) ? population : [population, undefined];
  return {
    name,
    party,
    amounts: amounts(sheet, values),
    ...(pop !== undefined
      ? { population: { value: new Decimal(pop), ...(popCell ? { ref: { sheet: "Befolkning", cell: popCell } } : {}) } }
      : {}),
  };
}

export function line(label: string, sheet: string, values: Amounts): BudgetLine {
  return { label, amounts: amounts(sheet, values) };
}

export function budget(parts: Partial<Budget> & Pick<Budget, "budgetYear" | "members">): Budget {
  return {
    unit: "kr",
    planYears: [],
    otherIncome: [],
    equityDrawdowns: [],
    costs: [],
    sums: [],
    followUp: [],
    ...parts,
  };
}

const L = "Långtidsbudget";

/** Östra Östergötland (SAMO) 2023–2025, seed 000 section 12.2. */
export function samo(): Budget {
  return budget({
    budgetYear: 2023,
    planYears: [2024, 2025],
    members: [
      member("Finspångs kommun", "kommun", L, { 2023: [501227, "B5"], 2024: [451104, "C5"], 2025: [405994, "D5"] }, [
        21889,
        "B2",
      ]),
      member(
        "Norrköpings kommun",
        "kommun",
        L,
        { 2023: [3307880, "B6"], 2024: [2977092, "C6"], 2025: [2679383, "D6"] },
        [144458, "B3"],
      ),
      member("Söderköpings kommun", "kommun", L, { 2023: [335991, "B7"], 2024: [302391, "C7"], 2025: [272152, "D7"] }, [
        14673,
        "B4",
      ]),
      member(
        "Valdemarsviks kommun",
        "kommun",
        L,
        { 2023: [175403, "B8"], 2024: [157863, "C8"], 2025: [142076, "D8"] },
        [7660, "B5"],
      ),
      member("Region Östergötland", "region", L, {
        2023: [4320500, "B9"],
        2024: [3888450, "C9"],
        2025: [3499605, "D9"],
      }),
      member("Arbetsförmedlingen", "af", L, { 2023: [4320500, "B10"], 2024: [3888450, "C10"], 2025: [3499605, "D10"] }),
      member("Försäkringskassan", "fk", L, { 2023: [4320500, "B11"], 2024: [3888450, "C11"], 2025: [3499605, "D11"] }),
    ],
    equityDrawdowns: [
      line("Eget kapital", L, { 2023: [1509000, "B12"], 2024: [1600000, "C12"], 2025: [1000000, "D12"] }),
    ],
    otherIncome: [line("Finansiella intäkter", L, { 2023: [70000, "B13"] })],
    costs: [
      line("Åtgärder individ och grupp", L, {
        2023: [14433000, "B17"],
        2024: [12725800, "C17"],
        2025: [10570420, "D17"],
      }),
      line("Kompetensutveckling", L, { 2023: 400000, 2024: 400000, 2025: 400000 }),
      line("Uppföljning & utvärdering", L, { 2023: 200000, 2024: 200000, 2025: 200000 }),
      line("Information", L, { 2023: 100000, 2024: 100000, 2025: 100000 }),
      line("Kansli inkl arvoden", L, { 2023: 3468000, 2024: 3468000, 2025: 3468000 }),
      line("Revision", L, { 2023: 250000, 2024: 250000, 2025: 250000 }),
      line("Finansiella kostnader", L, { 2023: 10000, 2024: 10000, 2025: 10000 }),
    ],
    costTotal: amounts(L, { 2023: [18861000, "B24"], 2024: [17153800, "C24"], 2025: [14998420, "D24"] }),
    openingEquity: { value: new Decimal(5809000), ref: { sheet: L, cell: "B26" } },
    populationDate: "2021-12-31",
  });
}

const V = "Budget 2025";

/** Västra Östergötland 2025, seed 001 Bilaga 2. */
export function vastra(): Budget {
  return budget({
    budgetYear: 2025,
    members: [
      member("Staten genom FK", "stat", V, { 2025: [4322000, "B14"] }),
      member("Region Östergötland", "region", V, { 2025: [2161000, "B15"] }),
      member("Motala kommun", "kommun", V, { 2025: [1045924, "B16"] }, 43674),
      member("Mjölby kommun", "kommun", V, { 2025: [676393, "B17"] }, 28269),
      member("Vadstena kommun", "kommun", V, { 2025: [179363, "B18"] }, 7528),
      member("Boxholms kommun", "kommun", V, { 2025: [131821, "B19"] }, 5512),
      member("Ödeshögs kommun", "kommun", V, { 2025: [127499, "B20"] }, 5309),
    ],
    statedContributionTotal: amounts(V, { 2025: [8644000, "B21"] }),
    costs: [
      line("Kansli 1.0", V, { 2025: [1600000, "B24"] }),
      line("Nätverk 2.4.1", V, { 2025: [3260000, "B25"] }),
      line("Försteg 4.0", V, { 2025: [2700000, "B26"] }),
      line("Digitaliseringscenter 4.2", V, { 2025: [1400000, "B27"] }),
      line("Fontänhus 6.1", V, { 2025: [500000, "B28"] }),
      line("Utbildning 11.1", V, { 2025: [100000, "B29"] }),
      line("Utveckling-struktur 11.7", V, { 2025: [450000, "B30"] }),
    ],
    costTotal: amounts(V, { 2025: [10010000, "B31"] }),
    equityDrawdowns: [line("Ianspråktagna egna medel 2025", V, { 2025: [1366000, "B35"] })],
    openingEquity: { value: new Decimal(3050000), ref: { sheet: V, cell: "B34" } },
  });
}

const O = "Budget 2024-2026";

/** Örnsköldsvik 2024–2026 (seed 003), in kronor; the sheet is in tkr. */
export function ornskoldsvik(): Budget {
  const t = (tkr: number) => Math.round(tkr * 1000);
  return budget({
    unit: "tkr",
    budgetYear: 2024,
    planYears: [2025, 2026],
    members: [
      member("Region Västernorrland", "region", O, {
        2024: [t(1255.5), "B5"],
        2025: [t(1255.5), "C5"],
        2026: [t(1255.5), "D5"],
      }),
      member(
        "Örnsköldsviks Kommun",
        "kommun",
        O,
        { 2024: [t(1255.5), "B6"], 2025: [t(1255.5), "C6"], 2026: [t(1255.5), "D6"] },
        55000,
      ),
      member("Försäkringskassan/Arbetsförmedlingen", "stat", O, {
        2024: [t(2511), "B7"],
        2025: [t(2511), "C7"],
        2026: [t(2511), "D7"],
      }),
    ],
    statedContributionTotal: amounts(O, { 2024: [t(5022), "B8"], 2025: [t(5022), "C8"], 2026: [t(5022), "D8"] }),
    costs: [
      line("Summa totala kostnader", O, { 2024: [t(5022), "B31"], 2025: [t(5022), "C31"], 2026: [t(5022), "D31"] }),
    ],
    openingEquity: { value: new Decimal(t(370)), ref: { sheet: O, cell: "B33" } },
  });
}
