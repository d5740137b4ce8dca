import type { LocateResult } from "../../src/read/locate";

/** The located budget, or the test fails with the reader's own reason. */
export function located(result: LocateResult): Extract<LocateResult, { ok: true }> {
  if (!result.ok) throw new Error(result.reason.sv);
  return result;
}
