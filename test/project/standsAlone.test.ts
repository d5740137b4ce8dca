import { existsSync, readFile as readFileCallback, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { readable } from "../support/insideRepository";

/** A clone stands alone: a test that reads ../shared (or anything outside the repository) fails. */
const ROOT = resolve(__dirname, "../..");

test("reading a file outside the repository throws, rejects or calls back with the refusal", async () => {
  // A file every Debian machine has, outside the repository.
  expect(() => readFileSync("/etc/hostname")).toThrow(/outside the repository/);
  await expect(readFile("/etc/hostname")).rejects.toThrow(/outside the repository/);
  const error = await new Promise<Error | null>((done) => readFileCallback("/etc/hostname", (e) => done(e)));
  expect(error?.message).toMatch(/outside the repository/);
  // ../shared, beside this repository where the team keeps its sources, is outside it.
  expect(readable(resolve(ROOT, "../shared/DOMAIN.md"))).toBe(false);
});

test("the repository's own files and the temporary folder stay readable", () => {
  expect(readFileSync(resolve(ROOT, "package.json"), "utf8")).toContain('"name": "finsam-budget"');
  expect(readable("/tmp/finsam-x/y.xlsx")).toBe(true);
  expect(readable(resolve(ROOT, "test/fixtures/workbooks/vastra-2025.xlsx"))).toBe(true);
  expect(readable(resolve(ROOT, "../shared/seeds"))).toBe(false);
  expect(existsSync(resolve(ROOT, "test/fixtures/workbooks"))).toBe(true);
});
