/**
 * Real workbooks that are not budgets (test/fixtures/not-budgets, from
 * ExcelJS's own test suite, MIT): the check command must say "not a budget"
 * (exit 2, one Swedish line naming the file) and write nothing.
 *
 * ANALYSED_AS_BUDGETS_TODAY lists the files today's reader still takes for a
 * budget; each of them must still be analysed (so the list stays exact), every
 * other file must be refused. The goal is an empty list.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runCheck } from "../../src/cli/check";
import { TEST_CLOCK } from "../support/clock";

const DIR = resolve(__dirname, "../fixtures/not-budgets");

export const ANALYSED_AS_BUDGETS_TODAY: readonly string[] = [];

async function check(file: string, out: string) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const status = await runCheck(
    [join(DIR, file), "--out", out],
    (s) => stdout.push(s),
    (s) => stderr.push(s),
    TEST_CLOCK,
  );
  return { status, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

describe("workbooks that are not budgets", () => {
  it("holds the files with their licence", async () => {
    const files = (await readdir(DIR)).filter((f) => f.endsWith(".xlsx"));
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(existsSync(join(DIR, "LICENSE-exceljs"))).toBe(true);
    for (const f of ANALYSED_AS_BUDGETS_TODAY) expect(files).toContain(f);
  });

  it("each gets 'not a budget' in Swedish and nothing written, but for the ones listed as analysed today", async () => {
    const files = (await readdir(DIR)).filter((f) => f.endsWith(".xlsx")).sort();
    const tmp = await mkdtemp(join(tmpdir(), "finsam-not-budgets-"));
    const wrong: string[] = [];
    for (const file of files) {
      const out = join(tmp, `out-${file}`);
      const r = await check(file, out);
      const refused = r.status === 2 && r.stdout === "" && !existsSync(out) && /budget/i.test(r.stderr);
      if (refused && r.stderr.startsWith(file) === false) wrong.push(`${file}: the message does not name the file`);
      if (ANALYSED_AS_BUDGETS_TODAY.includes(file)) {
        if (refused) wrong.push(`${file}: now refused, remove it from ANALYSED_AS_BUDGETS_TODAY`);
      } else if (!refused) {
        wrong.push(
          `${file}: status ${r.status}, wrote ${existsSync(out) ? "a copy" : "nothing"}, stderr "${r.stderr}"`,
        );
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
