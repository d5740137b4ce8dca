/**
 * Puts what the reader set aside for ExcelJS (xlsxParts.ts) back into a copy
 * ExcelJS wrote, as the file had it, so the copy keeps what the user made:
 * - data validations, in the sheet's `<dataValidations>` or a new one where
 *   the schema puts it;
 * - merged areas over whole sheets, in the sheet's `<mergeCells>`;
 * - defined names over whole columns or rows (a name a SUMIF uses,
 *   Print_Titles over $1:$3), in `<definedNames>`, each sheet-level one on
 *   its sheet by name (localSheetId is the sheet's position in the copy);
 * - Excel 2010's data validations and sparklines, as `<ext>` elements of
 *   the sheet's `<extLst>`, each declaring the namespaces it uses.
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
  containerOf,
  decodeXml,
  type OrderedNode,
  orderedBuilder,
  orderedParser,
  type SetAside,
  sectionOf,
  sheetExtensions,
  sheetParts,
  tagOf,
  worksheetNamespaces,
} from "./xlsxParts";

/** What follows <dataValidations> in a worksheet (CT_Worksheet's order): it goes before the first of these. */
const AFTER_VALIDATIONS = [
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
  const nothing =
    setAside.names.length === 0 &&
    setAside.extensions.size === 0 &&
    setAside.merges.size === 0 &&
    setAside.validations.size === 0;
  if (nothing) return bytes;
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
    const extensions = setAside.extensions.get(sheet.name) ?? [];
    await update(sheet.path, (xml) =>
      withExtensions(withValidations(withMerges(xml, merges), validations), extensions),
    );
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
  return withChildren(xml, VALIDATIONS, (items) => {
    const present = new Set(items.map((n) => n[":@"]?.["@sqref"]));
    return elements
      .flatMap((e) => orderedParser.parse(e) as OrderedNode[])
      .filter((n) => tagOf(n) === "dataValidation" && !present.has(n[":@"]?.["@sqref"]))
      .map((n) => withDeclaredAttributes(n, declared));
  });
}

function withMerges(xml: string, refs: readonly string[]): string {
  if (refs.length === 0) return xml;
  return withChildren(xml, MERGES, (items) => {
    const present = new Set(items.map((n) => n[":@"]?.["@ref"]));
    return refs.filter((ref) => !present.has(ref)).map((ref) => ({ mergeCell: [], ":@": { "@ref": ref } }));
  });
}

function withExtensions(xml: string, elements: readonly string[]): string {
  if (elements.length === 0) return xml;
  return withChildren(xml, EXTENSIONS, (items) => {
    const present = new Set(items.map((n) => n[":@"]?.["@uri"]));
    return elements
      .flatMap((e) => orderedParser.parse(e) as OrderedNode[])
      .filter((n) => tagOf(n) === "ext" && !present.has(n[":@"]?.["@uri"]));
  });
}

function withNames(xml: string, names: SetAside["names"], position: ReadonlyMap<string, number>): string {
  const scoped = (name: string, local: string | undefined) => `${name.toLowerCase()}|${local ?? ""}`;
  return withChildren(xml, NAMES, (items) => {
    const present = new Set(items.map((n) => scoped(decodeXml(n[":@"]?.["@name"] ?? ""), n[":@"]?.["@localSheetId"])));
    return names.flatMap((n) => {
      const local = n.sheet === undefined ? undefined : position.get(n.sheet);
      if (n.sheet !== undefined && local === undefined) return [];
      if (present.has(scoped(n.name, local?.toString()))) return [];
      const element = (orderedParser.parse(n.element) as OrderedNode[]).filter((e) => tagOf(e) === "definedName");
      return element.map((e) =>
        local === undefined ? e : { ...e, ":@": { ...e[":@"], "@localSheetId": String(local) } },
      );
    });
  });
}

/** A list element of a part, its children's tag, and the elements that follow it in the schema. */
interface Container {
  readonly tag: string;
  readonly child: string;
  /** Whether it keeps a count attribute of its children (`<mergeCells count="2">`). */
  readonly counted: boolean;
  readonly after: readonly string[];
  readonly root: string;
  /** Where the part's own container is not the last of its tag (extLst, also inside a conditional format's rule). */
  readonly find?: (xml: string) => ReturnType<typeof sectionOf>;
}

/** What follows each in CT_Worksheet's and CT_Workbook's order. */
const VALIDATIONS: Container = {
  tag: "dataValidations",
  child: "dataValidation",
  counted: true,
  after: AFTER_VALIDATIONS,
  root: "worksheet",
};
const MERGES: Container = {
  tag: "mergeCells",
  child: "mergeCell",
  counted: true,
  after: ["phoneticPr", "conditionalFormatting", "dataValidations", ...AFTER_VALIDATIONS],
  root: "worksheet",
};
const EXTENSIONS: Container = {
  tag: "extLst",
  child: "ext",
  counted: false,
  after: [],
  root: "worksheet",
  find: sheetExtensions,
};
const NAMES: Container = {
  tag: "definedNames",
  child: "definedName",
  counted: false,
  after: [
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
  ],
  root: "workbook",
};

/**
 * The part with the children `add` gives (from those it has) appended to
 * the container: in place, or in a new one where the schema puts it.
 */
function withChildren(xml: string, c: Container, add: (items: OrderedNode[]) => OrderedNode[]): string {
  const section = c.find ? c.find(xml) : sectionOf(xml, c.tag);
  const { root, items } = section ? containerOf(section.text, c.tag) : { root: undefined, items: [] };
  const added = add(items);
  if (added.length === 0) return xml;
  const all = [...items, ...added];
  const attributes = c.counted
    ? { ...root?.[":@"], "@count": String(all.filter((n) => tagOf(n) === c.child).length) }
    : root?.[":@"];
  const text = orderedBuilder.build([{ [c.tag]: all, ...(attributes ? { ":@": attributes } : {}) }]) as string;
  if (section) return xml.slice(0, section.start) + text + xml.slice(section.end);
  const at = insertionPoint(xml, c);
  return xml.slice(0, at) + text + xml.slice(at);
}

/** The prefixes the part's `<worksheet>` declares (xmlns:r, xmlns:mc, …). */
function declaredPrefixes(xml: string): Set<string> {
  return new Set(["xml", ...worksheetNamespaces(xml).keys()]);
}

function withDeclaredAttributes(node: OrderedNode, declared: ReadonlySet<string>): OrderedNode {
  const attributes = Object.entries(node[":@"] ?? {}).filter(([key]) => {
    const colon = key.indexOf(":");
    return colon < 0 || declared.has(key.slice(1, colon));
  });
  return { ...node, ":@": Object.fromEntries(attributes) };
}

/** Before the first element that follows the container (after `<sheetData>` in a sheet), else before the root's end. */
function insertionPoint(xml: string, c: Container): number {
  const data = xml.indexOf("</sheetData>") >= 0 ? xml.indexOf("</sheetData>") : xml.indexOf("<sheetData");
  let at = xml.lastIndexOf(`</${c.root}>`);
  for (const tag of c.after) {
    let i = xml.indexOf(`<${tag}`, Math.max(data, 0));
    while (i >= 0 && !/[\s/>]/.test(xml[i + tag.length + 1] ?? "")) i = xml.indexOf(`<${tag}`, i + 1);
    if (i >= 0 && i < at) at = i;
  }
  return at;
}
