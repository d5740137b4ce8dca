/**
 * npm run check -- [file.xlsx] [--json] [--out annotated.xlsx] [--lang en]
 *
 * Runs the whole analysis on a workbook (default: the example in assets/)
 * and prints the findings as a Swedish table, or the JSON report of
 * DESIGN.md. Exit 0 when the analysis ran, whatever it found; 2 when the
 * file could not be analysed, with a one-line reason on stderr.
 */
import { readFile, writeFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import type { Lang } from "../domain";
import { buildReport } from "../report/jsonReport";
import { reportTable } from "../report/textTable";
import { analyzeGrid } from "../sheet/analyzeGrid";
import { BOARD_SHEET } from "../sheet/boardSheet";
import { buildWritePlan } from "../sheet/writePlan";
import { readGridFromFile, WorkbookReadError } from "../xlsx/readGrid";
import { writeAnnotated } from "../xlsx/writeAnnotated";

export const EXAMPLE_WORKBOOK = resolve(__dirname, "../../assets/exempel-budget.xlsx");

export interface CheckOptions {
  readonly file: string;
  readonly json: boolean;
  readonly out?: string;
  readonly lang: Lang;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): CheckOptions {
  let file: string | undefined;
  let json = false;
  let out: string | undefined;
  let lang: Lang = "sv";
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--json") json = true;
    else if (arg === "--out") {
      out = argv[++i];
      if (!out) throw new UsageError("--out behöver ett filnamn: --out annoterad.xlsx");
    } else if (arg === "--lang") {
      const value = argv[++i];
      if (value !== "sv" && value !== "en") throw new UsageError("--lang är sv eller en.");
      lang = value;
    } else if (arg.startsWith("--"))
      throw new UsageError(
        `Okänd flagga ${arg}. Användning: npm run check -- [fil.xlsx] [--json] [--out annoterad.xlsx] [--lang en]`,
      );
    else if (file) throw new UsageError("Ange bara en arbetsbok.");
    else file = arg;
  }
  return { file: file ?? EXAMPLE_WORKBOOK, json, lang, ...(out ? { out } : {}) };
}

/** Runs the check; returns the exit status. Writes only to the two streams and to --out. */
export async function runCheck(
  argv: readonly string[],
  stdout: (s: string) => void,
  stderr: (s: string) => void,
): Promise<number> {
  try {
    const options = parseArgs(argv);
    const grid = await readGridFromFile(options.file);
    const result = analyzeGrid(grid);
    if (!result.ok) {
      stderr(`${basename(options.file)}: ${result.reason[options.lang]}`);
      return 2;
    }
    const report = buildReport(
      basename(options.file),
      result.location.sheet,
      result.analysis,
      result.readFindings,
      result.location,
    );
    stdout(options.json ? JSON.stringify(report, null, 2) : reportTable(report, options.lang));
    if (options.out) {
      const plan = buildWritePlan(
        { ...result.analysis, findings: [...result.readFindings, ...result.analysis.findings] },
        { board: true },
      );
      await writeFile(options.out, await writeAnnotated(await readFile(options.file), plan));
      stderr(
        options.lang === "sv"
          ? `Skrev ${options.out} med ${plan.flags.length} markeringar och bladen ${plan.controlSheet.name} och ${BOARD_SHEET}.`
          : `Wrote ${options.out} with ${plan.flags.length} flags and the sheets ${plan.controlSheet.name} and ${BOARD_SHEET}.`,
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof WorkbookReadError || error instanceof UsageError) {
      stderr(error.message);
      return 2;
    }
    stderr(
      `Arbetsboken kunde inte analyseras: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
    );
    return 2;
  }
}

if (require.main === module) {
  runCheck(
    process.argv.slice(2),
    (s) => process.stdout.write(`${s}\n`),
    (s) => process.stderr.write(`${s}\n`),
  ).then(
    (status) => {
      process.exitCode = status;
    },
    () => {
      process.exitCode = 2;
    },
  );
}
