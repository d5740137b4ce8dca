/**
 * The Excel side of npm run bench: the large workbook read and written
 * through the Excel port, on the fake Excel of the tests (test/excel), which
 * counts round trips (context.sync() calls) and cells as Office.js would
 * make them. Times in the fake mean nothing; the counts are what Excel on the
 * web pays for, one network round trip each.
 */
import { analyseWorkbook } from "../src/app/analyseWorkbook";
import { createExcelPort } from "../src/excel";
import { fakeFromXlsx } from "../test/excel/workbooks";
import { TEST_CLOCK } from "../test/support/clock";

/** Reads, analyses and writes the workbook through the Excel port; lines to print, in Swedish. */
export async function benchExcel(data: Uint8Array): Promise<string[]> {
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
    "I Excel (Office.js, räknat på testernas Excel-attrapp):",
    line("analys: rundresor till Excel (context.sync)", `${read.syncs} (minst möjligt 1)`),
    line("analys: celler lästa", `${read.cells} (i arbetsbokens använda områden; ${cellsInWorkbook} ifyllda)`),
    line(
      "skriva flaggor och Finsam-kontroll: rundresor",
      `${write.syncs} = ${write.reads} läsning(ar) + ${write.writes} skrivning (minst möjligt 1 + 1)`,
    ),
    line("skrivning: kommandon i den enda skrivningen", `${written} (${outcome.plan.flags.length} flaggor)`),
  ];
}
