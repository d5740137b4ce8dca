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
 * that exist afterwards (readGrid.ts). A copy the add-in writes is the file's
 * own package (package/changes.ts), so they stand in it as the file has them.
 *
 * ExcelJS expands a data validation's sqref likewise (one model entry per
 * cell: a whole column costs it about 2 s to load and 300 MB; A1:XFD1048576
 * never finishes). Validations never matter to the budget, so every one is
 * taken out of the bytes ExcelJS loads.
 */
import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";
import JSZip from "jszip";
import { type DefinedName, parseRangeRef } from "../grid";

/** A name's range or a merge over more cells than this is taken out of what ExcelJS loads. */
export const MAX_EXPANDED_CELLS = 100_000;

/** Data validations set aside, by sheet name: each `<dataValidation>` element as the file has it. */
export type SetAsideValidations = ReadonlyMap<string, readonly string[]>;

/** A defined name taken out for ExcelJS, as the file has it. */
export interface SetAsideName {
  readonly name: string;
  /** The sheet a sheet-level name (Print_Titles) belongs to, by name: its position may differ in a copy. */
  readonly sheet?: string;
  /** The `<definedName>` element, without its localSheetId. */
  readonly element: string;
}

export interface XlsxParts {
  /** The bytes for ExcelJS: the file's own, unless a name or merge had to be taken out. */
  readonly bytes: Uint8Array;
  /** Every defined name as stored (Excel's built-in and _xlfn. names left out), workbook-level first. */
  readonly definedNames: readonly DefinedName[];
  /** Defined names taken out for ExcelJS (they are in definedNames all the same). */
  readonly largeNames: readonly SetAsideName[];
  /** Merged areas taken out for ExcelJS, by sheet name, to be clipped to the cells that exist. */
  readonly largeMerges: ReadonlyMap<string, readonly string[]>;
  /** The data validations, taken out for ExcelJS, to be put back into a written copy. */
  readonly largeValidations: SetAsideValidations;
}

export type PartsFailure =
  | { readonly kind: "not-zip"; readonly cause: unknown }
  | { readonly kind: "no-workbook" }
  /** An .xlsb: the workbook as binary records (xl/workbook.bin), not XML. */
  | { readonly kind: "binary" }
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

/** For sections taken apart and written back: order, prefixes and entities exactly as in the file. */
const ORDERED = {
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  removeNSPrefix: false,
  trimValues: false,
  preserveOrder: true,
} as const;
export const orderedParser = new XMLParser(ORDERED);
export const orderedBuilder = new XMLBuilder({ ...ORDERED, suppressEmptyNode: true });

/** One element of a parse with preserveOrder: its tag's children under the tag, its attributes under ":@". */
export type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };

/** A list element (`<mergeCells>`, `<extLst>`) parsed in order: the element, and its children (none where it has none). */
export function containerOf(text: string, tag: string): { root?: OrderedNode; items: OrderedNode[] } {
  const root = (orderedParser.parse(text) as OrderedNode[]).find((n) => tagOf(n) === tag);
  const list = root?.[tag];
  return { ...(root ? { root } : {}), items: Array.isArray(list) ? (list as OrderedNode[]) : [] };
}

/** The tag of an ordered node ("#text" for text). */
export function tagOf(node: OrderedNode): string | undefined {
  return Object.keys(node).find((k) => k !== ":@");
}

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
  if (!workbookPart) return zip.file("xl/workbook.bin") ? { kind: "binary" } : { kind: "no-workbook" };
  // The package's own structure, which ExcelJS reads past but a copy is written through (package/opc.ts):
  // every package has its content types (ECMA-376 Part 2), and they and the relationships must be XML.
  if (!zip.file("[Content_Types].xml")) return { kind: "damaged", part: "[Content_Types].xml", cause: "missing" };
  for (const path of Object.keys(zip.files).filter((p) => p === "[Content_Types].xml" || p.endsWith(".rels"))) {
    reading.part = path;
    const valid = XMLValidator.validate(await zip.file(path)!.async("string"));
    if (valid !== true) return { kind: "damaged", part: path, cause: valid.err };
  }
  reading.part = "xl/workbook.xml";
  let workbookXml = await workbookPart.async("string");
  const workbook = children(parser.parse(workbookXml), "workbook")[0];

  const sheets = children(children(workbook, "sheets")[0], "sheet").map((s) => ({
    name: attr(s, "name") ?? "",
    rel: attr(s, "id"),
  }));
  const global: DefinedName[] = [];
  const local: DefinedName[] = [];
  const kept: Node[] = [];
  const largeNames: SetAsideName[] = [];
  for (const d of children(children(workbook, "definedNames")[0], "definedName")) {
    const name = attr(d, "name");
    const text = textOf(d).trim();
    if (!tooLarge(text)) kept.push(d);
    else {
      const setAside = setAsideName(d, sheets);
      if (setAside) largeNames.push(setAside);
    }
    if (!name || !text || /^_xl(?:nm|fn)\./i.test(name)) continue;
    const entry = { name, ref: stripPrefixes(text) };
    (attr(d, "localSheetId") === undefined ? global : local).push(entry);
  }
  if (largeNames.length > 0) {
    workbookXml = replaceSection(
      workbookXml,
      "definedNames",
      kept.length ? `<definedNames>${kept.map(toXml("definedName")).join("")}</definedNames>` : "",
    );
    zip.file("xl/workbook.xml", workbookXml);
  }

  const largeMerges = new Map<string, string[]>();
  const largeValidations = new Map<string, string[]>();
  for (const sheet of await sheetParts(zip, sheets)) {
    const part = zip.file(sheet.path);
    if (!part) continue;
    reading.part = sheet.path;
    const original = await part.async("string");
    let xml = original;

    const section = sectionOf(xml, "mergeCells");
    const merges = section ? children(children(parser.parse(section.text), "mergeCells")[0], "mergeCell") : [];
    const large = merges.filter((m) => tooLarge(`A!${attr(m, "ref") ?? ""}`));
    if (section && large.length > 0) {
      largeMerges.set(
        sheet.name,
        large.map((m) => attr(m, "ref")!),
      );
      const rest = merges.filter((m) => !large.includes(m));
      const replacement = rest.length
        ? `<mergeCells count="${rest.length}">${rest.map(toXml("mergeCell")).join("")}</mergeCells>`
        : "";
      xml = xml.slice(0, section.start) + replacement + xml.slice(section.end);
    }

    const validations = setAsideValidations(xml);
    if (validations) {
      largeValidations.set(sheet.name, validations.setAside);
      xml = validations.xml;
    }
    if (xml !== original) zip.file(sheet.path, xml);
  }

  const changed = largeNames.length > 0 || largeMerges.size > 0 || largeValidations.size > 0;
  return {
    bytes: changed ? await zip.generateAsync({ type: "uint8array", compression: "STORE" }) : bytes,
    definedNames: [...global, ...local],
    largeNames,
    largeMerges,
    largeValidations,
  };
}

