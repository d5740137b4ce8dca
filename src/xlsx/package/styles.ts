/**
 * The workbook's styles part (xl/styles.xml), changed only by appending: a cell's new look is a new
 * cell format (`<xf>` in `<cellXfs>`) made from the one it had, with another fill or number format, so
 * every format the workbook already has keeps its index and every other cell its look. Formats the add-in
 * makes are made once and shared.
 */
import type { OrderedNode } from "../xlsxParts";
import { attrs, children, contentOf, element, encode, localTag, type Package, REL, type XmlTree } from "./opc";

const MINIMAL =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** Where each list goes in `<styleSheet>` (CT_Stylesheet's order). */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/** Number formats Excel has built in, by code: an id below 164 needs no `<numFmt>`. */
const BUILT_IN: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
};

export interface XfChange {
  /** "FFC7CE": a solid fill of that colour; null: no fill. */
  readonly fill?: string | null;
  readonly numFmt?: string;
  readonly bold?: boolean;
  /** The text wraps within the cell, from its top (`<alignment vertical="top" wrapText="1"/>`). */
  readonly wrap?: true;
}

export class Styles {
  private readonly made = new Map<string, number>();
  private changed = false;

  private constructor(
    private readonly path: string,
    private readonly tree: XmlTree,
    private readonly prefix: string,
  ) {}

