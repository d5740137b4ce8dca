import type { Analysis } from "../domain";
import { buildFollowUpSheet, type FollowUpSheetInput } from "../plan/followUpSheet";
import { buildWritePlan } from "../plan/writePlan";
import type { LedgerFollowUp } from "./followUpFromLedger";
import type { SheetFollowUp } from "./followUpFromSheet";
import type { WorkbookPort } from "./workbookPort";
import type { WritePlan } from "../plan/types";

/** What Finsam-uppföljning needs of a follow-up: its numbers and the file, or the sheet's cells, it was read from. */
export function followUpSheetInput(
  f: LedgerFollowUp | SheetFollowUp,
): Omit<FollowUpSheetInput, "staircase" | "forbund"> {
  if ("kind" in f) {
    return {
      followUp: f.followUp,
      source: { fileName: f.fileName, unmapped: [], cells: f.columns },
    };
  }
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
 * A plan with Finsam-uppföljning added. Kept out of buildWritePlan, so the sheet's code is loaded
 * with the Uppföljning view (and the command line), not with the pane Excel loads first.
 */
export function withFollowUpSheet(
  plan: WritePlan,
  analysis: Analysis,
  input: Omit<FollowUpSheetInput, "staircase" | "forbund">,
  forbund?: string,
): WritePlan {
  return {
    ...plan,
    followUpSheet: buildFollowUpSheet(analysis.budget, {
      ...input,
      staircase: analysis.settings.equityStaircase,
      forbund,
    }),
  };
}

/**
 * The use case behind "Skriv Finsam-uppföljning": the follow-up sheet, with
 * Finsam-kontroll and the flags, as one write (so one undo takes it away).
 */
export async function writeFollowUpSheet(
  port: WorkbookPort,
  analysis: Analysis,
  followUp: LedgerFollowUp | SheetFollowUp,
  forbund?: string,
): Promise<void> {
  const plan = buildWritePlan(analysis, { forbund });
  await port.applyPlan(withFollowUpSheet(plan, analysis, followUpSheetInput(followUp), forbund));
}
