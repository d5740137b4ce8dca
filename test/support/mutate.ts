/**
 * Damaged and hostile workbooks, made from a sound one by editing its zip
 * parts as text: what an attacker or a careless user could hand the reader.
 * Used by the regression tests (test/xlsx/hostile.test.ts), the fuzz test and
 * `npm run fuzz`.
 */
import JSZip from "jszip";

export type Bytes = Uint8Array;

async function edit(bytes: Bytes, change: (zip: JSZip) => Promise<void>): Promise<Bytes> {
  const zip = await JSZip.loadAsync(bytes);
  await change(zip);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 1 } });
}

async function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`no ${path} in the zip`);
  return file.async("string");
}

/** The part of the first sheet, or of the sheet named (via workbook.xml and its rels). */
export async function sheetPart(zip: JSZip, sheet?: string): Promise<string> {
  const workbook = await text(zip, "xl/workbook.xml");
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*\bname="([^"]*)"[^>]*\br:id="([^"]*)"/g)];
  const chosen = sheet === undefined ? sheets[0] : sheets.find((m) => unescape(m[1]!) === sheet);
  if (!chosen) throw new Error(`no sheet ${sheet}`);
  const rels = await text(zip, "xl/_rels/workbook.xml.rels");
  const rel = new RegExp(`<Relationship\\b[^>]*\\bId="${chosen[2]}"[^>]*>`).exec(rels)?.[0];
  const target = rel && /Target="([^"]*)"/.exec(rel)?.[1];
  if (!target) throw new Error(`no part for ${sheet}`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

const unescape = (s: string) =>
  s
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
const escape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Sets (or adds) a defined name: workbook-level, or on the sheet at localSheetId (Print_Titles). */
export function withDefinedName(bytes: Bytes, name: string, ref: string, localSheetId?: number): Promise<Bytes> {
  return edit(bytes, async (zip) => {
    let xml = await text(zip, "xl/workbook.xml");
    xml = xml.replace(new RegExp(`<definedName\\b[^>]*name="${name}"[^>]*>[^<]*</definedName>`), "");
    const scope = localSheetId === undefined ? "" : ` localSheetId="${localSheetId}"`;
    const tag = `<definedName name="${name}"${scope}>${escape(ref)}</definedName>`;
    xml = xml.includes("<definedNames>")
      ? xml.replace("<definedNames>", `<definedNames>${tag}`)
      : xml.replace("</sheets>", `</sheets><definedNames>${tag}</definedNames>`);
    zip.file("xl/workbook.xml", xml);
  });
}

/** Adds a merged area to a sheet. */
export function withMerge(bytes: Bytes, ref: string, sheet?: string): Promise<Bytes> {
  return edit(bytes, async (zip) => {
    const part = await sheetPart(zip, sheet);
    let xml = await text(zip, part);
    const tag = `<mergeCell ref="${ref}"/>`;
    xml = /<mergeCells\b/.test(xml)
      ? xml.replace(/<mergeCells\b[^>]*>/, (open) => `${open}${tag}`)
      : xml.replace("</sheetData>", `</sheetData><mergeCells count="1">${tag}</mergeCells>`);
    zip.file(part, xml);
  });
}

/** Adds `<dataValidation>` elements (XML) to a sheet, in a `<dataValidations>` where the schema puts it. */
export function withDataValidations(bytes: Bytes, validations: readonly string[], sheet?: string): Promise<Bytes> {
  return edit(bytes, async (zip) => {
    const part = await sheetPart(zip, sheet);
    const xml = await text(zip, part);
    const section = `<dataValidations count="${validations.length}">${validations.join("")}</dataValidations>`;
    // After sheetData and mergeCells, before pageMargins (CT_Worksheet's order; the example has no hyperlinks).
    const at = xml.includes("<pageMargins") ? xml.indexOf("<pageMargins") : xml.indexOf("</worksheet>");
    zip.file(part, xml.slice(0, at) + section + xml.slice(at));
  });
}

/**
 * Adds `<ext>` elements (XML) to a sheet's `<extLst>`, its last element (CT_Worksheet's order), and
 * namespace declarations to its `<worksheet>`, as Excel declares `xm` there.
 */
export function withExtensions(
  bytes: Bytes,
  extensions: readonly string[],
  namespaces: Readonly<Record<string, string>> = {},
  sheet?: string,
): Promise<Bytes> {
  return edit(bytes, async (zip) => {
    const part = await sheetPart(zip, sheet);
    const declarations = Object.entries(namespaces).map(([prefix, uri]) => ` xmlns:${prefix}="${uri}"`);
    const xml = (await text(zip, part)).replace(/<worksheet\b/, `<worksheet${declarations.join("")}`);
    zip.file(part, xml.replace("</worksheet>", `<extLst>${extensions.join("")}</extLst></worksheet>`));
  });
}

/** Appends rows at the end of a sheet's data (row numbers above every existing row). */
export function withRows(bytes: Bytes, rowsXml: string, sheet?: string): Promise<Bytes> {
  return edit(bytes, async (zip) => {
    const part = await sheetPart(zip, sheet);
    const xml = (await text(zip, part))
      .replace("</sheetData>", `${rowsXml}</sheetData>`)
      .replace(/<dimension\b[^>]*\/>/, "");
    zip.file(part, xml);
  });
}

/** One number in the last cell a sheet can have, XFD1048576. */
export const withFarCell = (bytes: Bytes, sheet?: string) =>
  withRows(bytes, `<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`, sheet);

/** `rows` rows of a label and a number each, from row `from` on. */
export function withManyRows(bytes: Bytes, from: number, rows: number, sheet?: string): Promise<Bytes> {
  const parts: string[] = [];
  for (let r = from; r < from + rows; r++) {
    parts.push(
      `<row r="${r}"><c r="H${r}" t="inlineStr"><is><t>Rad ${r}</t></is></c><c r="I${r}"><v>${r}</v></c></row>`,
    );
  }
  return withRows(bytes, parts.join(""), sheet);
}

/** Replaces the first shared string equal to `label` by `replacement`. */
export function withLabel(bytes: Bytes, label: string, replacement: string): Promise<Bytes> {
  return edit(bytes, async (zip) => {
    const xml = await text(zip, "xl/sharedStrings.xml");
    const target = `<t>${escape(label)}</t>`;
    if (!xml.includes(target)) throw new Error(`no shared string ${label}`);
    zip.file("xl/sharedStrings.xml", xml.replace(target, `<t>${escape(replacement)}</t>`));
  });
}

/** A comment in workbook.xml holding `count` unclosed <definedName tags. */
export function withDefinedNameFlood(bytes: Bytes, count: number): Promise<Bytes> {
  return edit(bytes, async (zip) => {
    const xml = await text(zip, "xl/workbook.xml");
    const flood = `<!--${'<definedName name="x" '.repeat(count)}-->`;
    zip.file("xl/workbook.xml", xml.replace("<sheets>", `${flood}<sheets>`));
  });
}

/** docProps/core.xml with a date that is no date. */
export function withDamagedCoreDate(bytes: Bytes): Promise<Bytes> {
  return edit(bytes, async (zip) => {
    const xml = await text(zip, "docProps/core.xml");
    zip.file(
      "docProps/core.xml",
      xml
        .replace(/(<dcterms:created\b[^>]*>)[^<]*</, "$1 2025-13-45Tnonsense<")
        .replace(/(<dcterms:modified\b[^>]*>)[^<]*</, "$1garbage<"),
    );
  });
}

/** Replaces a part's text. */
export function withPart(bytes: Bytes, path: string, change: (xml: string) => string): Promise<Bytes> {
  return edit(bytes, async (zip) => {
    zip.file(path, change(await text(zip, path)));
  });
}
