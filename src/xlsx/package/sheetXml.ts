/**
 * One worksheet part, changed cell by cell: a cell's format index, its value or formula. Rows and cells
 * stay in the order the schema asks (CT_SheetData: rows ascending, cells in a row by column); a cell the
 * sheet does not have is made where it belongs, with the format its row or column gives empty cells.
 * Everything else in the part (views, page breaks, print setup, extensions) is left as it stands.
 */
import { address, parseAddress } from "../../grid";
import type { OrderedNode } from "../xlsxParts";
import {
  attrs,
  buildXml,
  children,
  contentOf,
  element,
  encode,
  localTag,
  type Package,
  PatchRefused,
  type XmlTree,
} from "./opc";

/** Where each element goes in `<worksheet>` (CT_Worksheet's sequence). */
const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
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

/** What a cell is to hold: a constant ("" empties it), or a formula with the result it shows until recalculated. */
export interface CellContent {
  readonly value?: string | number | null;
  readonly formula?: string;
}

export class SheetXml {
  private rows: Map<number, OrderedNode> | undefined;
  private changed = false;
  readonly prefix: string;

  private constructor(
    readonly name: string,
    readonly path: string,
    private readonly tree: XmlTree,
  ) {
    const root = element(tree, "worksheet");
    if (!root) throw new PatchRefused(`${name}: ${path} är inget kalkylblad`);
    const tag = Object.keys(root).find((k) => k !== ":@")!;
    this.prefix = tag.includes(":") ? tag.slice(0, tag.indexOf(":") + 1) : "";
  }

  static async load(pkg: Package, name: string, path: string): Promise<SheetXml> {
    const tree = await pkg.xml(path);
    if (!tree) throw new PatchRefused(`${name}: ${path} saknas`);
    return new SheetXml(name, path, tree);
  }

  save(pkg: Package): void {
    if (this.changed) pkg.setText(this.path, buildXml(this.tree));
  }

  private get root(): OrderedNode {
    return element(this.tree, "worksheet")!;
  }

  /** The worksheet's child element of a tag. */
  child(tag: string): OrderedNode | undefined {
    return contentOf(this.root).find((n) => localTag(n) === tag);
  }

  /** Puts an element in its place in the worksheet's sequence (replacing one of its tag). */
  setChild(tag: string, node: OrderedNode | undefined): void {
    const content = contentOf(this.root);
    const at = content.findIndex((n) => localTag(n) === tag);
    if (at >= 0) content.splice(at, 1);
    if (node) {
      const rank = WORKSHEET_ORDER.indexOf(tag);
      const next = content.findIndex((n) => WORKSHEET_ORDER.indexOf(localTag(n) ?? "") > rank);
      content.splice(next < 0 ? content.length : next, 0, node);
    }
    this.changed = true;
  }

  /** Declares the relationships namespace as `r` on the worksheet, for an element that refers to a part. */
  declareRelationships(): void {
    const a = attrs(this.root);
    if (!a["@xmlns:r"]) a["@xmlns:r"] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    this.changed = true;
  }

  /** The format index of a cell: its own, or for a cell the sheet lacks, its row's or column's. */
  styleOf(ref: string): number {
    const found = this.find(ref);
    if (found) return Number(attrs(found)["@s"] ?? 0);
    return this.emptyStyle(ref);
  }

  setStyle(ref: string, xf: number): void {
    const cell = this.cell(ref);
    if (xf === 0) delete attrs(cell)["@s"];
    else attrs(cell)["@s"] = String(xf);
    this.changed = true;
  }

