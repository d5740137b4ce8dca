import { execFile } from "child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import path from "path";
import { checkManifest, manifestFunctionNames } from "../../src/manifest/checkManifest";
import { schemaProblems } from "../support/manifestSchema";
import { unhashed } from "../../scripts/bench-pane";

/**
 * Builds the add-in for production into dist/ once (as `npm run build` does), then checks what it
 * emitted: the pages, Office.js from the Office CDN, and both manifests against the files served.
 */

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const BUILD_TIMEOUT_MS = 240_000;

interface WebpackConfigModule {
  (env: Record<string, unknown>, argv: { mode: string }): Promise<unknown>;
  readonly DEV_URL: string;
  readonly PLACEHOLDER_URL: string;
  readonly OFFICE_JS_URL: string;
  readonly productionOrigin: (env: Record<string, unknown>) => string;
}
const configure = require("../../webpack.config.js") as WebpackConfigModule;
const { DEV_URL, PLACEHOLDER_URL, OFFICE_JS_URL, productionOrigin } = configure;

/** The origin the build is made for here, as an IT department would give its own (issue 23's example). */
const ORIGIN = "https://example.org/x/";

interface BuildResult {
  readonly exitCode: number;
  readonly output: string;
}

function runWebpack(): Promise<BuildResult> {
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, "--mode", "production", "--fail-on-warnings"],
      {
        cwd: ROOT,
        maxBuffer: 64 * 1024 * 1024,
        timeout: BUILD_TIMEOUT_MS,
        env: { ...process.env, FINSAM_ORIGIN: ORIGIN },
      },
      (error, stdout, stderr) => {
        const exitCode = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ exitCode, output: `${stdout}\n${stderr}` });
      },
    );
  });
}

/** Every file under a folder, relative to it with "/". */
function filesUnder(folder: string, prefix = ""): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    const relative = prefix ? `${prefix}/${name}` : name;
    return statSync(full).isDirectory() ? filesUnder(full, relative) : [relative];
  });
}

let build: BuildResult;
let served: string[] = [];

beforeAll(async () => {
  build = await runWebpack();
  served = existsSync(DIST) ? filesUnder(DIST) : [];
}, BUILD_TIMEOUT_MS + 10_000);

test("the production build succeeds without errors or warnings", () => {
  expect(build.output).not.toMatch(/\b(ERROR|WARNING) in\b/);
  expect(build.output).toMatch(/compiled successfully/);
  expect(build.exitCode).toBe(0);
});

test("it emits the pages, the bundles and the icons", () => {
  for (const file of [
    "taskpane.html",
    "commands.html",
    "notice.html",
    "help.html",
    "taskpane.js",
    "vendor.js",
    "commands.js",
  ]) {
    expect(served.map(unhashed)).toContain(file);
  }
  for (const size of [16, 32, 64, 80, 128]) expect(served).toContain(`assets/icon-${size}.png`);
});

test("it serves no copy of Office.js: Excel loads it from the Office CDN", () => {
  expect(served.filter((file) => /(^|\/)office-js\/|(^|\/)office(\.debug)?\.js$/.test(file))).toEqual([]);
  const packageJson = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as Record<string, unknown>;
  expect(JSON.stringify(packageJson)).not.toContain("@microsoft/office-js");
});

test.each(["taskpane.html", "commands.html", "notice.html"])(
  "%s loads Office.js from the Office CDN first, and every other script from our origin",
  (page) => {
    const html = readFileSync(path.join(DIST, page), "utf8");
    const sources = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1] ?? "");
    expect(sources[0]).toBe(OFFICE_JS_URL);
    expect(OFFICE_JS_URL).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    for (const src of sources.slice(1)) {
      expect(src).not.toMatch(/^([a-z]+:)?\/\//i);
      expect(served).toContain(src);
    }
    // Stylesheets, icons and the rest: nothing else from outside the origin.
    const links = [...html.matchAll(/<link\b[^>]*\bhref=["']?([^"' >]+)/g)].map((m) => m[1] ?? "");
    for (const href of links) expect(href).not.toMatch(/^([a-z]+:)?\/\//i);
  },
);

test("manifest.xml names only files the build serves", () => {
  const manifest = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  expect(checkManifest(manifest, { servedFiles: served, baseUrl: DEV_URL })).toEqual([]);
});

test("dist/manifest.xml is the production manifest for FINSAM_ORIGIN: every address under it, no localhost", () => {
  const source = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const production = readFileSync(path.join(DIST, "manifest.xml"), "utf8");
  expect(production).not.toMatch(/localhost/i);
  expect(production).toBe(source.split(DEV_URL).join(ORIGIN));
  const addresses = [...production.matchAll(/https:\/\/[^"<\s]+/g)].map((m) => m[0]);
  expect(addresses.length).toBeGreaterThan(5);
  expect(addresses.filter((a) => !a.startsWith(ORIGIN))).toEqual([]);
  expect(checkManifest(production, { servedFiles: served, baseUrl: ORIGIN, production: true })).toEqual([]);
});

test("manifest.xml and the built dist/manifest.xml pass Microsoft's XML schema for add-in manifests, offline", () => {
  expect(schemaProblems(path.join(ROOT, "manifest.xml"))).toEqual([]);
  expect(schemaProblems(path.join(DIST, "manifest.xml"))).toEqual([]);
});

describe("FINSAM_ORIGIN, where the production add-in is hosted", () => {
  test("a production build without it, or with the placeholder, stops with a Swedish message", async () => {
    const saved = process.env.FINSAM_ORIGIN;
    delete process.env.FINSAM_ORIGIN;
    try {
      await expect(configure({}, { mode: "production" })).rejects.toThrow(
        /^FINSAM_ORIGIN saknas: ange adressen där tillägget ska ligga/,
      );
      await expect(configure({ FINSAM_ORIGIN: PLACEHOLDER_URL }, { mode: "production" })).rejects.toThrow(
        /FINSAM_ORIGIN är platshållaren https:\/\/finsam-budget\.example\.se\/: ange er egen adress/,
      );
      // Development serves from localhost and needs none.
      await expect(configure({}, { mode: "development" })).resolves.toBeDefined();
    } finally {
      if (saved !== undefined) process.env.FINSAM_ORIGIN = saved;
    }
  });

  test("an address over HTTPS, a folder at most; the closing slash added", () => {
    expect(productionOrigin({ FINSAM_ORIGIN: "https://tillagg.region.se/finsam" })).toBe(
      "https://tillagg.region.se/finsam/",
    );
    expect(productionOrigin({ FINSAM_ORIGIN: "https://finsam.kommun.se" })).toBe("https://finsam.kommun.se/");
    expect(() => productionOrigin({ FINSAM_ORIGIN: "http://tillagg.region.se/" })).toThrow(/måste börja med https/);
    expect(() => productionOrigin({ FINSAM_ORIGIN: "tillagg.region.se" })).toThrow(/är ingen adress/);
    expect(() => productionOrigin({ FINSAM_ORIGIN: "https://x.se/?a=1" })).toThrow(/får inte ha frågor/);
  });
});

test("every ribbon function in the manifest is associated in src/commands/commands.ts", () => {
  const manifest = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const commands = readFileSync(path.join(ROOT, "src/commands/commands.ts"), "utf8");
  const names = manifestFunctionNames(manifest);
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) expect(commands).toContain(`Office.actions.associate("${name}"`);
});
