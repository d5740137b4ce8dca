import { builtinModules } from "node:module";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * package.json is honest: every package the code, the tests, the scripts and the configs import is
 * declared (none is borrowed from another package's dependencies), and every package declared is used:
 * imported, or run by its command, or named by a config.
 */
const ROOT = resolve(__dirname, "../..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
/** How a config names a package it uses, where not by its own name. */
const CONFIG_NAMES: Record<string, string> = {
  "jest-environment-jsdom": '"jsdom"',
  "webpack-dev-server": "devServer",
};
const declared = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]);

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === "fixtures" ? [] : filesUnder(full, ext);
    return ext.test(name) ? [full] : [];
  });
}

const CODE = /\.(ts|tsx|js|mjs|cjs)$/;
const sources = [
  ...["src", "test", "scripts"].flatMap((d) => filesUnder(join(ROOT, d), CODE)),
  ...readdirSync(ROOT)
    .filter((f) => CODE.test(f))
    .map((f) => join(ROOT, f)),
];

/** The package a module specifier names: "@scope/name/x" → "@scope/name", "name/x" → "name"; none for a path or a built-in. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("node:")) return undefined;
  const parts = specifier.split("/");
  const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
  // "buffer/" is the npm package of that name, not Node's module.
  return builtinModules.includes(name) && !specifier.startsWith(`${name}/`) ? undefined : name;
}

/** The packages some installed package names as a peer: npm leaves peers to the project (.npmrc). */
function peersWanted(): Set<string> {
  const modules = join(ROOT, "node_modules");
  const dirs = readdirSync(modules).flatMap((name) =>
    name.startsWith("@")
      ? readdirSync(join(modules, name)).map((sub) => join(modules, name, sub))
      : [join(modules, name)],
  );
  const peers = new Set<string>();
  for (const dir of dirs) {
    const file = join(dir, "package.json");
    if (!existsSync(file)) continue;
    const own = JSON.parse(readFileSync(file, "utf8")) as { peerDependencies?: Record<string, string> };
    for (const peer of Object.keys(own.peerDependencies ?? {})) peers.add(peer);
  }
  return peers;
}

const IMPORTS = [
  /\bfrom\s+["']([^"']+)["']/g,
  /\bimport\s*\(\s*(?:\/\*[^*]*\*\/\s*)?["']([^"']+)["']/g,
  /\bimport\s+["']([^"']+)["']/g,
  /\brequire(?:\.resolve)?\(\s*["']([^"']+)["']/g,
  /\bjest\.requireActual(?:<[^>]*>)?\(\s*["']([^"']+)["']/g,
];

const imported = new Map<string, string>();
for (const file of sources) {
  const text = readFileSync(file, "utf8");
  for (const pattern of IMPORTS) {
    for (const m of text.matchAll(pattern)) {
      const name = packageOf(m[1]!);
      if (name && !imported.has(name)) imported.set(name, file.slice(ROOT.length + 1));
    }
  }
}

test("every package imported is declared in package.json", () => {
  const undeclared = [...imported].filter(([name]) => !declared.has(name)).map(([name, file]) => `${name} (${file})`);
  expect(undeclared).toEqual([]);
});

test("every package declared is used: imported, run by its command, or named by a config", () => {
  const commands = [...Object.values(pkg.scripts), readFileSync(join(ROOT, ".ci/run"), "utf8")].join("\n");
  const configs = ["jest.config.js", "tsconfig.json", "webpack.config.js", "eslint.config.mjs"]
    .filter((f) => existsSync(join(ROOT, f)))
    .map((f) => readFileSync(join(ROOT, f), "utf8"))
    .join("\n");
  const binsOf = (name: string): string[] => {
    const own = JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")) as {
      bin?: string | Record<string, string>;
    };
    return typeof own.bin === "string" ? [name.replace(/^@[^/]+\//, "")] : Object.keys(own.bin ?? {});
  };
  const peers = peersWanted();
  const used = (name: string): boolean => {
    if (imported.has(name) || peers.has(name)) return true;
    // @types/x: the types of x, used where x is, or listed in tsconfig's "types".
    const typed = /^@types\/(.+)$/.exec(name)?.[1];
    if (typed) return imported.has(typed) || configs.includes(`"${typed}"`);
    if (binsOf(name).some((bin) => new RegExp(`(^|[\\s;&|(])(npx )?${bin}\\b`, "m").test(commands))) return true;
    // Named by a config: ts-jest as jest's transform, the loaders, jsdom as jest's environment, the dev server.
    return configs.includes(CONFIG_NAMES[name] ?? `"${name}"`);
  };
  expect([...declared].filter((name) => !used(name))).toEqual([]);
});
