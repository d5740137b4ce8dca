import { UNIT_FACTOR, type Finding, type Member, type SourcedAmount, type StatedSum } from "../domain";
import { address, type SheetView } from "../grid";
import { readCell } from "./amountCells";
import type { SheetRead } from "./budgetSheet";
import { memberKey } from "./kommunNames";
import { partAdder, type PartLocation } from "./parts";
import { amountKind, yearIn } from "./swedishNumber";
import { findLabelColumn } from "./tables";
import { findUnit } from "./units";
import { classifyLabel, columnKind, POPULATION_HEADER } from "./vocabulary";
import type { Mapping } from "./mapping";
import type { NamedBlocks } from "./namedYears";
import type { YearColumn } from "./yearHeaders";

/** One block: its heading's year and kind, its member rows and its total. */
interface Block {
  readonly heading: number;
  readonly year: number;
  readonly kind: YearColumn["kind"];
  readonly rows: { readonly row: number; readonly column: number; readonly party: Member["party"] }[];
  readonly total?: { readonly row: number; readonly column: number };
}

/**
 * The members' contributions as blocks stacked down a sheet, one per year,
 * each under a heading that names the year ("Medlemsinsatser budget 2025",
 * "Medlemsinsatser plan 2026 (−10 %)") and with the amounts in one column.
 * The evidence: two or more such headings, each over two or more parties.
 */
export function readYearBlocks(view: SheetView, mapping?: Mapping): SheetRead | undefined {
  const labelColumn = mapping?.labelColumns?.get(view.name) ?? findLabelColumn(view);
  const named = mapping?.yearBlocks?.find((b) => b.sheet === view.name);
  const blocks = named
    ? namedBlocks(view, named, mapping?.memberRows?.get(view.name), labelColumn)
    : findBlocks(view, labelColumn);
  if (blocks.length < 2) return undefined;
  const findings: Finding[] = [];
  const unit = mapping?.unit ? { unit: mapping.unit } : findUnit(view, blocks[0]!.heading);
  const factor = UNIT_FACTOR[unit.unit];
  const members = new Map<string, Member & { amounts: Map<number, SourcedAmount> }>();
  const sums: StatedSum[] = [];
  const stated = new Map<number, SourcedAmount>();
  for (const block of blocks) {
    const parts: SourcedAmount[] = [];
    for (const { row, column, party } of block.rows) {
      const amount = readCell(view, row, column, factor, findings);
      if (!amount) continue;
      const name = view.text(row, labelColumn);
      const key = memberKey(party, name);
      const member = members.get(key) ?? {
        name,
        party,
        amounts: new Map<number, SourcedAmount>(),
        nameRef: { sheet: view.name, cell: address(row, labelColumn) },
      };
      member.amounts.set(block.year, amount);
      members.set(key, member);
      parts.push(amount);
    }
    const total = block.total && readCell(view, block.total.row, block.total.column, factor, findings);
    if (total) {
      stated.set(block.year, total);
      sums.push({ label: view.text(block.total!.row, labelColumn), year: block.year, stated: total, parts });
    }
  }
  const budgetYear = (blocks.find((b) => b.kind === "budget") ?? blocks[0]!).year;
  const columns = blocks.map((b): YearColumn => ({
    column: b.rows[0]!.column,
    year: b.year,
    kind: b.kind,
    header: { sheet: view.name, cell: address(b.heading, labelColumn) },
  }));
  const parts: PartLocation[] = [];
  const add = partAdder(parts);
  add(
    "years",
    columns.map((c) => c.header),
    EVIDENCE,
  );
  add(
    "members",
    [...members.values()].map((m) => m.nameRef),
    "partsnamn under blockrubriker med årtal",
  );
  return {
    sheet: view.name,
    budget: {
      unit: unit.unit,
      budgetYear,
      planYears: blocks.map((b) => b.year).filter((y) => y > budgetYear),
      ...(stated.size > 0 ? { statedContributionTotal: stated } : {}),
      otherIncome: [],
      equityDrawdowns: [],
      costs: [],
      sums,
      followUp: [],
    },
    members: [...members.values()],
    labelColumn,
    header: { row: blocks[0]!.heading, columns, evidence: EVIDENCE },
    parts,
    findings,
  };
}

const EVIDENCE = "årtal i blockrubriker, ett block per år";

/** The blocks the names say (Finsam_Budget_2025 over one block's amounts): the named members' rows in each. */
function namedBlocks(
  view: SheetView,
  named: NamedBlocks,
  memberRows: ReadonlySet<number> | undefined,
  labelColumn: number,
): Block[] {
  return named.blocks.flatMap((b) => {
    const rows = view.rowNumbers(b.first, b.last).flatMap((row) => {
      const role = classifyLabel(view.text(row, labelColumn));
      if (memberRows ? !memberRows.has(row) : role.kind !== "member") return [];
      return [{ row, column: b.column, party: role.kind === "member" ? role.party : ("kommun" as const) }];
    });
    return rows.length > 0 ? [{ heading: Math.max(1, b.first - 1), year: b.year, kind: b.kind, rows }] : [];
  });
}

/** Each heading with a year and no amounts, over two or more party rows, down to its total or the next gap. */
function findBlocks(view: SheetView, labelColumn: number): Block[] {
  const blocks: Block[] = [];
  const rows = view.rowsAndGaps();
  for (let i = 0; i < rows.length; i++) {
    const heading = rows[i]!;
    const label = view.text(heading, labelColumn);
    const year = yearIn(label);
    if (year === undefined || POPULATION_HEADER.test(label.toLowerCase()) || firstAmount(view, heading, labelColumn))
      continue;
    const block: Block["rows"] = [];
    let total: Block["total"];
    for (let j = i + 1; j < rows.length; j++) {
      const row = rows[j]!;
      const role = classifyLabel(view.text(row, labelColumn));
      const column = firstAmount(view, row, labelColumn);
      if (role.kind === "member" && column !== undefined) block.push({ row, column, party: role.party });
      else if (role.kind === "total" && column !== undefined && block.length > 0) {
        total = { row, column };
        break;
      } else if (role.kind !== "derived") break;
    }
    if (block.length < 2) continue;
    blocks.push({ heading, year, kind: columnKind(label), rows: block, ...(total ? { total } : {}) });
  }
  // Each year once: a second heading of a year already read is no block of its own.
  return blocks.filter((b, i) => blocks.findIndex((o) => o.year === b.year) === i);
}

function firstAmount(view: SheetView, row: number, labelColumn: number): number | undefined {
  return view.columnNumbers(row, labelColumn + 1).find((c) => amountKind(view.value(row, c)).kind === "amount");
}
