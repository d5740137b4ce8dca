/**
 * The task pane's part of `npm run bench`, and the tools its end-to-end test shares:
 * - buildPane: the production build (webpack's Node API, webpack.config.js) into a folder of its own;
 * - serveFolder: a static server on 127.0.0.1 for a built folder (nothing leaves the machine);
 * - launchChromium: Debian's headless Chromium through playwright-core (no browser is downloaded);
 * - benchPane: builds the real pane and a bare page (a FluentProvider and one Button) with the same
 *   config, and reports the gzipped JavaScript Excel loads first and the time to first render in
 *   Chromium, each as a ratio to the bare page, measured side by side in the same run;
 * - routeOffice: answers the Office CDN's office.js with a stub (or fails it) and keeps every other
 *   request on the pane's origin, so the benchmark and the end-to-end test stay offline.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page } from "playwright-core";

const ROOT = path.resolve(__dirname, "..");

/** Where Debian's chromium package installs it (.ci/run installs it with apt-get). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Where taskpane.html and commands.html load Office.js from: the Office CDN (webpack.config.js). */
export const OFFICE_JS_URL = (require(path.join(ROOT, "webpack.config.js")) as { OFFICE_JS_URL: string }).OFFICE_JS_URL;

/** A script of the page's own origin (a relative address), not one from elsewhere such as the Office CDN. */
export const isOwnScript = (src: string): boolean => !/^([a-z][a-z0-9+.-]*:)?\/\//i.test(src);

/** The bare page the pane is measured against: a FluentProvider and one Button. */
export const BARE_ENTRY = "scripts/bench-pane-bare.tsx";

/** Issue 24's goal: what Excel loads first is at most this many times the bare page's JavaScript, gzipped. */
export const FIRST_LOAD_GOAL = 1.5;

export interface PaneBuild {
  /** The folder the build wrote. */
  readonly dir: string;
  /** The scripts taskpane.html loads, in order (Office.js from the Office CDN first, then the pane's). */
  readonly initialScripts: readonly string[];
}

interface WebpackConfig {
  mode?: string;
  entry: Record<string, string>;
  output: { path: string; [key: string]: unknown };
  cache?: false | { type: string; name?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/** A built file's name without its content hash: "vendor.1a2b3c4d.js" → "vendor.js". */
export function unhashed(file: string): string {
  return file.replace(/\.[0-9a-f]{8}(\.js)$/, "$1");
}

/** The file a build folder holds for a name without its hash ("vendor.js"); an error where there is none. */
export function builtFile(dir: string, name: string): string {
  const found = readdirSync(dir).filter((f) => unhashed(f) === name && f !== name);
  if (found.length !== 1) throw new Error(`${dir}: ${found.length} files for ${name}`);
  return found[0]!;
}

/** Every file under a folder, relative to it with "/". */
export function filesUnder(folder: string, prefix = ""): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    const relative = prefix ? `${prefix}/${name}` : name;
    return statSync(full).isDirectory() ? filesUnder(full, relative) : [relative];
  });
}

/** A hash of what the build reads: sources, assets, the config and the locked dependencies. */
function inputsHash(entry: string | undefined): string {
  const hash = createHash("sha256");
  for (const folder of ["src", "assets"]) {
    for (const file of filesUnder(path.join(ROOT, folder)).sort()) {
      hash.update(file);
      hash.update(readFileSync(path.join(ROOT, folder, file)));
    }
  }
  for (const file of ["webpack.config.js", "package-lock.json", "tsconfig.json", ...(entry ? [entry] : [])]) {
    hash.update(file);
    hash.update(readFileSync(path.join(ROOT, file)));
  }
  return hash.digest("hex").slice(0, 16);
}

function scriptsOf(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1] ?? "");
}

/** The origin the tests' and the bench's builds are made for (FINSAM_ORIGIN); the pages never use it. */
export const BUILD_ORIGIN = "https://example.org/finsam/";

/**
 * The production build of the pane, into a folder of its own under the system's temp folder: never
 * dist/ (test/project/build.test.ts builds there, maybe at the same time). The folder is named after
 * a hash of the inputs, so the end-to-end test and the bundle test share one build per change.
 * `entry` replaces the pane's entry (the bare page of the benchmark); `fresh` builds even when a
 * build of the same inputs exists.
 */
