/**
 * The SIE reader against the budget workbook: a full year's vouchers of a
 * large förbund (50 000 #TRANS rows, no #PSALDO, so every row is summed)
 * read into a Ledger, as a ratio to reading the example budget workbook into
 * a Grid, both timed side by side (benchRounds.ts's interleaved rounds).
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { readSie } from "../src/sie/readSie";
import { readGridFromBuffer } from "../src/xlsx/readGrid";
import { interleaved } from "./benchRounds";
import { exampleSieLines, sieFileBytes } from "./make-example-sie";
import { Decimal } from "../src/domain/money";

export const SIE_TRANS_ROWS = 50_000;

/** 12 500 vouchers of four rows: three costs on objects and the bank, spread over the twelve months. */
export function largeSie(rows = SIE_TRANS_ROWS): Uint8Array {
  const objects = ["2.4.1", "4.0", "4.2", "6.1", "11.1", "11.7"];
  const accounts = ["4010", "5010", "6110", "7010", "7510"];
  const vouchers = Array.from({ length: rows / 4 }, (_, i) => {
    const month = String((i % 12) + 1).padStart(2, "0");
    const day = String((i % 28) + 1).padStart(2, "0");
    const amounts = [1000 + (i % 97), 250 + (i % 13), 75 + (i % 7)].map((n) => new Decimal(n).plus("0.25"));
    return {
      series: "A",
      date: `2025${month}${day}`,
      text: `Faktura ${i + 1} "leverantör"`,
      rows: [
        ...amounts.map((amount, k) => ({
          account: accounts[(i + k) % accounts.length]!,
          object: objects[(i + k) % objects.length]!,
          amount,
        })),
        { account: "1930", amount: amounts.reduce((a, b) => a.plus(b)).negated() },
      ],
    };
  });
  return sieFileBytes(exampleSieLines(vouchers, false));
}

export async function benchSie(): Promise<string[]> {
  const sie = largeSie();
  const workbook = await readFile(resolve(__dirname, "../assets/exempel-budget.xlsx"));
  let transRows = 0;
  const { ratios } = await interleaved([
    { label: "läsa exempelbudgeten till Grid", run: () => readGridFromBuffer(workbook) },
    {
      label: `läsa SIE, ${SIE_TRANS_ROWS} #TRANS (${(sie.byteLength / 1024).toFixed(0)} KB)`,
      run: () => {
        transRows = readSie(sie).voucherCount * 4;
      },
    },
  ]);
  return [`SIE-läsning (${transRows} #TRANS) / läsning av budgetarbetsboken = ${ratios[1]!.toFixed(2)}`];
}
