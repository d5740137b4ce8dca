import iconv from "iconv-lite";
import { readSie } from "../../src/sie/readSie";
import { SieError } from "../../src/sie/sieError";
import type { Ledger } from "../../src/sie/ledger";
import { HEAD, sieBytes } from "./sieFiles";

const amounts = (list: Ledger["accountAmounts"]) =>
  list.map((a) => `${a.account} ${a.period} ${a.amount.toFixed(2)}`).sort();

function failure(bytes: Uint8Array): SieError {
  try {
    readSie(bytes);
  } catch (error) {
    if (error instanceof SieError) return error;
    throw error;
  }
  throw new Error("read without error");
}

describe("readSie: the shapes a bookkeeping exports", () => {
  it("period balances only (#PSALDO), with objects, CP437 å ä ö, CRLF and unknown labels", () => {
    const bytes = sieBytes([
      ...HEAD,
      '#KONTO 3010 "Medlemsavgifter från parter"',
      '#KONTO 5010 "Lokalhyra kansli"',
      '#KONTO 4010 "Köpta tjänster \\"insatser\\""',
      '#KONTO 7010 "Löner tjänstemän"',
      "#KTYP 3010 I",
      '#DIM 6 "Projekt"',
      '#OBJEKT 6 "2.4.1" "Nätverk Öst"',
      '#OBJEKT 6 "4.0" "Försteg för unga"',
      "#IB 0 1930 3050000.00",
      "#UB 0 1930 2100000.00",
      "#RES 0 3010 -5762667.00",
      "#PSALDO -1 202412 5010 {} 99999.00",
      "#PSALDO 0 202501 3010 {} -2161000.00",
      "#PSALDO 0 202501 5010 {} 25000.00",
      "#PSALDO 0 202502 5010 {} 25000.00",
      "#PSALDO 0 202501 4010 {} 300000.50",
      '#PSALDO 0 202501 4010 {6 "2.4.1"} 200000.50',
      '#PSALDO 0 202501 4010 {6 "4.0"} 100000.00',
      "#PSALDO 0 202502 7010 {} 90000 12",
      "#OKAND etikett som framtida versioner kan ha",
      "#KSUMMA 123456",
    ]);
    const ledger = readSie(bytes);
    expect(ledger.source).toBe("psaldo");
    expect(ledger.company).toBe("Samordningsförbundet Exempel");
    expect(ledger.year).toEqual({ start: "2025-01-01", end: "2025-12-31" });
    expect(ledger.periods).toHaveLength(12);
    expect(ledger.lastPeriod).toBe("2025-02");
    expect(ledger.accounts["4010"]).toBe('Köpta tjänster "insatser"');
    expect(ledger.accounts["3010"]).toBe("Medlemsavgifter från parter");
    expect(ledger.dimensions).toEqual({ "6": "Projekt" });
    expect(ledger.objects).toEqual([
      { dimension: "6", id: "2.4.1", name: "Nätverk Öst" },
      { dimension: "6", id: "4.0", name: "Försteg för unga" },
    ]);
    // The year before (-1) is left out.
    expect(amounts(ledger.accountAmounts)).toEqual([
      "3010 2025-01 -2161000.00",
      "4010 2025-01 300000.50",
      "5010 2025-01 25000.00",
      "5010 2025-02 25000.00",
      "7010 2025-02 90000.00",
    ]);
    expect(ledger.objectAmounts.map((a) => `${a.dimension}:${a.object} ${a.amount.toFixed(2)}`)).toEqual([
      "6:2.4.1 200000.50",
      "6:4.0 100000.00",
    ]);
    expect(ledger.checksum).toMatch(/^[0-9a-f]{8}$/);
  });

  it("vouchers only (#VER/#TRANS) with {} object lists over two dimensions, LF line ends", () => {
    const bytes = sieBytes(
      [
        ...HEAD,
        '#KONTO 4010 "Köpta tjänster"',
        '#KONTO 1930 "Bank"',
        '#DIM 1 "Kostnadsställe"',
        '#VER A 1 20250115 "Faktura Nätverk, januari"',
        "{",
        '   #TRANS 4010 {1 "100" 6 "2.4.1"} 1000.25 20250115 "rad med text"',
        "   #TRANS 1930 {} -1000.25",
        "}",
        '#VER A 2 20250310 "Två rader"',
        "{",
        '   #TRANS 4010 {6 "2.4.1"} 500.00',
        '   #RTRANS 4010 {6 "4.0"} 200.00',
        '   #TRANS 4010 {6 "4.0"} 200.00',
        '   #BTRANS 4010 {6 "4.0"} 999.00',
        "   #TRANS 1930 {} -700.00 20250310",
        "}",
      ],
      "\n",
    );
    const ledger = readSie(bytes);
    expect(ledger.source).toBe("vouchers");
    expect(ledger.voucherCount).toBe(2);
    expect(ledger.lastPeriod).toBe("2025-03");
    expect(amounts(ledger.accountAmounts)).toEqual([
      "1930 2025-01 -1000.25",
      "1930 2025-03 -700.00",
      "4010 2025-01 1000.25",
      "4010 2025-03 700.00",
    ]);
    expect(
      ledger.objectAmounts.map((a) => `${a.period} ${a.dimension}:${a.object} ${a.amount.toFixed(2)}`).sort(),
    ).toEqual(["2025-01 1:100 1000.25", "2025-01 6:2.4.1 1000.25", "2025-03 6:2.4.1 500.00", "2025-03 6:4.0 200.00"]);
  });

  it("vouchers without objects; a broken financial year runs July to June", () => {
    const bytes = sieBytes([
      "#FLAGGA 0",
      "#RAR 0 20240701 20250630",
      "#VER B 7 20250105 Hyra",
      "{",
      "#TRANS 5010 {} 12000",
      "#TRANS 1930 {} -12000",
      "}",
    ]);
    const ledger = readSie(bytes);
    expect(ledger.periods[0]).toBe("2024-07");
    expect(ledger.periods[11]).toBe("2025-06");
    expect(ledger.objectAmounts).toEqual([]);
    expect(amounts(ledger.accountAmounts)).toEqual(["1930 2025-01 -12000.00", "5010 2025-01 12000.00"]);
  });
});