  static async load(pkg: Package): Promise<Styles> {
    const workbook = await pkg.workbookPath();
    let path = (await pkg.rels(workbook)).find((r) => r.type === REL.styles)?.path;
    if (!path || !pkg.has(path)) {
      path = "xl/styles.xml";
      pkg.setText(path, MINIMAL);
      await pkg.addRel(workbook, REL.styles, path);
      await pkg.addOverride(path, "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
    }
    const tree = (await pkg.xml(path))!;
    const root = element(tree, "styleSheet")!;
    const tag = Object.keys(root).find((k) => k !== ":@")!;
    return new Styles(path, tree, tag.includes(":") ? tag.slice(0, tag.indexOf(":") + 1) : "");
  }

  save(pkg: Package): void {
    if (this.changed) pkg.setXml(this.path, this.tree);
  }

  /** How many cell formats there are. */
  get count(): number {
    return this.items("cellXfs").length;
  }

  /** The fill colour of a cell format with a solid fill ("FFC7CE"), else undefined. */
  solidFill(xf: number): string | undefined {
    const format = this.items("cellXfs")[xf];
    const fill = this.items("fills")[Number(format ? (attrs(format)["@fillId"] ?? 0) : 0)];
    const pattern = fill && children(fill, "patternFill")[0];
    if (!pattern || attrs(pattern)["@patternType"] !== "solid") return undefined;
    const rgb = attrs(children(pattern, "fgColor")[0] ?? ({ fgColor: [] } as OrderedNode))["@rgb"];
    return rgb?.slice(-6).toUpperCase();
  }

  /** Whether a cell format wraps its text. */
  wraps(xf: number): boolean {
    const format = this.items("cellXfs")[xf];
    const alignment = format && children(format, "alignment")[0];
    const wrap = alignment && attrs(alignment)["@wrapText"];
    return wrap === "1" || wrap === "true";
  }

  /** A cell format like `base` but for the change; the same change of the same format gives the same index. */
  xfWith(base: number, change: XfChange): number {
    const key = JSON.stringify([base, change]);
    const known = this.made.get(key);
    if (known !== undefined) return known;
    const xfs = this.items("cellXfs");
    const from = xfs[base] ?? xfs[0];
    const a = { ...(from ? attrs(from) : { "@numFmtId": "0", "@fontId": "0", "@fillId": "0", "@borderId": "0" }) };
    if (change.fill !== undefined) {
      a["@fillId"] = String(change.fill === null ? 0 : this.append("fills", solidFill(this.prefix, change.fill)));
      if (change.fill === null) delete a["@applyFill"];
      else a["@applyFill"] = "1";
    }
    if (change.numFmt !== undefined) {
      a["@numFmtId"] = String(this.numFmtId(encode(change.numFmt)));
      a["@applyNumberFormat"] = "1";
    }
    if (change.bold !== undefined) {
      a["@fontId"] = String(this.append("fonts", font(this.prefix, change.bold)));
      a["@applyFont"] = "1";
    }
    let body = from ? cloneNode(from[Object.keys(from).find((k) => k !== ":@")!] as OrderedNode[]) : [];
    if (change.wrap) {
      // CT_Xf's children: alignment first, then protection; an alignment it had keeps its other settings.
      const alignment = body.find((n) => localTag(n) === "alignment");
      const had = alignment ? attrs(alignment) : {};
      const wrapped = {
        [`${this.prefix}alignment`]: [],
        ":@": { ...had, "@vertical": "top", "@wrapText": "1" },
      } as OrderedNode;
      body = [wrapped, ...body.filter((n) => localTag(n) !== "alignment")];
      a["@applyAlignment"] = "1";
    }
    const index = this.append("cellXfs", { [`${this.prefix}xf`]: body, ":@": a } as OrderedNode);
    this.made.set(key, index);
    return index;
  }

  /** A cell format of another styles part (a sheet written elsewhere), made here: its index here. */
  importXf(from: Styles, index: number): number {
    const key = `import:${index}`;
    const known = this.made.get(key);
    if (known !== undefined) return known;
    const source = from.items("cellXfs")[index];
    if (!source) return 0;
    const a = { ...attrs(source) };
    const copy = (list: string, id: string) => {
      const node = from.items(list)[Number(a[id] ?? 0)];
      if (node) a[id] = String(this.append(list, cloneNode(node)));
    };
    copy("fonts", "@fontId");
    copy("fills", "@fillId");
    copy("borders", "@borderId");
    const fmt = Number(a["@numFmtId"] ?? 0);
    const code = from.numFmtCode(fmt);
    if (code !== undefined) a["@numFmtId"] = String(this.numFmtId(code));
    a["@xfId"] = "0";
    const body = cloneNode(source[Object.keys(source).find((k) => k !== ":@")!] as OrderedNode[]);
    const made = this.append("cellXfs", { [`${this.prefix}xf`]: body, ":@": a } as OrderedNode);
    this.made.set(key, made);
    return made;
  }

  private numFmtCode(id: number): string | undefined {
    for (const n of this.items("numFmts")) if (Number(attrs(n)["@numFmtId"]) === id) return attrs(n)["@formatCode"];
    return undefined;
  }

  /** The id of a number format by its code as written in the file (entities encoded), added where the workbook has none. */
  private numFmtId(code: string): number {
    const builtIn = BUILT_IN[code];
    if (builtIn !== undefined) return builtIn;
    const fmts = this.items("numFmts");
    const found = fmts.find((n) => attrs(n)["@formatCode"] === code);
    if (found) return Number(attrs(found)["@numFmtId"]);
    const id = Math.max(163, ...fmts.map((n) => Number(attrs(n)["@numFmtId"]) || 0)) + 1;
    this.append("numFmts", {
      [`${this.prefix}numFmt`]: [],
      ":@": { "@numFmtId": String(id), "@formatCode": code },
    } as OrderedNode);
    return id;
  }

  /** The entries of a list (`fonts`, `cellXfs`, …), in order. */
  private items(list: string): OrderedNode[] {
    const node = this.list(list, false);
    return node ? contentOf(node).filter((n) => localTag(n) !== undefined && localTag(n) !== "#text") : [];
  }

  /** Appends an entry to a list, its count updated; returns its index. The same entry twice is made once. */
  private append(list: string, entry: OrderedNode): number {
    const node = this.list(list, true)!;
    const entries = contentOf(node);
    const existing = this.items(list);
    const text = JSON.stringify(entry);
    const same = existing.findIndex((e) => JSON.stringify(e) === text);
    if (same >= 0 && list !== "cellXfs") return same;
    entries.push(entry);
    attrs(node)["@count"] = String(existing.length + 1);
    this.changed = true;
    return existing.length;
  }

  private list(name: string, create: boolean): OrderedNode | undefined {
    const root = element(this.tree, "styleSheet")!;
    const content = contentOf(root);
    const found = content.find((n) => localTag(n) === name);
    if (found || !create) return found;
    const made = { [`${this.prefix}${name}`]: [], ":@": { "@count": "0" } } as OrderedNode;
    const rank = ORDER.indexOf(name);
    const at = content.findIndex((n) => ORDER.indexOf(localTag(n) ?? "") > rank);
    content.splice(at < 0 ? content.length : at, 0, made);
    return made;
  }
}

function solidFill(prefix: string, rgb: string): OrderedNode {
  return {
    [`${prefix}fill`]: [
      {
        [`${prefix}patternFill`]: [
          { [`${prefix}fgColor`]: [], ":@": { "@rgb": `FF${rgb.toUpperCase()}` } },
          { [`${prefix}bgColor`]: [], ":@": { "@indexed": "64" } },
        ],
        ":@": { "@patternType": "solid" },
      },
    ],
  } as OrderedNode;
}

function font(prefix: string, bold: boolean): OrderedNode {
  return {
    [`${prefix}font`]: [
      ...(bold ? [{ [`${prefix}b`]: [] }] : []),
      { [`${prefix}sz`]: [], ":@": { "@val": "11" } },
      { [`${prefix}name`]: [], ":@": { "@val": "Calibri" } },
      { [`${prefix}family`]: [], ":@": { "@val": "2" } },
    ],
  } as OrderedNode;
}

/** A deep copy of parsed XML (plain JSON). */
function cloneNode<T>(node: T): T {
  return JSON.parse(JSON.stringify(node)) as T;
}
