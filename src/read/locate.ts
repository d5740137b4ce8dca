import { finding, message, type Budget, type Finding, type Message } from "../domain";
import type { SheetRead } from "./budgetSheet";
import { composeBudget } from "./compose";
import type { Grid } from "../grid";
import { readMapping } from "./mapping";
import type { Location } from "./parts";
import { findPopulations, type PopulationTable } from "./population";
import { forbundGroups, populationFor } from "./forbundGroups";
import { forbundName } from "./forbundName";
import { readSheets } from "./sheetReads";

export type { Location, PartLocation, PartName } from "./parts";
export type { YearColumn } from "./yearHeaders";

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
 * and follow-up, in each orientation (sheetReads.ts); the population
 * wherever its header is; the parts composed (compose.ts). Defined names (mapping.ts) win over detection. A workbook
 * without evidence of a Finsam budget is said to be none. A workbook that
 * keeps several förbund's budgets gives each (forbundGroups.ts); `choice`
 * (the sheet of a budget's members) says which is read, else the first, and a
 * finding says there are more.
 */
export function locateBudget(grid: Grid, choice?: string): LocateResult {
  const mapping = readMapping(grid);
  const { reads, populations } = readSheets(grid, mapping);
  const groups = forbundGroups(
    reads,
    grid.sheets.map((sheet) => sheet.name),
  );
  const tables = [...findPopulations(grid), ...populations];
  const formulas = formulasOf(grid);
  const budgets = groups.flatMap((group) => {
    // The table that names the members' kommuner; with none, the largest.
    const population = mapping.population ?? populationFor(group, tables) ?? largest(tables);
    const composed = composeBudget(group, population, formulas);
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

/** Every formula of a sheet, for telling which sheets link to which. */
function formulasOf(grid: Grid): (sheet: string) => string[] {
  return (name) => {
    const sheet = grid.sheets.find((s) => s.name === name);
    return sheet ? [...sheet.rows.values()].flatMap((r) => r.formulas.filter((f): f is string => f !== null)) : [];
  };
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
