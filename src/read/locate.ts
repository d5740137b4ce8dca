import { finding, message, type Budget, type Finding, type Message } from "../domain";
import { readBudgetSheet, type SheetRead } from "./budgetSheet";
import { composeBudget } from "./compose";
import { type Grid, parseAddress, SheetView } from "../grid";
import { readMapping } from "./mapping";
import type { Location } from "./parts";
import { readMembersByRows } from "./membersByRows";
import { readLedgerExport } from "./ledgerExport";
import { readTurned, TURNED } from "./turned";
import { readYearBlocks } from "./yearBlocks";
import { findPopulations, type PopulationTable } from "./population";
import { forbundGroups, populationFor } from "./forbundGroups";
import { forbundName } from "./forbundName";

export type { Location, PartLocation, PartName } from "./parts";
export type { YearColumn } from "./yearHeaders";
import type { WorkbookYear } from "./yearHeaders";

/** One förbund's budget in a workbook: the sheet of its members, and its name from the sheet's title. */
export interface BudgetChoice {
  readonly sheet: string;
  readonly name: string;
}

export type LocateResult =
  | {
      readonly ok: true;
      readonly budget: Budget;
      readonly location: Location;
      readonly findings: readonly Finding[];
      /** Every förbund's budget the workbook keeps (nearly always one), and which of them was read. */
      readonly budgets: readonly BudgetChoice[];
      readonly chosen: number;
    }
  | { readonly ok: false; readonly reason: Message; readonly findings: readonly Finding[] };

/**
 * Reads the budget's parts wherever they stand and puts them together, with
 * no configuration: each sheet read for its members, lines, totals, equity
 * and follow-up; the population wherever its header is; the parts composed
 * (compose.ts). Defined names (mapping.ts) win over detection. A workbook
 * without evidence of a Finsam budget is said to be none. A workbook that
 * keeps several förbund's budgets gives each (forbundGroups.ts); `choice`
 * (the sheet of a budget's members) says which is read, else the first, and a
 * finding says there are more.
 */
export function locateBudget(grid: Grid, choice?: string): LocateResult {
  const mapping = readMapping(grid);
  const views = grid.sheets.map((sheet) => new SheetView(sheet));
  const byRows = views.flatMap((view) => readMembersByRows(view) ?? []);
  const candidates = views.filter((v) => !mapping.budgetSheet || v.name === mapping.budgetSheet);
  // An export from the finance system is read by its accounts; any other sheet as it is and turned
  // (years as rows), and the reading with more members and lines is kept.
  const exports = candidates.map((view) => (mapping.budgetSheet ? undefined : readLedgerExport(view)));
  const turned = candidates.map((view) => readTurned(view, mapping));
  const first = candidates.map((view, i) => exports[i] ?? stronger(readBudgetSheet(view, mapping), turned[i]![0]));
  const turnedSheets = new Set(first.flatMap((r) => (r?.header.evidence.endsWith(TURNED) ? [r.sheet] : [])));
  // A second table of years as rows on a turned sheet (the result budget under the members'): read too.
  const moreTurned = candidates.flatMap((view, i) => (first[i] === turned[i]![0] ? turned[i]!.slice(1) : []));
  // Members in blocks stacked one per year, on a sheet whose table holds none.
  const blocks = candidates.flatMap((view, i) => (first[i]?.members.length ? [] : (readYearBlocks(view) ?? [])));
  const found = [
    ...first.flatMap((r) => r ?? []),
    ...moreTurned,
    ...byRows.flatMap((t) => (turnedSheets.has(t.read.sheet) ? [] : [t.read])),
    ...blocks,
  ];
  // A lone "Budget" column on a sheet that names no year takes the year the rest of the workbook states.
  const year = workbookYear(found);
  const second = year
    ? candidates.flatMap((view, i) => {
        const read = first[i] || exports[i] ? undefined : readBudgetSheet(view, mapping, year);
        return read ? [{ ...read, findings: [...read.findings, yearFromElsewhere(read, year.sheet)] }] : [];
      })
    : [];
  const reads = withoutSummaries([...found, ...second], grid);
  const groups = forbundGroups(
    reads,
    grid.sheets.map((sheet) => sheet.name),
  );
  const tables = [...findPopulations(grid), ...byRows.map((t) => t.population)];
  const budgets = groups.flatMap((group) => {
    // The table that names the members' kommuner; with none, the largest.
    const population = mapping.population ?? populationFor(group, tables) ?? largest(tables);
    const composed = composeBudget(group, population, formulasOf(grid));
    return composed && looksLikeBudget(composed.budget) ? [{ composed, population }] : [];
  });
  if (budgets.length === 0) return { ok: false, reason: NOT_A_BUDGET, findings: mapping.findings };
  const choices = budgets.map(({ composed: c }): BudgetChoice => {
    const sheet = c.membersFrom.sheet;
    return { sheet, name: forbundName({ ...grid, sheets: grid.sheets.filter((g) => g.name === sheet) }) ?? sheet };
  });
  const picked = Math.max(
    0,
    choices.findIndex((c) => c.sheet === choice),
  );
  const { composed, population } = budgets[picked]!;
  const { budget, main, membersFrom, parts } = composed;
  const used = [...new Set([main, membersFrom, ...composed.joined])];
  const findings = [
    ...mapping.findings,
    ...used.flatMap((r) => r.findings),
    ...composed.findings,
    ...hiddenSheets(grid, used),
    ...(choices.length > 1 && choices[picked]!.sheet !== choice ? [severalBudgets(choices, picked)] : []),
  ];
  const location: Location = {
    sheet: main.sheet,
    labelColumn: main.labelColumn,
    headerRow: main.header.row,
    yearColumns: main.header.columns,
    unit: main.budget.unit,
    population: population.entries,
    parts,
  };
  return { ok: true, budget, location, findings, budgets: choices, chosen: picked };
}

