/**
 * Writes assets/exempel-bokforing.se: the bookkeeping's SIE 4 export for the
 * example budget (assets/exempel-budget.xlsx, Västra Östergötland's numbers),
 * January–August 2025, as a förbund's system writes it: code page 437, CRLF,
 * the insatser as objects of dimension 6 (projekt), #PSALDO per account and
 * object, and the vouchers (#VER/#TRANS) they are the sums of.
 * Run: npx tsx scripts/make-example-sie.ts
 *
 * The utfall per budget line, and its forecast × 12 / 8 (test/domain/followUp.test.ts):
 *   Kansli 1.0                 1 200 000 (accounts 5010–7510, no object)  → 1 800 000, over budget
 *   Nätverk 2.4.1              2 000 000                                   → 3 000 000
 *   Försteg 4.0                1 900 000                                   → 2 850 000, over budget
 *   Digitaliseringscenter 4.2    780 000                                   → 1 170 000
 *   Fontänhus 6.1                      0                                   → the budget, 500 000
 *   Utbildning 11.1               40 000                                   →    60 000
 *   Utveckling-struktur 11.7     240 000                                   →   360 000
 * plus 12 500 kr on 4010 without an object in June: mapped to no line, listed.
 */
import iconv from "iconv-lite";
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { Decimal } from "../src/domain/money";

interface Row {
  readonly account: string;
  readonly object?: string;
  readonly amount: Decimal;
}
interface Voucher {
  readonly series: string;
  readonly date: string;
  readonly text: string;
  readonly rows: readonly Row[];
}

const ACCOUNTS: [string, string][] = [
  ["1930", "Bank"],
  ["2440", "Leverantörsskulder"],
  ["3010", "Medlemsavgift Försäkringskassan"],
  ["3020", "Medlemsavgift Region Östergötland"],
  ["3030", "Medlemsavgift kommunerna"],
  ["4010", "Köpta tjänster insatser"],
  ["5010", "Lokalhyra"],
  ["6110", "Kontorsmaterial"],
  ["7010", "Löner tjänstemän"],
  ["7510", "Arbetsgivaravgifter"],
  ["8310", "Ränteintäkter"],
];
const OBJECTS: [string, string][] = [
  ["2.4.1", "Nätverk"],
  ["4.0", "Försteg"],
  ["4.2", "Digitaliseringscenter"],
  ["6.1", "Fontänhus"],
  ["11.1", "Utbildning"],
  ["11.7", "Utveckling-struktur"],
];
/** Per month, January–August. */
const KANSLI: [string, number][] = [
  ["7010", 95000],
  ["7510", 30000],
  ["5010", 20000],
  ["6110", 5000],
];
const INSATSER: [string, number][] = [
  ["2.4.1", 250000],
  ["4.0", 237500],
  ["4.2", 97500],
  ["11.1", 5000],
  ["11.7", 30000],
];
/** Quarterly contributions, paid in January, April and July: a quarter of 8 644 000 by party. */
const CONTRIBUTIONS: [string, number][] = [
  ["3010", 1080500],
  ["3020", 540250],
  ["3030", 540250],
];

const d = (n: number) => new Decimal(n);
const MONTHS = 8;

