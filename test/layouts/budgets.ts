/**
 * The abstract budgets of the layout corpus, from the seeds' own numbers
 * (/work/shared/seeds, see DOMAIN.md) and from förbund made up to look like
 * real ones. Where a number is not in the seed, the comment says how it was
 * chosen. Kommun amounts that the seed does not state are the computed
 * shares (largest remainder, expected.ts), as DOMAIN.md says the seeds have
 * them where they agree.
 */
import { kommunShares, split } from "./expected";
import type { AbstractBudget, AbstractKommun, AbstractLine, ByYear, CostGroup } from "./model";

const each = (years: readonly number[], amount: number): ByYear => Object.fromEntries(years.map((y) => [y, amount]));
const byYear = (years: readonly number[], amounts: readonly number[]): ByYear =>
  Object.fromEntries(years.map((y, i) => [y, amounts[i]!]));

let accountSeq = 0;
const line = (label: string, amounts: ByYear, account?: number): AbstractLine => ({
  label,
  amounts,
  account: account ?? 4000 + 10 * ++accountSeq,
});

/** Kommuner whose amounts are the computed shares of each year's quarter, except where `stated` says otherwise. */
function kommuner(
  list: readonly [name: string, official: string, population: number][],
  stateHalfByYear: ByYear,
  stated: Readonly<Record<number, readonly number[]>> = {},
): AbstractKommun[] {
  const base = list.map(([name, official, population]) => ({
    name,
    official,
    population,
    amounts: {} as Record<number, number>,
  }));
  for (const [y, half] of Object.entries(stateHalfByYear)) {
    const quarter = split(2 * half).kommuner;
    const shares = base.length > 1 ? kommunShares({ kommuner: base } as unknown as AbstractBudget, quarter) : [quarter];
    base.forEach((k, i) => (k.amounts[Number(y)] = stated[Number(y)]?.[i] ?? shares[i]!));
  }
  return base;
}

const quarterOf = (half: number) => split(2 * half).region;

/** Seed 001, Bilaga 2, as in assets/exempel-budget.xlsx: the seed's 2025 kommun amounts (five deviations); plan years flat. */
export function vastra2025(): AbstractBudget {
  const years = [2025, 2026, 2027];
  const half = each(years, 4_322_000);
  return {
    forbund: "Samordningsförbundet Västra Östergötland",
    budgetYear: 2025,
    years,
    state: { kind: "one", label: "Staten genom FK", amounts: half },
    region: { label: "Region Östergötland", amounts: each(years, 2_161_000) },
    kommuner: kommuner(
      [
        ["Motala", "Motala kommun", 43_674],
        ["Mjölby", "Mjölby kommun", 28_269],
        ["Vadstena", "Vadstena kommun", 7_528],
        ["Boxholm", "Boxholms kommun", 5_512],
        ["Ödeshög", "Ödeshögs kommun", 5_309],
      ],
      half,
      { 2025: [1_045_924, 676_393, 179_363, 131_821, 127_499] },
    ),
    populationDate: "2024-12-31",
    otherIncome: [line("Finansiella intäkter", each(years, 15_000), 8311)],
    // The deficit of each year exactly: costs − contributions − financial income.
    drawdown: byYear(years, [1_141_000, 341_000, 341_000]),
    costGroups: [
      { name: "Kansli", lines: [line("Kansli 1.0", each(years, 1_600_000))] },
      {
        name: "Insatser",
        lines: [
          line("Nätverk 2.4.1", byYear(years, [3_260_000, 2_460_000, 2_460_000])),
          line("Försteg 4.0", each(years, 2_700_000)),
          line("Digitaliseringscenter 4.2", each(years, 1_190_000)),
          line("Fontänhus 6.1", each(years, 500_000)),
          line("Utbildning 11.1", each(years, 100_000)),
          line("Utveckling-struktur 11.7", each(years, 450_000)),
        ],
      },
    ],
    // DOMAIN.md: 3 050 000 kr at 2025-01-01 (chosen to fit the seed's text).
    openingEquity: 3_050_000,
  };
}

