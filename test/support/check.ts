import { runCheck } from "../../src/cli/check";
import { TEST_CLOCK } from "./clock";

/** `npm run check -- …args` on the tests' clock: its exit status and what it wrote to each stream. */
export async function check(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCheck(
    args,
    (s) => out.push(s),
    (s) => err.push(s),
    TEST_CLOCK,
  );
  return { status, stdout: out.join("\n"), stderr: err.join("\n") };
}
