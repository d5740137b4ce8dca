/**
 * Puts the data validations the reader set aside (xlsxParts.ts: ExcelJS is
 * given none) back into a copy ExcelJS wrote, so the copy keeps the user's
 * validations as the file had them: in the sheet's `<dataValidations>`, or
 * in a new one where the schema puts it.
 *
 * A prefixed attribute the copy's `<worksheet>` does not declare (Excel's
 * revision id `xr:uid`; ExcelJS declares no `xr`) is left out: the copy must
 * stay well-formed XML. A validation whose sqref the sheet already has is not
 * added twice, so putting back into a copy that has them changes nothing.
 */
import JSZip from "jszip";
import {
  type OrderedNode,
  orderedBuilder,
  orderedParser,
  type SetAsideValidations,
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

export async function restoreValidations(bytes: Uint8Array, validations: SetAsideValidations): Promise<Uint8Array> {
  if (validations.size === 0) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  for (const sheet of await sheetParts(zip)) {
    const elements = validations.get(sheet.name);
    const part = zip.file(sheet.path);
    if (!elements || !part) continue;
    const xml = await part.async("string");
    const restored = withValidations(xml, elements);
    if (restored !== xml) {
      zip.file(sheet.path, restored);
      changed = true;
    }
  }
  return changed ? zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }) : bytes;
}

function withValidations(xml: string, elements: readonly string[]): string {
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
  const at = insertionPoint(xml);
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

/** Before the first element that follows <dataValidations>, else before </worksheet>. */
function insertionPoint(xml: string): number {
  const after = xml.indexOf("</sheetData>") >= 0 ? xml.indexOf("</sheetData>") : xml.indexOf("<sheetData");
  let at = xml.lastIndexOf("</worksheet>");
  for (const tag of AFTER) {
    let i = xml.indexOf(`<${tag}`, after);
    while (i >= 0 && !/[\s/>]/.test(xml[i + tag.length + 1] ?? "")) i = xml.indexOf(`<${tag}`, i + 1);
    if (i >= 0 && i < at) at = i;
  }
  return at;
}
