/**
 * An .xlsx (or .xlsm) as its package: parts by path, their relationships and content types (ECMA-376
 * Part 2, Open Packaging Conventions). A copy is this package with only the parts the add-in changes
 * rewritten; every other part (macros, pivot tables, images, printer settings, extensions the add-in
 * has never heard of) is carried over as the file has it.
 */
import JSZip from "jszip";
import {
  decodeXml as decode,
  escapeXml as encode,
  type OrderedNode,
  orderedBuilder,
  orderedParser,
  tagOf,
} from "../xlsxParts";

/** The text of an attribute or element as written, decoded; and text encoded to be written (xlsxParts.ts). */
export { decode, encode };

export const REL = {
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  threadedComment: "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
} as const;

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
} as const;

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The target as written ("../comments1.xml"). */
  readonly target: string;
  /** The target's path in the package ("xl/comments1.xml"); undefined for an external target. */
  readonly path?: string;
}

/** A change the copy cannot make without losing something of the user's: the copy is refused, in Swedish. */
export class PatchRefused extends Error {}

/** A parsed XML part, in document order (fast-xml-parser's preserveOrder form). */
export type XmlTree = OrderedNode[];

export class Package {
  private readonly edited = new Map<string, string | null>();

  private constructor(private readonly zip: JSZip) {}

  static async open(bytes: Uint8Array): Promise<Package> {
    return new Package(await JSZip.loadAsync(bytes));
  }

  has(path: string): boolean {
    const e = this.edited.get(path);
    return e !== undefined ? e !== null : this.zip.file(path) !== null;
  }

  paths(): string[] {
    const all = new Set(Object.keys(this.zip.files).filter((p) => !this.zip.files[p]!.dir));
    for (const [p, t] of this.edited) {
      if (t === null) all.delete(p);
      else all.add(p);
    }
    return [...all].sort();
  }

  async text(path: string): Promise<string | undefined> {
    const e = this.edited.get(path);
    if (e !== undefined) return e ?? undefined;
    return this.zip.file(path)?.async("string");
  }

  async binary(path: string): Promise<Uint8Array | undefined> {
    const e = this.edited.get(path);
    if (e === null) return undefined;
    if (e !== undefined) return new TextEncoder().encode(e);
    return this.zip.file(path)?.async("uint8array");
  }

  setText(path: string, text: string): void {
    this.edited.set(path, text);
  }

  remove(path: string): void {
    this.edited.set(path, null);
  }

  /** The package with its edits; parts never edited keep their compressed bytes (JSZip reuses them). */
  async bytes(): Promise<Uint8Array> {
    for (const [path, text] of this.edited) {
      if (text === null) this.zip.remove(path);
      else this.zip.file(path, text);
    }
    this.edited.clear();
    return this.zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
  }

  async xml(path: string): Promise<XmlTree | undefined> {
    const text = await this.text(path);
    if (text === undefined) return undefined;
    try {
      return orderedParser.parse(text) as XmlTree;
    } catch {
      throw new PatchRefused(`delen ${path} i arbetsboken är skadad`);
    }
  }

  setXml(path: string, tree: XmlTree): void {
    this.setText(path, buildXml(tree));
  }

  /** The first free number n for `${prefix}${n}${suffix}` ("xl/comments", ".xml"). */
  nextFree(prefix: string, suffix: string): number {
    const taken = new Set(this.paths());
    let n = 1;
    while (taken.has(`${prefix}${n}${suffix}`)) n++;
    return n;
  }

  // --- relationships ------------------------------------------------------

  async rels(part: string): Promise<Relationship[]> {
    const tree = await this.xml(relsPath(part));
    const root = tree && element(tree, "Relationships");
    return children(root, "Relationship").map((r) => {
      const a = attrs(r);
      const target = a["@Target"] ?? "";
      const external = a["@TargetMode"] === "External";
      return {
        id: a["@Id"] ?? "",
        type: a["@Type"] ?? "",
        target: decode(target),
        ...(external ? {} : { path: resolve(part, decode(target)) }),
      };
    });
  }

  /** Adds a relationship from a part; returns its id. */
  async addRel(part: string, type: string, targetPath: string): Promise<string> {
    const path = relsPath(part);
    const tree = (await this.xml(path)) ?? (orderedParser.parse(EMPTY_RELS) as XmlTree);
    const root = element(tree, "Relationships")!;
    const list = children(root, "Relationship");
    const ids = new Set(list.map((r) => attrs(r)["@Id"]));
    let n = list.length + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    contentOf(root).push({
      Relationship: [],
      ":@": { "@Id": id, "@Type": type, "@Target": encode(relative(part, targetPath)) },
    } as OrderedNode);
    this.setXml(path, tree);
    return id;
  }

  async removeRel(part: string, id: string): Promise<void> {
    const path = relsPath(part);
    const tree = await this.xml(path);
    const root = tree && element(tree, "Relationships");
    if (!root) return;
    root.Relationships = contentOf(root).filter((r) => !(localTag(r) === "Relationship" && attrs(r)["@Id"] === id));
    this.setXml(path, tree);
  }

  // --- content types ------------------------------------------------------

