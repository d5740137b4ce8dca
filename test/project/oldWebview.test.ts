import { parse } from "acorn";
import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { buildPane, type PaneBuild } from "../../scripts/bench-pane";

/**
 * Excel's old webviews (Trident, EdgeHTML) cannot run the pane; taskpane.html's first script (webview-check.js) shows a
 * message there instead ("Support older Microsoft webviews and Office versions", learn.microsoft.com,
 * office/dev/add-ins/develop/support-ie-11). Tested on the built page (the production build that
 * test/project/bundle.test.ts and the end-to-end test share; see scripts/bench-pane.ts): the script runs in
 * a `vm` context with a fake navigator and document, and must parse as ES5, which Trident runs.
 */

let build: PaneBuild;
let inline: string;

beforeAll(async () => {
  build = await buildPane();
  const html = readFileSync(path.join(build.dir, "taskpane.html"), "utf8");
  // No inline script (a host's Content-Security-Policy may forbid them): the check is webview-check.js,
  // loaded right after #container, before the deferred bundles run.
  expect([...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>/g)]).toEqual([]);
  expect(html).toMatch(/<div id="?container"?>[\s\S]*<\/div><script src="?webview-check\.js"?>/);
  inline = readFileSync(path.join(build.dir, "webview-check.js"), "utf8");
}, 600_000);

/** User agents as Office's webviews send them. */
const TRIDENT =
  "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; .NET CLR 2.0.50727; ms-office; MSOffice 16) like Gecko";
const EDGE_HTML =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045";
const WEBVIEW2 =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.70";
const MAC_WKWEBVIEW = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)";

const BEFORE = "<noscript>Finsam-budget behöver JavaScript.</noscript>";

/** #container after the inline script ran under `userAgent`. */
function runWith(userAgent: string): { html: string; attributes: Record<string, string> } {
  const container = {
    innerHTML: BEFORE,
    attributes: {} as Record<string, string>,
    setAttribute(name: string, value: string) {
      this.attributes[name] = value;
    },
  };
  const document = { getElementById: (id: string) => (id === "container" ? container : null) };
  vm.runInNewContext(inline, { navigator: { userAgent }, document });
  return { html: container.innerHTML, attributes: container.attributes };
}

test.each([
  ["Trident (Internet Explorer 11)", TRIDENT],
  ["EdgeHTML (Edge Legacy)", EDGE_HTML],
])("in %s the pane shows why it cannot run, in Swedish and English, and marks #container", (_, agent) => {
  const { html, attributes } = runWith(agent);
  expect(html).toContain(
    "Finsam-budget behöver en nyare version av Excel (Microsoft 365 eller Office 2021 och senare).",
  );
  expect(html).toContain("Finsam budget needs a newer version of Excel (Microsoft 365, or Office 2021 and later).");
  expect(html).toContain('role="alert"');
  expect(html).not.toContain("<noscript>");
  expect(attributes).toEqual({ "data-unsupported-webview": "true" });
});

test.each([
  ["WebView2 (Chromium Edge, Edg/)", WEBVIEW2],
  ["Safari's WKWebView on a Mac", MAC_WKWEBVIEW],
])("in %s it leaves the pane alone", (_, agent) => {
  expect(runWith(agent)).toEqual({ html: BEFORE, attributes: {} });
});

test("the pane's entry point looks for the same mark before it renders", () => {
  const entry = readFileSync(path.resolve(__dirname, "../../src/taskpane/index.tsx"), "utf8");
  expect(entry).toContain('"data-unsupported-webview"');
});

test("the inline script is ES5, so Trident can run it", () => {
  expect(() => parse(inline, { ecmaVersion: 5 })).not.toThrow();
  // The same parser refuses what Trident refuses.
  expect(() => parse("const f = () => 1;", { ecmaVersion: 5 })).toThrow();
  expect(() => parse("var s = `mall`;", { ecmaVersion: 5 })).toThrow();
});
