import type { Analysis } from "../domain";
import type { FollowUpSheetInput } from "../sheet/followUpSheet";
import { buildWritePlan } from "../sheet/writePlan";
import type { LedgerFollowUp } from "./followUpFromLedger";
import type { WorkbookPort } from "./workbookPort";

/** What Finsam-uppföljning needs of a ledger's follow-up: its numbers and the file it was read from. */
export function followUpSheetInput(f: LedgerFollowUp): Omit<FollowUpSheetInput, "staircase" | "forbund"> {
  return {
    followUp: f.followUp,
    source: {
      fileName: f.fileName,
      checksum: f.ledger.checksum,
      period: f.outcome.period,
      unmapped: f.outcome.unmapped,
    },
  };
}

/**
 * The use case behind "Skriv Finsam-uppföljning": the follow-up sheet, with
 * Finsam-kontroll and the flags, as one write (so one undo takes it away).
 */
export async function writeFollowUpSheet(
  port: WorkbookPort,
  analysis: Analysis,
  followUp: LedgerFollowUp,
  forbund?: string,
): Promise<void> {
  await port.applyPlan(buildWritePlan(analysis, { forbund, followUp: followUpSheetInput(followUp) }));
}