/**
 * The sheet part without its `<dataValidations>`, and each `<dataValidation>` in it as the file has
 * it; undefined when the sheet has none. Nothing outside the section changes.
 */
function setAsideValidations(xml: string): { xml: string; setAside: string[] } | undefined {
  const section = sectionOf(xml, "dataValidations");
  if (!section) return undefined;
  const { root, items } = containerOf(section.text, "dataValidations");
  if (!root) return undefined;
  const setAside = items.filter((n) => tagOf(n) === "dataValidation").map((n) => orderedBuilder.build([n]) as string);
  return { xml: xml.slice(0, section.start) + xml.slice(section.end), setAside };
}

/** The name as the file has it; undefined for one scoped to a sheet the workbook does not have (Excel would refuse it). */
function setAsideName(d: Node, sheets: readonly { readonly name: string }[]): SetAsideName | undefined {
  const local = attr(d, "localSheetId");
  const sheet = local === undefined ? undefined : sheets[Number(local)]?.name;
  if (local !== undefined && sheet === undefined) return undefined;
  const { ["@localSheetId"]: _, ...rest } = d;
  return {
    name: attr(d, "name") ?? "",
    ...(sheet !== undefined ? { sheet } : {}),
    element: toXml("definedName")(rest),
  };
}

/** The worksheets' parts, by sheet name, from xl/workbook.xml and its relationships. */
export async function sheetParts(
  zip: JSZip,
  sheets?: readonly { readonly name: string; readonly rel: string | undefined }[],
): Promise<{ readonly name: string; readonly path: string }[]> {
  let list = sheets;
  if (!list) {
    const workbook = children(parser.parse(await zip.file("xl/workbook.xml")!.async("string")), "workbook")[0];
    list = children(children(workbook, "sheets")[0], "sheet").map((s) => ({
      name: attr(s, "name") ?? "",
      rel: attr(s, "id"),
    }));
  }
  const targets = await sheetTargets(zip);
  return list.flatMap((s) => {
    const path = s.rel && targets.get(s.rel);
    return path ? [{ name: s.name, path }] : [];
  });
}

/** A reference (one area or several) over more than MAX_EXPANDED_CELLS cells. */
function tooLarge(ref: string): boolean {
  return (
    ref.split(",").reduce((sum, area) => sum + cellsOfArea(area.includes("!") ? area : `A!${area}`), 0) >
    MAX_EXPANDED_CELLS
  );
}

/** The cells of one area with its sheet ("A!B1:B1048576"); a whole column or row ("A!B:B") counts as too many. */
function cellsOfArea(area: string): number {
  const r = parseRangeRef(area);
  if (r) return (Math.abs(r.end.row - r.start.row) + 1) * (Math.abs(r.end.column - r.start.column) + 1);
  return /![$]?[A-Z]{1,3}:[$]?[A-Z]{1,3}$|![$]?\d+:[$]?\d+$/i.test(area.trim()) ? MAX_EXPANDED_CELLS + 1 : 0;
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
export function sectionOf(xml: string, tag: string): { start: number; end: number; text: string } | undefined {
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

/** Text → as it is written in an XML attribute or element. */
export function escapeXml(s: string): string {
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
