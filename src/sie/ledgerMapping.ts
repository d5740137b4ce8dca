import { Decimal } from "../domain/money";
import type { Ledger } from "./ledger";

/**
 * Which budget line each part of the ledger belongs to: an insats is an
 * object (of one dimension, so no amount is counted twice), kansli and
 * styrelse are ranges of accounts. Plain data, kept in the workbook as JSON.
 */
export interface LedgerMapping {
  /** The dimension whose objects are the insatser (6 projekt, 1 kostnadsställe …). */
  readonly dimension?: string;
  /** Object id → budget line label. */
  readonly objects: Readonly<Record<string, string>>;
  /** Account ranges, inclusive, by account number → budget line label (or INCOME_LINE). */
  readonly accounts: readonly { readonly from: string; readonly to: string; readonly line: string }[];
}

/** The target for income accounts (class 3, and class 8's financial items). */
export const INCOME_LINE = "Intäkter";

/** Only the result accounts are outcome: BAS and Kommun-BAS alike have 3 income, 4–7 costs, 8 financial. */
export const isResultAccount = (account: string): boolean => /^[3-8]/.test(account);

/** An account whose outcome (or part of it) maps to no line: listed, never dropped. */
export interface UnmappedAmount {
  readonly account: string;
  readonly name: string;
  readonly amount: Decimal;
}

export interface MappedOutcome {
  /** Outcome to date per budget line label, costs positive. */
  readonly lines: ReadonlyMap<string, Decimal>;
  /** Income to date (credit, so −amount), classes 3 and 8 as mapped. */
  readonly income: Decimal;
  readonly unmapped: readonly UnmappedAmount[];
  /** The last month included, "2025-08". */
  readonly period?: string;
  /** Months of the financial year up to and including `period`. */
  readonly monthsElapsed: number;
}

/** The ledger's outcome through `upTo` ("2025-08"; the file's last period when absent), by line. */
export function applyMapping(ledger: Ledger, mapping: LedgerMapping, upTo?: string): MappedOutcome {
  const period = upTo ?? ledger.lastPeriod;
  const included = (p: string) => period !== undefined && p <= period;
  const onObjects = new Map<string, { line: string; amount: Decimal }[]>();
  for (const a of ledger.objectAmounts) {
    const line = a.dimension === mapping.dimension ? mapping.objects[a.object] : undefined;
    if (!line || !included(a.period) || !isResultAccount(a.account)) continue;
    const key = `${a.account}|${a.period}`;
    onObjects.set(key, [...(onObjects.get(key) ?? []), { line, amount: a.amount }]);
  }
  const lines = new Map<string, Decimal>();
  const add = (line: string, amount: Decimal) => lines.set(line, (lines.get(line) ?? new Decimal(0)).plus(amount));
  const unmapped = new Map<string, Decimal>();
  for (const a of ledger.accountAmounts) {
    if (!included(a.period) || !isResultAccount(a.account)) continue;
    let rest = a.amount;
    for (const part of onObjects.get(`${a.account}|${a.period}`) ?? []) {
      add(part.line, part.amount);
      rest = rest.minus(part.amount);
    }
    if (rest.isZero()) continue;
    const rule = mapping.accounts.find((r) => accountIn(a.account, r.from, r.to));
    if (rule) add(rule.line, rest);
    else unmapped.set(a.account, (unmapped.get(a.account) ?? new Decimal(0)).plus(rest));
  }
  const income = (lines.get(INCOME_LINE) ?? new Decimal(0)).negated();
  lines.delete(INCOME_LINE);
  const monthsElapsed = period ? ledger.periods.filter((p) => p <= period).length : 0;
  return {
    lines,
    income,
    unmapped: [...unmapped.entries()]
      .filter(([, amount]) => !amount.isZero())
      .sort(([a], [b]) => compareAccounts(a, b))
      .map(([account, amount]) => ({ account, name: ledger.accounts[account] ?? "", amount })),
    ...(period ? { period } : {}),
    monthsElapsed,
  };
}

/** Account numbers compare as numbers of equal length: 4010 < 5010, and 40101 lies within 4010–4019 by prefix. */
function accountIn(account: string, from: string, to: string): boolean {
  return compareAccounts(account, from) >= 0 && compareAccounts(account, to) <= 0;
}

