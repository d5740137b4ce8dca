import type { SheetRead } from "./budgetSheet";
import { memberKey } from "./kommunNames";
import { populationIndex, withPopulation, type PopulationTable } from "./population";

/**
 * The reads of each förbund in a workbook that keeps more than one (an
 * ekonomistöd serving two, a sheet each). Sheets whose members share a kommun
 * are one förbund's; sheets of no kommun (a result budget, a plan of costs)
 * belong to the nearest förbund before them in the workbook, else after. One
 * group where the workbook keeps one förbund, which is nearly always.
 */
export function forbundGroups(reads: readonly SheetRead[], sheetOrder: readonly string[]): SheetRead[][] {
  const place = (r: SheetRead) => sheetOrder.indexOf(r.sheet);
  const kommuner = (r: SheetRead) =>
    new Set(r.members.filter((m) => m.party === "kommun").map((m) => memberKey(m.party, m.name)));
  const groups: { kommuner: Set<string>; reads: SheetRead[] }[] = [];
  const loose: SheetRead[] = [];
  for (const read of reads) {
    const own = kommuner(read);
    if (own.size === 0) {
      loose.push(read);
      continue;
    }
    const sharing = groups.filter((g) => [...own].some((k) => g.kommuner.has(k)));
    const merged = { kommuner: new Set([...own, ...sharing.flatMap((g) => [...g.kommuner])]), reads: [read] };
    for (const g of sharing) merged.reads.push(...g.reads);
    groups.splice(0, groups.length, ...groups.filter((g) => !sharing.includes(g)), merged);
  }
  if (groups.length <= 1) return [[...reads]];
  groups.sort((a, b) => Math.min(...a.reads.map(place)) - Math.min(...b.reads.map(place)));
  for (const read of loose) {
    const before = groups.filter((g) => g.reads.some((r) => place(r) <= place(read)));
    const nearest = (before.length > 0 ? before : groups).reduce((a, b) =>
      distance(a.reads, read, place) <= distance(b.reads, read, place) ? a : b,
    );
    nearest.reads.push(read);
  }
  return groups.map((g) => g.reads.sort((a, b) => place(a) - place(b)));
}

function distance(reads: readonly SheetRead[], read: SheetRead, place: (r: SheetRead) => number): number {
  return Math.min(...reads.map((r) => Math.abs(place(r) - place(read))));
}

/** The population table that names most of the group's kommuner; undefined when none names any. */
export function populationFor(
  group: readonly SheetRead[],
  tables: readonly PopulationTable[],
): PopulationTable | undefined {
  const kommuner = group.flatMap((r) => r.members.filter((m) => m.party === "kommun"));
  let best: PopulationTable | undefined;
  let bestCount = 0;
  for (const table of tables) {
    const index = populationIndex(table.entries);
    const count = kommuner.filter((m) => withPopulation(m, index).population !== undefined).length;
    if (count > bestCount) [best, bestCount] = [table, count];
  }
  return best;
}
