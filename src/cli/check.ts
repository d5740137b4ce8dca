#!/usr/bin/env node
/**
 * finsam-check (npm run check --) [file.xlsx|.xlsm] [--budget blad] [--json] [--out annotated.xlsx|.xlsm] [--lang en] [--sie bokforing.se [--period 2025-08]]
 *
 * Runs the whole analysis on a workbook (default: the example in assets/)
 * and prints the findings as a Swedish table, or the JSON report of
 * DESIGN.md. Exit 0 when the analysis ran, whatever it found; 2 when the
 * file could not be analysed, with a one-line Swedish reason on stderr; 3
 * when the analysis ran and was printed but --out could not be written.
 * The file is read in a worker with a time budget (readInWorker.ts). An
 * error of the add-in's own is one Swedish line too, its detail only with
 * --verbose. A workbook that keeps several förbund's budgets is reported
 * budget by budget; --budget <sheet> picks one, as --sie and --out need.
 */
import { macroEnabled } from "../xlsx/package/changes";
import { readFile, writeFile } from "node:fs/promises";
import { basename, extname, resolve } from "node:path";
import type { Clock } from "../app/clock";
import type { Lang } from "../domain";
import { followUpTable } from "../report/followUpReport";
import { buildReport } from "../report/jsonReport";
import { reportTable } from "../report/textTable";
import { analyseAndFlag, analyseGrid, type AnalyseOptions, type AnalysedOutcome } from "../app/analyseWorkbook";
import { WorkbookReadError } from "../xlsx/readGrid";
import { createFilePort } from "../xlsx/filePort";
import type { Grid } from "../grid";
import { SieError } from "../sie/sieError";
import { sieFollowUp } from "./sieFollowUp";
import { InternalReadError, READ_LIMITS, type ReadLimits, readGridInWorker } from "./readInWorker";
import { followUpSheetInput, withFollowUpSheet } from "../app/writeFollowUp";

export const EXAMPLE_WORKBOOK = resolve(__dirname, "../../assets/exempel-budget.xlsx");

export interface CheckOptions {
  readonly file: string;
  readonly json: boolean;
  readonly out?: string;
  readonly lang: Lang;
  /** A SIE file to follow the budget up on, through `period` ("2025-08"). */
  readonly sie?: string;
  readonly period?: string;
  /** Which budget, where the workbook keeps several: the sheet of its members. */
  readonly budget?: string;
  readonly verbose: boolean;
}