describe("readSie: bad files are refused with the line number", () => {
  it.each<[string, Uint8Array, string, number | undefined, RegExp]>([
    ["an .xlsx file", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), "NOT_SIE", 1, /ingen SIE-fil/],
    ["plain text", sieBytes(["", "Kontoutdrag 2025", "#RAR 0 20250101 20251231"]), "NOT_SIE", 2, /ingen SIE-fil/],
    [
      "UTF-8 where CP437 is declared",
      new Uint8Array(Buffer.from([...HEAD, '#KONTO 5010 "Lokalhyra"', '#KONTO 7010 "Löner"'].join("\r\n"), "utf8")),
      "ENCODING",
      2, // #PROGRAM "Visma Förening"
      /UTF-8/,
    ],
    ["Latin-1", iconv.encode([...HEAD, '#KONTO 7010 "Löner"'].join("\n"), "latin1"), "ENCODING", 2, /Latin-1/],
    ["no #RAR", sieBytes(["#FLAGGA 0", "#PSALDO 0 202501 5010 {} 1"]), "NO_RAR", undefined, /#RAR 0/],
    [
      "an unbalanced voucher",
      sieBytes([...HEAD, "#VER A 1 20250115", "{", "#TRANS 4010 {} 100.00", "#TRANS 1930 {} -99.50", "}"]),
      "UNBALANCED_VOUCHER",
      10,
      /0\.50/,
    ],
    [
      "a #PSALDO period outside the year",
      sieBytes([...HEAD, "#PSALDO 0 202601 5010 {} 1.00"]),
      "PERIOD_OUTSIDE_YEAR",
      10,
      /utanför räkenskapsåret 2025-01-01–2025-12-31/,
    ],
    [
      "a #TRANS date outside the year",
      sieBytes([...HEAD, "#VER A 1 20250115", "{", "#TRANS 4010 {} 1 20241231", "#TRANS 1930 {} -1", "}"]),
      "PERIOD_OUTSIDE_YEAR",
      12,
      /2024-12-31/,
    ],
    ["an unterminated quote", sieBytes([...HEAD, '#KONTO 5010 "Lokal']), "SYNTAX", 10, /citattecken/],
    ["a voucher never closed", sieBytes([...HEAD, "#VER A 1 20250115", "{", "#TRANS 1 {} 0"]), "SYNTAX", 10, /}/],
  ])("%s", (_name, bytes, kind, line, pattern) => {
    const error = failure(bytes);
    expect(error.kind).toBe(kind);
    expect(error.line).toBe(line);
    expect(error.userMessage.sv).toMatch(pattern);
    if (line !== undefined) {
      expect(error.userMessage.sv.startsWith(`Rad ${line}:`)).toBe(true);
      expect(error.userMessage.en.startsWith(`Line ${line}:`)).toBe(true);
    }
  });
});
