/**
 * tsx scripts/compare-readers.ts [--cases 300]
 *
 * Issue 13's comparison of the reader we have (ExcelJS 4.4, through
 * src/xlsx/readGrid.ts) with SheetJS (`@e965/xlsx`, SheetJS's build on npm),
 * on the fixtures, the hostile files and fuzz cases: how many files each reads,
 * how fast (median and slowest), how many hang (no answer in 20 s, in a worker
 * thread), and on the sound files how many cells SheetJS reads as ExcelJS
 * does. SheetJS is not a dependency: `npm i --no-save @e965/xlsx` (or set
 * SHEETJS to its folder) before running this.
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { BASES, bytesOf, fuzzCase } from "../test/support/fuzzCases";

type Answer = { ok: boolean; ms: number; cells?: Record<string, string> };

const WORKER = `
const { parentPort } = require("node:worker_threads");
require(${JSON.stringify(require.resolve("tsx/cjs"))});
const reader = process.env.READER;
parentPort.on("message", async (bytes) => {
  const start = performance.now();
  const cells = {};
  try {
    if (reader === "exceljs") {
      const { readGridFromBuffer } = require(${JSON.stringify(join(__dirname, "../src/xlsx/readGrid.ts"))});
      const { address } = require(${JSON.stringify(join(__dirname, "../src/grid/address.ts"))});
      const grid = await readGridFromBuffer(bytes);
      for (const s of grid.sheets) for (const [r, row] of s.rows) row.values.forEach((v, i) => {
        if (typeof v === "number" || typeof v === "string") cells[s.name + "!" + address(r, row.columns[i])] = String(v);
      });
    } else {
      const XLSX = require(process.env.SHEETJS || "@e965/xlsx");
      const wb = XLSX.read(bytes, { type: "array", cellFormula: true, cellNF: true, dense: false });
      for (const name of wb.SheetNames) for (const [a, c] of Object.entries(wb.Sheets[name])) {
        if (a[0] === "!" ) continue;
        if ((c.t === "n" || c.t === "s") && c.v !== "") cells[name + "!" + a] = String(c.v);
      }
    }
    parentPort.postMessage({ ok: true, ms: performance.now() - start, cells });
  } catch (e) {
    parentPort.postMessage({ ok: false, ms: performance.now() - start });
  }
});`;

class Reader {
  private worker: Worker;
  constructor(readonly name: "exceljs" | "sheetjs") {
    this.worker = this.spawn();
  }
  private spawn(): Worker {
    return new Worker(WORKER, { eval: true, env: { ...process.env, READER: this.name } });
  }
  read(bytes: Uint8Array): Promise<Answer | "hang"> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        void this.worker.terminate();
        this.worker = this.spawn();
        resolve("hang");
      }, 20_000);
      this.worker.once("message", (a: Answer) => {
        clearTimeout(timer);
        resolve(a);
      });
      this.worker.postMessage(bytes);
    });
  }
  close(): Promise<number> {
    return this.worker.terminate();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function main(): Promise<void> {
  const i = process.argv.indexOf("--cases");
  const count = i >= 0 ? Number(process.argv[i + 1]) : 300;
  const hostile = join(__dirname, "../test/fixtures/hostile/test-issue-1842.xlsx");
  const sound = BASES.map((p) => ({ name: p, bytes: new Uint8Array(readFileSync(p)) }));
  const files: { name: string; bytes: Uint8Array }[] = [
    ...sound,
    { name: hostile, bytes: new Uint8Array(readFileSync(hostile)) },
  ];
  for (const c of fc.sample(fuzzCase, { numRuns: count, seed: 7 }))
    files.push({ name: c.kind, bytes: await bytesOf(c) });

  for (const reader of [new Reader("exceljs"), new Reader("sheetjs")]) {
    await reader.read(sound[0]!.bytes); // load the library once
    const times: number[] = [];
    let read = 0;
    let hangs = 0;
    const hung: string[] = [];
    let agree = 0;
    let total = 0;
    const reference = new Map<string, Record<string, string>>();
    for (const f of files) {
      const a = await reader.read(f.bytes);
      if (a === "hang") {
        hangs++;
        hung.push(f.name.split("/").pop()!);
        continue;
      }
      times.push(a.ms);
      if (a.ok) read++;
      if (sound.some((s) => s.name === f.name) && a.cells) reference.set(f.name, a.cells);
    }
    (globalThis as { refs?: Map<string, Map<string, Record<string, string>>> }).refs ??= new Map();
    const refs = (globalThis as { refs?: Map<string, Map<string, Record<string, string>>> }).refs!;
    refs.set(reader.name, reference);
    const excel = refs.get("exceljs");
    if (reader.name === "sheetjs" && excel) {
      for (const [file, cells] of excel) {
        const other = reference.get(file) ?? {};
        for (const [k, v] of Object.entries(cells)) {
          total++;
          const o = other[k];
          if (o !== undefined && (o === v || Math.abs(Number(o) - Number(v)) < 1e-9)) agree++;
        }
      }
    }
    console.log(
      `${reader.name}: ${files.length} files, ${read} read, ${files.length - read - hangs} refused, ${hangs} hangs; ` +
        `median ${median(times).toFixed(1)} ms, slowest ${Math.max(...times).toFixed(0)} ms` +
        (hung.length ? ` (${hung.join(", ")})` : "") +
        (total ? `; on the 4 sound files ${agree}/${total} of ExcelJS's number and text cells read the same` : ""),
    );
    await reader.close();
  }
}

void main();