/** Exit statuses: analysed; could not be analysed; analysed and printed, but --out not written. */
export const EXIT = { ok: 0, notAnalysed: 2, outFailed: 3 } as const;

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): CheckOptions {
  let file: string | undefined;
  let json = false;
  let out: string | undefined;
  let lang: Lang = "sv";
  let sie: string | undefined;
  let period: string | undefined;
  let budget: string | undefined;
  let verbose = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--json") json = true;
    else if (arg === "--verbose") verbose = true;
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
    } else if (arg === "--budget") {
      budget = argv[++i];
      if (!budget) throw new UsageError("--budget behöver ett bladnamn: --budget Ådalen");
    } else if (arg === "--period") {
      period = argv[++i];
      if (!period || !/^\d{4}-(0[1-9]|1[0-2])$/.test(period))
        throw new UsageError("--period är en månad: --period 2025-08");
    } else if (arg.startsWith("--"))
      throw new UsageError(
        `Okänd flagga ${arg}. Användning: npm run check -- [fil.xlsx] [--budget blad] [--json] [--out annoterad.xlsx] [--lang en] [--verbose]`,
      );
    else if (file) throw new UsageError("Ange bara en arbetsbok.");
    else file = arg;
  }
  if (period && !sie) throw new UsageError("--period gäller uppföljningen: ange också --sie bokforing.se");
  return {
    file: file ?? EXAMPLE_WORKBOOK,
    json,
    lang,
    verbose,
    ...(out ? { out } : {}),
    ...(sie ? { sie } : {}),
    ...(period ? { period } : {}),
    ...(budget ? { budget } : {}),
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
  limits: ReadLimits = READ_LIMITS,
): Promise<number> {
  let options: CheckOptions | undefined;
  try {
    options = parseArgs(argv);
    const grid = await readGridInWorker(options.file, limits);
    const forbund = basename(options.file, extname(options.file));
    const outcome = analyseGrid(grid, clock, { forbund, budget: options.budget });
    if (outcome.kind !== "ok") {
      stderr(
        `${basename(options.file)}: ${(outcome.kind === "noBudget" ? outcome.reason : outcome.message)[options.lang]}`,
      );
      return EXIT.notAnalysed;
    }
    const unknown = options.budget && outcome.budgets[outcome.chosen]?.sheet !== options.budget;
    if (unknown) throw new UsageError(unknownBudget(options.budget!, outcome.budgets));
    if (outcome.budgets.length > 1 && !options.budget) return reportEach(options, grid, clock, outcome, stdout, stderr);
    const report = buildReport(basename(options.file), outcome.location.sheet, outcome.analysis, outcome.location);
    const sie = options.sie ? await sieFollowUp(options.sie, options.period, grid, outcome.analysis) : undefined;
    const followUp = sie?.report;
    stdout(
      options.json
        ? JSON.stringify(followUp ? { ...report, followUp } : report, null, 2)
        : reportTable(report, options.lang) + (followUp ? `\n${followUpTable(followUp, options.lang)}` : ""),
    );
    if (!options.out) return EXIT.ok;
    const extendPlan = sie
      ? (o: AnalysedOutcome) => withFollowUpSheet(o.plan, o.analysis, followUpSheetInput(sie.followUp), o.forbund)
      : undefined;
    return await writeOut(
      options,
      grid,
      clock,
      { writes: { board: true, madeOn: clock.now() }, forbund, extendPlan, budget: options.budget },
      stderr,
    );
  } catch (error) {
    if (error instanceof SieError) {
      stderr(`${sieName(argv)}: ${error.userMessage.sv}`);
      return EXIT.notAnalysed;
    }
    if (error instanceof WorkbookReadError || error instanceof UsageError) {
      stderr(error.message);
      return EXIT.notAnalysed;
    }
    internalError(error, options, stderr);
    return EXIT.notAnalysed;
  }
}

/**
 * A workbook with several förbund's budgets and no --budget: each is analysed
 * and reported, one after the other (JSON: { budgets: [...] }). --sie and
 * --out need one budget, so they wait for --budget.
 */
function reportEach(
  options: CheckOptions,
  grid: Grid,
  clock: Clock,
  first: AnalysedOutcome,
  stdout: (s: string) => void,
  stderr: (s: string) => void,
): number {
  const name = basename(options.file);
  const reports = first.budgets.map((choice) => {
    const outcome = analyseGrid(grid, clock, { forbund: choice.name, budget: choice.sheet }) as AnalysedOutcome;
    return { choice, report: buildReport(name, outcome.location.sheet, outcome.analysis, outcome.location) };
  });
  const n = reports.length;
  stdout(
    options.json
      ? JSON.stringify({ budgets: reports.map((r) => r.report) }, null, 2)
      : reports
          .map(({ choice, report }, i) => {
            const heading =
              options.lang === "sv"
                ? `Budget ${i + 1} av ${n}: ${choice.name} (bladet ”${choice.sheet}”)`
                : `Budget ${i + 1} of ${n}: ${choice.name} (sheet "${choice.sheet}")`;
            return `${heading}\n${reportTable(report, options.lang)}`;
          })
          .join("\n\n"),
  );
  if (!options.sie && !options.out) return EXIT.ok;
  const sheets = first.budgets.map((b) => `--budget "${b.sheet}"`).join(" eller ");
  stderr(`Arbetsboken har ${n} budgetar; --sie och --out gäller en av dem. Ange vilken: ${sheets}.`);
  return options.out ? EXIT.outFailed : EXIT.notAnalysed;
}

function unknownBudget(asked: string, budgets: readonly { sheet: string }[]): string {
  return `Ingen budget har sina medlemmar på bladet ”${asked}”. Budgetarna finns på ${listed(
    budgets.map((b) => `”${b.sheet}”`),
    "och",
  )}.`;
}

