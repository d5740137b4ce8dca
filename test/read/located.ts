import type { LocateResult } from "../../src/read/locate";
import { sheet } from "../grid/gridBuilder";

/** The located budget, or the test fails with the reader's own reason. */
export function located(result: LocateResult): Extract<LocateResult, { ok: true }> {
  if (!result.ok) throw new Error(result.reason.sv);
  return result;
}

/** Västra Östergötland's population at 2024-12-31, the key of its budget 2025 (DOMAIN.md Rule 2). */
export const vastraPopulation = sheet("Befolkning", [
  ["Kommun", "Invånare 2024-12-31"],
  ["Motala", 43674],
  ["Mjölby", 28269],
  ["Vadstena", 7528],
  ["Boxholm", 5512],
  ["Ödeshög", 5309],
]);
