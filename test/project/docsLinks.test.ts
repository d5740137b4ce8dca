import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/** Every link between the repository's documents resolves: the README, docs/ and each folder's README. */
const ROOT = resolve(__dirname, "../..");

function markdownUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory())
      return ["node_modules", "fixtures", "test-output", "dist", "lib"].includes(name) ? [] : markdownUnder(full);
    return name.endsWith(".md") ? [full] : [];
  });
}

const DOCUMENTS = [join(ROOT, "README.md"), ...markdownUnder(join(ROOT, "docs")), ...markdownUnder(join(ROOT, "src"))];

test("the documents are there: README, the user's guide, the IT guide", () => {
  expect(DOCUMENTS.map((d) => relative(ROOT, d))).toEqual(
    expect.arrayContaining(["README.md", "docs/anvandarguide.md", "docs/driftsattning.md"]),
  );
});

test.each(DOCUMENTS.map((d) => [relative(ROOT, d), d]))("every relative link in %s leads to a file", (_, document) => {
  const text = readFileSync(document, "utf8").replace(/```[\s\S]*?```/g, "");
  const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((t) => !/^[a-z]+:/i.test(t) && !t.startsWith("#") && !t.startsWith("/"));
  const broken = targets.filter((t) => !existsSync(resolve(dirname(document), decodeURI(t.split("#")[0]!))));
  expect(broken).toEqual([]);
});