/** "a, b och c". */
function listed(items: readonly string[], and: string): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;
}

/** The --sie file's name, for a message about it. */
function sieName(argv: readonly string[]): string {
  return basename(argv[argv.indexOf("--sie") + 1] ?? "SIE");
}

/**
 * --out after a finished analysis: the copy is flagged as the pane and the ribbon flag a workbook (one
 * analyseAndFlag, on a file port over the bytes already read), with the board sheet. A failure here is
 * exit 3; the report already printed stands.
 */
async function writeOut(
  options: CheckOptions,
  grid: Grid,
  clock: Clock,
  analyse: AnalyseOptions,
  stderr: (s: string) => void,
): Promise<number> {
  const out = options.out!;
  try {
    const bytes = await readFile(options.file);
    // Excel opens a macro-enabled package only as .xlsm, and any other only as .xlsx.
    const macros = await macroEnabled(bytes);
    if (macros !== /\.xlsm$/i.test(out)) {
      stderr(
        macros
          ? `Arbetsboken har makron, så kopian måste heta .xlsm för att Excel ska öppna den: ange till exempel --out ${out.replace(/(\.\w+)?$/, ".xlsm")}.`
          : `Arbetsboken har inga makron, så kopian ska heta .xlsx: ange till exempel --out ${out.replace(/(\.\w+)?$/, ".xlsx")}.`,
      );
      return EXIT.outFailed;
    }
    const port = await createFilePort(bytes, basename(options.file), async () => grid);
    const result = await analyseAndFlag(port, clock, analyse);
    if (!result.flagged) throw result.failure ?? new Error("the analysis of the copy did not run");
    const outcome = result.outcome as AnalysedOutcome;
    const plan = analyse.extendPlan ? analyse.extendPlan(outcome) : outcome.plan;
    await writeFile(out, await port.download());
    const sheets = [plan.controlSheet, plan.boardSheet, plan.followUpSheet].flatMap((sheet) =>
      sheet ? [sheet.name] : [],
    );
    stderr(
      options.lang === "sv"
        ? `Skrev ${out} med ${plan.flags.length} markeringar och bladen ${listed(sheets, "och")}.`
        : `Wrote ${out} with ${plan.flags.length} flags and the sheets ${listed(sheets, "and")}.`,
    );
    return EXIT.ok;
  } catch (error) {
    stderr(`Analysen är klar, men ${out} kunde inte skrivas: ${writeFailure(error)}.`);
    if (options.verbose) stderr(detailOf(error));
    return EXIT.outFailed;
  }
}

/** Why a file could not be written, in Swedish. */
function writeFailure(error: unknown): string {
  switch ((error as { code?: unknown } | null)?.code) {
    case "COPY_REFUSED":
      return (error as { userMessage: { sv: string } }).userMessage.sv.replace(/\.$/, "");
    case "ENOENT":
    case "ENOTDIR":
      return "mappen finns inte";
    case "EACCES":
    case "EPERM":
      return "behörighet saknas att skriva där";
    case "EISDIR":
      return "det är en mapp";
    case "ENOSPC":
      return "disken är full";
    case "EROFS":
      return "filsystemet är skrivskyddat";
    default:
      return "ett internt fel i Finsam-budget när kopian skapades (--verbose visar detaljer)";
  }
}

function internalError(error: unknown, options: CheckOptions | undefined, stderr: (s: string) => void): void {
  for (const line of internalErrorLines(error, options?.file, options?.verbose ?? false)) stderr(line);
}

/** An error of the add-in's own: one Swedish line, never the English message; the detail only with --verbose. */
export function internalErrorLines(error: unknown, file: string | undefined, verbose: boolean): string[] {
  const of = file ? ` av ${basename(file)}` : "";
  const line = `Ett internt fel i Finsam-budget stoppade analysen${of}; felet är tilläggets, inte nödvändigtvis filens. Kör med --verbose för detaljer.`;
  return verbose ? [line, detailOf(error)] : [line];
}

function detailOf(error: unknown): string {
  if (error instanceof InternalReadError) return error.detail;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
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