/** Seed 000, 12.2: FK and AF as two rows, the 2023 Finspång krona too much; costs as in shared/fixtures/samo-2023.xlsx, split into lines. */
export function samo2023(): AbstractBudget {
  const years = [2023, 2024, 2025];
  const quarter = byYear(years, [4_320_500, 3_888_450, 3_499_605]);
  const half = byYear(years, [8_641_000, 7_776_900, 6_999_210]);
  return {
    forbund: "Samordningsförbundet Östra Östergötland",
    budgetYear: 2023,
    years,
    state: { kind: "fkaf", fk: quarter, af: quarter },
    region: { label: "Region Östergötland", amounts: quarter },
    kommuner: kommuner(
      [
        ["Finspång", "Finspångs kommun", 21_889],
        ["Norrköping", "Norrköpings kommun", 144_458],
        ["Söderköping", "Söderköpings kommun", 14_673],
        ["Valdemarsvik", "Valdemarsviks kommun", 7_660],
      ],
      half,
      { 2023: [501_227, 3_307_880, 335_991, 175_403] },
    ),
    populationDate: "2021-12-31",
    otherIncome: [line("Finansiella intäkter", { 2023: 70_000 }, 8311)],
    drawdown: byYear(years, [1_509_000, 1_600_000, 1_000_000]),
    costGroups: [
      { name: "Kansli", lines: [line("Kansli och styrelse", byYear(years, [3_200_000, 3_100_000, 3_000_000]))] },
      {
        name: "Insatser",
        lines: [
          line("Individinriktade insatser", byYear(years, [11_000_000, 10_053_800, 8_500_000])),
          line("Strukturövergripande insatser", byYear(years, [4_661_000, 4_000_000, 3_498_420])),
        ],
      },
    ],
    // DOMAIN.md: 5 809 000 kr at 2022-12-31.
    openingEquity: 5_809_000,
  };
}

/** Seed 003, Budget 2024, Plan 2025–2026 (tkr), every line as the seed has it. */
export function ornskoldsvik2024(): AbstractBudget {
  const years = [2024, 2025, 2026];
  const tkr = (...a: number[]) =>
    byYear(
      years,
      a.map((x) => x * 1000),
    );
  return {
    forbund: "Örnsköldsviks samordningsförbund",
    budgetYear: 2024,
    years,
    state: { kind: "one", label: "Försäkringskassan/Arbetsförmedlingen", amounts: tkr(2511, 2511, 2511) },
    region: { label: "Region Västernorrland", amounts: tkr(1255.5, 1255.5, 1255.5) },
    // One kommun: the whole quarter, whatever its population (chosen, not in the seed).
    kommuner: [
      {
        name: "Örnsköldsvik",
        official: "Örnsköldsviks kommun",
        population: 56_000,
        amounts: tkr(1255.5, 1255.5, 1255.5),
      },
    ],
    populationDate: "2023-12-31",
    otherIncome: [],
    costGroups: [
      {
        name: "Administration",
        lines: [
          line("Uppdragsersättning förbundschef 100 %", tkr(785, 790, 795)),
          line("Kanslikostnader, hyra, dator, tele, dataskyddsombud", tkr(110, 110, 110)),
          line("Arvoden, ersättningar styrelsen", tkr(120, 120, 120)),
          line("Rese- och logikostnader", tkr(60, 60, 60)),
          line("Medlemsavgift NNS inklusive serviceavgift", tkr(18, 18, 18)),
          line("Sammanträdeskostnader", tkr(0, 0, 0)),
          line("Övrig adm. kostnader (bank, hemsida, prenumerationer)", tkr(20, 20, 20)),
        ],
      },
      {
        name: "Insatser",
        lines: [
          line("Plattform U/Arbetsrehabiliterande insatser", tkr(600, 0, 0)),
          line("Resurslotsen Örnsköldsvik", tkr(100, 100, 100)),
          line("Samtalsbyrån för unga", tkr(310, 310, 310)),
          line("Vidare Vy", tkr(595, 595, 0)),
          line("Jämställt Örnsköldsvik fritt från våld", tkr(100, 100, 100)),
          line("Processtöd/utvecklingsstrateg", tkr(645, 650, 655)),
          line("Psykeveckan v. 45", tkr(100, 100, 100)),
          line("Kompetensutveckling i samverkan", tkr(200, 100, 100)),
          line("Kurs- och konferensavgifter", tkr(50, 75, 75)),
          line("Reserverade medel för nya aktiviteter", tkr(1209, 1874, 2459)),
        ],
      },
    ],
    // Seed: "ett eget kapital för 2023 på totalt cirka 370 000".
    openingEquity: 370_000,
  };
}

