import type { Decimal } from "../domain/money";

/** An object of a dimension (kostnadsställe, projekt): SIE's #OBJEKT. */
export interface LedgerObject {
  readonly dimension: string;
  readonly id: string;
  readonly name: string;
}

/** An account's outcome in one month ("2025-08"), debit positive, credit negative. */
export interface PeriodAmount {
  readonly account: string;
  readonly period: string;
  readonly amount: Decimal;
}

/** The part of an account's monthly outcome booked on one object. */
export interface ObjectPeriodAmount extends PeriodAmount {
  readonly dimension: string;
  readonly object: string;
}

/**
 * What a SIE file says about the year's outcome: the bookkeeping's side of
 * the follow-up. Amounts per account and month, and per object where the file
 * has objects; object amounts are a breakdown of the account amounts, never
 * an addition to them.
 */
export interface Ledger {
  readonly company?: string;
  /** The financial year (#RAR 0), ISO dates. */
  readonly year: { readonly start: string; readonly end: string };
  /** The year's months in order: "2025-01" … "2025-12". */
  readonly periods: readonly string[];
  /** The last month with any amount; undefined for a file with none. */
  readonly lastPeriod?: string;
  readonly accounts: Readonly<Record<string, string>>;
  readonly dimensions: Readonly<Record<string, string>>;
  readonly objects: readonly LedgerObject[];
  readonly accountAmounts: readonly PeriodAmount[];
  readonly objectAmounts: readonly ObjectPeriodAmount[];
  /** Where the amounts came from: period balances, or the vouchers where the file has no #PSALDO. */
  readonly source: "psaldo" | "vouchers";
  readonly voucherCount: number;
  /** CRC-32 of the file's bytes, hex, so the board sheet can name exactly what was read. */
  readonly checksum: string;
}
