import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * finsam-check as npm installs it: compiled by tsc (tsconfig.cli.json, npm's prepare step) and run by
 * node, with no tsx; the compiled worker reads the workbook. Here it is compiled into a folder of its own.
 */
const ROOT = resolve(__dirname, "../..");
let out: string;

beforeAll(() => {
  // Inside the repository (test-output/), so node finds the dependencies in its node_modules.
  mkdirSync(join(ROOT, "test-output"), { recursive: true });
  out = mkdtempSync(join(ROOT, "test-output", "cli-"));
  const tsc = require.resolve("typescript/bin/tsc", { paths: [ROOT] });
  execFileSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.cli.json"), "--outDir", out], { cwd: ROOT });
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

test("package.json's bin is the compiled command, and npm run check runs it", () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
    bin: Record<string, string>;
    scripts: Record<string, string>;
  };
  expect(pkg.bin["finsam-check"]).toBe("lib/cli/check.js");
  expect(pkg.scripts.check).toBe("node lib/cli/check.js");
  expect(pkg.scripts.prepare).toBe("npm run build:cli");
  expect(readFileSync(join(out, "cli/check.js"), "utf8")).toMatch(/^#!\/usr\/bin\/env node\n/);
});

test("the compiled command analyses the example by node alone: JSON on stdout, exit 0", () => {
  const stdout = execFileSync(
    process.execPath,
    [join(out, "cli/check.js"), join(ROOT, "assets/exempel-budget.xlsx"), "--json"],
    {
      cwd: ROOT,
      encoding: "utf8",
      // No tsx hook can be in effect: node's own options only.
      env: { ...process.env, NODE_OPTIONS: "" },
    },
  );
  const report = JSON.parse(stdout) as { budgetYear: number; findings: unknown[] };
  expect(report.budgetYear).toBe(2025);
  expect(report.findings.length).toBeGreaterThan(0);
  // Nothing compiled asks for tsx but the branch for the TypeScript sources.
  const cli = readdirSync(join(out, "cli")).map((f) => readFileSync(join(out, "cli", f), "utf8"));
  expect(cli.filter((code) => /require\("tsx/.test(code))).toEqual([]);
});
