import { execFile } from "node:child_process";
import { promisify } from "node:util";
import JSZip from "jszip";

/**
 * Reading printed pages back with poppler-utils (Debian's poppler-utils: pdfinfo, pdftotext, pdftoppm),
 * and choosing which sheets of a workbook print.
 */
const run = promisify(execFile);

export async function pageCount(pdf: string): Promise<number> {
  const { stdout } = await run("pdfinfo", [pdf]);
  const m = /^Pages:\s+(\d+)$/m.exec(stdout);
  if (!m) throw new Error(`pdfinfo gave no page count for ${pdf}`);
  return Number(m[1]);
}

/** Each page's text as laid out (pdftotext -layout), one page at a time, its lines trimmed and blank lines dropped. */
export async function pageLines(pdf: string): Promise<string[][]> {
  const pages: string[][] = [];
  const n = await pageCount(pdf);
  for (let page = 1; page <= n; page++) {
    const { stdout } = await run("pdftotext", ["-layout", "-f", String(page), "-l", String(page), pdf, "-"]);
    pages.push(
      stdout
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l !== ""),
    );
  }
  return pages;
}

/** Each page as a PNG for a person to look at: `<prefix>-<page>.png` (pdftoppm numbers them). */
export async function pagePngs(pdf: string, prefix: string): Promise<void> {
  await run("pdftoppm", ["-png", "-r", "60", pdf, prefix]);
}

/**
 * The same workbook with only these sheets printing: the others are hidden, which
 * no spreadsheet prints, and the first shown sheet is the active one (a hidden
 * sheet cannot be). Formulas still read the hidden sheets.
 */
export async function withOnlySheets(xlsx: Uint8Array, keep: (name: string) => boolean): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const path = "xl/workbook.xml";
  let xml = await zip.file(path)!.async("string");
  let index = 0;
  let active = -1;
  xml = xml.replace(/<sheet\b[^>]*?\/>/g, (tag) => {
    const name = unescape(/\bname="([^"]*)"/.exec(tag)![1]!);
    const hiddenAlready = /\bstate="(hidden|veryHidden)"/.test(tag);
    const shown = keep(name) && !hiddenAlready;
    if (shown && active < 0) active = index;
    index++;
    const bare = tag.replace(/\s+state="[^"]*"/, "");
    return shown ? bare : bare.replace(/\/>$/, ' state="hidden"/>');
  });
  if (active < 0) throw new Error("no sheet left to print");
  // LibreOffice shows a hidden sheet again when it is the active one, and the active one is the first without a view.
  const view = /<workbookView\b[^>]*?\/?>/.exec(xml)?.[0];
  if (view) {
    const withActive = /\bactiveTab="\d+"/.test(view)
      ? view.replace(/\bactiveTab="\d+"/, `activeTab="${active}"`)
      : view.replace(/<workbookView\b/, `<workbookView activeTab="${active}"`);
    xml = xml.replace(view, withActive.replace(/\s+firstSheet="\d+"/, ""));
  } else {
    xml = xml.replace("<sheets>", `<bookViews><workbookView activeTab="${active}"/></bookViews><sheets>`);
  }
  zip.file(path, xml);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

function unescape(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Where a page has ink, as fractions of its width and height (0 at the top left). */
export interface Ink {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/**
 * The box of a printed page's ink (pdftoppm's grey PGM, anything darker than near-white), without the
 * band of the page header: how much of the page the content fills.
 */
export async function inkBox(pdf: string, page = 1, headerBand = 0.08): Promise<Ink> {
  const { stdout } = await run("pdftoppm", ["-gray", "-r", "40", "-f", String(page), "-l", String(page), pdf], {
    encoding: "buffer",
    maxBuffer: 64 * 1024 * 1024,
  });
  const bytes = stdout as unknown as Buffer;
  // P5, width, height, maxval, each followed by one whitespace; then a byte a pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString("latin1"));
  if (!header) throw new Error("pdftoppm gave no PGM");
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = bytes.subarray(header[0].length);
  let [left, top, right, bottom] = [width, height, -1, -1];
  for (let y = Math.floor(height * headerBand); y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (pixels[y * width + x]! > 230) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  return { left: left / width, top: top / height, right: right / width, bottom: bottom / height };
}
