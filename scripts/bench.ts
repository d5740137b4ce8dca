/**
 * npm run bench: how the engine scales, as ratios measured in one run
 * (timings on a shared machine are noisy; ratios of runs side by side are not).
 *
 * Generates a large budget workbook (all 290 kommuner, 5 000 cost lines,
 * three years), then times, each as the median of several runs:
 * - ExcelJS loading the file, and nothing else (the floor for any .xlsx reader);
 * - reading it into a Grid (ExcelJS load + our one pass);
 * - the analysis on the Grid (locate, the rules, the plan) and the WritePlan;
 * - a SIE file of 50 000 #TRANS rows read into a Ledger, against the example budget (bench-sie.ts).
 */
import ExcelJS from "exceljs";
import { analyzeGrid } from "../src/app/analyzeGrid";
import { buildWritePlan } from "../src/plan/writePlan";
import { readGridFromBuffer } from "../src/xlsx/readGrid";
import { interleaved, RUNS } from "./benchRounds";

const KOMMUNER = 290;
const COST_LINES = 5000;
const YEARS = [2026, 2027, 2028];

/** A deterministic pseudo-random sequence, so every run builds the same workbook. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

export async function largeWorkbook(): Promise<Uint8Array> {
  const next = random(2003_1210);
  const wb = new ExcelJS.Workbook();
  const budget = wb.addWorksheet("Budget 2026");
  const population = wb.addWorksheet("Befolkning");
  population.addRow(["Kommun", "Invånare 2024-12-31"]);
  const pops = Array.from({ length: KOMMUNER }, () => 2500 + Math.floor(next() * 200000));
  const totalPop = pops.reduce((a, b) => a + b, 0);
  pops.forEach((pop, i) => population.addRow([`Kommun ${String(i + 1).padStart(3, "0")}`, pop]));

  const state = 100_000_000;
  const quarter = state / 2;
  budget.addRow(["Riksförbundet Exempel – Budget 2026, plan 2027–2028"]);
  budget.addRow(["", "Budget 2026", "Plan 2027", "Plan 2028"]);
  budget.addRow(["Intäkter"]);
  budget.addRow(["Staten genom FK", state, state, state]);
  budget.addRow(["Region Exempel", quarter, quarter, quarter]);
  pops.forEach((pop, i) => {
    const amount = Math.round((quarter * pop) / totalPop);
    budget.addRow([`Kommun ${String(i + 1).padStart(3, "0")} kommun`, amount, amount, amount]);
  });
  budget.addRow(["Kostnader"]);
  const firstCost = budget.rowCount + 1;
  const perLine = Math.floor((2 * state) / COST_LINES);
  for (let i = 0; i < COST_LINES; i++) {
    const base = Math.floor(perLine * (0.5 + next()));
    budget.addRow([`Insats ${i + 1}`, base, base, base]);
  }
  const lastCost = budget.rowCount;
  budget.addRow([
    "Summa kostnader",
    ...["B", "C", "D"].map((c) => ({ formula: `SUM(${c}${firstCost}:${c}${lastCost})` })),
  ]);
  budget.addRow(["Eget kapital 2025-12-31", 30_000_000]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function main(): Promise<void> {
  console.log(`Stor arbetsbok: ${KOMMUNER} kommuner, ${COST_LINES} kostnadsrader, ${YEARS.length} år`);
  const data = await largeWorkbook();
  console.log(`  storlek ${(data.byteLength / 1024).toFixed(0)} KB; median av ${RUNS} omgångar`);
  const grid = await readGridFromBuffer(data);
  let members = 0;
  let findings = 0;
  let formulas = 0;
  const analyse = () => {
    const result = analyzeGrid(grid);
    if (!result.ok) throw new Error(result.reason.sv);
    members = result.analysis.members.length;
    findings = result.analysis.findings.length;
    return result.analysis;
  };
  const { ratios } = await interleaved([
    {
      label: "ExcelJS laddar filen (inget mer)",
      run: async () => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(data as unknown as ArrayBuffer);
      },
    },
    { label: "läsa till Grid (ExcelJS + en genomgång)", run: () => readGridFromBuffer(data) },
    { label: "analys: hitta budgeten, regler, plan", run: analyse },
    {
      label: "analys + WritePlan (flaggor, Finsam-kontroll)",
      run: () => {
        formulas = buildWritePlan(analyse()).controlSheet.cells.filter((c) => c.formula).length;
      },
    },
  ]);
  console.log(`  ${members} andelar kontrollerade, ${findings} avvikelser, ${formulas} formler i Finsam-kontroll`);
  console.log("");
  console.log(`analys / ExcelJS-laddning             = ${ratios[2]!.toFixed(2)}`);
  console.log(`analys + WritePlan / ExcelJS-laddning = ${ratios[3]!.toFixed(2)}`);
  console.log(`Grid-läsning / ExcelJS-laddning       = ${ratios[1]!.toFixed(2)}`);
  const { benchSie } = await import("./bench-sie");
  console.log(["", ...(await benchSie())].join("\n"));
  const { benchExcel } = await import("./bench-excel");
  console.log(["", ...(await benchExcel(data))].join("\n"));
  const { benchPane } = await import("./bench-pane");
  console.log(["", ...(await benchPane())].join("\n"));
}

if (require.main === module)
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
