/**
 * Puts what the reader set aside for ExcelJS (xlsxParts.ts) back into a copy
 * ExcelJS wrote, as the file had it, so the copy keeps what the user made:
 * - data validations, in the sheet's `<dataValidations>` or a new one where
 *   the schema puts it;
 * - merged areas over whole sheets, in the sheet's `<mergeCells>`;
 * - defined names over whole columns or rows (a name a SUMIF uses,
 *   Print_Titles over $1:$3), in `<definedNames>`, each sheet-level one on
 *   its sheet by name (localSheetId is the sheet's position in the copy).
 *
 * A prefixed attribute the copy's `<worksheet>` does not declare (Excel's
 * revision id `xr:uid`; ExcelJS declares no `xr`) is left out: the copy must
 * stay well-formed XML. What the copy already has (a validation's sqref, a
 * merge's ref, a name in its scope) is not added twice, so putting back into
 * a copy that has them changes nothing, and a name the add-in wrote wins.
 * The add-in's own sheets, written anew, get nothing of an old sheet of
 * their name.
 */
import JSZip from "jszip";
import {
  decodeXml,
  type OrderedNode,
  orderedBuilder,
  orderedParser,
  type SetAside,
  sectionOf,
  sheetParts,
  tagOf,
} from "./xlsxParts";

/** What follows <dataValidations> in a worksheet (CT_Worksheet's order): it goes before the first of these. */
const AFTER = [
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

export async function restoreSetAside(
  bytes: Uint8Array,
  setAside: SetAside,
  ownSheets: ReadonlySet<string | undefined> = new Set(),
): Promise<Uint8Array> {
  if (setAside.names.length === 0 && setAside.merges.size === 0 && setAside.validations.size === 0) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  const update = async (path: string, edit: (xml: string) => string) => {
    const part = zip.file(path);
    if (!part) return;
    const xml = await part.async("string");
    const edited = edit(xml);
    if (edited === xml) return;
    zip.file(path, edited);
    changed = true;
  };
  const sheets = await sheetParts(zip);
  for (const sheet of sheets) {
    if (ownSheets.has(sheet.name)) continue;
    const merges = setAside.merges.get(sheet.name) ?? [];
    const validations = setAside.validations.get(sheet.name) ?? [];
    await update(sheet.path, (xml) => withValidations(withMerges(xml, merges), validations));
  }
  if (setAside.names.length > 0) {
    const position = new Map(sheets.map((s, i) => [s.name, i]));
    await update("xl/workbook.xml", (xml) => withNames(xml, setAside.names, position));
  }
  return changed ? zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }) : bytes;
}

function withValidations(xml: string, elements: readonly string[]): string {
  if (elements.length === 0) return xml;
  const declared = declaredPrefixes(xml);
  const section = sectionOf(xml, "dataValidations");
  const root = section
    ? (orderedParser.parse(section.text) as OrderedNode[]).find((n) => tagOf(n) === "dataValidations")
    : undefined;
  const items = Array.isArray(root?.["dataValidations"]) ? (root["dataValidations"] as OrderedNode[]) : [];
  const present = new Set(items.map((n) => n[":@"]?.["@sqref"]));
  const added = elements
    .flatMap((e) => orderedParser.parse(e) as OrderedNode[])
    .filter((n) => tagOf(n) === "dataValidation" && !present.has(n[":@"]?.["@sqref"]))
    .map((n) => withDeclaredAttributes(n, declared));
  if (added.length === 0) return xml;
  const all = [...items, ...added];
  const count = all.filter((n) => tagOf(n) === "dataValidation").length;
  const text = orderedBuilder.build([
    { dataValidations: all, ":@": { ...root?.[":@"], "@count": String(count) } },
  ]) as string;
  if (section) return xml.slice(0, section.start) + text + xml.slice(section.end);
  const at = insertionPoint(xml, AFTER);
  return xml.slice(0, at) + text + xml.slice(at);
}

/** The prefixes the part's `<worksheet>` declares (xmlns:r, xmlns:mc, …). */
function declaredPrefixes(xml: string): Set<string> {
  const start = xml.indexOf("<worksheet");
  const end = xml.indexOf(">", start);
  const prefixes = new Set(["xml"]);
  if (start < 0 || end < 0) return prefixes;
  const open = xml.slice(start, end + 1).replace(/\/>$/, ">");
  const root = (orderedParser.parse(`${open}</worksheet>`) as OrderedNode[])[0];
  for (const key of Object.keys(root?.[":@"] ?? {})) {
    if (key.startsWith("@xmlns:")) prefixes.add(key.slice("@xmlns:".length));
  }
  return prefixes;
}

