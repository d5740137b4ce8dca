import type { Decimal } from "../domain";
import { columnLetters } from "../grid";
import type { Spill } from "./formulas";
import type { CellWrite } from "./types";

/** Whole kronor; a negative amount with the minus sign (U+2212) the texts use, not a hyphen. */
export const KR = '#,##0 "kr";"−"#,##0 "kr"';
/** A per cent with one decimal; negative with the minus sign of the texts. */
export const PERCENT = '0.0%;"−"0.0%';

/** Builds the control sheet row by row. */
export class SheetBuilder {
  readonly cells: CellWrite[] = [];
  row = 0;
  /** Partial sums of sums past Excel's limits, laid out below the sheet by finish(). */
  private readonly partials: { readonly formula: string; readonly expected: number }[] = [];

  /** A partial sum's cell, as a mark that finish() turns into its address. */
  readonly spill: Spill = (formula: string, expected: Decimal) => {
    this.partials.push({ formula, expected: expected.toNumber() });
    return `⟦${this.partials.length - 1}⟧`;
  };

  /** Whether a sum was cut into partial sums. */
  get spilled(): boolean {
    return this.partials.length > 0;
  }

  /**
   * The partial sums below the sheet, under a heading that says why, and their
   * addresses in the formulas that add them up. Call once, last.
   */
  finish(): void {
    if (this.partials.length === 0) return;
    this.next();
    this.next();
    this.label("Delsummor: långa summor delade efter Excels gränser (8 192 tecken, 255 argument)", true);
    const at = this.partials.map((p, i) => {
      this.next();
      this.label(`Delsumma ${i + 1}`);
      return this.put(2, { formula: p.formula, numberFormat: KR, expected: p.expected });
    });
    this.cells.forEach((c, i) => {
      if (c.formula?.includes("⟦"))
        this.cells[i] = { ...c, formula: c.formula.replace(/⟦(\d+)⟧/g, (_, n: string) => at[Number(n)]!) };
    });
  }

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
