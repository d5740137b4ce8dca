import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Analysis } from "../domain";
import { followUpFromLedger } from "../app/followUpFromLedger";
import { followUpReport, type ReportFollowUp } from "../report/followUpReport";
import type { Grid } from "../sheet/grid";
import { readSie } from "../sie/readSie";

/** `check --sie bokforing.se [--period 2025-08]`: the follow-up for the report. Throws SieError on a bad file. */
export async function sieFollowUp(
  sie: string,
  period: string | undefined,
  grid: Grid,
  analysis: Analysis,
): Promise<ReportFollowUp> {
  const ledger = readSie(new Uint8Array(await readFile(sie)));
  return followUpReport(followUpFromLedger(grid, analysis, ledger, basename(sie), period));
}
