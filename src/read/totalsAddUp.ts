import type { StatedSum } from "../domain";
import type { Item } from "./tables";
import { arithmeticSubtotalOf, withoutCovered } from "./totals";
import type { YearColumn } from "./yearHeaders";

/**
 * Whether a total with no formula adds up to the lines above it, and the
 * stated sums it is checked as: what decides the lines such a total covers.
 */

/**
 * A total with no SUM covers the block just above it, else its section; where
 * the block does not add up to it but the whole section does (lines under
 * sub-headings with no subtotals of their own), the section; where neither
 * does, the rows just above that do ("Summa kommuner" under the state and the region).
 */
export function blockOrSection(
  item: Item,
  block: Item[],
  sectionItems: Item[],
  columns: readonly YearColumn[],
): Item[] {
  if (block.length === 0) return sectionItems;
  if (addsUpTo(item, block, columns)) return block;
  const section = [...sectionItems, ...block];
  if (addsUpTo(item, section, columns)) return section;
  return arithmeticSubtotalOf(item, block, columns) ?? block;
}

export function addsUpTo(item: Item, parts: readonly Item[], columns: readonly YearColumn[]): boolean {
  const leaves = withoutCovered(parts, columns);
  return columns.every((_, i) => {
    if (item.numbers[i] === 0) return true;
    const total = leaves.reduce((acc, p) => acc + (p.numbers[i] ?? 0), 0);
    return Math.abs(total - item.numbers[i]!) < 0.005;
  });
}

/** The item's stated amount for a year as a sum of the parts' amounts; none when it states none. */
export function sumOf(item: Item, parts: readonly Item[], year: number): StatedSum[] {
  const stated = item.amounts.get(year);
  return stated
    ? [
        {
          label: item.label,
          year,
          stated,
          parts: parts.flatMap((p) => (p.amounts.get(year) ? [p.amounts.get(year)!] : [])),
        },
      ]
    : [];
}
