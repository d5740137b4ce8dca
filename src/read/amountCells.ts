import {
  Decimal,
  finding,
  message,
  UNIT_FACTOR,
  type BudgetLine,
  type CellRef,
  type Finding,
  type SourcedAmount,
  type YearAmounts,
} from "../domain";
import { address, type SheetView } from "../grid";
import type { CellPlace } from "./parts";
import { readAmount, yearIn } from "./swedishNumber";

/**
 * Reads one amount cell in kronor (× factor: 1000 for tkr, 10⁶ for Mkr, −1 where costs
 * are negative); INPUT_* findings for error values and text that is not a number.
 */
export function readCell(
  view: SheetView,
  row: number,
  column: number,
  factor: number,
  findings: Finding[],
): SourcedAmount | undefined {
  const raw = view.value(row, column);
  if (typeof raw === "number" && Number.isFinite(raw)) {
    // The common cell: a whole product is exact as a number, and needs no Decimal until asked for.
    const product = raw * factor;
    const whole = Number.isSafeInteger(product) && Number.isInteger(raw);
    return new CellAmount(
      view.name,
      row,
      column,
      whole || factor === 1 ? product : new Decimal(raw).times(factor),
      factor,
    );
  }
  const ref = { sheet: view.name, cell: address(row, column) };
  const reading = readAmount(raw);
  switch (reading.kind) {
    case "empty":
      return undefined;
    case "amount": {
      // A unit typed with the amount ("450 tkr") counts where the sheet states none.
      const inKronor = reading.unit && Math.abs(factor) === 1 ? UNIT_FACTOR[reading.unit] * factor : factor;
      if (reading.typedAsText) {
        findings.push(
          finding({
            code: "INPUT_TEXT_AMOUNT",
            severity: "info",
            ref,
            message: message(
              `${view.name}!${ref.cell}: talet är inskrivet som text (”${String(view.value(row, column))}”); det lästes som ${reading.value.toFixed()}. Formler i Excel räknar inte med text.`,
              `${view.name}!${ref.cell}: the number is typed as text ("${String(view.value(row, column))}"); it was read as ${reading.value.toFixed()}. Excel formulas do not count text.`,
            ),
          }),
        );
      }
      return {
        value: inKronor === 1 ? reading.value : reading.value.times(inKronor),
        ref,
        ...(inKronor !== 1 ? { factor: inKronor } : {}),
        ...(reading.typedAsText ? { typedAsText: true } : {}),
      };
    }
    case "error":
      findings.push(
        finding({
          code: "INPUT_ERROR_VALUE",
          severity: "warning",
          ref,
          message: message(
            `${view.name}!${ref.cell} innehåller felvärdet ${reading.error} och kan inte läsas; raden räknas utan det beloppet.`,
            `${view.name}!${ref.cell} holds the error ${reading.error} and cannot be read; the row is counted without it.`,
          ),
        }),
      );
      return undefined;
    case "text":
      if (yearIn(reading.text) !== undefined) return undefined;
      findings.push(
        finding({
          code: "INPUT_TEXT_IN_AMOUNT",
          severity: "warning",
          ref,
          message: message(
            `${view.name}!${ref.cell} innehåller texten ”${reading.text}” där ett belopp väntas; cellen räknas inte.`,
            `${view.name}!${ref.cell} holds the text "${reading.text}" where an amount is expected; the cell is not counted.`,
          ),
        }),
      );
      return undefined;
  }
}

/**
 * An amount read from a number cell. Its Decimal and its address are made when
 * first asked for: a budget of thousands of lines needs few of either (sums add
 * wholeKronor), and every object kept per cell is work for the garbage collector.
 * value and ref are getters, so spreading one ({ ...amount }) would lose them.
 */
class CellAmount implements SourcedAmount {
  private decimal: Decimal | undefined;
  private cellRef: CellRef | undefined;
  readonly wholeKronor: number | undefined;
  readonly factor: number | undefined;

  constructor(
    private readonly sheet: string,
    private readonly row: number,
    private readonly column: number,
    /** The kronor as a number where that is exact (a whole product, or the cell's own number), else as a Decimal. */
    kronor: number | Decimal,
    factor: number,
  ) {
    if (typeof kronor === "number" && Number.isSafeInteger(kronor)) this.wholeKronor = kronor;
    else {
      this.decimal = typeof kronor === "number" ? new Decimal(kronor) : kronor;
      // 785,5 tkr is whole kronor too, though its product as a number might not have been exact.
      const whole = this.decimal.isInteger() ? this.decimal.toNumber() : undefined;
      if (whole !== undefined && Number.isSafeInteger(whole)) this.wholeKronor = whole;
    }
    if (factor !== 1) this.factor = factor;
  }

  get value(): Decimal {
    return (this.decimal ??= new Decimal(this.wholeKronor!));
  }

  get ref(): CellRef {
    return (this.cellRef ??= { sheet: this.sheet, cell: address(this.row, this.column) });
  }
}

/**
 * A budget line read from a row. Like a CellAmount it writes its label's
 * address only when asked; it is its own place, so a part's span needs none.
 */
export class SheetLine implements BudgetLine, CellPlace {
  private cellRef: CellRef | undefined;

  constructor(
    readonly label: string,
    readonly amounts: YearAmounts,
    readonly sheet: string,
    readonly row: number,
    readonly column: number,
  ) {}

  get labelRef(): CellRef {
    return (this.cellRef ??= { sheet: this.sheet, cell: address(this.row, this.column) });
  }
}