/** More than one förbund's budget, and none chosen: the first is read, and the finding says how to choose. */
function severalBudgets(choices: readonly BudgetChoice[], picked: number): Finding {
  const names = choices.map((c) => `”${c.name}” (bladet ”${c.sheet}”)`).join(" och ");
  const namesEn = choices.map((c) => `"${c.name}" (sheet "${c.sheet}")`).join(" and ");
  const read = choices[picked]!;
  return finding({
    code: "INPUT_SEVERAL_BUDGETS",
    severity: "warning",
    ref: { sheet: read.sheet, cell: "A1" },
    message: message(
      `Arbetsboken har ${choices.length} budgetar: ${names}. Den första, ”${read.name}”, lästes. Välj budget i fönstret, med --budget <blad> på kommandoraden eller med namnet Finsam_Budgetblad.`,
      `The workbook holds ${choices.length} budgets: ${namesEn}. The first, "${read.name}", was read. Choose the budget in the pane, with --budget <sheet> on the command line, or with the name Finsam_Budgetblad.`,
    ),
  });
}

/**
 * A sheet whose members' amounts are all formulas over another sheet that
 * holds members (SUMIFS over an export) is a summary of it, not a second
 * budget: it keeps what only it states (the opening equity, its total of the
 * members) and gives up its members and lines.
 */
function withoutSummaries(reads: readonly SheetRead[], grid: Grid): SheetRead[] {
  const views = new Map(grid.sheets.map((sheet) => [sheet.name, new SheetView(sheet)]));
  const formulaAt = (sheet: string, cell: string) => {
    const at = parseAddress(cell);
    return (at && views.get(sheet)?.formula(at.row, at.column)) ?? "";
  };
  const summarises = (read: SheetRead, sheet: string) => {
    const cells = read.members.flatMap((m) => [...m.amounts.values()].flatMap((a) => (a.ref ? [a.ref] : [])));
    const named = [`'${sheet.replace(/'/g, "''")}'!`, `${sheet}!`];
    return cells.length > 0 && cells.every((c) => named.some((n) => formulaAt(c.sheet, c.cell).includes(n)));
  };
  const sources = reads.filter((r) => r.members.length > 0);
  return reads.map((read) => {
    if (!sources.some((other) => other.sheet !== read.sheet && summarises(read, other.sheet))) return read;
    const { budgetYear, planYears, unit, openingEquity, statedContributionTotal } = read.budget;
    return {
      ...read,
      members: [],
      budget: {
        unit,
        budgetYear,
        planYears,
        otherIncome: [],
        equityDrawdowns: [],
        costs: [],
        sums: [],
        followUp: [],
        ...(openingEquity ? { openingEquity } : {}),
        // Its members' total is the user's own sum of the export's rows: still checked against T.
        ...(statedContributionTotal ? { statedContributionTotal } : {}),
      },
      parts: read.parts.filter((p) => p.part === "openingEquity" || p.part === "contributionTotal"),
      findings: [],
    };
  });
}