const DK_KOMMUNER: [string, string, number][] = [
  // Population chosen 1:3 so that the key gives the seed's 348 375 / 1 045 125 (the seed states no population).
  ["Degerfors", "Degerfors kommun", 9_600],
  ["Karlskoga", "Karlskoga kommun", 28_800],
];

/** Seed 002, 5.1 Budget 2022: one year only, the seed's lines and groups; opening equity chosen (1 500 000 kr). */
export function degerfors2022(): AbstractBudget {
  const years = [2022];
  const kr = (a: number) => ({ 2022: a });
  const groups: CostGroup[] = [
    { name: "Insatser", lines: [line("Coachingteamet", kr(4_407_000)), line("Strukturella insatser", kr(602_000))] },
    {
      name: "Personal",
      lines: [line("Lön, sociala avgifter", kr(539_000)), line("Övriga personalkostnader", kr(25_000))],
    },
    {
      name: "Styrelsen, revision",
      lines: [line("Styrelsen, sociala avgifter", kr(85_000)), line("Revision", kr(72_000))],
    },
    { name: "Lokal", lines: [line("Lokalhyror", kr(50_000))] },
    { name: "Kommunikation", lines: [line("Telefoni, internet, porto", kr(15_000)), line("IT-tjänster", kr(15_000))] },
    { name: "Verksamhetsutveckling", lines: [line("Utbildning, nätverk, resor, logi", kr(17_000))] },
    { name: "Köp av tjänster", lines: [line("Redovisningstjänster, lön och arvodehantering", kr(113_000))] },
    { name: "Inventarier, förbrukningsmaterial", lines: [line("Kontorsmaterial, övrigt", kr(25_000))] },
    // The seed's own trap: a cost line called "Medlemsavgifter" (the förbund's fee to NNS).
    { name: "Avgifter", lines: [line("Medlemsavgifter", kr(25_000))] },
    { name: "Övriga kostnader", lines: [line("Övrigt, såsom annonsering, representation", kr(8_000))] },
  ];
  return {
    forbund: "Samordningsförbundet Finsam Degerfors/Karlskoga",
    budgetYear: 2022,
    years,
    state: { kind: "one", label: "Medlemsbidrag Försäkringskassa och Arbetsförmedlingen", amounts: kr(2_787_000) },
    region: { label: "Region Örebro län", amounts: kr(1_393_500) },
    kommuner: kommuner(DK_KOMMUNER, kr(2_787_000)),
    populationDate: "2021-12-31",
    otherIncome: [line("Ränteintäkter", kr(0), 8311)],
    drawdown: kr(424_000),
    costGroups: groups,
    openingEquity: 1_500_000,
  };
}

