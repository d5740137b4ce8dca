import { columnLetters } from "../grid";
import type { CellWrite } from "./types";

export const KR = '#,##0 "kr";-#,##0 "kr"';
export const PERCENT = "0.0%";

/** Builds the control sheet row by row. */
export class SheetBuilder {
  readonly cells: CellWrite[] = [];
  row = 0;

  next(): number {
    return ++this.row;
  }

  put(column: number, write: Omit<CellWrite, "cell">): string {
    const cell = `${columnLetters(column)}${this.row}`;
    this.cells.push({ cell, ...write });
    return cell;
  }

  label(text: string, bold = false): void {
    this.put(1, { value: text, ...(bold ? { bold } : {}) });
  }
}

/** $A$1 from A1. */
export const abs = (cell: string) => cell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
