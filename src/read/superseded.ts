import { finding, message, type Finding, type Member, type YearAmounts } from "../domain";
import { address, parseAddress, type SheetView } from "../grid";
import { memberKey } from "./kommunNames";
import { skipsHidden, summedRows } from "./totals";

/**
 * A hidden member row that the members' total leaves out is superseded (a
 * preliminary split, last year's decision): the total's formula says what
 * counts. Where no formula says, a hidden row repeating a visible member is.
 * A visible row the total leaves out still counts: that is the total's error,
 * and the checks say so.
 */
export function withoutSuperseded(
  view: SheetView,
  members: readonly Member[],
  total: YearAmounts | undefined,
  findings: Finding[],
): Member[] {
  const rowOf = (m: Member) => (m.nameRef ? (parseAddress(m.nameRef.cell)?.row ?? 0) : 0);
  const covered = rowsCovered(view, total, new Set(members.map(rowOf)));
  const visible = new Set(members.filter((m) => !view.isHiddenRow(rowOf(m))).map((m) => memberKey(m.party, m.name)));
  return members.filter((m) => {
    const row = rowOf(m);
    if (!view.isHiddenRow(row)) return true;
    const superseded = covered ? !covered.has(row) : visible.has(memberKey(m.party, m.name));
    if (!superseded) return true;
    const at = findings.findIndex(
      (f) => f.code === "INPUT_HIDDEN_ROW" && f.cell === m.nameRef?.cell && f.sheet === view.name,
    );
    if (at >= 0) findings.splice(at, 1);
    findings.push(notCounted(view, m, covered !== undefined));
    return false;
  });
}

/** The rows the members' total adds up in its formulas, where it adds up two or more member rows. */
function rowsCovered(
  view: SheetView,
  total: YearAmounts | undefined,
  memberRows: ReadonlySet<number>,
): ReadonlySet<number> | undefined {
  const rows = new Set<number>();
  for (const amount of total?.values() ?? []) {
    if (!amount.ref || amount.ref.sheet !== view.name) continue;
    const at = parseAddress(amount.ref.cell);
    if (!at) continue;
    const { row, column } = at;
    const formula = view.formula(row, column);
    for (const r of summedRows(formula, column) ?? []) if (!(skipsHidden(formula) && view.isHiddenRow(r))) rows.add(r);
  }
  return [...rows].filter((r) => memberRows.has(r)).length >= 2 ? rows : undefined;
}

function notCounted(view: SheetView, member: Member, byFormula: boolean): Finding {
  const cell = member.nameRef?.cell ?? address(1, 1);
  return finding({
    code: "INPUT_WEAK_EVIDENCE",
    severity: "info",
    ref: { sheet: view.name, cell },
    message: byFormula
      ? message(
          `Den dolda raden ”${member.name}” (${cell}) räknas inte: medlemmarnas summa tar inte med den, så den läses som ersatt.`,
          `The hidden row "${member.name}" (${cell}) is not counted: the members' total leaves it out, so it is read as superseded.`,
        )
      : message(
          `Den dolda raden ”${member.name}” (${cell}) upprepar en synlig medlem och räknas inte: den läses som ersatt.`,
          `The hidden row "${member.name}" (${cell}) repeats a visible member and is not counted: it is read as superseded.`,
        ),
  });
}
