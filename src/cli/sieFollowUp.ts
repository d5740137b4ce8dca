import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Analysis } from "../domain";
import { followUpFromLedger, type LedgerFollowUp } from "../app/followUpFromLedger";
import { followUpReport, type ReportFollowUp } from "../report/followUpReport";
import type { Grid } from "../grid";
import { readSie } from "../sie/readSie";

/**
 * `check --sie bokforing.se [--period 2025-08]`: the follow-up for the report, and for Finsam-uppföljning
 * in --out. Throws SieError on a bad file.
 */
export async function sieFollowUp(
  sie: string,
  period: string | undefined,
  grid: Grid,
  analysis: Analysis,
): Promise<{ report: ReportFollowUp; followUp: LedgerFollowUp }> {
  const ledger = readSie(new Uint8Array(await readFile(sie)));
  const followUp = followUpFromLedger(grid, analysis, ledger, basename(sie), period);
  return { report: followUpReport(followUp), followUp };
}
