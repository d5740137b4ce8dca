/**
 * One of the add-in's own sheets, written by ExcelJS in a workbook of its own, put into the user's
 * package: its cells with their text inline (the user's shared strings are not touched), its formats
 * made in the user's styles part, its sheet-level names (Print_Titles) at its position here. A sheet of
 * that name from an earlier run is replaced in place, with the drawing (the chart) it had.
 */
import type { OrderedNode } from "../xlsxParts";
import {
  attrs,
  buildXml,
  children,
  contentOf,
  CONTENT_TYPE,
  element,
  localTag,
  type Package,
  PatchRefused,
  REL,
  relsPath,
  writtenText,
} from "./opc";
import type { Styles } from "./styles";
import { WorkbookXml } from "./workbookXml";

export async function graftSheet(
  target: Package,
  targetStyles: Styles,
  source: Package,
  sourceStyles: Styles,
  name: string,
): Promise<void> {
  const sourceBook = await WorkbookXml.load(source);
  const sourcePath = await source.sheetPath(name);
  if (!sourcePath) throw new Error(`${name} saknas i det skrivna bladet`);
  const tree = (await source.xml(sourcePath))!;
  const strings = await sharedStrings(source);
  const root = element(tree, "worksheet")!;
  for (const node of contentOf(root)) {
    const tag = localTag(node);
    if (tag === "conditionalFormatting" || tag === "drawing" || tag === "legacyDrawing" || tag === "tableParts") {
      throw new PatchRefused(`${name}: ${tag} kan inte flyttas`);
    }
    if (tag === "pageSetup") for (const k of Object.keys(attrs(node))) if (/^@\w+:id$/.test(k)) delete attrs(node)[k];
    if (tag === "cols") for (const col of children(node, "col")) mapStyle(attrs(col), "@style");
    if (tag !== "sheetData") continue;
    for (const row of children(node, "row")) {
      mapStyle(attrs(row), "@s");
      for (const c of children(row, "c")) {
        const a = attrs(c);
        mapStyle(a, "@s");
        if (a["@t"] !== "s") continue;
        const v = children(c, "v")[0];
        const text = strings[Number(v ? String(contentOf(v)[0]?.["#text"] ?? "") : "")] ?? "";
        a["@t"] = "inlineStr";
        c[Object.keys(c).find((k) => k !== ":@")!] = [
          { is: [{ t: [{ "#text": text }], ":@": { "@xml:space": "preserve" } }] },
        ] as OrderedNode[];
      }
    }
  }
  function mapStyle(a: Record<string, string>, key: string): void {
    if (a[key] !== undefined) a[key] = String(targetStyles.importXf(sourceStyles, Number(a[key])));
  }

  const book = await WorkbookXml.load(target);
  let position = book.sheetNames().indexOf(name);
  let path = position >= 0 ? await target.sheetPath(name) : undefined;
  if (path) {
    await removeRelated(target, path);
  } else {
    path = `xl/worksheets/sheet${target.nextFree("xl/worksheets/sheet", ".xml")}.xml`;
    const rId = await target.addRel(book.path, REL.worksheet, path);
    await target.addOverride(path, CONTENT_TYPE.worksheet);
    position = book.addSheet(name, rId);
  }
  target.setText(path, buildXml(tree));

  const from = sourceBook.sheetNames().indexOf(name);
  for (const n of book.names()) if (n.localSheetId === position) book.removeName(n.name, position);
  for (const n of sourceBook.names()) {
    if (n.localSheetId === from) book.setName({ name: n.name, formula: n.formula, localSheetId: position });
  }
  book.save(target);
}

/** The parts a replaced sheet pointed to (its drawing and chart, its rels), removed with its relationships. */
async function removeRelated(pkg: Package, sheetPath: string): Promise<void> {
  for (const rel of await pkg.rels(sheetPath)) {
    if (!rel.path) continue;
    if (rel.type === REL.drawing) {
      for (const inner of await pkg.rels(rel.path)) {
        if (inner.path) {
          pkg.remove(inner.path);
          await pkg.removeOverride(inner.path);
        }
      }
      pkg.remove(relsPath(rel.path));
    }
    pkg.remove(rel.path);
    await pkg.removeOverride(rel.path);
  }
  pkg.remove(relsPath(sheetPath));
}

/** The shared strings of a package, each as written (entities encoded), by index. */
async function sharedStrings(pkg: Package): Promise<string[]> {
  const workbook = await pkg.workbookPath();
  const path = (await pkg.rels(workbook)).find((r) => r.type === REL.sharedStrings)?.path;
  const tree = path ? await pkg.xml(path) : undefined;
  return children(element(tree, "sst"), "si").map(writtenText);
}