  /**
   * A constant or a formula in a cell, its format left. A cell that heads a shared formula passes it on
   * first (`translate` gives each cell of the group its own formula), so the cells below keep theirs.
   */
  setContent(ref: string, content: CellContent, translate: (ref: string) => string | undefined): void {
    const cell = this.cell(ref);
    const f = children(cell, "f")[0];
    if (f) this.unshare(f, translate);
    const p = this.prefix;
    const a = attrs(cell);
    delete a["@t"];
    delete a["@cm"];
    delete a["@vm"];
    const body: OrderedNode[] = [];
    const value = content.value ?? null;
    if (content.formula !== undefined) {
      body.push({ [`${p}f`]: [{ "#text": encode(content.formula.replace(/^=/, "")) }] } as OrderedNode);
      if (typeof value === "number") body.push({ [`${p}v`]: [{ "#text": String(value) }] } as OrderedNode);
      else if (typeof value === "string") {
        a["@t"] = "str";
        body.push({ [`${p}v`]: [{ "#text": encode(value) }] } as OrderedNode);
      }
    } else if (typeof value === "number") {
      body.push({ [`${p}v`]: [{ "#text": String(value) }] } as OrderedNode);
    } else if (typeof value === "string" && value !== "") {
      a["@t"] = "inlineStr";
      body.push({
        [`${p}is`]: [{ [`${p}t`]: [{ "#text": encode(value) }], ":@": { "@xml:space": "preserve" } }],
      } as OrderedNode);
    }
    cell[Object.keys(cell).find((k) => k !== ":@")!] = body;
    this.changed = true;
  }

  /** A column's width in characters: its `<col>`, else the sheet's default, else Excel's for Calibri 11. */
  columnWidth(column: number): number {
    for (const col of children(this.child("cols"), "col")) {
      const a = attrs(col);
      if (Number(a["@min"]) <= column && column <= Number(a["@max"]) && a["@width"]) return Number(a["@width"]);
    }
    const defaults = this.child("sheetFormatPr");
    return Number((defaults && attrs(defaults)["@defaultColWidth"]) ?? 8.43);
  }

  /**
   * The row's height for text that wraps (in points), as Excel fits a row to it: never lower than it is,
   * and not where the user set the height (`customHeight`). Written without customHeight, so Excel
   * fits the row again when the cell changes.
   */
  fitRowHeight(row: number, points: number): void {
    const a = attrs(this.row(row));
    if (a["@customHeight"] === "1" || Number(a["@ht"] ?? 0) >= points) return;
    a["@ht"] = String(points);
    this.changed = true;
  }

  /** The other cells of the shared formula the cell heads; none where it heads none. */
  sharedGroup(ref: string): string[] {
    const f = this.find(ref) && children(this.find(ref), "f")[0];
    return f ? this.followers(f).map(({ cell }) => attrs(cell)["@r"]!) : [];
  }

  /** The other cells of the shared formula `f` heads, each with its `<f>`; none where it heads none. */
  private followers(f: OrderedNode): { cell: OrderedNode; f: OrderedNode }[] {
    const a = attrs(f);
    if (a["@t"] !== "shared" || a["@ref"] === undefined) return [];
    const found: { cell: OrderedNode; f: OrderedNode }[] = [];
    for (const row of this.allRows().values()) {
      for (const cell of children(row, "c")) {
        const other = children(cell, "f")[0];
        if (other && other !== f && attrs(other)["@t"] === "shared" && attrs(other)["@si"] === a["@si"]) {
          found.push({ cell, f: other });
        }
      }
    }
    return found;
  }

  /** A shared or array formula that the cell heads, turned into one formula per cell; an array is refused. */
  private unshare(f: OrderedNode, translate: (ref: string) => string | undefined): void {
    const a = attrs(f);
    if (a["@t"] === "array" && a["@ref"] && a["@ref"].includes(":")) {
      throw new PatchRefused(`${this.name}: en matrisformel (${a["@ref"]}) täcker cellen`);
    }
    for (const { cell, f: other } of this.followers(f)) {
      const ref = attrs(cell)["@r"]!;
      const formula = translate(ref);
      if (formula === undefined) throw new PatchRefused(`${this.name}!${ref}: den delade formeln kunde inte läsas`);
      other[Object.keys(other).find((k) => k !== ":@")!] = [{ "#text": encode(formula.replace(/^=/, "")) }];
      delete other[":@"];
    }
  }

