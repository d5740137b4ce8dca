/**
 * What the reader takes from an .xlsx's XML itself, before ExcelJS sees it,
 * read by an XML parser (never by regular expressions over the file's text):
 * the sheets and defined names of xl/workbook.xml, and the merged areas that
 * would make ExcelJS work without end.
 *
 * ExcelJS expands a defined name's range and a merged area into one object
 * per cell, so a name over a whole sheet ('Budget 2025'!$A$1:$XFD$1048576)
 * or a merge A1:XFD1048576 never finishes loading. Such names and merges are
 * taken out of the bytes ExcelJS loads (the file itself is never changed);
 * the names are still read here, and the merges are clipped to the cells
 * that exist afterwards (readGrid.ts).
 */
import { XMLParser } from "fast-xml-parser";
import JSZip from "jszip";
import { type DefinedName, parseRangeRef } from "../sheet/grid";

/** A name's range or a merge over more cells than this is taken out of what ExcelJS loads. */
export const MAX_EXPANDED_CELLS = 100_000;

export interface XlsxParts {
  /** The bytes for ExcelJS: the file's own, unless a name or merge had to be taken out. */
  readonly bytes: Uint8Array;
  /** Every defined name as stored (Excel's built-in and _xlfn. names left out), workbook-level first. */
  readonly definedNames: readonly DefinedName[];
  /** Merged areas taken out for ExcelJS, by sheet name, to be clipped to the cells that exist. */
  readonly largeMerges: ReadonlyMap<string, readonly string[]>;
}

export type PartsFailure =
  | { readonly kind: "not-zip"; readonly cause: unknown }
  | { readonly kind: "no-workbook" }
  /** A part that does not inflate or is no XML. */
  | { readonly kind: "damaged"; readonly part: string; readonly cause: unknown };

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  // Entities are decoded here, the five of XML and character references only: no DOCTYPE entity is ever expanded.
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  removeNSPrefix: true,
  trimValues: false,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

function children(node: unknown, tag: string): Node[] {
  const list = (node as Node | undefined)?.[tag];
  return Array.isArray(list) ? (list as Node[]) : [];
}

function attr(node: Node, name: string): string | undefined {
  const v = node[`@${name}`];
  return typeof v === "string" ? decodeXml(v) : undefined;
}

function textOf(node: Node): string {
  const t = node["#text"];
  if (typeof t === "string") return decodeXml(t);
  if (Array.isArray(t)) return decodeXml(t.filter((x) => typeof x === "string").join(""));
  return "";
}

export async function readXlsxParts(bytes: Uint8Array): Promise<XlsxParts | PartsFailure> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (cause) {
    return { kind: "not-zip", cause };
  }
  const reading = { part: "xl/workbook.xml" };
  try {
    return await readParts(zip, bytes, reading);
  } catch (cause) {
    return { kind: "damaged", part: reading.part, cause };
  }
}

async function readParts(zip: JSZip, bytes: Uint8Array, reading: { part: string }): Promise<XlsxParts | PartsFailure> {
  const workbookPart = zip.file("xl/workbook.xml");
  if (!workbookPart) return { kind: "no-workbook" };
  let workbookXml = await workbookPart.async("string");
  const workbook = children(parser.parse(workbookXml), "workbook")[0];

  const sheets = children(children(workbook, "sheets")[0], "sheet").map((s) => ({
    name: attr(s, "name") ?? "",
    rel: attr(s, "id"),
  }));
  const global: DefinedName[] = [];
  const local: DefinedName[] = [];
  const kept: Node[] = [];
  let dropped = false;
  for (const d of children(children(workbook, "definedNames")[0], "definedName")) {
    const name = attr(d, "name");
    const text = textOf(d).trim();
    if (tooLarge(text)) dropped = true;
    else kept.push(d);
    if (!name || !text || /^_xl(?:nm|fn)\./i.test(name)) continue;
    const entry = { name, ref: stripPrefixes(text) };
    (attr(d, "localSheetId") === undefined ? global : local).push(entry);
  }
  if (dropped) {
    workbookXml = replaceSection(
      workbookXml,
      "definedNames",
      kept.length ? `<definedNames>${kept.map(toXml("definedName")).join("")}</definedNames>` : "",
    );
    zip.file("xl/workbook.xml", workbookXml);
  }

  const largeMerges = new Map<string, string[]>();
  const targets = await sheetTargets(zip);
  for (const sheet of sheets) {
    const path = sheet.rel && targets.get(sheet.rel);
    const part = path ? zip.file(path) : null;
    if (!part) continue;
    reading.part = path!;
    const xml = await part.async("string");
    const section = sectionOf(xml, "mergeCells");
    if (!section) continue;
    const merges = children(children(parser.parse(section.text), "mergeCells")[0], "mergeCell");
    const large = merges.filter((m) => tooLarge(`A!${attr(m, "ref") ?? ""}`));
    if (large.length === 0) continue;
    largeMerges.set(
      sheet.name,
      large.map((m) => attr(m, "ref")!),
    );
    const rest = merges.filter((m) => !large.includes(m));
    const replacement = rest.length
      ? `<mergeCells count="${rest.length}">${rest.map(toXml("mergeCell")).join("")}</mergeCells>`
      : "";
    zip.file(path!, xml.slice(0, section.start) + replacement + xml.slice(section.end));
  }

  const changed = dropped || largeMerges.size > 0;
  return {
    bytes: changed ? await zip.generateAsync({ type: "uint8array", compression: "STORE" }) : bytes,
    definedNames: [...global, ...local],
    largeMerges,
  };
}

