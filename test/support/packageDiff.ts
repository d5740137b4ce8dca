/**
 * Compares a workbook and the copy the add-in wrote of it, part by part and, where a part differs,
 * element by element and attribute by attribute. Only what the add-in may change is allowed to differ:
 * the fill (format index) and note of a flagged cell, its own sheets and names, and the lists those
 * add to (styles, relationships, content types, the workbook's sheets and names). Everything else
 * found different is reported, with the part and the path of the element.
 */
import JSZip from "jszip";
import { columnLetters } from "../../src/grid";
import { type OrderedNode, orderedParser, tagOf } from "../../src/xlsx/xlsxParts";

export interface AllowedChanges {
  /** Flagged cells by sheet name: "B5". */
  readonly cells: ReadonlyMap<string, ReadonlySet<string>>;
  /** The add-in's sheets. */
  readonly ownSheets: ReadonlySet<string>;
}

export type PartFate = "kept" | "changed" | "lost";

export interface PartReport {
  readonly path: string;
  readonly kind: string;
  readonly fate: PartFate;
  /** What differs that the add-in may not change; empty where everything is allowed. */
  readonly wrong: readonly string[];
}

/** What kind of part a path is, for the table. */
export function partKind(path: string, contentType: string | undefined): string {
  const ct = contentType ?? "";
  const rules: [RegExp, string][] = [
    [/vbaProject/i, "macros (vbaProject.bin)"],
    [/\/media\//, "image"],
    [/pivotCacheRecords/, "pivot cache records"],
    [/pivotCacheDefinition/, "pivot cache"],
    [/pivotTable/, "pivot table"],
    [/\/tables\//, "table"],
    [/externalLink/, "external link"],
    [/threadedComment/, "threaded comments"],
    [/\/persons\//, "persons (threaded comments)"],
    [/comments\d*\.xml$/, "notes (comments)"],
    [/\.vml$/, "notes' drawing (VML)"],
    [/\/charts\/chart/, "chart"],
    [/\/charts\/(style|colors)/, "chart style"],
    [/chartsheets\//, "chart sheet"],
    [/\/drawings\/drawing/, "drawing"],
    [/printerSettings/, "printer settings"],
    [/customXml\//, "custom XML"],
    [/docProps\/custom/, "custom properties"],
    [/docProps\//, "document properties"],
    [/theme\//, "theme"],
    [/styles\.xml$/, "styles"],
    [/sharedStrings/, "shared strings"],
    [/calcChain/, "calculation chain"],
    [/worksheets\/sheet/, "worksheet"],
    [/workbook\.xml$/, "workbook"],
    [/\.rels$/, "relationships"],
    [/\[Content_Types\]/, "content types"],
    [/ctrlProps/, "form control"],
    [/activeX/, "ActiveX"],
  ];
  for (const [re, kind] of rules) if (re.test(path)) return kind;
  return ct ? `other (${ct.replace(/^application\/(vnd\.)?/, "")})` : "other";
}

export async function comparePackages(
  original: Uint8Array,
  copy: Uint8Array,
  allowed: AllowedChanges,
): Promise<{ parts: PartReport[]; added: string[] }> {
  const a = await JSZip.loadAsync(original);
  const b = await JSZip.loadAsync(copy);
  const types = await contentTypes(a);
  const sheets = await sheetPaths(a);
  const parts: PartReport[] = [];
  for (const path of files(a)) {
    const kind = partKind(path, types(path));
    const before = await a.file(path)!.async("uint8array");
    const after = await b.file(path)?.async("uint8array");
    if (!after) {
      parts.push({ path, kind, fate: "lost", wrong: [`${path}: saknas i kopian`] });
      continue;
    }
    if (equalBytes(before, after)) {
      parts.push({ path, kind, fate: "kept", wrong: [] });
      continue;
    }
    const wrong = diffPart(path, new TextDecoder().decode(before), new TextDecoder().decode(after), allowed, sheets);
    parts.push({ path, kind, fate: "changed", wrong });
  }
  const added = files(b).filter((p) => !a.file(p));
  return { parts, added };
}

function files(zip: JSZip): string[] {
  return Object.keys(zip.files)
    .filter((p) => !zip.files[p]!.dir)
    .sort();
}

function equalBytes(x: Uint8Array, y: Uint8Array): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

async function contentTypes(zip: JSZip): Promise<(path: string) => string | undefined> {
  const xml = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  const overrides = new Map(
    [...xml.matchAll(/<Override[^>]*PartName="\/([^"]+)"[^>]*ContentType="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]),
  );
  const defaults = new Map(
    [...xml.matchAll(/<Default[^>]*Extension="([^"]+)"[^>]*ContentType="([^"]+)"/g)].map((m) => [
      m[1]!.toLowerCase(),
      m[2]!,
    ]),
  );
  return (path) => overrides.get(path) ?? defaults.get(path.slice(path.lastIndexOf(".") + 1).toLowerCase());
}

/** Each worksheet part's sheet name. */
async function sheetPaths(zip: JSZip): Promise<Map<string, string>> {
  const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const targets = new Map(
    [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [
      /Id="([^"]+)"/.exec(m[0])?.[1] ?? "",
      (/Target="([^"]+)"/.exec(m[0])?.[1] ?? "").replace(/^\/?(xl\/)?/, "xl/"),
    ]),
  );
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(m[0])?.[1] ?? "";
    const id = /\br:id="([^"]+)"|\b\w+:id="([^"]+)"/.exec(m[0]);
    const target = targets.get(id?.[1] ?? id?.[2] ?? "");
    if (target) out.set(target, decode(name));
  }
  return out;
}

function decode(s: string): string {
  return s
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

// --- element by element -----------------------------------------------------

type Rule = {
  /** May this element, found only in the copy, be there? */
  added(path: string[], node: OrderedNode): boolean;
  /** May this element's attribute differ? */
  attribute(path: string[], node: OrderedNode, name: string): boolean;
  /** Is the element the add-in's to change whole (a flagged cell's note)? */
  owned(path: string[], node: OrderedNode): boolean;
  /** Must a list keep its entries' positions (styles: every index is a reference)? */
  prefix(path: string[]): boolean;
  /** May this element of the original be missing from the copy? */
  removed(path: string[], node: OrderedNode): boolean;
};

function diffPart(
  path: string,
  before: string,
  after: string,
  allowed: AllowedChanges,
  sheets: ReadonlyMap<string, string>,
): string[] {
  if (path.endsWith(".vml")) return diffVml(path, before, after, allowed, sheets);
  if (path.endsWith(".bin") || /\/media\//.test(path)) return [`${path}: bytes differ`];
  const rule = ruleFor(path, allowed, sheets);
  const wrong: string[] = [];
  compare(
    orderedParser.parse(before) as OrderedNode[],
    orderedParser.parse(after) as OrderedNode[],
    [path],
    rule,
    wrong,
  );
  return wrong;
}

const local = (tag: string | undefined) => (tag ?? "").replace(/^[^:]*:/, "");

function ruleFor(path: string, allowed: AllowedChanges, sheets: ReadonlyMap<string, string>): Rule {
  const none: Rule = {
    added: () => false,
    attribute: () => false,
    owned: () => false,
    prefix: () => false,
    removed: () => false,
  };
  if (path === "[Content_Types].xml" || path.endsWith(".rels")) return { ...none, added: () => true };
  if (/styles\.xml$/.test(path)) {
    // Every entry of these lists is referred to by its index: the copy may only add at their end.
    const indexed = new Set(["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "dxfs"]);
    return {
      ...none,
      added: () => true,
      attribute: (_p, _n, name) => name === "@count",
      prefix: (p) => indexed.has(local(p[p.length - 1]?.replace(/\[.*$/, ""))),
    };
  }
  if (/workbook\.xml$/.test(path)) {
    return {
      ...none,
      added: (p, n) => {
        const tag = local(tagOf(n));
        const a = n[":@"] ?? {};
        if (tag === "sheet") return allowed.ownSheets.has(decode(a["@name"] ?? ""));
        if (tag === "definedName") return /^Finsam_/i.test(a["@name"] ?? "") || a["@localSheetId"] !== undefined;
        if (tag === "definedNames") return true;
        return p.length > 0 && local(p[p.length - 1]) === "definedName";
      },
      attribute: (_p, _n, name) => name === "@xmlns:r",
    };
  }
  const sheet = sheets.get(path);
  if (sheet !== undefined) {
    const flagged = allowed.cells.get(sheet) ?? new Set<string>();
    return {
      ...none,
      added: (_p, n) => {
        const tag = local(tagOf(n));
        if (tag === "legacyDrawing") return true;
        if (tag === "c") return flagged.has(n[":@"]?.["@r"] ?? "");
        if (tag === "row") {
          const cells = (n[tagOf(n)!] as OrderedNode[]).filter((c) => local(tagOf(c)) === "c");
          return cells.every((c) => flagged.has(c[":@"]?.["@r"] ?? ""));
        }
        return false;
      },
      attribute: (_p, n, name) => {
        const tag = local(tagOf(n));
        if (tag === "c" && name === "@s") return flagged.has(n[":@"]?.["@r"] ?? "");
        if (tag === "dimension" && name === "@ref") return true;
        return tag === "worksheet" && name === "@xmlns:r";
      },
    };
  }
  if (/comments\d*\.xml$/.test(path)) {
    const sheetOf = [...allowed.cells.values()];
    const any = new Set(sheetOf.flatMap((s) => [...s]));
    return {
      ...none,
      added: (_p, n) => local(tagOf(n)) === "author" || any.has(n[":@"]?.["@ref"] ?? ""),
      owned: (_p, n) => local(tagOf(n)) === "comment" && any.has(n[":@"]?.["@ref"] ?? ""),
      removed: (_p, n) => local(tagOf(n)) === "comment" && any.has(n[":@"]?.["@ref"] ?? ""),
    };
  }
  return none;
}

/**
 * The copy's children must hold the original's in order (a subsequence), each equal but where the rule
 * allows; what the copy adds must be allowed. With `prefix`, the original's come first and in place.
 */
function compare(before: OrderedNode[], after: OrderedNode[], path: string[], rule: Rule, wrong: string[]): void {
  const elements = (list: OrderedNode[]) => list.filter((n) => tagOf(n) !== undefined);
  const a = elements(before);
  const b = elements(after);
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const key = identity(x);
    let k = j;
    while (k < b.length && identity(b[k]!) !== key) {
      if (!rule.added(path, b[k]!)) break;
      k++;
    }
    if (k >= b.length || identity(b[k]!) !== key) {
      if (rule.removed(path, x)) continue;
      wrong.push(`${path.join(" › ")} › ${describe(x)}: saknas eller ändrad i kopian`);
      return;
    }
    if (rule.prefix(path) && k !== i) wrong.push(`${path.join(" › ")} › ${describe(x)}: flyttad (${i} → ${k})`);
    const y = b[k]!;
    j = k + 1;
    if (rule.owned(path, x)) continue;
    compareNode(x, y, path, rule, wrong);
  }
  for (; j < b.length; j++) {
    if (!rule.added(path, b[j]!)) wrong.push(`${path.join(" › ")} › ${describe(b[j]!)}: tillagd i kopian`);
  }
}

function compareNode(x: OrderedNode, y: OrderedNode, path: string[], rule: Rule, wrong: string[]): void {
  const tag = tagOf(x)!;
  if (tag === "#text") {
    if (String(x["#text"]) !== String(y["#text"])) wrong.push(`${path.join(" › ")}: texten ändrad`);
    return;
  }
  const ax = x[":@"] ?? {};
  const ay = y[":@"] ?? {};
  for (const name of new Set([...Object.keys(ax), ...Object.keys(ay)])) {
    if (ax[name] === ay[name]) continue;
    if (rule.attribute(path, x, name) || rule.attribute(path, y, name)) continue;
    wrong.push(`${path.join(" › ")} › ${describe(x)}: ${name.slice(1)} ${ax[name] ?? "–"} → ${ay[name] ?? "–"}`);
  }
  const kids = (n: OrderedNode) => (Array.isArray(n[tag]) ? (n[tag] as OrderedNode[]) : []);
  const textOf = (n: OrderedNode) =>
    kids(n)
      .filter((c) => tagOf(c) === "#text")
      .map((c) => String(c["#text"]))
      .join("");
  if (textOf(x) !== textOf(y)) wrong.push(`${path.join(" › ")} › ${describe(x)}: texten ändrad`);
  compare(kids(x), kids(y), [...path, describe(x)], rule, wrong);
}

/** What pairs an element with its copy: its tag and the attribute that names it, where it has one. */
function identity(n: OrderedNode): string {
  // The sheet's dimension is one element whose ref may widen.
  if (local(tagOf(n)) === "dimension") return "dimension";
  const a = n[":@"] ?? {};
  const id = a["@r"] ?? a["@ref"] ?? a["@name"] ?? a["@Id"] ?? a["@PartName"] ?? a["@Extension"] ?? a["@sqref"] ?? "";
  return `${tagOf(n)}#${id}`;
}

function describe(n: OrderedNode): string {
  const a = n[":@"] ?? {};
  const id = a["@r"] ?? a["@ref"] ?? a["@name"] ?? a["@Id"] ?? a["@PartName"] ?? "";
  return id ? `${tagOf(n)}[${id}]` : (tagOf(n) ?? "?");
}

/** VML: every shape but those on flagged cells, as the file has it. */
function diffVml(
  path: string,
  before: string,
  after: string,
  allowed: AllowedChanges,
  _sheets: ReadonlyMap<string, string>,
): string[] {
  const cells = new Set([...allowed.cells.values()].flatMap((s) => [...s]));
  const strip = (text: string) =>
    text.replace(/<v:shape\b[\s\S]*?<\/v:shape>/g, (shape) => {
      const row = /<x:Row>\s*(\d+)/.exec(shape);
      const column = /<x:Column>\s*(\d+)/.exec(shape);
      if (!row || !column) return shape;
      const ref = `${columnLetters(Number(column[1]) + 1)}${Number(row[1]) + 1}`;
      return cells.has(ref) ? "" : shape;
    });
  return strip(before) === strip(after) ? [] : [`${path}: a shape not on a flagged cell changed`];
}

/**
 * A flagged cell's new format is its old one with only the fill changed: every other attribute and child
 * of the `<xf>` (number format, font, border, alignment, protection) as it was.
 */
export async function flaggedFormats(
  original: Uint8Array,
  copy: Uint8Array,
  allowed: AllowedChanges,
): Promise<string[]> {
  const a = await JSZip.loadAsync(original);
  const b = await JSZip.loadAsync(copy);
  const sheets = await sheetPaths(a);
  const xfs = async (zip: JSZip) => {
    const xml = (await zip.file("xl/styles.xml")?.async("string")) ?? "";
    const section = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? "";
    return [...section.matchAll(/<(?:\w+:)?xf\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?xf>)/g)].map((m) => m[0]);
  };
  const [before, after] = [await xfs(a), await xfs(b)];
  const wrong: string[] = [];
  for (const [path, sheet] of sheets) {
    const cells = allowed.cells.get(sheet);
    if (!cells) continue;
    const styleOf = (xml: string, ref: string) => {
      const c = new RegExp(`<(?:\\w+:)?c\\b[^>]*\\br="${ref}"[^>]*>`).exec(xml)?.[0];
      return Number(/\bs="(\d+)"/.exec(c ?? "")?.[1] ?? 0);
    };
    const x = (await a.file(path)?.async("string")) ?? "";
    const y = (await b.file(path)?.async("string")) ?? "";
    for (const ref of cells) {
      const was = before[styleOf(x, ref)] ?? before[0] ?? "";
      const now = after[styleOf(y, ref)] ?? "";
      // Attribute by attribute (any order, any spacing), but the fill; the children as written.
      const strip = (xf: string) => {
        const open = /^<[^>]*?\/?>/.exec(xf)?.[0] ?? "";
        const attributes = [...open.matchAll(/([\w:]+)="([^"]*)"/g)]
          .filter((m) => m[1] !== "fillId" && m[1] !== "applyFill")
          .map((m) => `${m[1]}=${m[2]}`)
          .sort();
        return `${attributes.join(" ")}|${xf.slice(open.length).replace(/\s+/g, "")}`;
      };
      if (strip(was) !== strip(now)) wrong.push(`${sheet}!${ref}: ${was} → ${now}`);
    }
  }
  return wrong;
}
