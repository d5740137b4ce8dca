/**
 * What the add-in will write, as plain data: the WritePlan and its parts. Types only, in a file of their
 * own, so that each part's builder (writePlan, boardSheet, followUpSheet) imports them and nothing here
 * imports back.
 */
import type { Severity } from "../domain";
import type { PageSetup } from "./pageSetup";

export interface CellWrite {
  /** Address on the control sheet. */
  readonly cell: string;
  readonly value?: string | number;
  /** "=…" */
  readonly formula?: string;
  readonly numberFormat?: string;
  readonly bold?: boolean;
  /** A finding's fill by severity (SEVERITY_FILL), on the cell that computes what it is about. */
  readonly fill?: string;
  /** The engine's number, in kronor, that the formula must evaluate to. */
  readonly expected?: number;
}

/** A finding shown on the user's own cell: a fill by severity and a note. */
export interface Flag {
  readonly sheet: string;
  /** A cell or a range ("B5:B8") that the flag covers; the note goes on its first cell. */
  readonly cell: string;
  readonly severity: Severity;
  readonly codes: readonly string[];
  readonly note: string;
  /**
   * What the shells write, cell by cell, with flags that overlap already resolved: each cell of the
   * plan's flags stands under one flag only (the one whose note it carries, or else the first that covers
   * it), with its final fill and, on the flag's first cell, the whole note.
   */
  readonly cells: readonly FlagCell[];
}

/** One cell as the flags leave it. */
export interface FlagCell {
  /** One cell: "B5". */
  readonly cell: string;
  /** The fill's RGB, "FFC7CE": the worst severity's of every flag that covers the cell. */
  readonly fill: string;
  /** The flag's note, NOTE_PREFIX first: on the flag's first cell only. */
  readonly note?: string;
}

/** What the add-in will do to a workbook, as plain data: applied by src/xlsx or src/excel. */
export interface WritePlan {
  readonly flags: readonly Flag[];
  /** "Skapa styrelseunderlag": the board sheet, where asked for. */
  readonly boardSheet?: BoardSheet;
  /** "Skriv Finsam-uppföljning": added by src/app/writeFollowUp.ts, where a follow-up was asked for. */
  readonly followUpSheet?: FollowUpSheet;
  readonly controlSheet: ControlSheet;
}

/** Finsam-kontroll: every computed amount as a live formula on the user's own cells. */
export interface ControlSheet {
  readonly name: string;
  readonly cells: readonly CellWrite[];
  readonly columnWidths: readonly number[];
  /** Where each kommun's computed share stands on the control sheet, for "write the shares into the sheet". */
  readonly shareCells: readonly { readonly year: number; readonly name: string; readonly cell: string }[];
  /** One page wide, portrait, the title rows on every page, "Sida 1 av N" in the footer. */
  readonly pageSetup: PageSetup;
}

export interface BoardSheet {
  readonly name: string;
  readonly cells: readonly CellWrite[];
  readonly columnWidths: readonly number[];
  readonly chart: ChartSpec;
  /** The scenarios on it, in order. */
  readonly scenarios: readonly string[];
  /** One A4 landscape page, with the förbund, the budget year and the day it was made in the header. */
  readonly pageSetup: PageSetup;
}

/**
 * A chart on one of the add-in's sheets: the board's line chart of closing
 * equity per scenario, or the follow-up's bars of budget against forecast per line.
 */
export interface ChartSpec {
  /** Lines (the default): one series a row, years along the axis; bars: one series a column, a bar pair a line. */
  readonly kind?: "line" | "bar";
  readonly title: string;
  /** The chart's data as one block, year headers on top and series names in column A: "A35:D39". */
  readonly source: string;
  /** The year headers (or, for bars, the line labels), as a range on the sheet: "$B$40:$D$40". */
  readonly categories: string;
  /** Text categories (the bars' line labels), cached in the chart; the line chart's years need none. */
  readonly categoryLabels?: readonly string[];
  readonly series: readonly {
    /** The cell holding the series' name. */
    readonly nameCell: string;
    readonly name: string;
    /** The row of values: "$B$41:$D$41". */
    readonly values: string;
    /** The engine's numbers, cached in the chart for viewers that do not recalculate. */
    readonly cache: readonly number[];
    /** A scenario's line (the default), a limit it is held against (dashed), or the zero line (thin, grey). */
    readonly role?: "value" | "limit" | "zero";
    /** The scenario it belongs to, by place, so a limit takes its scenario's colour. */
    readonly group?: number | undefined;
  }[];
  /** Where the chart stands: top-left and bottom-right cells (0-based column and row). */
  readonly from: { readonly column: number; readonly row: number };
  readonly to: { readonly column: number; readonly row: number };
  /** The value axis's number format, where not whole kronor: '#,##0, "tkr"'. */
  readonly axisFormat?: string;
}

export interface FollowUpSheet {
  readonly name: string;
  readonly cells: readonly CellWrite[];
  readonly columnWidths: readonly number[];
  /** Bars of budget against forecast per line. */
  readonly chart: ChartSpec;
  /** Portrait, one page wide, the title rows on every page, "Sida 1 av N". */
  readonly pageSetup: PageSetup;
}
