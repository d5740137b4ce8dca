/**
 * The SIE 4 reader: a file's bytes → a Ledger of the year's outcome.
 *
 * Checked against "SIE filformat, utgåva 4B" (SIE-gruppen, 2008-09-30, via
 * sie.se/format and its transcript on docplayer.se) and the #VER/#TRANS example
 * in PayEx's SIE4 reference:
 *   #RAR årsnr start slut           (0 = the current year; -1 the year before)
 *   #KONTO kontonr kontonamn
 *   #DIM dimensionsnr namn           #OBJEKT dimensionsnr objektnr objektnamn
 *   #PSALDO årsnr period kontonr {objektlista} saldo [kvantitet]
 *   #VER serie vernr verdatum [vertext] [regdatum] [sign]  then { #TRANS … }
 *   #TRANS kontonr {objektlista} belopp [transdat] [transtext] [kvantitet] [sign]
 * Period is ÅÅÅÅMM, dates ÅÅÅÅMMDD, amounts with a decimal point, debit
 * positive. An object list is pairs of dimension and object: {1 "100" 6 "P1"}.
 * #RTRANS rows are followed by the same row as #TRANS for older readers, and
 * #BTRANS rows are struck out, so both are skipped. Labels we do not use
 * (#FLAGGA, #FORMAT, #SIETYP, #GEN, #FNAMN, #ORGNR, #IB, #UB, #RES, #KSUMMA …)
 * are read past, as the format asks of a reader.
 */
import { Decimal, sum } from "../domain/money";
import { crc32 } from "./crc32";
import { decodeSie } from "./decodeSie";
import type { Ledger, LedgerObject, ObjectPeriodAmount, PeriodAmount } from "./ledger";
import { SieError } from "./sieError";
import { tokenizeLine, type SieField } from "./sieTokens";

interface Line {
  readonly number: number;
  readonly label: string;
  readonly fields: readonly SieField[];
}

interface Voucher {
  readonly line: number;
  readonly date: string;
  readonly rows: { account: string; objects: readonly string[]; amount: Decimal; date: string; line: number }[];
}