  /** The cell's element, made in its place where the sheet lacks it. */
  private cell(ref: string): OrderedNode {
    const found = this.find(ref);
    if (found) return found;
    const at = parseAddress(ref);
    if (!at) throw new PatchRefused(`${this.name}!${ref}: ingen cell`);
    const row = this.row(at.row);
    const cells = contentOf(row);
    const style = this.emptyStyle(ref);
    const made = {
      [`${this.prefix}c`]: [],
      ":@": { "@r": ref, ...(style ? { "@s": String(style) } : {}) },
    } as OrderedNode;
    const next = cells.findIndex((c) => localTag(c) === "c" && parseAddress(attrs(c)["@r"] ?? "")!.column > at.column);
    cells.splice(next < 0 ? cells.length : next, 0, made);
    this.widenDimension(ref);
    this.changed = true;
    return made;
  }

  private find(ref: string): OrderedNode | undefined {
    const at = parseAddress(ref);
    if (!at) return undefined;
    const row = this.allRows().get(at.row);
    return row && children(row, "c").find((c) => attrs(c)["@r"] === ref);
  }

  /** The format an empty cell there has: its row's (customFormat), else its column's. */
  private emptyStyle(ref: string): number {
    const at = parseAddress(ref)!;
    const row = this.allRows().get(at.row);
    if (row && attrs(row)["@customFormat"] === "1" && attrs(row)["@s"]) return Number(attrs(row)["@s"]);
    for (const col of children(this.child("cols"), "col")) {
      const a = attrs(col);
      if (Number(a["@min"]) <= at.column && at.column <= Number(a["@max"]) && a["@style"]) return Number(a["@style"]);
    }
    return 0;
  }

  /** The row's element, made in its place where the sheet lacks it. */
  private row(n: number): OrderedNode {
    const rows = this.allRows();
    const found = rows.get(n);
    if (found) return found;
    let data = this.child("sheetData");
    if (!data) {
      this.setChild("sheetData", { [`${this.prefix}sheetData`]: [] } as OrderedNode);
      data = this.child("sheetData")!;
    }
    const list = contentOf(data);
    const made = { [`${this.prefix}row`]: [], ":@": { "@r": String(n) } } as OrderedNode;
    const next = list.findIndex((r) => localTag(r) === "row" && Number(attrs(r)["@r"]) > n);
    list.splice(next < 0 ? list.length : next, 0, made);
    rows.set(n, made);
    return made;
  }

  /** The rows by number; rows and cells written without their `r` get it (the schema makes it optional). */
  private allRows(): Map<number, OrderedNode> {
    if (this.rows) return this.rows;
    this.rows = new Map();
    let n = 0;
    for (const row of children(this.child("sheetData"), "row")) {
      const a = attrs(row);
      n = a["@r"] ? Number(a["@r"]) : n + 1;
      if (!a["@r"]) {
        a["@r"] = String(n);
        this.changed = true;
      }
      this.rows.set(n, row);
      let column = 0;
      for (const c of children(row, "c")) {
        const ca = attrs(c);
        const at = ca["@r"] ? parseAddress(ca["@r"]) : undefined;
        column = at ? at.column : column + 1;
        if (!ca["@r"]) {
          ca["@r"] = address(n, column);
          this.changed = true;
        }
      }
    }
    return this.rows;
  }

  private widenDimension(ref: string): void {
    const dimension = this.child("dimension");
    const current = dimension && attrs(dimension)["@ref"];
    if (!dimension || !current) return;
    const [from, to = from] = current.split(":");
    const a = parseAddress(from!);
    const b = parseAddress(to!);
    const c = parseAddress(ref)!;
    if (!a || !b) return;
    const top = Math.min(a.row, c.row);
    const left = Math.min(a.column, c.column);
    const bottom = Math.max(b.row, c.row);
    const right = Math.max(b.column, c.column);
    if (top === a.row && left === a.column && bottom === b.row && right === b.column) return;
    attrs(dimension)["@ref"] = `${address(top, left)}:${address(bottom, right)}`;
  }
}
