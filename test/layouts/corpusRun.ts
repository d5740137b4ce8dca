/** Runs each fixture of test/fixtures/layouts through the real pipeline and compares it with its JSON. */
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { analyzeGrid } from "../../src/app/analyzeGrid";
import { readGridFromBuffer } from "../../src/xlsx/readGrid";
import { differences, type FixtureExpectation } from "./compare";

export const LAYOUTS_DIR = resolve(__dirname, "../fixtures/layouts");

export interface CorpusResult {
  readonly fixture: string;
  readonly differences: readonly string[];
}

export async function fixtureNames(dir = LAYOUTS_DIR): Promise<string[]> {
  return (await readdir(dir))
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length))
    .sort();
}

export async function checkFixture(name: string, dir = LAYOUTS_DIR): Promise<CorpusResult> {
  const expected = JSON.parse(await readFile(join(dir, `${name}.json`), "utf8")) as FixtureExpectation;
  try {
    // "x.second.json": the second budget of a workbook that holds two, x.xlsx.
    const file = `${name.replace(/\.second$/, "")}.xlsx`;
    const grid = await readGridFromBuffer(await readFile(join(dir, file)), file);
    // Each budget of a workbook that keeps two is read as the user would choose it.
    const first = analyzeGrid(grid);
    const which = first.ok ? first.budgets[name.endsWith(".second") ? 1 : 0]?.sheet : undefined;
    const result = which && first.ok && first.budgets.length > 1 ? analyzeGrid(grid, undefined, which) : first;
    return { fixture: name, differences: differences(result, expected) };
  } catch (error) {
    return {
      fixture: name,
      differences: [`kastade: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`],
    };
  }
}