export function readSie(bytes: Uint8Array): Ledger {
  const lines = parseLines(decodeSie(bytes));
  const year = financialYear(lines);
  const periods = monthsOf(year.start, year.end);
  const inYear = new Set(periods);
  const accounts: Record<string, string> = {};
  const dimensions: Record<string, string> = {};
  const objects: LedgerObject[] = [];
  const balances: PeriodAmount[] = [];
  const objectBalances: ObjectPeriodAmount[] = [];
  const vouchers: Voucher[] = [];
  let company: string | undefined;
  let open: Voucher | undefined;
  let pendingVoucher: Voucher | undefined;

  for (const line of lines) {
    const f = line.fields;
    switch (line.label) {
      case "{":
        if (!pendingVoucher) throw syntax(line.number, "{ utan #VER före", "{ without a #VER before it");
        open = pendingVoucher;
        pendingVoucher = undefined;
        break;
      case "}":
        if (!open) throw syntax(line.number, "} utan en öppen verifikation", "} without an open voucher");
        checkBalanced(open);
        vouchers.push(open);
        open = undefined;
        break;
      case "#FNAMN":
        company = text(f[0]);
        break;
      case "#KONTO":
        accounts[text(f[0])] = text(f[1]);
        break;
      case "#DIM":
        dimensions[text(f[0])] = text(f[1]);
        break;
      case "#OBJEKT":
        objects.push({ dimension: text(f[0]), id: text(f[1]), name: text(f[2]) });
        break;
      case "#PSALDO": {
        if (text(f[0]) !== "0") break; // only the current year
        const period = periodOf(text(f[1]), line.number);
        if (!inYear.has(period)) throw outside(line.number, period, year);
        const account = text(f[2]);
        const amount = amountOf(f[4], line.number);
        const list = f[3];
        const pairs = Array.isArray(list) ? (list as readonly string[]) : [];
        if (pairs.length === 0) balances.push({ account, period, amount });
        else if (pairs.length === 2)
          objectBalances.push({ account, period, amount, dimension: pairs[0]!, object: pairs[1]! });
        // A balance on a combination of objects adds nothing the single-object rows do not.
        break;
      }
      case "#VER":
        if (open) throw syntax(line.number, "#VER inuti en annan verifikation", "#VER inside another voucher");
        pendingVoucher = { line: line.number, date: dateOf(text(f[2]), line.number), rows: [] };
        break;
      case "#TRANS": {
        if (!open) throw syntax(line.number, "#TRANS utanför en verifikation", "#TRANS outside a voucher");
        const list = f[1];
        const date = text(f[3]) === "" ? open.date : dateOf(text(f[3]), line.number);
        if (!inYear.has(date.slice(0, 7))) throw outside(line.number, date, year);
        open.rows.push({
          account: text(f[0]),
          objects: Array.isArray(list) ? (list as readonly string[]) : [],
          amount: amountOf(f[2], line.number),
          date,
          line: line.number,
        });
        break;
      }
      default:
        break;
    }
  }
  if (open || pendingVoucher) {
    const at = (open ?? pendingVoucher)!.line;
    throw syntax(at, "verifikationen avslutas aldrig med }", "the voucher is never closed with }");
  }

  const fromVouchers = balances.length === 0 && objectBalances.length === 0;
  const summed = fromVouchers ? voucherAmounts(vouchers) : undefined;
  const accountAmounts = summed?.accountAmounts ?? balances;
  const objectAmounts = summed?.objectAmounts ?? objectBalances;
  const used = [...accountAmounts, ...objectAmounts].map((a) => a.period).sort();
  const lastPeriod = used[used.length - 1];
  return {
    ...(company ? { company } : {}),
    year,
    periods,
    ...(lastPeriod ? { lastPeriod } : {}),
    accounts,
    dimensions,
    objects,
    accountAmounts,
    objectAmounts,
    source: fromVouchers ? "vouchers" : "psaldo",
    voucherCount: vouchers.length,
    checksum: crc32(bytes),
  };
}

function parseLines(textOfFile: string): Line[] {
  const lines: Line[] = [];
  const raw = textOfFile.split(/\r?\n|\r/);
  let seenLabel = false;
  raw.forEach((content, i) => {
    const trimmed = content.trim();
    if (trimmed === "") return;
    const number = i + 1;
    if (!seenLabel && !trimmed.startsWith("#")) {
      throw new SieError(
        "NOT_SIE",
        number,
        "det här är ingen SIE-fil: den ska börja med en etikett som #FLAGGA.",
        "this is not a SIE file: it should begin with a label such as #FLAGGA.",
      );
    }
    seenLabel = true;
    if (trimmed === "{" || trimmed === "}") {
      lines.push({ number, label: trimmed, fields: [] });
      return;
    }
    if (!trimmed.startsWith("#"))
      throw syntax(number, `okänd rad ”${trimmed.slice(0, 40)}”`, `unknown line "${trimmed.slice(0, 40)}"`);
    const fields = tokenizeLine(trimmed);
    const label = fields?.[0];
    if (!fields || typeof label !== "string")
      throw syntax(number, "citattecken eller klammer som inte avslutas", "a quote or brace that is not closed");
    lines.push({ number, label: label.toUpperCase(), fields: fields.slice(1) });
  });
  if (lines.length === 0) {
    throw new SieError("NOT_SIE", 1, "filen är tom.", "the file is empty.");
  }
  return lines;
}

function financialYear(lines: readonly Line[]): { start: string; end: string } {
  const rar = lines.find((l) => l.label === "#RAR" && text(l.fields[0]) === "0");
  if (!rar) {
    throw new SieError(
      "NO_RAR",
      undefined,
      "filen saknar #RAR 0, räkenskapsåret, så utfallet kan inte placeras i ett år.",
      "the file has no #RAR 0, the financial year, so the outcome cannot be placed in a year.",
    );
  }
  const start = dateOf(text(rar.fields[1]), rar.number);
  const end = dateOf(text(rar.fields[2]), rar.number);
  if (end < start)
    throw syntax(rar.number, "räkenskapsåret slutar före det börjar", "the financial year ends before it starts");
  return { start, end };
}

