import { finding, message, type Finding } from "../domain";
import { type Grid, parseAddress, refersToSheet, SheetView } from "../grid";
import { readBudgetSheet, type SheetRead } from "./budgetSheet";
import { readLedgerExport } from "./ledgerExport";
import { type Mapping, namedSheets, namedTableSheets } from "./mapping";
import { readMembersByRows } from "./membersByRows";
import type { PopulationTable } from "./population";
import { namedAcross, readTurned, TURNED } from "./turned";
import { readYearBlocks } from "./yearBlocks";
import type { WorkbookYear } from "./yearHeaders";

/**
 * Every sheet read for the parts of a budget, each by the readings its
 * evidence allows: an export from the finance system by its accounts; any
 * other sheet as it is and turned (years as rows), the stronger reading kept,
 * and a second table of years as rows below the first; the members' table
 * with the years as rows (and its population row); members in blocks stacked
 * one per year; a lone Budget column dated by the year the rest of the
 * workbook states. A summary of another sheet's members keeps only what it
 * alone states. The population rows found beside members by rows come too.
 */
export function readSheets(
  grid: Grid,
  mapping: Mapping,
): { readonly reads: SheetRead[]; readonly populations: PopulationTable[] } {
  const views = grid.sheets.map((sheet) => new SheetView(sheet));
  // Names say which sheets hold the budget: the budget sheet and every sheet a part is named on.
  const named = namedSheets(mapping);
  const candidates = views.filter((v) => !mapping.budgetSheet || named.has(v.name));
  const byRows = candidates.flatMap((view) => readMembersByRows(view) ?? []);
  const tables = namedTableSheets(mapping);
  const exports = candidates.map((view) => (tables.has(view.name) ? undefined : readLedgerExport(view)));
  const turned = candidates.map((view) => readTurned(view, mapping));
  // A sheet whose years the names say across its rows is read turned only.
  const plain = (view: SheetView) =>
    namedAcross(mapping, view.name).length > 0 ? undefined : readBudgetSheet(view, mapping);
  const first = candidates.map((view, i) => exports[i] ?? stronger(plain(view), turned[i]![0]));
  const turnedSheets = new Set(first.flatMap((r) => (r?.header.evidence.endsWith(TURNED) ? [r.sheet] : [])));
  // A second table of years as rows on a turned sheet (the result budget under the members'): read too.
  const moreTurned = candidates.flatMap((_, i) => (first[i] === turned[i]![0] ? turned[i]!.slice(1) : []));
  // Members in blocks stacked one per year, on a sheet whose table holds none.
  const blocks = candidates.flatMap((view, i) =>
    first[i]?.members.length ? [] : (readYearBlocks(view, mapping) ?? []),
  );
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
  return { reads: withoutSummaries([...found, ...second], views), populations: byRows.map((t) => t.population) };
}

/**
 * A sheet whose members' amounts are all formulas over another sheet that
 * holds members (SUMIFS over an export) is a summary of it, not a second
 * budget: it keeps what only it states (the opening equity, its total of the
 * members) and gives up its members and lines.
 */
function withoutSummaries(reads: readonly SheetRead[], views: readonly SheetView[]): SheetRead[] {
  const byName = new Map(views.map((view) => [view.name, view]));
  const formulaAt = (sheet: string, cell: string) => {
    const at = parseAddress(cell);
    return (at && byName.get(sheet)?.formula(at.row, at.column)) ?? "";
  };
  const summarises = (read: SheetRead, sheet: string) => {
    const cells = read.members.flatMap((m) => [...m.amounts.values()].flatMap((a) => (a.ref ? [a.ref] : [])));
    return cells.length > 0 && cells.every((c) => refersToSheet(formulaAt(c.sheet, c.cell), sheet));
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