/** A reference (one area or several) over more than MAX_EXPANDED_CELLS cells. */
function tooLarge(ref: string): boolean {
  let cells = 0;
  for (const area of ref.split(",")) {
    const r = parseRangeRef(area.includes("!") ? area : `A!${area}`);
    if (r) cells += (Math.abs(r.end.row - r.start.row) + 1) * (Math.abs(r.end.column - r.start.column) + 1);
    else if (/![$]?[A-Z]{1,3}:[$]?[A-Z]{1,3}$|![$]?\d+:[$]?\d+$/i.test(area.trim())) cells += MAX_EXPANDED_CELLS + 1;
  }
  return cells > MAX_EXPANDED_CELLS;
}

/** The sheet parts by relationship id, from xl/_rels/workbook.xml.rels. */
async function sheetTargets(zip: JSZip): Promise<Map<string, string>> {
  const targets = new Map<string, string>();
  const rels = zip.file("xl/_rels/workbook.xml.rels");
  if (!rels) return targets;
  const root = children(parser.parse(await rels.async("string")), "Relationships")[0];
  for (const r of children(root, "Relationship")) {
    const id = attr(r, "Id");
    const target = attr(r, "Target");
    if (!id || !target) continue;
    targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`);
  }
  return targets;
}

/** Where `<tag …>…</tag>` stands in the part; found by position, parsed by the parser. */
function sectionOf(xml: string, tag: string): { start: number; end: number; text: string } | undefined {
  const close = `</${tag}>`;
  const end = xml.lastIndexOf(close);
  if (end < 0) return undefined;
  const start = xml.lastIndexOf(`<${tag}`, end);
  if (start < 0) return undefined;
  return { start, end: end + close.length, text: xml.slice(start, end + close.length) };
}

function replaceSection(xml: string, tag: string, replacement: string): string {
  const s = sectionOf(xml, tag);
  return s ? xml.slice(0, s.start) + replacement + xml.slice(s.end) : xml;
}

/** A parsed element back to XML: its attributes and its text. */
function toXml(tag: string): (node: Node) => string {
  return (node) => {
    const attributes = Object.keys(node)
      .filter((k) => k.startsWith("@"))
      .map((k) => ` ${k.slice(1)}="${escapeXml(attr(node, k.slice(1)) ?? "")}"`)
      .join("");
    const text = textOf(node);
    return text ? `<${tag}${attributes}>${escapeXml(text)}</${tag}>` : `<${tag}${attributes}/>`;
  };
}

/** A name's formula as Excel shows it: without the _xlfn./_xlws./_xlpm. prefixes (outside string literals). */
function stripPrefixes(text: string): string {
  const parts = text.split('"');
  for (let i = 0; i < parts.length; i += 2) parts[i] = parts[i]!.replace(/_xl(?:fn|ws|pm)\./g, "");
  return parts.join('"');
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|lt|gt|amp|quot|apos);/g, (whole, e: string) => {
    switch (e) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default: {
        const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
    }
  });
}
