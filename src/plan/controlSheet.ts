/**
 * Finsam-kontroll, laid out once: every share and plan figure as a live formula on the user's own cells,
 * in the order a revisor reads them (Rules 1–2, the kommun key, then each scenario's plan), and where
 * each plan figure stands, so findings about a plan year can point at it.
 */
import {
  amountIn,
  membersOf,
  stateHalfIn,
  type Analysis,
  Decimal,
  type KommunKey,
  type Member,
  type PlanFigure,
  type PlanYear,
} from "../domain";
import { columnLetters } from "../grid";
import { CONTROL_SHEET } from "../read/addinSheets";
import { amountExpr } from "./formulas";
import { headerText, pagesPortrait } from "./pageSetup";
import { planBlock, staircaseTable, stateHalfExpr, totalExpr } from "./planFormulas";
import { abs, KR, SheetBuilder } from "./sheetBuilder";
import type { CellWrite, ControlSheet } from "./types";

/** Where Finsam-kontroll computes a plan figure of a scenario's year. */
export type FigureCell = (scenario: string, year: number, figure: PlanFigure) => string | undefined;

/** A row of a scenario's plan on Finsam-kontroll that other sheets read (the board's comparison). */
export type PlanRow = PlanFigure | "maxEquity";

/** Where Finsam-kontroll computes a row of a scenario's plan in a year. */
export type PlanCell = (scenario: string, year: number, row: PlanRow) => string | undefined;

export interface ControlSheetLayout {
  readonly sheet: ControlSheet;
  readonly figureCell: FigureCell;
  readonly planCell: PlanCell;
}

type ShareCell = ControlSheet["shareCells"][number];

/** The split's cells that the kommun key and the plan build on, by year. */
interface SplitCells {
  /** The state's half as the sheet states it. */
  readonly state: ReadonlyMap<number, string>;
  /** The kommuner's quarter, in whole kronor. */
  readonly quarter: ReadonlyMap<number, string>;
}

export function layOutControlSheet(analysis: Analysis, forbund?: string): ControlSheetLayout {
  const s = new SheetBuilder();
  title(s);
  const staircase = staircaseTable(s, analysis.settings.equityStaircase, analysis.settings.sources);
  const split = splitSection(s, analysis);
  const shareCells = kommunKeySection(s, analysis, split.quarter);
  const figures = new Map<string, Readonly<Record<PlanRow, string>>>();
  for (const plan of analysis.plans) {
    const rows = planBlock(
      s,
      analysis.budget,
      plan.scenario,
      plan.years,
      split.state,
      staircase,
      `Flerårsplan: ${plan.scenario.name}`,
      analysis.settings.sources,
    );
    plan.years.forEach((y, i) => {
      const col = rows.columns[i]!;
      figures.set(`${plan.scenario.id}\u0000${y.year}`, {
        costs: `${col}${rows.costRow}`,
        result: `${col}${rows.resultRow}`,
        closingEquity: `${col}${rows.closingRow}`,
        maxEquity: `${col}${rows.maxEquityRow}`,
      });
    });
  }
  s.finish();
  return {
    sheet: {
      name: CONTROL_SHEET,
      cells: s.cells,
      columnWidths: [62, 16, 16, 16, 16, 10, 16, 16, 14],
      shareCells,
      // Rows 1–2, the title and what the sheet is, head every printed page.
      pageSetup: pagesPortrait(
        { first: 1, last: 2 },
        headerText(forbund ? `${CONTROL_SHEET}, ${forbund}` : CONTROL_SHEET),
      ),
    },
    figureCell: (scenario, year, figure) => figures.get(`${scenario}\u0000${year}`)?.[figure],
    planCell: (scenario, year, row) => figures.get(`${scenario}\u0000${year}`)?.[row],
  };
}

function title(s: SheetBuilder): void {
  s.next();
  s.label("Finsam-kontroll", true);
  s.next();
  s.label(
    "Varje belopp här är en formel på budgetens egna celler, i kronor. Bladet skrivs om vid varje analys; skriv inget här.",
  );
}

/** Rules 1–2: each year's split as the sheet states it, and each member's amount beside it. */
function splitSection(s: SheetBuilder, analysis: Analysis): SplitCells {
  const { budget } = analysis;
  const state = new Map<number, string>();
  const quarter = new Map<number, string>();
  s.next();
  s.next();
  s.label("Medlemsavgifter: staten 1/2, regionen 1/4, kommunerna 1/4", true);
  const years = analysis.splits.map((x) => x.year);
  s.next();
  s.label("År");
  years.forEach((y, i) => s.put(2 + i, { value: y, bold: true }));

  s.next();
  s.label("Statens hälft enligt arket (Försäkringskassan och Arbetsförmedlingen)");
  analysis.splits.forEach(({ year, split }, i) => {
    const half = stateHalfIn(budget, year);
    const expr = half ? stateHalfExpr(budget, year) : `(${totalExpr(budget, year, s.spill)})/2`;
    state.set(
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
      if (key === "kommuner") quarter.set(year, cell);
    });
  }
  membersAsStated(s, analysis, years);
  return { state, quarter };
}

/** The state's, Försäkringskassan's, Arbetsförmedlingen's and the region's rows as the sheet states them. */
function membersAsStated(s: SheetBuilder, analysis: Analysis, years: readonly number[]): void {
  for (const party of ["stat", "fk", "af", "region"] as const) {
    for (const member of membersOf(analysis.budget, party)) {
      s.next();
      s.label(`${member.name} enligt arket`);
      years.forEach((year, i) => {
        const amount = amountIn(member, year);
        if (amount)
          s.put(2 + i, { formula: `=${amountExpr(amount)}`, numberFormat: KR, expected: amount.value.toNumber() });
      });
    }
  }
}

/** Rule 2: the kommun key, largest remainder, year by year; where each computed share stands. */
function kommunKeySection(s: SheetBuilder, analysis: Analysis, quarterCells: ReadonlyMap<number, string>): ShareCell[] {
  const { budget, settings } = analysis;
  const shareCells: ShareCell[] = [];
  const kommuner = membersOf(budget, "kommun");
  const byPopulation = settings.kommunKey.kind === "population";
  for (const { year } of analysis.splits) {
    const shares = analysis.members.filter((m) => m.year === year && m.party === "kommun");
    if (shares.length === 0 || shares.length !== kommuner.length) continue;
    const quarter = abs(quarterCells.get(year)!);
    s.next();
    s.next();
    s.label(
      `Kommunernas andelar ${year}: fjärdedelen efter ${byPopulation ? "befolkning" : "fast andel"}, i hela kronor enligt största rest`,
      true,
    );
    s.next();
    [
      "Kommun",
      byPopulation ? "Befolkning" : "Andel (%)",
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
  return shareCells;
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