function compareAccounts(a: string, b: string): number {
  const width = Math.max(a.length, b.length);
  return a.padEnd(width, "0").localeCompare(b.padEnd(width, "0"));
}

const words = (s: string) =>
  s
    .normalize("NFC")
    .toLowerCase()
    .split(/[^a-zåäöéü0-9.]+/)
    .filter((w) => w.length >= 4 && !/^\d/.test(w));
const code = (s: string) => /\b\d+(?:\.\d+)+\b/.exec(s)?.[0];

/** An object belongs to a line where they share an insats number ("2.4.1") or a word of four letters or more. */
function objectMatches(line: string, id: string, name: string): boolean {
  const lineCode = code(line);
  if (lineCode && (lineCode === id || lineCode === code(name))) return true;
  const lineWords = new Set(words(line));
  return words(name).some((w) => lineWords.has(w));
}

/**
 * A first mapping from names and numbers, for the user to correct: the
 * dimension whose objects match most lines gives the insatser; income
 * accounts go to income; accounts named for the board to a "Styrelse" line;
 * the rest of classes 5–7 (premises, office, staff) to a "Kansli" line.
 * Class 4 without an object is left for the user: it is usually an insats.
 */
export function proposeMapping(ledger: Ledger, lineLabels: readonly string[]): LedgerMapping {
  const byDimension = new Map<string, Record<string, string>>();
  for (const o of ledger.objects) {
    const line = lineLabels.find((l) => objectMatches(l, o.id, o.name));
    if (!line) continue;
    byDimension.set(o.dimension, { ...(byDimension.get(o.dimension) ?? {}), [o.id]: line });
  }
  const best = [...byDimension.entries()].sort((a, b) => Object.keys(b[1]).length - Object.keys(a[1]).length)[0];
  const find = (word: RegExp) => lineLabels.find((l) => word.test(l.toLowerCase()));
  const styrelse = find(/styrelse|förtroende/);
  const kansli = find(/kansli|administration|gemensam/);
  const target = (account: string, name: string): string | undefined => {
    if (/^[38]/.test(account)) return INCOME_LINE;
    if (styrelse && /styrelse|arvode|förtroende/i.test(name)) return styrelse;
    if (kansli && /^[5-7]/.test(account)) return kansli;
    return undefined;
  };
  const accounts = [...new Set([...Object.keys(ledger.accounts), ...ledger.accountAmounts.map((a) => a.account)])]
    .filter(isResultAccount)
    .sort(compareAccounts);
  const ranges: { from: string; to: string; line: string }[] = [];
  let current: { from: string; to: string; line: string } | undefined;
  for (const account of accounts) {
    const line = target(account, ledger.accounts[account] ?? "");
    if (line && current?.line === line) current.to = account;
    else {
      current = line ? { from: account, to: account, line } : undefined;
      if (current) ranges.push(current);
    }
  }
  return { ...(best ? { dimension: best[0], objects: best[1] } : { objects: {} }), accounts: ranges };
}

export function mappingToJson(mapping: LedgerMapping): string {
  return JSON.stringify(mapping);
}

/** A mapping from its JSON; undefined when the text is not one. */
export function mappingFromJson(text: string): LedgerMapping | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return undefined;
  const { dimension, objects, accounts } = raw as Record<string, unknown>;
  if (dimension !== undefined && typeof dimension !== "string") return undefined;
  if (typeof objects !== "object" || objects === null || Array.isArray(objects)) return undefined;
  if (!Object.values(objects).every((v) => typeof v === "string")) return undefined;
  if (!Array.isArray(accounts)) return undefined;
  const ranges: { from: string; to: string; line: string }[] = [];
  for (const r of accounts) {
    if (typeof r !== "object" || r === null) return undefined;
    const { from, to, line } = r as Record<string, unknown>;
    if (typeof from !== "string" || typeof to !== "string" || typeof line !== "string") return undefined;
    ranges.push({ from, to, line });
  }
  return {
    ...(dimension !== undefined ? { dimension } : {}),
    objects: objects as Record<string, string>,
    accounts: ranges,
  };
}
