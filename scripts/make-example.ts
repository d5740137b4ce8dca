/**
 * Writes assets/exempel-budget.xlsx: a budget workbook laid out as an
 * ekonomistöd keeps one, on Västra Östergötland's numbers (seed 001), with
 * one of every kind of finding planted on purpose. Run: npx tsx scripts/make-example.ts
 *
 * What is planted, and where (sheet "Budget 2025"):
 * - B7:B11 the seed's amounts from rounded percentages: five SHARE_DEVIATION warnings;
 * - C7 one krona too much in 2026: SHARE_DEVIATION and SHARE_SUM information;
 * - D6 the region off its quarter in 2027: PARTY_SPLIT;
 * - C12 "15 000" typed as text: INPUT_TEXT_AMOUNT;
 * - B13 a drawdown that is not the deficit: DRAWDOWN_MISMATCH;
 * - B14 a typed total that is not the sum: TOTAL_MISMATCH;
 * - row 20 hidden: INPUT_HIDDEN_ROW; E21 #REF!: INPUT_ERROR_VALUE;
 * - E19 outcome and F17 forecast above budget: LINE_OVER_BUDGET; the forecast above the frame: CEILING_EXCEEDED;
 * - equity above 20 % at the end of 2025 (EQUITY_ABOVE_MAX), a justified deficit in 2025,
 *   an unjustified one in 2027 (sheet), outside the target band 1,8 Mkr ± 20 %
 *   (EQUITY_OUTSIDE_TARGET), and below zero in 2027 under the worst case
 *   (EQUITY_NEGATIVE, CEILING_EXCEEDED).
 */
import ExcelJS from "exceljs";
import { resolve } from "node:path";

const KR = '#,##0 "kr";-#,##0 "kr"';

export async function makeExample(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Finsam-budget";
  wb.created = new Date("2025-11-03T00:00:00Z");
  wb.modified = wb.created;

  const budget = wb.addWorksheet("Budget 2025");
  budget.getColumn(1).width = 44;
  for (const c of [2, 3, 4, 5, 6]) budget.getColumn(c).width = 16;
  budget.mergeCells("A1:F1");
  budget.getCell("A1").value = "Samordningsförbundet Exempel – Budget 2025 och plan 2026–2027";
  budget.getCell("A1").font = { bold: true, size: 13 };
  budget.getRow(3).values = ["", "Budget 2025", "Plan 2026", "Plan 2027", "Utfall jan–okt 2025", "Prognos 2025"];
  budget.getRow(3).font = { bold: true };

  const rows: [string, ...(number | string | ExcelJS.CellErrorValue | ExcelJS.CellFormulaValue | null)[]][] = [
    ["Intäkter"],
    ["Staten genom FK", 4322000, 4322000, 4322000],
    ["Region Östergötland", 2161000, 2161000, 2150000],
    ["Motala kommun", 1045924, 1045271, 1045270],
    ["Mjölby kommun", 676393, 676575, 676575],
    ["Vadstena kommun", 179363, 180171, 180171],
    ["Boxholms kommun", 131821, 131921, 131921],
    ["Ödeshögs kommun", 127499, 127063, 127063],
    ["Finansiella intäkter", 15000, "15 000", 15000],
    ["Ianspråktagna egna medel", 1200000, 341000, 352000],
    [
      "Summa intäkter",
      9860000,
      { formula: "SUM(C5:C13)", result: 8985001 },
      { formula: "SUM(D5:D13)", result: 9000000 },
    ],
    [""],
    ["Kostnader"],
    ["Kansli 1.0", 1600000, 1600000, 1600000, 1400000, 1700000],
    ["Nätverk 2.4.1", 3260000, 2460000, 2460000, 2600000, 3260000],
    ["Försteg 4.0", 2700000, 2700000, 2700000, 2750000, 2700000],
    ["Digitaliseringscenter 4.2", 1190000, 1190000, 1190000, 900000, 1190000],
    ["Fontänhus 6.1", 500000, 500000, 500000, { error: "#REF!" }, 500000],
    ["Utbildning 11.1", 100000, 100000, 100000, 60000, 100000],
    ["Utveckling-struktur 11.7", 450000, 450000, 450000, 300000, 450000],
    [
      "Summa kostnader",
      { formula: "SUM(B17:B23)", result: 9800000 },
      { formula: "SUM(C17:C23)", result: 9000000 },
      { formula: "SUM(D17:D23)", result: 9000000 },
    ],
    [""],
    ["Eget kapital 2024-12-31", 3050000],
  ];
  rows.forEach((values, i) => {
    const row = budget.getRow(4 + i);
    values.forEach((v, c) => {
      if (v !== null && v !== undefined) row.getCell(c + 1).value = v as ExcelJS.CellValue;
    });
    for (let c = 2; c <= 6; c++) row.getCell(c).numFmt = KR;
  });
  budget.getCell("A4").font = { bold: true };
  budget.getCell("A16").font = { bold: true };
  budget.getRow(20).hidden = true;
  budget.getCell("A28").value = "Statlig tilldelning minskas med upp till 10 % per år (tioprocentsspärren).";

  const population = wb.addWorksheet("Befolkning");
  population.getColumn(1).width = 20;
  population.getColumn(2).width = 22;
  population.getRow(1).values = ["Kommun", "Invånare 2024-12-31"];
  population.getRow(1).font = { bold: true };
  const kommuner: [string, number][] = [
    ["Motala", 43674],
    ["Mjölby", 28269],
    ["Vadstena", 7528],
    ["Boxholm", 5512],
    ["Ödeshög", 5309],
  ];
  kommuner.forEach(([name, pop], i) => {
    population.getRow(2 + i).values = [name, pop];
  });
  population.getRow(7).values = ["Summa", { formula: "SUM(B2:B6)", result: 90292 }];

  const settings = wb.addWorksheet("Inställningar");
  settings.getColumn(1).width = 52;
  settings.getColumn(2).width = 16;
  const settingRows: [string, number | string, string | undefined, string][] = [
    ["Fördelningsnyckel för kommunerna", "befolkning", undefined, "Finsam_Nyckel"],
    ["Eget kapital högst, % av medlemsavgifterna", 20, undefined, "Finsam_EKMaxProcent"],
    ["Förbundets mål för eget kapital", 1800000, KR, "Finsam_EKMal"],
    ["Tolerans kring målet", 0.2, "0%", "Finsam_EKMalTolerans"],
    ["Statens minskning per år i värsta fall", 0.1, "0%", "Finsam_Minskning"],
  ];
  settings.getRow(1).values = ["Inställningar för Finsam-budget"];
  settings.getRow(1).font = { bold: true };
  settingRows.forEach(([label, value, format, name], i) => {
    const row = 3 + i;
    settings.getCell(row, 1).value = label;
    const cell = settings.getCell(row, 2);
    cell.value = value;
    if (format) cell.numFmt = format;
    wb.definedNames.add(`'Inställningar'!$B$${row}`, name);
  });

  await wb.xlsx.writeFile(path);
}

if (require.main === module) {
  const out = resolve(__dirname, "../assets/exempel-budget.xlsx");
  makeExample(out).then(
    () => console.log(`Skrev ${out}`),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
