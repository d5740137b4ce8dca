import {
  amountIn,
  membersOf,
  stateHalfIn,
  type Analysis,
  Decimal,
  type Finding,
  type KommunKey,
  type Member,
  type PlanYear,
} from "../domain";
import { buildBoardSheet, type BoardOptions } from "./boardSheet";
import { flagsOf } from "./flags";
import { amountExpr } from "./formulas";
import { columnLetters } from "../grid";
import { headerText, pagesPortrait } from "./pageSetup";
import { planBlock, staircaseTable, stateHalfExpr, totalExpr } from "./planFormulas";
import { CONTROL_SHEET } from "../read/addinSheets";
import { abs, KR, SheetBuilder } from "./sheetBuilder";
import type { CellWrite, WritePlan } from "./types";

/** What to build besides the flags and Finsam-kontroll. */
export type WritePlanOptions =
  | { readonly board?: undefined; readonly forbund?: string | undefined }
  | ({
      /** The board sheet: true for every scenario (at most three), or the scenarios' ids in order. */
      readonly board: true | readonly string[];
    } & Omit<BoardOptions, "scenarioIds">);

/** Turns an analysis into flags on the user's cells and a control sheet of live formulas. */
export function buildWritePlan(analysis: Analysis, options: WritePlanOptions = {}): WritePlan {
  return {
    flags: flagsOf(analysis.findings),
    controlSheet: controlSheet(analysis, options.forbund),
    ...(options.board
      ? {
          boardSheet: buildBoardSheet(analysis, {
            ...options,
            scenarioIds: options.board === true ? undefined : options.board,
          }),
        }
      : {}),
  };
}

/** Where Finsam-kontroll computes each plan figure, by scenario id and year. */
type PlanCells = Map<string, { readonly costs: string; readonly result: string; readonly closing: string }>;

/**
 * A finding about a plan year that names no cell (a year the sheet does not
 * state) is given the Finsam-kontroll cell that computes its figure: the
 * costs for CEILING_EXCEEDED, the result for a deficit, the closing equity
 * for the equity findings, so it can be shown and followed like any other.
 */
export function withControlCells(analysis: Analysis): Analysis {
  const cellless = (f: Finding) =>
    !f.cell && f.year !== undefined && f.scenario !== undefined && PLAN_FIELD[f.code] !== undefined;
  // Laying out the control sheet costs as much as the rules: only when a finding needs one of its cells.
  if (!analysis.findings.some(cellless)) return analysis;
  const cells: PlanCells = new Map();
  controlSheet(analysis, undefined, cells);
  const findings = analysis.findings.map((f) => {
    if (!cellless(f)) return f;
    const cell = cells.get(`${f.scenario}\u0000${f.year}`)?.[PLAN_FIELD[f.code]!];
    return cell ? { ...f, sheet: CONTROL_SHEET, cell } : f;
  });
  return { ...analysis, findings };
}

/** The Finsam-kontroll figure each plan finding is about. */
const PLAN_FIELD: Partial<Record<Finding["code"], "costs" | "result" | "closing">> = {
  CEILING_EXCEEDED: "costs",
  DEFICIT_UNJUSTIFIED: "result",
  DEFICIT_JUSTIFIED: "result",
  EQUITY_NEGATIVE: "closing",
  EQUITY_ABOVE_MAX: "closing",
  EQUITY_OUTSIDE_TARGET: "closing",
};

