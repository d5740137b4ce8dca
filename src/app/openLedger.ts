import type { Analysis, Message } from "../domain";
import type { Ledger } from "../sie/ledger";
import { proposeMapping, type LedgerMapping } from "../sie/ledgerMapping";
import { readSie } from "../sie/readSie";
import { SieError } from "../sie/sieError";
import type { LedgerFollowUp } from "./followUpFromLedger";

// The ledger as the pane shows it (year, periods, objects), and the line a mapping sends income to.
export type { Ledger } from "../sie/ledger";
export { INCOME_LINE } from "../sie/ledgerMapping";

/** A SIE file read, with the mapping to follow it up with. */
export interface OpenedLedger {
  readonly ok: true;
  readonly ledger: Ledger;
  readonly fileName: string;
  readonly mapping: LedgerMapping;
  /** The workbook's Finsam_Kontomappning, or one proposed from the names and numbers. */
  readonly mappingSource: LedgerFollowUp["mappingSource"];
  /** The period to follow up through at first: the file's last. */
  readonly period?: string;
}

/** Why a file could not be opened: the SIE reader's own words, or what else went wrong. */
export interface LedgerNotOpened {
  readonly ok: false;
  readonly detail: Message;
}

/**
 * The use case behind choosing a SIE file in Uppföljning: the file read as a ledger, and the mapping to
 * follow it up with, the workbook's (asked for once the file is read) or else one proposed from the
 * budget's cost lines; or why it could not be. Writes nothing.
 */
export async function openLedger(
  bytes: Uint8Array,
  fileName: string,
  analysis: Analysis,
  keptMapping: () => Promise<LedgerMapping | undefined>,
): Promise<OpenedLedger | LedgerNotOpened> {
  try {
    const ledger = readSie(bytes);
    const kept = await keptMapping();
    const mapping =
      kept ??
      proposeMapping(
        ledger,
        analysis.budget.costs.map((l) => l.label),
      );
    return {
      ok: true,
      ledger,
      fileName,
      mapping,
      mappingSource: kept !== undefined ? "workbook" : "proposed",
      ...(ledger.lastPeriod !== undefined ? { period: ledger.lastPeriod } : {}),
    };
  } catch (error) {
    const detail = error instanceof SieError ? error.userMessage : { sv: String(error), en: String(error) };
    return { ok: false, detail };
  }
}