/** "2025-01" … "2025-12" from the year's first and last dates. */
function monthsOf(start: string, end: string): string[] {
  const months: string[] = [];
  let y = Number(start.slice(0, 4));
  let m = Number(start.slice(5, 7));
  const last = end.slice(0, 7);
  for (;;) {
    const period = `${y}-${String(m).padStart(2, "0")}`;
    months.push(period);
    if (period >= last || months.length > 24) return months;
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
}

function voucherAmounts(vouchers: readonly Voucher[]): {
  accountAmounts: PeriodAmount[];
  objectAmounts: ObjectPeriodAmount[];
} {
  const accounts = new Map<string, PeriodAmount>();
  const objects = new Map<string, ObjectPeriodAmount>();
  for (const voucher of vouchers) {
    for (const row of voucher.rows) {
      const period = row.date.slice(0, 7);
      const key = `${row.account}|${period}`;
      const prior = accounts.get(key);
      accounts.set(key, { account: row.account, period, amount: (prior?.amount ?? new Decimal(0)).plus(row.amount) });
      for (let i = 0; i + 1 < row.objects.length; i += 2) {
        const dimension = row.objects[i]!;
        const object = row.objects[i + 1]!;
        const objectKey = `${key}|${dimension}|${object}`;
        const before = objects.get(objectKey);
        objects.set(objectKey, {
          account: row.account,
          period,
          dimension,
          object,
          amount: (before?.amount ?? new Decimal(0)).plus(row.amount),
        });
      }
    }
  }
  return { accountAmounts: [...accounts.values()], objectAmounts: [...objects.values()] };
}

function checkBalanced(voucher: Voucher): void {
  const total = sum(voucher.rows.map((r) => r.amount));
  if (total.isZero()) return;
  throw new SieError(
    "UNBALANCED_VOUCHER",
    voucher.line,
    `verifikationen går inte jämnt ut: debet och kredit skiljer ${total.toFixed(2)}. Bokföringen har skrivit en felaktig fil.`,
    `the voucher does not balance: debit and credit differ by ${total.toFixed(2)}. The bookkeeping wrote a faulty file.`,
  );
}

function text(field: SieField | undefined): string {
  return typeof field === "string" ? field : "";
}

function amountOf(field: SieField | undefined, line: number): Decimal {
  const raw = text(field);
  if (!/^-?\d+(\.\d+)?$/.test(raw)) throw syntax(line, `”${raw}” är inget belopp`, `"${raw}" is not an amount`);
  return new Decimal(raw);
}

function periodOf(raw: string, line: number): string {
  if (!/^\d{6}$/.test(raw) || Number(raw.slice(4)) < 1 || Number(raw.slice(4)) > 12)
    throw syntax(line, `”${raw}” är ingen period (ÅÅÅÅMM)`, `"${raw}" is not a period (YYYYMM)`);
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

function dateOf(raw: string, line: number): string {
  if (!/^\d{8}$/.test(raw))
    throw syntax(line, `”${raw}” är inget datum (ÅÅÅÅMMDD)`, `"${raw}" is not a date (YYYYMMDD)`);
  return `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6)}`;
}

function outside(line: number, when: string, year: { start: string; end: string }): SieError {
  return new SieError(
    "PERIOD_OUTSIDE_YEAR",
    line,
    `${when} ligger utanför räkenskapsåret ${year.start}–${year.end} (#RAR 0).`,
    `${when} lies outside the financial year ${year.start}–${year.end} (#RAR 0).`,
  );
}

function syntax(line: number, sv: string, en: string): SieError {
  return new SieError("SYNTAX", line, `${sv}.`, `${en}.`);
}