export async function buildPane(options: { entry?: string; fresh?: boolean } = {}): Promise<PaneBuild> {
  const name = options.entry ? "bare" : "pane";
  const dir = path.join(tmpdir(), `finsam-${name}-${inputsHash(options.entry)}`);
  const done = path.join(dir, ".built");
  if (options.fresh || !existsSync(done)) {
    const staging = `${dir}.${process.pid}.tmp`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });

    const webpack = require("webpack") as typeof import("webpack");

    const configure = require(path.join(ROOT, "webpack.config.js")) as (
      env: Record<string, unknown>,
      argv: { mode: string },
    ) => Promise<WebpackConfig>;
    const config = await configure({ FINSAM_ORIGIN: BUILD_ORIGIN }, { mode: "production" });
    config.mode = "production";
    config.context = ROOT;
    config.output = { ...config.output, path: staging };
    if (options.entry) config.entry = { ...config.entry, taskpane: path.resolve(ROOT, options.entry) };
    // No persistent cache: it would be shared (or raced) with `npm run build`, and webpack loaded
    // inside jest cannot read a cache written outside it. The folder above is the reuse.
    config.cache = false;
    await new Promise<void>((resolve, reject) => {
      webpack(config as import("webpack").Configuration, (error, stats) => {
        if (error) return reject(error);
        if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
        if (stats)
          writeFileSync(
            path.join(staging, WEIGHTS),
            JSON.stringify(
              weighed(
                stats.toJson({
                  chunks: true,
                  modules: false,
                  assets: false,
                  chunkModules: true,
                  nestedModules: true,
                  chunkModulesSpace: Infinity,
                  nestedModulesSpace: Infinity,
                }),
              ),
            ),
          );
        stats?.compilation.compiler.close(() => resolve());
        if (!stats) resolve();
      });
    });
    writeFileSync(path.join(staging, ".built"), new Date().toISOString());
    if (options.fresh) rmSync(dir, { recursive: true, force: true });
    try {
      renameSync(staging, dir);
    } catch {
      // Another process (a test running beside this one) finished the same build first: use it.
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(done)) throw new Error(`the pane's build in ${dir} is incomplete`);
    }
  }
  const html = readFileSync(path.join(dir, "taskpane.html"), "utf8");
  return { dir, initialScripts: scriptsOf(html) };
}

/** Where a build keeps what weighs in each chunk (weighed()), beside `.built`. */
const WEIGHTS = ".weights.json";

/** A chunk's weight by package (node_modules/…) and by folder of ours (src/…), before minification. */
export interface ChunkWeight {
  readonly chunk: string;
  readonly initial: boolean;
  readonly bytes: number;
  readonly parts: Readonly<Record<string, number>>;
}

interface StatsModule {
  readonly name?: string;
  readonly size?: number;
  readonly modules?: readonly StatsModule[];
}

/** The package or folder a module belongs to: "@fluentui/react-tabs", "react-dom", "src/read". */
export function partOf(moduleName: string): string {
  const nodeModule = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(moduleName);
  if (nodeModule) return nodeModule[1]!;
  const ours = /\.\/(src\/[^/ ]+(?:\/[^/ ]+)?)\//.exec(moduleName);
  return ours ? ours[1]! : moduleName.startsWith("webpack/") ? "webpack" : moduleName.split(" ")[0]!;
}

/** Webpack's stats, as the weight of each chunk's packages and folders (concatenated modules opened up). */
function weighed(stats: {
  chunks?: readonly {
    names?: readonly string[];
    id?: string | number | null;
    initial?: boolean;
    modules?: readonly StatsModule[];
  }[];
}): ChunkWeight[] {
  return (stats.chunks ?? []).map((chunk) => {
    const parts: Record<string, number> = {};
    const add = (m: StatsModule): void => {
      if (m.modules?.length) m.modules.forEach(add);
      else if (m.name) parts[partOf(m.name)] = (parts[partOf(m.name)] ?? 0) + (m.size ?? 0);
    };
    (chunk.modules ?? []).forEach(add);
    return {
      chunk: chunk.names?.[0] ?? String(chunk.id),
      initial: chunk.initial ?? false,
      bytes: Object.values(parts).reduce((a, b) => a + b, 0),
      parts,
    };
  });
}