/** Seed 002, 5.2 Budgetöversikt: 2022 and the seed's "Prognos 2023/2024" as plan years, the four cost groups as lines. */
export function degerfors2022Plan(): AbstractBudget {
  const years = [2022, 2023, 2024];
  const half = byYear(years, [2_787_000, 2_647_500, 2_515_000]);
  return {
    forbund: "Samordningsförbundet Finsam Degerfors/Karlskoga",
    budgetYear: 2022,
    years,
    state: { kind: "one", label: "Medlemsbidrag Försäkringskassa och Arbetsförmedlingen", amounts: half },
    region: {
      label: "Region Örebro län",
      amounts: byYear(
        years,
        years.map((y) => quarterOf(half[y]!)),
      ),
    },
    kommuner: kommuner(DK_KOMMUNER, half),
    populationDate: "2021-12-31",
    otherIncome: [line("Ränta", each(years, 0), 8311)],
    drawdown: byYear(years, [424_000, 0, 0]),
    costGroups: [
      {
        name: "Verksamhetens kostnader",
        lines: [
          line("Personal", byYear(years, [899_000, 916_000, 934_000])),
          line("Styrelse, revision", byYear(years, [157_000, 160_000, 163_000])),
          line("Kansli", byYear(years, [292_000, 297_000, 304_000])),
          line("Aktiviteter, projekt", byYear(years, [4_650_000, 3_922_000, 3_629_000])),
        ],
      },
    ],
    openingEquity: 1_500_000,
  };
}

/**
 * Seed 004, Resultatbudget 2025 (kr), with the seed's equity target "1,8 Mkr +/- 20 %". The seed names neither its
 * kommuner nor the plan years: kommuner and their population are plausible (approximate 2023 figures), the plan
 * years bring the result to zero as EU money ends, and opening equity is 300 000 kr so 2025 ends inside the band.
 */
export function centrala2025(): AbstractBudget {
  const years = [2025, 2026, 2027];
  const half = each(years, 6_699_750);
  return {
    forbund: "Samordningsförbundet Centrala Östergötland",
    budgetYear: 2025,
    years,
    state: { kind: "fkaf", fk: each(years, 3_349_875), af: each(years, 3_349_875) },
    region: { label: "Region Östergötland", amounts: each(years, 3_349_875) },
    kommuner: kommuner(
      [
        ["Linköping", "Linköpings kommun", 165_527],
        ["Åtvidaberg", "Åtvidabergs kommun", 11_540],
        ["Kinda", "Kinda kommun", 9_938],
        ["Ydre", "Ydre kommun", 3_689],
      ],
      half,
    ),
    populationDate: "2024-12-31",
    otherIncome: [
      line("EU-medel och andra bidrag", byYear(years, [6_003_000, 3_000_000, 0]), 3510),
      line("Övriga intäkter", each(years, 2_868_000), 3590),
      line("Finansiella intäkter", each(years, 15_000), 8311),
    ],
    costGroups: [
      {
        name: "Verksamhetens kostnader",
        lines: [
          line("Personalkostnader", byYear(years, [14_456_872, 13_265_240, 10_265_240])),
          line("Lokalkostnader", each(years, 2_520_000)),
          line("Övriga kostnader", each(years, 3_466_500)),
          line("Avskrivningar", each(years, 760)),
          line("Finansiella kostnader", each(years, 30_000), 8411),
        ],
      },
    ],
    openingEquity: 300_000,
    equityTarget: { centre: 1_800_000, tolerance: 0.2, text: "1,8 Mkr +/- 20 %" },
  };
}

/** Made up: four kommuner north of Göteborg, a sound budget (no error, no warning) whose contributions fall 10 % a year. */
export function kungalv2024(): AbstractBudget {
  const years = [2024, 2025, 2026];
  const half = byYear(years, [3_000_000, 2_750_000, 2_500_000]);
  return {
    forbund: "Samordningsförbundet Kungälv–Stenungsund–Tjörn–Öckerö",
    budgetYear: 2024,
    years,
    state: { kind: "one", label: "Staten genom FK", amounts: half },
    region: {
      label: "Västra Götalandsregionen",
      amounts: byYear(
        years,
        years.map((y) => quarterOf(half[y]!)),
      ),
    },
    kommuner: kommuner(
      [
        ["Kungälv", "Kungälvs kommun", 48_731],
        ["Stenungsund", "Stenungsunds kommun", 27_614],
        ["Tjörn", "Tjörns kommun", 16_056],
        ["Öckerö", "Öckerö kommun", 12_895],
      ],
      half,
    ),
    populationDate: "2023-12-31",
    otherIncome: [],
    costGroups: [
      { name: "Administration", lines: [line("Kansli", byYear(years, [1_400_000, 1_350_000, 1_300_000]))] },
      {
        name: "Insatser",
        lines: [
          line("Unga till arbete", byYear(years, [2_600_000, 2_400_000, 2_100_000])),
          line("Arbetslivsinriktad rehabilitering", byYear(years, [2_000_000, 1_750_000, 1_600_000])),
        ],
      },
    ],
    openingEquity: 950_000,
  };
}