export function exampleVouchers(): Voucher[] {
  const vouchers: Voucher[] = [];
  for (let m = 1; m <= MONTHS; m++) {
    const month = String(m).padStart(2, "0");
    if (m % 3 === 1) {
      const total = CONTRIBUTIONS.reduce((s, [, a]) => s + a, 0);
      vouchers.push({
        series: "B",
        date: `2025${month}05`,
        text: "Medlemsavgifter kvartal",
        rows: [
          { account: "1930", amount: d(total) },
          ...CONTRIBUTIONS.map(([account, a]) => ({ account, amount: d(-a) })),
        ],
      });
    }
    const kansli = KANSLI.reduce((s, [, a]) => s + a, 0);
    vouchers.push({
      series: "A",
      date: `2025${month}25`,
      text: `Kansli ${month}/2025`,
      rows: [...KANSLI.map(([account, a]) => ({ account, amount: d(a) })), { account: "1930", amount: d(-kansli) }],
    });
    const insatser = INSATSER.reduce((s, [, a]) => s + a, 0);
    vouchers.push({
      series: "A",
      date: `2025${month}28`,
      text: `Insatser "fakturor" ${month}/2025`,
      rows: [
        ...INSATSER.map(([object, a]) => ({ account: "4010", object, amount: d(a) })),
        { account: "2440", amount: d(-insatser) },
      ],
    });
    vouchers.push({
      series: "C",
      date: `2025${month}28`,
      text: "Ränta",
      rows: [
        { account: "1930", amount: d(1250) },
        { account: "8310", amount: d(-1250) },
      ],
    });
    if (m === 6) {
      vouchers.push({
        series: "A",
        date: "20250630",
        text: "Köpta tjänster, ej fördelade",
        rows: [
          { account: "4010", amount: d(12500) },
          { account: "2440", amount: d(-12500) },
        ],
      });
    }
  }
  return vouchers;
}

const quote = (s: string) => `"${s.replace(/"/g, '\\"')}"`;
const objectList = (object?: string) => (object ? `{6 ${quote(object)}}` : "{}");

/** The file's lines: head, accounts, objects, #RES and #PSALDO summed from the vouchers, then the vouchers. */
export function exampleSieLines(vouchers: readonly Voucher[] = exampleVouchers(), withBalances = true): string[] {
  const lines = [
    "#FLAGGA 0",
    '#PROGRAM "Finsam-budget exempel" 1.0',
    "#FORMAT PC8",
    "#GEN 20250905",
    "#SIETYP 4",
    '#FNAMN "Samordningsförbundet Exempel"',
    "#ORGNR 222000-0000",
    "#RAR 0 20250101 20251231",
    "#RAR -1 20240101 20241231",
    '#KPTYP "BAS2014"',
    ...ACCOUNTS.map(([n, name]) => `#KONTO ${n} ${quote(name)}`),
    '#DIM 6 "Projekt"',
    ...OBJECTS.map(([id, name]) => `#OBJEKT 6 ${quote(id)} ${quote(name)}`),
    "#IB 0 1930 3050000.00",
  ];
  if (withBalances) {
    const balances = new Map<string, Decimal>();
    const add = (key: string, amount: Decimal) => balances.set(key, (balances.get(key) ?? d(0)).plus(amount));
    const result = new Map<string, Decimal>();
    for (const v of vouchers) {
      const period = v.date.slice(0, 6);
      for (const r of v.rows) {
        add(`${period} ${r.account} {}`, r.amount);
        if (r.object) add(`${period} ${r.account} ${objectList(r.object)}`, r.amount);
        if (/^[3-8]/.test(r.account)) result.set(r.account, (result.get(r.account) ?? d(0)).plus(r.amount));
      }
    }
    lines.push(...[...result].map(([account, amount]) => `#RES 0 ${account} ${amount.toFixed(2)}`));
    lines.push(...[...balances].map(([key, amount]) => `#PSALDO 0 ${key} ${amount.toFixed(2)}`));
  }
  vouchers.forEach((v, i) => {
    lines.push(`#VER ${v.series} ${i + 1} ${v.date} ${quote(v.text)} ${v.date}`, "{");
    for (const r of v.rows) lines.push(`   #TRANS ${r.account} ${objectList(r.object)} ${r.amount.toFixed(2)}`);
    lines.push("}");
  });
  return lines;
}

export function sieFileBytes(lines: readonly string[]): Uint8Array {
  return iconv.encode(lines.join("\r\n") + "\r\n", "cp437");
}

if (require.main === module) {
  const out = resolve(__dirname, "../assets/exempel-bokforing.se");
  writeFile(out, sieFileBytes(exampleSieLines())).then(
    () => console.log(`Skrev ${out}`),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