function withDeclaredAttributes(node: OrderedNode, declared: ReadonlySet<string>): OrderedNode {
  const attributes = Object.entries(node[":@"] ?? {}).filter(([key]) => {
    const colon = key.indexOf(":");
    return colon < 0 || declared.has(key.slice(1, colon));
  });
  return { ...node, ":@": Object.fromEntries(attributes) };
}

/** Before the first of the elements that follow in the schema, after `<sheetData>`; else before `</worksheet>`. */
function insertionPoint(xml: string, after: readonly string[]): number {
  const data = xml.indexOf("</sheetData>") >= 0 ? xml.indexOf("</sheetData>") : xml.indexOf("<sheetData");
  let at = xml.lastIndexOf("</worksheet>");
  for (const tag of after) {
    let i = xml.indexOf(`<${tag}`, data);
    while (i >= 0 && !/[\s/>]/.test(xml[i + tag.length + 1] ?? "")) i = xml.indexOf(`<${tag}`, i + 1);
    if (i >= 0 && i < at) at = i;
  }
  return at;
}

/** What follows <mergeCells> in a worksheet (CT_Worksheet's order). */
const AFTER_MERGES = ["phoneticPr", "conditionalFormatting", "dataValidations", ...AFTER];

function withMerges(xml: string, refs: readonly string[]): string {
  if (refs.length === 0) return xml;
  const section = sectionOf(xml, "mergeCells");
  const root = section
    ? (orderedParser.parse(section.text) as OrderedNode[]).find((n) => tagOf(n) === "mergeCells")
    : undefined;
  const items = Array.isArray(root?.["mergeCells"]) ? (root["mergeCells"] as OrderedNode[]) : [];
  const present = new Set(items.map((n) => n[":@"]?.["@ref"]));
  const added = refs.filter((ref) => !present.has(ref)).map((ref) => ({ mergeCell: [], ":@": { "@ref": ref } }));
  if (added.length === 0) return xml;
  const all = [...items, ...added];
  const text = orderedBuilder.build([
    {
      mergeCells: all,
      ":@": { ...root?.[":@"], "@count": String(all.filter((n) => tagOf(n) === "mergeCell").length) },
    },
  ]) as string;
  if (section) return xml.slice(0, section.start) + text + xml.slice(section.end);
  const at = insertionPoint(xml, AFTER_MERGES);
  return xml.slice(0, at) + text + xml.slice(at);
}

/** What follows <definedNames> in a workbook (CT_Workbook's order). */
const AFTER_NAMES = [
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

function withNames(xml: string, names: SetAside["names"], position: ReadonlyMap<string, number>): string {
  const section = sectionOf(xml, "definedNames");
  const root = section
    ? (orderedParser.parse(section.text) as OrderedNode[]).find((n) => tagOf(n) === "definedNames")
    : undefined;
  const items = Array.isArray(root?.["definedNames"]) ? (root["definedNames"] as OrderedNode[]) : [];
  const scoped = (name: string, local: string | undefined) => `${name.toLowerCase()}|${local ?? ""}`;
  const present = new Set(items.map((n) => scoped(decodeXml(n[":@"]?.["@name"] ?? ""), n[":@"]?.["@localSheetId"])));
  const added = names.flatMap((n) => {
    const local = n.sheet === undefined ? undefined : position.get(n.sheet);
    if (n.sheet !== undefined && local === undefined) return [];
    if (present.has(scoped(n.name, local?.toString()))) return [];
    const element = (orderedParser.parse(n.element) as OrderedNode[]).filter((e) => tagOf(e) === "definedName");
    return element.map((e) =>
      local === undefined ? e : { ...e, ":@": { ...e[":@"], "@localSheetId": String(local) } },
    );
  });
  if (added.length === 0) return xml;
  const text = orderedBuilder.build([
    { definedNames: [...items, ...added], ...(root?.[":@"] ? { ":@": root[":@"] } : {}) },
  ]) as string;
  if (section) return xml.slice(0, section.start) + text + xml.slice(section.end);
  let at = xml.lastIndexOf("</workbook>");
  for (const tag of AFTER_NAMES) {
    const i = xml.search(new RegExp(`<${tag}[\\s/>]`));
    if (i >= 0 && i < at) at = i;
  }
  return xml.slice(0, at) + text + xml.slice(at);
}
