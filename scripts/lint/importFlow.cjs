// Two lint rules that make src/'s direction a rule, not a hope (docs/developers.md, "How the code is laid out"):
// - finsam/flow: an import runs down the flow, never up it nor sideways between folders of one floor;
// - finsam/pane-imports: the pane (src/taskpane/) imports app/ and domain/ only, its entry point a shell too;
// - finsam/no-cycle: no import leads back to the file it is in, type-only imports included (import/no-cycle
//   skips those, and a type circle is still two modules that cannot be read apart).
// Both resolve relative specifiers as TypeScript does for this project (.ts, .tsx, a folder's index.ts).
// CommonJS, so that ESLint's config and the tests (test/project/importFlow.test.ts) load the same module.
const { existsSync, readFileSync, statSync } = require("node:fs");
const { dirname, relative, resolve, sep } = require("node:path");
const ts = require("typescript");

/** The floors, lowest first: a folder may import its own files and the floors below it. */
const FLOORS = [
  ["domain"],
  ["grid"],
  ["read", "sie"],
  ["memory"],
  ["plan"],
  ["app"],
  ["excel", "xlsx", "report"],
  ["cli", "commands", "taskpane", "manifest"],
];
const FLOOR = new Map(FLOORS.flatMap((folders, floor) => folders.map((f) => [f, floor])));
const FLOW = FLOORS.map((f) => f.join(", ")).join(" ← ");

/** The pane sees the use cases and the domain's types; only its entry point meets a shell. */
const PANE_MAY_IMPORT = new Set(["app", "domain"]);
const PANE_ENTRY = "taskpane/index.tsx";
const SHELLS = new Set(["excel", "xlsx"]);

const SRC = resolve(__dirname, "../../src");
const CANDIDATES = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];

function resolveSpecifier(fromFile, specifier) {
  if (!specifier.startsWith(".")) return undefined;
  const base = resolve(dirname(fromFile), specifier);
  for (const ending of CANDIDATES) {
    const file = base + ending;
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return undefined;
}

/** "read" for src/read/…, undefined outside src. */
function folderOf(file) {
  const rel = relative(SRC, file);
  if (rel.startsWith("..") || !rel.includes(sep)) return undefined;
  return rel.split(sep)[0];
}

const importsCache = new Map();
/** Every file a source file imports (static, type-only, re-exports and import() with a literal), resolved. */
function importsOf(file) {
  const mtime = statSync(file).mtimeMs;
  const cached = importsCache.get(file);
  if (cached && cached.mtime === mtime) return cached.imports;
  const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  const imports = [
    ...new Set(info.importedFiles.map((f) => resolveSpecifier(file, f.fileName)).filter((f) => f !== undefined)),
  ];
  importsCache.set(file, { mtime, imports });
  return imports;
}

/** A shortest chain of imports from `start` back to `goal`, or undefined. */
function pathBack(start, goal) {
  const previous = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const next of importsOf(file)) {
      if (previous.has(next)) continue;
      previous.set(next, file);
      if (next === goal) {
        const chain = [];
        for (let at = next; at !== undefined; at = previous.get(at)) chain.unshift(at);
        return chain;
      }
      if (folderOf(next) !== undefined) queue.push(next);
    }
  }
  return undefined;
}

/** Calls `check(node, specifier)` for each import-like node with a literal source. */
function eachImport(check) {
  const source = (node) => node.source && typeof node.source.value === "string" && check(node, node.source.value);
  return {
    ImportDeclaration: source,
    ExportNamedDeclaration: source,
    ExportAllDeclaration: source,
    ImportExpression: (node) => node.source.type === "Literal" && check(node, String(node.source.value)),
    TSImportType: (node) => {
      const literal = node.argument?.literal ?? node.argument;
      if (literal && typeof literal.value === "string") check(node, literal.value);
    },
  };
}

const flow = {
  meta: { type: "problem", schema: [], docs: { description: "Imports run down the flow of src/'s folders." } },
  create(context) {
    const file = context.filename;
    const from = folderOf(file);
    if (from === undefined || !FLOOR.has(from)) return {};
    return eachImport((node, specifier) => {
      const target = resolveSpecifier(file, specifier);
      const to = target && folderOf(target);
      if (!to || to === from) return;
      if (!FLOOR.has(to)) {
        context.report({ node, message: `src/${to}/ is on no floor of the flow (${FLOW}): add it to FLOORS.` });
        return;
      }
      if (FLOOR.get(to) >= FLOOR.get(from)) {
        context.report({
          node,
          message: `src/${from}/ may not import src/${to}/: imports run down the flow, ${FLOW}.`,
        });
      }
    });
  },
};

const paneImports = {
  meta: { type: "problem", schema: [], docs: { description: "The pane calls app/, never read/ or plan/ internals." } },
  create(context) {
    const file = context.filename;
    if (folderOf(file) !== "taskpane") return {};
    const rel = relative(SRC, file).split(sep).join("/");
    return eachImport((node, specifier) => {
      const target = resolveSpecifier(file, specifier);
      const to = target && folderOf(target);
      if (!to || to === "taskpane" || PANE_MAY_IMPORT.has(to) || (rel === PANE_ENTRY && SHELLS.has(to))) return;
      context.report({
        node,
        message: `The pane imports app/ and domain/ only (its entry point ${PANE_ENTRY} also a shell), not src/${to}/: give app/ the use case.`,
      });
    });
  },
};

const noCycle = {
  meta: { type: "problem", schema: [], docs: { description: "No import circle in src/, type-only included." } },
  create(context) {
    const file = context.filename;
    if (folderOf(file) === undefined) return {};
    return eachImport((node, specifier) => {
      const target = resolveSpecifier(file, specifier);
      if (!target || folderOf(target) === undefined) return;
      const chain = target === file ? [file] : pathBack(target, file);
      if (!chain) return;
      const names = [file, ...chain].map((f) => relative(SRC, f).split(sep).join("/"));
      context.report({ node, message: `Import circle: ${names.join(" → ")}.` });
    });
  },
};

module.exports = { FLOORS, rules: { flow, "no-cycle": noCycle, "pane-imports": paneImports } };