/** The read with more members and lines; the first where they tie. */
function stronger(a: SheetRead | undefined, b: SheetRead | undefined): SheetRead | undefined {
  if (!a || !b) return a ?? b;
  const score = (r: SheetRead) =>
    r.members.length * 10 + r.budget.costs.length + r.budget.otherIncome.length + r.budget.equityDrawdowns.length;
  return score(b) > score(a) ? b : a;
}

/** Every formula of a sheet, for telling which sheets link to which. */
function formulasOf(grid: Grid): (sheet: string) => string[] {
  return (name) => {
    const sheet = grid.sheets.find((s) => s.name === name);
    return sheet ? [...sheet.rows.values()].flatMap((r) => r.formulas.filter((f): f is string => f !== null)) : [];
  };
}

/** The one budget year the sheets that state a year agree on, and the sheet that says it. */
function workbookYear(all: readonly SheetRead[]): (WorkbookYear & { readonly sheet: string }) | undefined {
  const reads = all.filter((r) => r.members.length > 0 || r.budget.costs.length > 0);
  const years = new Set(reads.map((r) => r.budget.budgetYear));
  const said = reads[0];
  return years.size === 1 && said
    ? { year: said.budget.budgetYear, evidence: `budgetåret från bladet ”${said.sheet}”`, sheet: said.sheet }
    : undefined;
}

/** The year came from another sheet: said on the Budget column's header, so the user can check it. */
function yearFromElsewhere(read: SheetRead, source: string): Finding {
  const header = read.header.columns[0]!.header;
  const year = read.budget.budgetYear;
  return finding({
    code: "INPUT_WEAK_EVIDENCE",
    severity: "info",
    ref: header,
    year,
    message: message(
      `Bladet ”${read.sheet}” anger inget år för kolumnen Budget (${header.cell}); budgetåret ${year} är taget från bladet ”${source}”. Skriv året i rubriken om det är fel.`,
      `The sheet "${read.sheet}" states no year for its Budget column (${header.cell}); the budget year ${year} is taken from the sheet "${source}". Write the year in the header if it is wrong.`,
    ),
  });
}

/** The population table with most kommuner; none (a follow-up has no members) is an empty one. */
function largest(tables: readonly PopulationTable[]): PopulationTable {
  return tables.reduce<PopulationTable>((a, b) => (b.entries.length > a.entries.length ? b : a), { entries: [] });
}

const NOT_A_BUDGET = message(
  "Arbetsboken innehåller ingen budget: den ser inte ut som en budget för ett samordningsförbund, för inget blad har årskolumner med parternas medlemsavgifter (staten, regionen, kommunerna) eller en uppföljning av budgeten. Inget skrivs i arbetsboken.",
  "The workbook holds no budget: it does not look like a samordningsförbund budget, for no sheet has year columns with the parties' contributions (the state, the region, the kommuner) or a follow-up of the budget. Nothing is written to the workbook.",
);

/**
 * Evidence of a Finsam budget: the state or the region among the members,
 * two kommuner, a row of the members' contributions, or a follow-up
 * (budget against utfall or prognos). A list of parts with year-like numbers is none.
 */
function looksLikeBudget(budget: Budget): boolean {
  const parties = budget.members.filter((m) => m.party !== "kommun").length;
  const kommuner = budget.members.length - parties;
  return parties > 0 || kommuner >= 2 || budget.statedContributionTotal !== undefined || budget.followUp.length > 0;
}

function hiddenSheets(grid: Grid, used: readonly SheetRead[]): Finding[] {
  return used.flatMap((r) =>
    grid.sheets.find((s) => s.name === r.sheet)?.visible === false
      ? [
          finding({
            code: "INPUT_HIDDEN_SHEET",
            severity: "info",
            ref: { sheet: r.sheet, cell: "A1" },
            message: message(
              `Budgeten lästes från det dolda bladet ”${r.sheet}”.`,
              `The budget was read from the hidden sheet "${r.sheet}".`,
            ),
          }),
        ]
      : [],
  );
}
