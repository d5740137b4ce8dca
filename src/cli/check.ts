/**
 * npm run check -- [file.xlsx] [--json] [--out annotated.xlsx] [--lang en] [--sie bokforing.se [--period 2025-08]]
 *
 * Runs the whole analysis on a workbook (default: the example in assets/)
 * and prints the findings as a Swedish table, or the JSON report of
 * DESIGN.md. Exit 0 when the analysis ran, whatever it found; 2 when the
 * file could not be analysed, with a one-line reason on stderr.
 */
import { readFile, writeFile } from "node:fs/promises";
import { basename, extname, resolve } from "node:path";
import type { Clock } from "../app/clock";
import type { Lang } from "../domain";
import { followUpTable } from "../report/followUpReport";
import { buildReport } from "../report/jsonReport";
import { reportTable } from "../report/textTable";
import { analyzeGrid } from "../sheet/analyzeGrid";
import { BOARD_SHEET } from "../sheet/boardSheet";
import { buildWritePlan } from "../sheet/writePlan";
import { readGridFromFile, WorkbookReadError } from "../xlsx/readGrid";
import { writeAnnotated } from "../xlsx/writeAnnotated";
import { SieError } from "../sie/sieError";
import { sieFollowUp } from "./sieFollowUp";

export const EXAMPLE_WORKBOOK = resolve(__dirname, "../../assets/exempel-budget.xlsx");

export interface CheckOptions {
  readonly file: string;
  readonly json: boolean;
  readonly out?: string;
  readonly lang: Lang;
  /** A SIE file to follow the budget up on, through `period` ("2025-08"). */
  readonly sie?: string;
  readonly period?: string;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): CheckOptions {
  let file: string | undefined;
  let json = false;
  let out: string | undefined;
  let lang: Lang = "sv";
  let sie: string | undefined;
  let period: string | undefined;
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
    } else if (arg === "--sie") {
      sie = argv[++i];
      if (!sie) throw new UsageError("--sie behöver en SIE-fil: --sie bokforing.se");
    } else if (arg === "--period") {
      period = argv[++i];
      if (!period || !/^\d{4}-(0[1-9]|1[0-2])$/.test(period))
        throw new UsageError("--period är en månad: --period 2025-08");
    } else if (arg.startsWith("--"))
      throw new UsageError(
        `Okänd flagga ${arg}. Användning: npm run check -- [fil.xlsx] [--json] [--out annoterad.xlsx] [--lang en]`,
      );
    else if (file) throw new UsageError("Ange bara en arbetsbok.");
    else file = arg;
  }
  if (period && !sie) throw new UsageError("--period gäller uppföljningen: ange också --sie bokforing.se");
  return {
    file: file ?? EXAMPLE_WORKBOOK,
    json,
    lang,
    ...(out ? { out } : {}),
    ...(sie ? { sie } : {}),
    ...(period ? { period } : {}),
  };
}

/**
 * Runs the check; returns the exit status. Writes only to the two streams and to --out. `clock` is the one
 * source of "now" for what the check writes (made below, at the entry point; tests pass a fixed one).
 */
export async function runCheck(
  argv: readonly string[],
  stdout: (s: string) => void,
  stderr: (s: string) => void,
  clock: Clock,
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
    const followUp = options.sie ? await sieFollowUp(options.sie, options.period, grid, result.analysis) : undefined;
    stdout(
      options.json
        ? JSON.stringify(followUp ? { ...report, followUp } : report, null, 2)
        : reportTable(report, options.lang) + (followUp ? `\n${followUpTable(followUp, options.lang)}` : ""),
    );
    if (options.out) {
      const plan = buildWritePlan(
        { ...result.analysis, findings: [...result.readFindings, ...result.analysis.findings] },
        {
          board: true,
          // The lead rewires this to the injected clock when merging.
          madeOn: clock.now(),
          forbund: result.forbund ?? basename(options.file, extname(options.file)),
        },
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
    if (error instanceof SieError) {
      stderr(`${sieName(argv)}: ${error.userMessage.sv}`);
      return 2;
    }
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

/** The --sie file's name, for a message about it. */
function sieName(argv: readonly string[]): string {
  return basename(argv[argv.indexOf("--sie") + 1] ?? "SIE");
}

if (require.main === module) {
  // The machine's clock, made once here and handed down.
  const clock: Clock = { now: () => new Date() };
  runCheck(
    process.argv.slice(2),
    (s) => process.stdout.write(`${s}\n`),
    (s) => process.stderr.write(`${s}\n`),
    clock,
  ).then(
    (status) => {
      process.exitCode = status;
    },
    () => {
      process.exitCode = 2;
    },
  );
}
