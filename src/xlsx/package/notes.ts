/**
 * A sheet's notes (legacy comments): the comments part, which holds the text, and the VML drawing,
 * which holds the box Excel shows (ECMA-376 Part 1, 18.7; the VML "Note" shape of Part 4). A note the
 * add-in writes or takes back changes that cell's comment and shape; every other comment, shape and
 * threaded comment stays as the file has it. A cell with a threaded comment gets no note: its legacy
 * comment is the conversation's placeholder.
 *
 * VML is written by Excel as HTML-like text, not always well-formed XML (`<br>`), so it is edited as
 * text: a shape is added before the closing tag, or one shape is taken out whole.
 */
import { parseAddress } from "../../grid";
import { type OrderedNode, orderedParser } from "../xlsxParts";
import {
  attrs,
  children,
  CONTENT_TYPE,
  contentOf,
  decode,
  element,
  encode,
  localTag,
  type Package,
  REL,
  writtenText,
  type XmlTree,
} from "./opc";
import type { SheetXml } from "./sheetXml";

const AUTHOR = "Finsam-budget";

const EMPTY_COMMENTS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors></authors><commentList></commentList></comments>';

const NOTE_SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

export class SheetNotes {
  private commentsChanged = false;
  private vmlChanged = false;

  private constructor(
    private readonly sheet: SheetXml,
    private commentsPath: string | undefined,
    private comments: XmlTree | undefined,
    private vmlPath: string | undefined,
    private vml: string | undefined,
    private readonly threaded: ReadonlySet<string>,
  ) {}

  static async load(pkg: Package, sheet: SheetXml): Promise<SheetNotes> {
    const rels = await pkg.rels(sheet.path);
    const commentsPath = rels.find((r) => r.type === REL.comments)?.path;
    const legacy = sheet.child("legacyDrawing");
    const legacyId = legacy && Object.entries(attrs(legacy)).find(([k]) => /^@\w+:id$/.test(k))?.[1];
    const vmlPath = rels.find((r) => r.id === legacyId && r.type === REL.vmlDrawing)?.path;
    const threaded = new Set<string>();
    for (const r of rels.filter((x) => x.type === REL.threadedComment && x.path)) {
      const tree = await pkg.xml(r.path!);
      for (const t of children(element(tree, "ThreadedComments"), "threadedComment"))
        threaded.add(attrs(t)["@ref"] ?? "");
    }
    return new SheetNotes(
      sheet,
      commentsPath,
      commentsPath ? await pkg.xml(commentsPath) : undefined,
      vmlPath,
      vmlPath ? await pkg.text(vmlPath) : undefined,
      threaded,
    );
  }

  /** Whether the cell holds a threaded comment (so no note may go there). */
  hasThread(ref: string): boolean {
    return this.threaded.has(ref);
  }

  /** Every cell with a note, and its text. */
  all(): Map<string, string> {
    return new Map(this.list().map((c) => [attrs(c)["@ref"] ?? "", textOf(c)]));
  }

  text(ref: string): string | undefined {
    const found = this.list().find((c) => attrs(c)["@ref"] === ref);
    return found ? textOf(found) : undefined;
  }

  /** Sets the cell's note (undefined: none). */
  set(ref: string, text: string | undefined): void {
    if (this.hasThread(ref)) return;
    const existing = this.list().find((c) => attrs(c)["@ref"] === ref);
    if (text === undefined) {
      if (!existing) return;
      const list = this.commentList()!;
      list.splice(list.indexOf(existing), 1);
      this.removeShape(ref);
      this.commentsChanged = true;
      return;
    }
    // One run, with the font Excel gives a note's text: readers that take only runs (ExcelJS) read it too.
    const body = [
      {
        r: [
          {
            rPr: [
              { sz: [], ":@": { "@val": "9" } },
              { color: [], ":@": { "@indexed": "81" } },
              { rFont: [], ":@": { "@val": "Tahoma" } },
              { family: [], ":@": { "@val": "2" } },
            ],
          },
          { t: [{ "#text": encode(text) }], ":@": { "@xml:space": "preserve" } },
        ],
      },
    ] as OrderedNode[];
    if (existing) {
      const parts = contentOf(existing);
      const at = parts.findIndex((n) => localTag(n) === "text");
      const node = { text: body } as OrderedNode;
      if (at >= 0) parts[at] = node;
      else parts.unshift(node);
      if (!this.hasShape(ref)) this.addShape(ref);
    } else {
      this.comments ??= parse(EMPTY_COMMENTS);
      const list = this.commentList()!;
      list.push({
        comment: [{ text: body }],
        ":@": { "@ref": ref, "@authorId": String(this.authorId()) },
      } as OrderedNode);
      this.addShape(ref);
    }
    this.commentsChanged = true;
  }

