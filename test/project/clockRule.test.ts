import { execFile } from "child_process";
import path from "path";

/**
 * The lint rule of eslint.config.mjs that keeps one clock: below the entry points, code that reads the
 * machine's clock does not pass `npm test` (which lints), so the next one is caught in review.
 */
const ROOT = path.resolve(__dirname, "../..");
const ESLINT = path.join(ROOT, "node_modules", "eslint", "bin", "eslint.js");

function lint(source: string, file: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [ESLINT, "--no-warn-ignored", "--stdin", "--stdin-filename", file, "--rule", "prettier/prettier: off"],
      { cwd: ROOT, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    );
    child.stdin?.end(source);
  });
}

const RULE = "Take the time from the Clock passed in";

test.each([
  ["src/domain/today.ts", "export const today = () => new Date();\nexport const stamp = (): number => Date.now();\n"],
])(
  "%s: reading the machine's clock is an error",
  async (file, source) => {
    const { code, output } = await lint(source, file);
    expect(code).toBe(1);
    expect(output).toContain(RULE);
  },
  120_000,
);

test.each([
  [
    "src/cli/check.ts",
    "export const clock = { now: () => new Date() };\nexport const day = (ms: number) => new Date(ms);\n",
  ],
])(
  "%s: allowed (an entry point, or a date from a value)",
  async (file, source) => {
    const { code, output } = await lint(source, file);
    expect(output).not.toContain(RULE);
    expect(code).toBe(0);
  },
  120_000,
);
