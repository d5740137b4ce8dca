import {
  followUp,
  sortFindings,
  type Analysis,
  type CellRef,
  type Decimal,
  type Finding,
  type FollowUp,
  type ForecastChoice,
  type SourcedAmount,
} from "../domain";
import { sheetRef } from "../grid";
import { spanOf } from "../read/parts";

/** The follow-up columns a budget sheet already has (Utfall, Prognos), as the pane offers them. */
export interface SheetColumns {
  /** "'Uppföljning aug 2025'!C4:C10": the utfall cells, named where the user chooses the source. */
  readonly range: string;
  /** The months the utfall covers, where the column's header names them. */
  readonly monthsElapsed?: number;
  readonly outcomes: ReadonlyMap<string, SourcedAmount>;
  readonly forecasts: ReadonlyMap<string, SourcedAmount>;
}

/** The follow-up on the sheet's own columns: what Finsam-uppföljning references, and Rule 6's numbers. */
export interface SheetFollowUp {
  readonly kind: "sheet";
  /** What the utfall was read from, for messages: the columns' range. */
  readonly fileName: string;
  readonly columns: SheetColumns;
  readonly followUp: FollowUp;
  readonly findings: readonly Finding[];
}

/** The budget year's follow-up columns, or undefined where the sheet has none. */
export function sheetColumns(analysis: Analysis): SheetColumns | undefined {
  const year = analysis.budget.budgetYear;
  const lines = analysis.budget.followUp.filter((l) => l.year === year);
  if (lines.length === 0) return undefined;
  const outcomes = new Map<string, SourcedAmount>();
  const forecasts = new Map<string, SourcedAmount>();
  for (const l of lines) {
    if (l.outcome) outcomes.set(l.label, l.outcome);
    if (l.forecast) forecasts.set(l.label, l.forecast);
  }
  const refs = [...outcomes.values(), ...forecasts.values()].flatMap((a) => (a.ref ? [a.ref] : []));
  const months = lines.find((l) => l.monthsElapsed !== undefined)?.monthsElapsed;
  return {
    range: rangeOf(refs),
    ...(months !== undefined ? { monthsElapsed: months } : {}),
    outcomes,
    forecasts,
  };
}

/**
 * Rule 6 on the sheet's own columns: its utfall, its forecasts as typed
 * ones (the ekonomistöd wrote them), and the user's choices in the pane over them.
 */
export function followUpFromSheet(
  analysis: Analysis,
  columns: SheetColumns,
  options: { readonly monthsElapsed: number; readonly choices?: ReadonlyMap<string, ForecastChoice> },
): SheetFollowUp {
  const values = (m: ReadonlyMap<string, SourcedAmount>) =>
    new Map<string, Decimal>([...m].map(([label, a]) => [label, a.value]));
  const cells = (m: ReadonlyMap<string, SourcedAmount>) =>
    new Map<string, CellRef>([...m].flatMap(([label, a]) => (a.ref ? [[label, a.ref] as const] : [])));
  const result = followUp(analysis.budget, analysis.settings, {
    outcomes: values(columns.outcomes),
    monthsElapsed: options.monthsElapsed,
    typedForecasts: values(columns.forecasts),
    cells: { outcomes: cells(columns.outcomes), typedForecasts: cells(columns.forecasts) },
    ...(options.choices ? { choices: options.choices } : {}),
  });
  return { kind: "sheet", fileName: columns.range, columns, followUp: result, findings: sortFindings(result.findings) };
}

/** The cells' span on their first sheet, "'Blad'!C4:D10", so the user can find them. */
function rangeOf(refs: readonly SourcedAmount["ref"][]): string {
  const span = spanOf(refs);
  return span ? sheetRef(span.sheet, span.range) : "";
}
