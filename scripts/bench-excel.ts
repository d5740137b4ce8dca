/**
 * The Excel side of npm run bench: the example workbook and the large one read and written through the
 * Excel port, on the fake Excel of the tests (test/excel), which counts round trips (context.sync()
 * calls) and cells as Office.js would make them. Times in the fake mean nothing; the counts are what
 * Excel on the web pays for, one network round trip each.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { analyseWorkbook } from "../src/app/analyseWorkbook";
import { createExcelPort } from "../src/excel";
import { AT_ONCE } from "../src/excel/readWorkbook";
import { fakeFromXlsx } from "../test/excel/workbooks";
import { TEST_CLOCK } from "../test/support/clock";

/** Issue 24's goals: an analysis reads in at most this many round trips, and a write takes at most this many. */
export const READ_GOAL = 2;
export const WRITE_GOAL = 2;

const EXAMPLE = path.join(__dirname, "..", "assets", "exempel-budget.xlsx");

const reached = (count: number, goal: number) => `${count} (mål ≤ ${goal}: ${count <= goal ? "nått" : "INTE nått"})`;

/** Why a read took more round trips than two, in the bench's words. */
const FURTHER = {
  payload:
    "Excel vägrade läsa allt på en gång (över 5 MB i Excel på webben, eller ett område över 5 000 000 celler): bladen lästes i steg",
  large: `ett blad har ett använt område utanför ${AT_ONCE}: det lästes i en rundresa till`,
} as const;

/** Reads, analyses and writes one workbook through the Excel port; lines to print, in Swedish. */
async function benchOne(name: string, data: Uint8Array): Promise<string[]> {
  const fake = await fakeFromXlsx(data);
  const port = createExcelPort(TEST_CLOCK, fake.host());
  const outcome = await analyseWorkbook(port, TEST_CLOCK);
  if (outcome.kind !== "ok") throw new Error(outcome.kind === "noBudget" ? outcome.reason.sv : outcome.message.sv);
  const read = { ...port.stats.read };
  const cellsInWorkbook = fake.workbook.sheets.reduce((n, s) => n + s.cells.size, 0);
  await port.applyPlan(outcome.plan);
  const write = { ...port.stats.write };
  const written = fake.lastWriteCount;
  const line = (label: string, value: string) => `  ${label.padEnd(46)} ${value}`;
  return [
    `${name}:`,
    line("analys: rundresor till Excel (context.sync)", reached(read.syncs, READ_GOAL)),
    ...(read.further ? [line("", `(${FURTHER[read.further]})`)] : []),
    line("analys: celler lästa", `${read.cells} (i arbetsbokens använda områden; ${cellsInWorkbook} ifyllda)`),
    line(
      "skriva flaggor och Finsam-kontroll: rundresor",
      `${reached(write.syncs, WRITE_GOAL)} = ${write.reads} läsning(ar) + ${write.writes} skrivning`,
    ),
    line("skrivning: kommandon i den enda skrivningen", `${written} (${outcome.plan.flags.length} flaggor)`),
  ];
}

/** The example workbook (assets/) and the large one; what each costs in Excel against the goals. */
export async function benchExcel(large: Uint8Array): Promise<string[]> {
  return [
    "I Excel (Office.js, räknat på testernas Excel-attrapp; det minsta möjliga är 1 läsning och 1 + 1 för en skrivning):",
    ...(await benchOne("Exempelarbetsboken (assets/exempel-budget.xlsx)", readFileSync(EXAMPLE))),
    ...(await benchOne("Stora arbetsboken (290 kommuner)", large)),
    "  Fler rundresor kräver dokumentationen där ett blad har ett använt område långt bortom sina celler",
    "  (det läses efter sina celler, Range.getSpecialCells) och där svaret blir över 5 MB (det läses i delar).",
  ];
}