  async save(pkg: Package): Promise<void> {
    if (this.commentsChanged && this.comments) {
      if (!this.commentsPath) {
        this.commentsPath = `xl/comments${pkg.nextFree("xl/comments", ".xml")}.xml`;
        await pkg.addRel(this.sheet.path, REL.comments, this.commentsPath);
        await pkg.addOverride(this.commentsPath, CONTENT_TYPE.comments);
      }
      pkg.setXml(this.commentsPath, this.comments);
    }
    if (this.vmlChanged && this.vml !== undefined) {
      if (!this.vmlPath) {
        this.vmlPath = `xl/drawings/vmlDrawing${pkg.nextFree("xl/drawings/vmlDrawing", ".vml")}.vml`;
        const id = await pkg.addRel(this.sheet.path, REL.vmlDrawing, this.vmlPath);
        await pkg.addDefault("vml", CONTENT_TYPE.vml);
        this.sheet.setChild("legacyDrawing", {
          [`${this.sheet.prefix}legacyDrawing`]: [],
          ":@": { "@r:id": id },
        } as OrderedNode);
        this.sheet.declareRelationships();
        this.vml = this.vml.replace("__IDMAP__", String(await freeIdMap(pkg)));
      }
      pkg.setText(this.vmlPath, this.vml);
    }
  }

  private list(): OrderedNode[] {
    return this.commentList() ?? [];
  }

  private commentList(): OrderedNode[] | undefined {
    const root = element(this.comments, "comments");
    const list = children(root, "commentList")[0];
    return list ? contentOf(list) : undefined;
  }

  private authorId(): number {
    const authors = children(element(this.comments, "comments"), "authors")[0]!;
    const names = children(authors, "author").map((a) => textOf(a));
    const at = names.indexOf(AUTHOR);
    if (at >= 0) return at;
    contentOf(authors).push({ author: [{ "#text": AUTHOR }] } as OrderedNode);
    return names.length;
  }

  // --- the VML box ---------------------------------------------------------

  private shapes(): { start: number; end: number; row: number; column: number }[] {
    const found: { start: number; end: number; row: number; column: number }[] = [];
    const text = this.vml ?? "";
    const re = /<v:shape\b[\s\S]*?<\/v:shape>/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (!/ObjectType="Note"/.test(m[0])) continue;
      const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(m[0]);
      const column = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(m[0]);
      if (row && column)
        found.push({ start: m.index, end: m.index + m[0].length, row: Number(row[1]), column: Number(column[1]) });
    }
    return found;
  }

  private hasShape(ref: string): boolean {
    const at = parseAddress(ref)!;
    return this.shapes().some((s) => s.row === at.row - 1 && s.column === at.column - 1);
  }

  private removeShape(ref: string): void {
    const at = parseAddress(ref)!;
    const shape = this.shapes().find((s) => s.row === at.row - 1 && s.column === at.column - 1);
    if (!shape || this.vml === undefined) return;
    this.vml = this.vml.slice(0, shape.start) + this.vml.slice(shape.end);
    this.vmlChanged = true;
  }

  private addShape(ref: string): void {
    const at = parseAddress(ref)!;
    this.vml ??= `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="__IDMAP__"/></o:shapelayout>${NOTE_SHAPETYPE}</xml>`;
    if (!this.vml.includes('id="_x0000_t202"')) this.vml = insertBeforeEnd(this.vml, NOTE_SHAPETYPE);
    const ids = [...this.vml.matchAll(/id="_x0000_s(\d+)"/g)].map((m) => Number(m[1]));
    const idmap = /<o:idmap[^>]*data="(\d+)/.exec(this.vml);
    const first = idmap ? Number(idmap[1]) * 1024 + 1 : 1025;
    const id = Math.max(first - 1, ...ids) + 1;
    const [r, c] = [at.row - 1, at.column - 1];
    this.vml = insertBeforeEnd(
      this.vml,
      `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:240pt;height:100pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${c + 1}, 15, ${r}, 2, ${c + 5}, 15, ${r + 6}, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${r}</x:Row><x:Column>${c}</x:Column></x:ClientData></v:shape>`,
    );
    this.vmlChanged = true;
  }
}

function parse(text: string): XmlTree {
  return orderedParser.parse(text) as XmlTree;
}

const textOf = (node: OrderedNode): string => decode(writtenText(node));

function insertBeforeEnd(vml: string, shape: string): string {
  const end = vml.lastIndexOf("</xml>");
  return end < 0 ? vml + shape : vml.slice(0, end) + shape + vml.slice(end);
}

/** A shape-id block (`<o:idmap data>`) no other drawing of the workbook uses. */
async function freeIdMap(pkg: Package): Promise<number> {
  let most = 0;
  for (const path of pkg.paths().filter((p) => p.endsWith(".vml"))) {
    const text = (await pkg.text(path)) ?? "";
    for (const m of text.matchAll(/<o:idmap[^>]*data="([\d,]+)"/g)) {
      for (const n of m[1]!.split(",")) most = Math.max(most, Number(n));
    }
  }
  return most + 1;
}