/** Made up on the real Sydnärke's kommuner (approximate populations): FK and AF as two rows, a small surplus. */
export function sydnarke2025(): AbstractBudget {
  const years = [2025, 2026, 2027];
  const half = each(years, 2_400_000);
  return {
    forbund: "Samordningsförbundet Sydnärke",
    budgetYear: 2025,
    years,
    state: { kind: "fkaf", fk: each(years, 1_200_000), af: each(years, 1_200_000) },
    region: { label: "Region Örebro län", amounts: each(years, 1_200_000) },
    kommuner: kommuner(
      [
        ["Askersund", "Askersunds kommun", 11_343],
        ["Hallsberg", "Hallsbergs kommun", 16_043],
        ["Kumla", "Kumla kommun", 22_335],
        ["Laxå", "Laxå kommun", 5_600],
        ["Lekeberg", "Lekebergs kommun", 8_352],
      ],
      half,
    ),
    populationDate: "2024-12-31",
    otherIncome: [line("Finansiella intäkter", each(years, 5_000), 8311)],
    costGroups: [
      {
        name: "Förbundsgemensamt",
        lines: [line("Kansli", each(years, 1_100_000)), line("Styrelse och revision", each(years, 150_000))],
      },
      {
        name: "Insatser",
        lines: [
          line("Resursteam", byYear(years, [2_300_000, 2_350_000, 2_400_000])),
          line("Kartläggning och vägledning", byYear(years, [1_100_000, 1_100_000, 1_050_000])),
          line("Hälsofrämjande insatser", byYear(years, [120_000, 60_000, 60_000])),
        ],
      },
    ],
    openingEquity: 800_000,
  };
}

/** A budget of one year only: the first year of another. */
export function firstYearOnly(b: AbstractBudget): AbstractBudget {
  const y = b.budgetYear;
  const only = (a: ByYear): ByYear => (a[y] === undefined ? {} : { [y]: a[y]! });
  const lines = (ls: readonly AbstractLine[]) => ls.map((l) => ({ ...l, amounts: only(l.amounts) }));
  return {
    ...b,
    years: [y],
    state:
      b.state.kind === "one"
        ? { ...b.state, amounts: only(b.state.amounts) }
        : { kind: "fkaf", fk: only(b.state.fk), af: only(b.state.af) },
    region: { ...b.region, amounts: only(b.region.amounts) },
    kommuner: b.kommuner.map((k) => ({ ...k, amounts: only(k.amounts) })),
    otherIncome: lines(b.otherIncome),
    ...(b.drawdown ? { drawdown: only(b.drawdown) } : {}),
    costGroups: b.costGroups.map((g) => ({ ...g, lines: lines(g.lines) })),
  };
}

/**
 * Sydnärke with the kommun amounts an ordinary =ROUND(quarter × population / total, 0) gives:
 * Askersund 213 773 (its exact share is 213 773,499; largest remainder gives it 213 774), so the
 * kommuner sum to 1 199 999, one krona short of their quarter.
 */
export function sydnarkeRounded(): AbstractBudget {
  const b = sydnarke2025();
  const total = b.kommuner.reduce((s, k) => s + k.population, 0);
  return {
    ...b,
    kommuner: b.kommuner.map((k) => ({
      ...k,
      amounts: Object.fromEntries(b.years.map((y) => [y, Math.round((1_200_000 * k.population) / total)])),
    })),
  };
}