function controlSheet(analysis: Analysis, forbund?: string, planCells?: PlanCells): WritePlan["controlSheet"] {
  const { budget, settings } = analysis;
  const s = new SheetBuilder();
  s.next();
  s.label("Finsam-kontroll", true);
  s.next();
  s.label(
    "Varje belopp här är en formel på budgetens egna celler, i kronor. Bladet skrivs om vid varje analys; skriv inget här.",
  );

  const staircase = staircaseTable(s, settings.equityStaircase);

  // Rules 1–2: each year's split as the sheet states it.
  const quarterCells = new Map<number, string>();
  const shareCells: { year: number; name: string; cell: string }[] = [];
  const stateCells = new Map<number, string>();
  s.next();
  s.next();
  s.label("Medlemsavgifter (regel 1: staten 1/2, regionen 1/4, kommunerna 1/4)", true);
  const years = analysis.splits.map((x) => x.year);
  s.next();
  s.label("År");
  years.forEach((y, i) => s.put(2 + i, { value: y, bold: true }));

  s.next();
  s.label("Statens hälft enligt arket (Försäkringskassan och Arbetsförmedlingen)");
  analysis.splits.forEach(({ year, split }, i) => {
    const half = stateHalfIn(budget, year);
    const expr = half ? stateHalfExpr(budget, year) : `(${totalExpr(budget, year)})/2`;
    stateCells.set(
      year,
      s.put(2 + i, { formula: `=${expr}`, numberFormat: KR, expected: split.total.dividedBy(2).toNumber() }),
    );
  });
  const stateRow = s.row;
  s.next();
  s.label("Totalt T = 2 × statens hälft");
  analysis.splits.forEach(({ split }, i) =>
    s.put(2 + i, {
      formula: `=2*${columnLetters(2 + i)}${stateRow}`,
      numberFormat: KR,
      expected: split.total.toNumber(),
    }),
  );
  const totalRow = s.row;
  const T = (i: number) => `${columnLetters(2 + i)}${totalRow}`;
  const H = (i: number) => `${columnLetters(2 + i)}${stateRow}`;
  const partyRows: [string, (i: number) => string, keyof PlanYear["split"]][] = [
    ["Försäkringskassan (1/4)", (i) => `=${H(i)}-INT(${H(i)}/2)`, "fk"],
    ["Arbetsförmedlingen (1/4)", (i) => `=INT(${H(i)}/2)`, "af"],
    ["Regionen (1/4, hela kronor)", (i) => `=INT(${T(i)}/4)+IF(MOD(${T(i)},4)>=2,1,0)`, "region"],
    ["Kommunerna tillsammans (1/4, hela kronor)", (i) => `=INT(${T(i)}/4)+IF(MOD(${T(i)},4)=3,1,0)`, "kommuner"],
  ];
  for (const [label, formula, key] of partyRows) {
    s.next();
    s.label(label);
    analysis.splits.forEach(({ year, split }, i) => {
      const cell = s.put(2 + i, { formula: formula(i), numberFormat: KR, expected: split[key].toNumber() });
      if (key === "kommuner") quarterCells.set(year, cell);
    });
  }
  for (const party of ["stat", "fk", "af", "region"] as const) {
    for (const member of membersOf(budget, party)) {
      s.next();
      s.label(`${member.name} enligt arket`);
      years.forEach((year, i) => {
        const amount = amountIn(member, year);
        if (amount)
          s.put(2 + i, { formula: `=${amountExpr(amount)}`, numberFormat: KR, expected: amount.value.toNumber() });
      });
    }
  }

  // Rule 2: the kommun key, largest remainder, year by year.
  const kommuner = membersOf(budget, "kommun");
  for (const { year } of analysis.splits) {
    const shares = analysis.members.filter((m) => m.year === year && m.party === "kommun");
    if (shares.length === 0 || shares.length !== kommuner.length) continue;
    const quarter = abs(quarterCells.get(year)!);
    s.next();
    s.next();
    s.label(
      `Kommunernas andelar ${year} (regel 2: fjärdedelen efter ${settings.kommunKey.kind === "population" ? "befolkning" : "fast andel"}, hela kronor enligt största rest)`,
      true,
    );
    s.next();
    [
      "Kommun",
      settings.kommunKey.kind === "population" ? "Befolkning" : "Andel (%)",
      "Exakt andel",
      "Heltal",
      "Rest",
      "Rang",
      "Belopp",
      "Arkets belopp",
      "Skillnad",
    ].forEach((h, i) => s.put(1 + i, { value: h, bold: true }));
    const first = s.row + 1;
    const last = s.row + shares.length;
    const W = `$B$${first}:$B$${last}`;
    const R = `$E$${first}:$E$${last}`;
    const leftover = `$G$${last + 1}`;
    shares.forEach((share, k) => {
      s.next();
      const r = s.row;
      const member = kommuner[k]!;
      s.put(1, { value: share.name });
      s.put(2, weightWrite(member, share.weight, kommuner.length === 1, settings.kommunKey.kind));
      s.put(3, { formula: `=${quarter}*B${r}/SUM(${W})`, numberFormat: "#,##0.000" });
      s.put(4, { formula: `=INT(${quarter}*B${r}/SUM(${W}))`, numberFormat: KR });
      s.put(5, { formula: `=ROUND(${quarter}*B${r}-D${r}*SUM(${W}),6)` });
      s.put(6, {
        formula: `=1+SUMPRODUCT((${R}>E${r})+(${R}=E${r})*(${W}>B${r})+(${R}=E${r})*(${W}=B${r})*(ROW(${R})<ROW(E${r})))`,
      });
      const computed = s.put(7, {
        formula: `=D${r}+IF(F${r}<=${leftover},1,0)`,
        numberFormat: KR,
        expected: share.computedAmount.toNumber(),
      });
      shareCells.push({ year, name: share.name, cell: computed });
      if (share.sheetAmount) {
        s.put(8, {
          formula: `=${amountExpr(share.sheetAmount)}`,
          numberFormat: KR,
          expected: share.sheetAmount.value.toNumber(),
        });
        s.put(9, {
          formula: `=H${r}-G${r}`,
          numberFormat: KR,
          expected: share.sheetAmount.value.minus(share.computedAmount).toNumber(),
        });
      }
    });
    s.next();
    s.label("Summa");
    const floorSum = shares.reduce((acc, sh) => acc.plus(sh.exactAmount.floor()), new Decimal(0)).toNumber();
    s.put(6, { value: "Kvar att fördela:" });
    s.put(7, {
      formula: `=${quarter}-SUM(D${first}:D${last})`,
      numberFormat: KR,
      expected: quarterOf(analysis, year) - floorSum,
    });
    s.next();
    s.label("Summa belopp");
    s.put(7, { formula: `=SUM(G${first}:G${last})`, numberFormat: KR, expected: quarterOf(analysis, year) });
  }

  // Rules 3–5: each scenario's plan.
  for (const plan of analysis.plans) {
    const rows = planBlock(s, budget, plan.scenario, plan.years, stateCells, staircase);
    plan.years.forEach((y, i) => {
      const col = rows.columns[i]!;
      planCells?.set(`${plan.scenario.id}\u0000${y.year}`, {
        costs: `${col}${rows.costRow}`,
        result: `${col}${rows.resultRow}`,
        closing: `${col}${rows.closingRow}`,
      });
    });
  }
  return {
    name: CONTROL_SHEET,
    cells: s.cells,
    columnWidths: [62, 16, 16, 16, 16, 10, 16, 16, 14],
    shareCells,
    // Rows 1–2, the title and what the sheet is, head every printed page.
    pageSetup: pagesPortrait(
      { first: 1, last: 2 },
      headerText(forbund ? `${CONTROL_SHEET}, ${forbund}` : CONTROL_SHEET),
    ),
  };
}

function quarterOf(analysis: Analysis, year: number): number {
  return analysis.splits.find((s) => s.year === year)!.split.kommuner.toNumber();
}

/** The kommun's weight: a formula on its population cell, or the fixed share as typed in the settings. */
function weightWrite(
  member: Member,
  weight: Decimal | undefined,
  alone: boolean,
  key: KommunKey["kind"],
): Omit<CellWrite, "cell"> {
  if (alone) return { value: 1 };
  if (key === "population" && member.population?.ref) {
    return { formula: `=${amountExpr(member.population)}`, expected: member.population.value.toNumber() };
  }
  return { value: weight?.toNumber() ?? 0 };
}
