/**
 * npm run corpus: reads every fixture of test/fixtures/layouts with the real
 * pipeline and says, per fixture, whether it was read right ("rätt") or not
 * ("fel", with the first differences), and the total. A report: exit 0 always.
 * `npm run corpus -- <folder>` reads another folder of fixtures (a blind batch);
 * `npm run corpus -- --named` reads each fixture named by hand and disturbed (test/layouts/namedRun.ts).
 */
import { resolve } from "node:path";
import { checkFixture, fixtureNames, LAYOUTS_DIR } from "../test/layouts/corpusRun";
import { checkNamedFixture, NAMED_DIR } from "../test/layouts/namedRun";

const SHOWN = Number(process.env.SHOWN ?? 4);

async function main(): Promise<void> {
  const named = process.argv[2] === "--named";
  const dir = process.argv[2] && !named ? resolve(process.argv[2]) : LAYOUTS_DIR;
  const names = await fixtureNames(named ? NAMED_DIR : dir);
  let right = 0;
  for (const name of names) {
    const { differences } = named ? await checkNamedFixture(name) : await checkFixture(name, dir);
    if (differences.length === 0) {
      right++;
      process.stdout.write(`rätt  ${name}\n`);
      continue;
    }
    process.stdout.write(`fel   ${name} (${differences.length} skillnader)\n`);
    for (const d of differences.slice(0, SHOWN)) process.stdout.write(`        ${d}\n`);
  }
  process.stdout.write(`\n${right} av ${names.length} lästa rätt.\n`);
}

main().catch((error) => {
  process.stdout.write(`Korpusen kunde inte köras: ${String(error)}\n`);
});