/** What weighs in a build's chunks (written when it was built). */
export function weightsOf(build: PaneBuild): ChunkWeight[] {
  return JSON.parse(readFileSync(path.join(build.dir, WEIGHTS), "utf8")) as ChunkWeight[];
}

/** The pane's own JavaScript that Excel loads with the page (Office.js, from the CDN, aside), gzipped. */
export function initialJsGzipBytes(build: PaneBuild): number {
  return build.initialScripts
    .filter(isOwnScript)
    .reduce((sum, src) => sum + gzipSync(readFileSync(path.join(build.dir, src)), { level: 9 }).length, 0);
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface Served {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves a folder on 127.0.0.1 (a free port), and nothing outside it. */
/**
 * The security headers docs/driftsattning.md tells a host to send, read from its `text` block under
 * "Säkerhetshuvuden": the end-to-end test serves the pane with exactly these, so the policy is tested.
 */
export function hostHeaders(): Record<string, string> {
  const guide = readFileSync(path.join(ROOT, "docs/driftsattning.md"), "utf8");
  const section = guide.slice(guide.indexOf("### Säkerhetshuvuden"));
  const block = /```text\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error("docs/driftsattning.md: no text block under Säkerhetshuvuden");
  return Object.fromEntries(
    block
      .trim()
      .split("\n")
      .map((line) => [line.slice(0, line.indexOf(":")).trim(), line.slice(line.indexOf(":") + 1).trim()]),
  );
}

export async function serveFolder(dir: string, headers: Record<string, string> = {}): Promise<Served> {
  const root = path.resolve(dir);
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const file = path.resolve(root, `.${decodeURIComponent(url.pathname)}`);
    if (!file.startsWith(root + path.sep) || !existsSync(file) || statSync(file).isDirectory()) {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
      return;
    }
    response.writeHead(200, {
      ...headers,
      "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "Cache-Control": "no-store",
    });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * What office.js does outside Office (a plain browser): `Office` is there and Office.onReady resolves
 * with no host and no platform, so the pane runs in browser mode. Only what index.tsx uses.
 */
export const OFFICE_JS_OUTSIDE_OFFICE = `window.Office = {
  HostType: { Excel: "Excel" },
  PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
  onReady: function (callback) {
    var info = { host: null, platform: null };
    if (callback) callback(info);
    return Promise.resolve(info);
  }
};`;

/**
 * Office.js for a page or context without the network: the Office CDN's office.js is answered with
 * OFFICE_JS_OUTSIDE_OFFICE ("stub") or fails as offline ("fail"), and any other request that would leave
 * `origin` is aborted (it still shows in the page's "request" events, where the end-to-end test looks).
 */
export async function routeOffice(
  target: Pick<Page, "route"> | Pick<BrowserContext, "route">,
  origin: string,
  officeJs: "stub" | "fail" = "stub",
): Promise<void> {
  const own = new URL(origin).origin;
  // Playwright tries the routes last registered first: office.js, then everything off the origin.
  await target.route(
    (url) => url.origin !== own,
    (route) => route.abort("blockedbyclient"),
  );
  await target.route(OFFICE_JS_URL, (route) =>
    officeJs === "stub"
      ? route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: OFFICE_JS_OUTSIDE_OFFICE })
      : route.abort("internetdisconnected"),
  );
}

export interface Chromium {
  readonly browser: Browser;
  /** A context of its own: no cache or storage shared with another. */
  newContext(viewport?: { width: number; height: number }): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with a fresh profile that is removed on close. */
export async function launchChromium(): Promise<Chromium> {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  return {
    browser,
    newContext: (viewport = { width: 400, height: 900 }) =>
      browser.newContext({ viewport, locale: "sv-SE", acceptDownloads: true, reducedMotion: "reduce" }),
    close: () => browser.close(),
  };
}

/** Milliseconds from navigation to the first render: the page's own clock when `selector` first shows. */
async function timeToFirstRender(chromium: Chromium, url: string, selector: string): Promise<number> {
  const context = await chromium.newContext();
  try {
    // Office.js outside Office, as in a plain browser, without the network: the same for both pages.
    await routeOffice(context, url);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForSelector(selector, { timeout: 30_000 });
    return await page.evaluate(() => performance.now());
  } finally {
    await context.close();
  }
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const RUNS = 9;

/** The pane's benchmark: Swedish lines for `npm run bench`. */
export async function benchPane(runs = RUNS): Promise<string[]> {
  const pane = await buildPane({ fresh: true });
  const bare = await buildPane({ entry: BARE_ENTRY, fresh: true });
  const paneBytes = initialJsGzipBytes(pane);
  const bareBytes = initialJsGzipBytes(bare);

  const chromium = await launchChromium();
  const paneServer = await serveFolder(pane.dir);
  const bareServer = await serveFolder(bare.dir);
  const paneTimes: number[] = [];
  const bareTimes: number[] = [];
  const ratios: number[] = [];
  try {
    const paneUrl = `${paneServer.url}taskpane.html`;
    const bareUrl = `${bareServer.url}taskpane.html`;
    // Warm up Chromium itself, then run the two side by side, round after round.
    await timeToFirstRender(chromium, bareUrl, "#container button");
    await timeToFirstRender(chromium, paneUrl, "#container main");
    for (let round = 0; round < runs; round++) {
      const b = await timeToFirstRender(chromium, bareUrl, "#container button");
      const p = await timeToFirstRender(chromium, paneUrl, "#container main");
      bareTimes.push(b);
      paneTimes.push(p);
      ratios.push(p / b);
    }
  } finally {
    await Promise.all([paneServer.close(), bareServer.close(), chromium.close()]);
  }
  const kb = (bytes: number) =>
    `${new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 }).format(bytes / 1024)} KB`;
  const ms = (t: number) => `${new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0 }).format(t)} ms`;
  const ratio = (r: number) =>
    new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(r);
  const first = paneBytes / bareBytes;
  return [
    "Aktivitetsfönstret (produktionsbygge, samma webpack-konfiguration för båda sidorna)",
    `  JavaScript som Excel laddar först, gzip: ${kb(paneBytes)} (${pane.initialScripts.filter(isOwnScript).join(" + ")})`,
    `  tom sida (FluentProvider + en Button), gzip: ${kb(bareBytes)}`,
    `  första renderingen i headless Chromium, median av ${runs}: fönstret ${ms(median(paneTimes))}, tom sida ${ms(median(bareTimes))}`,
    "",
    `aktivitetsfönstrets JavaScript / tom sida       = ${ratio(first)} (mål ≤ ${ratio(FIRST_LOAD_GOAL)}: ${first <= FIRST_LOAD_GOAL ? "nått" : "INTE nått"})`,
    `aktivitetsfönstrets första rendering / tom sida = ${ratio(median(ratios))}`,
    "",
    ...weightLines(weightsOf(pane), kb),
  ];
}

/**
 * What weighs, from webpack's stats (module sizes before minification, so only their order counts):
 * the first load by package and folder, then each chunk loaded on demand with its heaviest parts.
 */
function weightLines(weights: readonly ChunkWeight[], kb: (bytes: number) => string): string[] {
  const heaviest = (parts: Readonly<Record<string, number>>, n: number) =>
    Object.entries(parts)
      .sort(([, a], [, b]) => b - a)
      .slice(0, n);
  const firstParts: Record<string, number> = {};
  for (const w of weights.filter((w) => w.initial && w.chunk !== "commands"))
    for (const [part, bytes] of Object.entries(w.parts)) firstParts[part] = (firstParts[part] ?? 0) + bytes;
  const onDemand = weights.filter((w) => !w.initial).sort((a, b) => b.bytes - a.bytes);
  return [
    "Vad som väger (webpacks statistik, före minifiering)",
    "  Det Excel laddar först, tyngst först:",
    ...heaviest(firstParts, 12).map(([part, bytes]) => `    ${kb(bytes).padStart(9)}  ${part}`),
    "  Det som laddas vid behov (efter första skärmen, i Uppföljning eller i en webbläsare):",
    ...onDemand.map(
      (w) =>
        `    ${kb(w.bytes).padStart(9)}  ${w.chunk}: ${heaviest(w.parts, 3)
          .map(([part]) => part)
          .join(", ")}`,
    ),
  ];
}

if (require.main === module) {
  benchPane()
    .then((lines) => console.log(lines.join("\n")))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
