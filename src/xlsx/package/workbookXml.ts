/**
 * The workbook part (xl/workbook.xml): its sheets and defined names, changed by adding a sheet at the
 * end and by setting or removing a name; every other element (views, protection, pivot caches, external
 * references, extensions) is left as the file has it.
 */
import type { OrderedNode } from "../xlsxParts";
import {
  attrs,
  buildXml,
  children,
  contentOf,
  decode,
  element,
  encode,
  localTag,
  type Package,
  type XmlTree,
} from "./opc";

/** Where each element goes in `<workbook>` (CT_Workbook's sequence). */
const ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
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

export interface NameEntry {
  readonly name: string;
  /** The formula as the file has it, without "=". */
  readonly formula: string;
  /** The position of the sheet a sheet-level name belongs to. */
  readonly localSheetId?: number;
}

export class WorkbookXml {
  private changed = false;

  private constructor(
    readonly path: string,
    private readonly tree: XmlTree,
  ) {}

  static async load(pkg: Package): Promise<WorkbookXml> {
    const path = await pkg.workbookPath();
    return new WorkbookXml(path, (await pkg.xml(path))!);
  }

  save(pkg: Package): void {
    if (this.changed) pkg.setText(this.path, buildXml(this.tree));
  }

  private get root(): OrderedNode {
    return element(this.tree, "workbook")!;
  }

  private get prefix(): string {
    const tag = Object.keys(this.root).find((k) => k !== ":@")!;
    return tag.includes(":") ? tag.slice(0, tag.indexOf(":") + 1) : "";
  }

  private section(tag: string, create: boolean): OrderedNode | undefined {
    const content = contentOf(this.root);
    const found = content.find((n) => localTag(n) === tag);
    if (found || !create) return found;
    const made = { [`${this.prefix}${tag}`]: [] } as OrderedNode;
    const rank = ORDER.indexOf(tag);
    const next = content.findIndex((n) => ORDER.indexOf(localTag(n) ?? "") > rank);
    content.splice(next < 0 ? content.length : next, 0, made);
    return made;
  }

  /** The sheets' names in order (a sheet-level name's localSheetId is a position in this list). */
  sheetNames(): string[] {
    return children(this.section("sheets", false), "sheet").map((s) => decode(attrs(s)["@name"] ?? ""));
  }

  /** Adds a sheet at the end; returns its position. */
  addSheet(name: string, rId: string): number {
    const sheets = this.section("sheets", true)!;
    const list = children(sheets, "sheet");
    const sheetId = Math.max(0, ...list.map((s) => Number(attrs(s)["@sheetId"]) || 0)) + 1;
    contentOf(sheets).push({
      [`${this.prefix}sheet`]: [],
      ":@": { "@name": encode(name), "@sheetId": String(sheetId), "@r:id": rId },
    } as OrderedNode);
    const a = attrs(this.root);
    if (!a["@xmlns:r"]) a["@xmlns:r"] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    this.changed = true;
    return list.length;
  }

  names(): NameEntry[] {
    return children(this.section("definedNames", false), "definedName").map((d) => {
      const a = attrs(d);
      const text = (contentOf(d).find((n) => "#text" in n)?.["#text"] as string | undefined) ?? "";
      return {
        name: decode(a["@name"] ?? ""),
        formula: decode(String(text)),
        ...(a["@localSheetId"] !== undefined ? { localSheetId: Number(a["@localSheetId"]) } : {}),
      };
    });
  }

  /** Sets a name (in its scope), replacing one of the same name and scope; other names keep their place. */
  setName(entry: NameEntry): void {
    const section = this.section("definedNames", true)!;
    const list = contentOf(section);
    const node = {
      [`${this.prefix}definedName`]: [{ "#text": encode(entry.formula.replace(/^=/, "")) }],
      ":@": {
        "@name": encode(entry.name),
        ...(entry.localSheetId !== undefined ? { "@localSheetId": String(entry.localSheetId) } : {}),
      },
    } as OrderedNode;
    const at = list.findIndex((d) => this.same(d, entry.name, entry.localSheetId));
    if (at >= 0) list[at] = node;
    else list.push(node);
    this.changed = true;
  }

  removeName(name: string, localSheetId?: number): void {
    const section = this.section("definedNames", false);
    if (!section) return;
    const list = contentOf(section);
    const at = list.findIndex((d) => this.same(d, name, localSheetId));
    if (at < 0) return;
    list.splice(at, 1);
    if (children(section, "definedName").length === 0)
      contentOf(this.root).splice(contentOf(this.root).indexOf(section), 1);
    this.changed = true;
  }

  private same(d: OrderedNode, name: string, localSheetId: number | undefined): boolean {
    if (localTag(d) !== "definedName") return false;
    const a = attrs(d);
    const local = a["@localSheetId"] === undefined ? undefined : Number(a["@localSheetId"]);
    return decode(a["@name"] ?? "").toLowerCase() === name.toLowerCase() && local === localSheetId;
  }
}
