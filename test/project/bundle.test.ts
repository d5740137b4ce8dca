import { readFileSync } from "node:fs";
import path from "node:path";
import {
  buildPane,
  builtFile,
  filesUnder,
  BARE_ENTRY,
  FIRST_LOAD_GOAL,
  initialJsGzipBytes,
  OFFICE_JS_URL,
  unhashed,
  type PaneBuild,
} from "../../scripts/bench-pane";

/**
 * What Excel loads for the pane: the production build (in a folder of its own, shared with the
 * end-to-end test; see scripts/bench-pane.ts). ExcelJS, which only the browser mode needs, must not
 * be in it: it sits in the xlsx chunk, loaded by a dynamic import() when a file is opened.
 */

let build: PaneBuild;
/** The least a Fluent UI pane can be (a FluentProvider and one Button), built the same way: the goal's yardstick. */
let bare: PaneBuild;

beforeAll(async () => {
  build = await buildPane();
  bare = await buildPane({ entry: BARE_ENTRY });
}, 900_000);

/** A built script by its name without the content hash ("vendor.js"). */
const read = (name: string) => readFileSync(path.join(build.dir, builtFile(build.dir, name)), "utf8");

/** How the pane names a chunk it loads on demand: "xlsx.js", or with two chunks webpack's map {102:"xlsx",…}. */
const CHUNK = (name: string) => new RegExp(`${name}\\.js|\\d+:"${name}"`);

/** Marks of ExcelJS and of JSZip under it, as they stand in the minified code. */
const EXCELJS = [/exceljs/i, /JSZip/, /sharedStrings\.xml/];

test("taskpane.html loads Office.js from the Office CDN, then the vendor chunk and the pane, and the old-webview check", () => {
  expect(OFFICE_JS_URL).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  // The bundles are deferred: webview-check.js, after #container, runs before them.
  expect(build.initialScripts.map(unhashed)).toEqual([OFFICE_JS_URL, "vendor.js", "taskpane.js", "webview-check.js"]);
});

test("the JavaScript Excel loads first holds no ExcelJS", () => {
  for (const file of ["vendor.js", "taskpane.js"]) {
    const code = read(file);
    for (const mark of EXCELJS)
      expect({ file, mark: mark.source, found: mark.test(code) }).toMatchObject({ found: false });
  }
});

test("ExcelJS and the file port are in the xlsx chunks, loaded on demand", () => {
  // ExcelJS in a chunk of its own that the file port and its worker share ("xlsx~xlsx-worker").
  const withExcelJs = scripts()
    .filter((f) => !["notice.js", "webview-check.js"].includes(f))
    .filter((f) => EXCELJS.every((mark) => mark.test(read(f))));
  expect(withExcelJs.map((f) => f.split("~"))).toEqual([["xlsx", "xlsx-worker.js"]]);
  expect(read("taskpane.js")).toMatch(CHUNK("xlsx"));
});

/** Every script built, by its name without the hash. */
const scripts = () =>
  filesUnder(build.dir)
    .filter((f) => f.endsWith(".js"))
    .map(unhashed)
    .sort();

test("besides the pages' own scripts, only chunks loaded on demand: the engine, Uppföljning, the file port, and what they share", () => {
  const own = ["commands.js", "notice.js", "taskpane.js", "vendor.js", "webview-check.js"];
  const onDemand = new Set(["analys", "followup", "xlsx", "xlsx-worker"]);
  const chunks = scripts().filter((f) => !own.includes(f));
  for (const f of own) expect(scripts()).toContain(f);
  // A chunk shared by several is named after them, "analys~followup.js".
  for (const f of chunks)
    expect({
      f,
      parts: f
        .replace(/\.js$/, "")
        .split("~")
        .every((p) => onDemand.has(p)),
    }).toEqual({ f, parts: true });
  for (const name of onDemand) expect(scripts()).toContain(`${name}.js`);
});

/** Marks of the engine: decimal.js, the reader (its evidence), the Excel port, the plan writer (Finsam-kontroll's sums). */
const ENGINE = [/DecimalError/, /rubrik om befolkning/, /getUsedRangeOrNullObject/, /Totalt T = 2/];

test("the reader, the plan writer, the Excel port and decimal.js are not in what Excel loads first", () => {
  for (const file of ["vendor.js", "taskpane.js"]) {
    const code = read(file);
    for (const mark of ENGINE)
      expect({ file, mark: mark.source, found: mark.test(code) }).toMatchObject({ found: false });
  }
  const onDemand = scripts()
    .filter((f) => f.startsWith("analys"))
    .map(read)
    .join("\n");
  for (const mark of ENGINE) expect({ mark: mark.source, found: mark.test(onDemand) }).toMatchObject({ found: true });
  expect(read("taskpane.js")).toMatch(CHUNK("analys"));
});

/**
 * Marks of the SIE reader, iconv-lite's code pages, the buffer package that stands in for Node's Buffer,
 * and Finsam-uppföljning's sheet builder.
 */
const SIE = [
  /#PSALDO/,
  /cp437/i,
  /safer-buffer|kStringMaxLength/,
  /ieee754|base64-js|The value "\{value\}"|Unknown encoding:/,
  /Helårsprognosen över ramen/,
  /Välj SIE-fil/,
];

test("Uppföljning, the SIE reader and iconv-lite are in the followup chunk, loaded when the tab is first opened", () => {
  for (const file of ["vendor.js", "taskpane.js"]) {
    const code = read(file);
    for (const mark of SIE) expect({ file, mark: mark.source, found: mark.test(code) }).toMatchObject({ found: false });
  }
  const chunk = read("followup.js");
  expect(chunk).toMatch(/#PSALDO/);
  expect(chunk).toMatch(/cp437/i);
  expect(chunk).toMatch(/Helårsprognosen över ramen/);
  expect(chunk).toMatch(/Välj SIE-fil/);
  expect(read("taskpane.js")).toMatch(CHUNK("followup"));
});

test("every bundle's name carries a hash of its content, and no source map is published", () => {
  const files = filesUnder(build.dir);
  const scripts = files.filter((f) => f.endsWith(".js"));
  // But the pages' two small scripts of their own, named in the pages as they are written.
  expect(scripts.filter((f) => !/\.[0-9a-f]{8}\.js$/.test(f)).sort()).toEqual(["notice.js", "webview-check.js"]);
  expect(files.filter((f) => /\.map$/.test(f))).toEqual([]);
  for (const f of scripts) expect(readFileSync(path.join(build.dir, f), "utf8")).not.toMatch(/sourceMappingURL/);
});

test(`what Excel loads first is at most ${FIRST_LOAD_GOAL}× a bare Fluent page, gzipped`, () => {
  expect(bare.initialScripts.map(unhashed)).toEqual(build.initialScripts.map(unhashed));
  expect(initialJsGzipBytes(build) / initialJsGzipBytes(bare)).toBeLessThanOrEqual(FIRST_LOAD_GOAL);
});

test("the example workbook is served for the browser mode; the fixtures are not", () => {
  const files = filesUnder(build.dir);
  expect(files).toContain("assets/exempel-budget.xlsx");
  expect(files.filter((f) => /vastra|samo|ornskoldsvik/.test(f))).toEqual([]);
});