  async addOverride(path: string, contentType: string): Promise<void> {
    await this.editTypes((list) => {
      const partName = `/${path}`;
      if (list.some((n) => tagOf(n) === "Override" && attrs(n)["@PartName"] === partName)) return list;
      return [...list, { Override: [], ":@": { "@PartName": partName, "@ContentType": contentType } } as OrderedNode];
    });
  }

  async removeOverride(path: string): Promise<void> {
    await this.editTypes((list) =>
      list.filter((n) => !(tagOf(n) === "Override" && attrs(n)["@PartName"] === `/${path}`)),
    );
  }

  async addDefault(extension: string, contentType: string): Promise<void> {
    await this.editTypes((list) => {
      if (list.some((n) => tagOf(n) === "Default" && attrs(n)["@Extension"]?.toLowerCase() === extension)) return list;
      // Defaults come first in the file as Excel writes it.
      const at = list.findIndex((n) => tagOf(n) !== "Default");
      const entry = { Default: [], ":@": { "@Extension": extension, "@ContentType": contentType } } as OrderedNode;
      return at < 0 ? [...list, entry] : [...list.slice(0, at), entry, ...list.slice(at)];
    });
  }

  private async editTypes(change: (list: OrderedNode[]) => OrderedNode[]): Promise<void> {
    const tree = (await this.xml("[Content_Types].xml"))!;
    const root = element(tree, "Types")!;
    const before = (root.Types as OrderedNode[]) ?? [];
    const after = change(before);
    if (after === before) return;
    root.Types = after;
    this.setXml("[Content_Types].xml", tree);
  }

  // --- the workbook -------------------------------------------------------

  /** The workbook part ("xl/workbook.xml"), as the package's root relationship names it. */
  async workbookPath(): Promise<string> {
    const root = await this.rels("");
    return root.find((r) => r.type === REL.officeDocument)?.path ?? "xl/workbook.xml";
  }

  /** Each sheet of the workbook, in order: its name, relationship id and part. */
  async sheets(): Promise<{ name: string; rId: string; path: string | undefined; sheetId: string }[]> {
    const workbook = await this.workbookPath();
    const tree = (await this.xml(workbook))!;
    const rels = new Map((await this.rels(workbook)).map((r) => [r.id, r]));
    return children(children(element(tree, "workbook"), "sheets")[0], "sheet").map((s) => {
      const a = attrs(s);
      const rId = a["@r:id"] ?? Object.entries(a).find(([k]) => /^@\w+:id$/.test(k))?.[1] ?? "";
      return { name: decode(a["@name"] ?? ""), rId, path: rels.get(rId)?.path, sheetId: a["@sheetId"] ?? "" };
    });
  }

  async sheetPath(name: string): Promise<string | undefined> {
    return (await this.sheets()).find((s) => s.name === name)?.path;
  }
}

const EMPTY_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

export function buildXml(tree: XmlTree): string {
  return orderedBuilder.build(tree) as string;
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPath(part: string): string {
  const at = part.lastIndexOf("/");
  return `${part.slice(0, at + 1)}_rels/${part.slice(at + 1)}.rels`;
}

/** A relationship's target as a path in the package, from the part that holds it. */
export function resolve(part: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = part
    .slice(0, part.lastIndexOf("/") + 1)
    .split("/")
    .filter(Boolean);
  for (const step of target.split("/")) {
    if (step === "..") base.pop();
    else if (step !== "." && step !== "") base.push(step);
  }
  return base.join("/");
}

/** The target to write in a part's relationships for a path in the package. */
export function relative(part: string, path: string): string {
  const from = part.slice(0, part.lastIndexOf("/")).split("/").filter(Boolean);
  const to = path.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...Array(from.length - i).fill(".."), ...to.slice(i)].join("/");
}

/** An element's tag without its namespace prefix ("x:c" → "c"), as some writers prefix SpreadsheetML. */
export function localTag(node: OrderedNode): string | undefined {
  return tagOf(node)?.replace(/^[^:]*:/, "");
}

/** The first element of a tag among a list of ordered nodes. */
export function element(list: XmlTree | undefined, tag: string): OrderedNode | undefined {
  return list?.find((n) => localTag(n) === tag);
}

/** The child elements of an element with a tag. */
export function children(node: OrderedNode | undefined, tag: string): OrderedNode[] {
  const tagName = node && tagOf(node);
  const list = tagName ? (node[tagName] as OrderedNode[] | undefined) : undefined;
  return Array.isArray(list) ? list.filter((n) => localTag(n) === tag) : [];
}

/** The element's content list (children in order), created where missing. */
export function contentOf(node: OrderedNode): OrderedNode[] {
  const tag = tagOf(node)!;
  if (!Array.isArray(node[tag])) node[tag] = [];
  return node[tag] as OrderedNode[];
}

export function attrs(node: OrderedNode): Record<string, string> {
  node[":@"] ??= {};
  return node[":@"];
}

/**
 * The text of an element as the file writes it (entities left encoded): every text inside it, rich-text
 * runs joined, phonetic guides (`<rPh>`) left out, as a cell's shared string or a note's text reads.
 */
export function writtenText(node: OrderedNode): string {
  let out = "";
  for (const [k, v] of Object.entries(node)) {
    if (k === "#text") out += String(v);
    else if (k !== ":@" && Array.isArray(v) && k.replace(/^[^:]*:/, "") !== "rPh") {
      for (const child of v as OrderedNode[]) out += writtenText(child);
    }
  }
  return out;
}
