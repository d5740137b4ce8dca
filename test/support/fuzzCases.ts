/**
 * The fuzz corpus: damaged workbooks made from the fixtures and the example
 * by fast-check, each a kind (what was done) and a seed (where and how). Used
 * by test/fuzz/fuzz.test.ts (a few hundred cases) and `npm run fuzz`.
 */
import fc from "fast-check";
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { EXAMPLE, fixture } from "./paths";
import {
  withDamagedCoreDate,
  withDefinedName,
  withDefinedNameFlood,
  withFarCell,
  withLabel,
  withManyRows,
  withMerge,
  withPart,
  sheetPart,
} from "./mutate";

export const BASES = [EXAMPLE, ...(["samo-2023", "vastra-2025", "ornskoldsvik-2024"] as const).map(fixture)];

export interface FuzzCase {
  readonly base: string;
  /** "original": the base as it is, the yardstick of `npm run fuzz`. */
  readonly kind: Kind | "original";
  readonly seed: number;
}

/** A small deterministic generator for the details of one case. */
function rng(seed: number): { int: (n: number) => number; pick: <T>(xs: readonly T[]) => T } {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
  return { int: (n) => next() % Math.max(1, n), pick: (xs) => xs[next() % xs.length]! };
}

const MAPPING = ["Finsam_Medlemmar", "Finsam_Kostnader", "Finsam_Befolkning", "Finsam_Ar", "Finsam_EgetKapital"];
const TEXTS = [
  "",
  " ",
  "#REF!",
  "−1 000",
  "1e308",
  "NaN",
  "tkr",
  "kr",
  "2025",
  "Summa",
  "<&>\"'",
  "\u202e",
  "Ö".repeat(300),
];

type Mutation = (bytes: Uint8Array, r: ReturnType<typeof rng>) => Promise<Uint8Array>;

const sheetXml =
  (change: (xml: string, r: ReturnType<typeof rng>) => string): Mutation =>
  async (bytes, r) => {
    const zip = await JSZip.loadAsync(bytes);
    const part = await sheetPart(zip);
    return withPart(bytes, part, (xml) => change(xml, r));
  };

export const MUTATIONS = {
  /** A stored number replaced by another (huge, negative, fractional). */
  "cell-number": sheetXml((xml, r) => {
    const values = [...xml.matchAll(/<v>(-?[\d.E+-]+)<\/v>/g)];
    if (values.length === 0) return xml;
    const m = r.pick(values);
    const n = r.pick(["0", "-1", "1e15", "-99999999999", "0.5", "1E+308", "123456789012"]);
    return xml.slice(0, m.index) + `<v>${n}</v>` + xml.slice(m.index! + m[0].length);
  }),
  /** A cell's value replaced by an inline text. */
  "cell-text": sheetXml((xml, r) => {
    const cells = [...xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>.*?<\/c>)/g)];
    if (cells.length === 0) return xml;
    const m = r.pick(cells);
    const text = r.pick(TEXTS).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
    return (
      xml.slice(0, m.index) +
      `<c r="${m[1]}" t="inlineStr"><is><t>${text}</t></is></c>` +
      xml.slice(m.index! + m[0].length)
    );
  }),
  /** A formula cell's formula replaced by a broken one. */
  formula: sheetXml((xml, r) => {
    const formulas = [...xml.matchAll(/<f>[^<]*<\/f>/g)];
    if (formulas.length === 0) return xml;
    const m = r.pick(formulas);
    const f = r.pick(["SUM(", "#REF!+1", "A1:XFD1048576", "1/0", 'INDIRECT("x")', "SUM(A1:A1048576)"]);
    return xml.slice(0, m.index) + `<f>${f.replace(/"/g, "&quot;")}</f>` + xml.slice(m.index! + m[0].length);
  }),
  /** A Finsam_* name over a whole sheet, a deleted range, another sheet, or nothing. */
  "defined-name": async (bytes, r) => {
    const zip = await JSZip.loadAsync(bytes);
    const sheet = /<sheet\b[^>]*\bname="([^"]*)"/.exec(await zip.file("xl/workbook.xml")!.async("string"))![1]!;
    const quoted = `'${sheet.replace(/&apos;/g, "'").replace(/'/g, "''")}'`;
    const ref = r.pick([
      `${quoted}!$A$1:$XFD$1048576`,
      `${quoted}!$A:$A`,
      `${quoted}!$1:$1`,
      "#REF!",
      "'Finns inte'!$A$1",
      `${quoted}!$B$3`,
      "0,1",
      `${quoted}!$A$1:$A$3,${quoted}!$C$1`,
    ]);
    return withDefinedName(bytes, r.pick(MAPPING), ref);
  },
  /** A merged area, from a small one to the whole sheet. */
  merge: (bytes, r) => withMerge(bytes, r.pick(["A1:XFD1048576", "A1:B2", "B5:D9", "A1:A1048576", "C1:XFD1"])),
  /** One value in the sheet's last cell. */
  "far-cell": (bytes) => withFarCell(bytes),
  /** Unclosed <definedName tags in a comment of workbook.xml. */
  "name-flood": (bytes, r) => withDefinedNameFlood(bytes, 1_000 + r.int(30_000)),
  /** A label of up to a million characters. */
  "long-label": async (bytes, r) => {
    const zip = await JSZip.loadAsync(bytes);
    const shared = zip.file("xl/sharedStrings.xml");
    const labels = shared ? [...(await shared.async("string")).matchAll(/<t>([^<]{3,})<\/t>/g)].map((m) => m[1]!) : [];
    if (labels.length === 0) return bytes;
    const label = r.pick(labels);
    const raw = label
      .replace(/&amp;/g, "&")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"');
    return withLabel(bytes, raw, `${raw} `.repeat(1 + r.int(1_000_000 / (raw.length + 1))));
  },
  /** Thousands of rows beside the budget. */
  "many-rows": (bytes, r) => withManyRows(bytes, 2_000, 1 + r.int(20_000)),
  /** A damaged date in docProps/core.xml. */
  "core-date": (bytes) => withDamagedCoreDate(bytes),
  /** An entity declaration that would expand to gigabytes, in a part. */
  "xml-entity": async (bytes, r) => {
    const part = r.pick(["xl/workbook.xml", "xl/sharedStrings.xml", "docProps/core.xml"]);
    const laughs =
      '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>';
    return withPart(bytes, part, (xml) =>
      xml.replace(/^(<\?xml[^>]*\?>)?/, (decl) => `${decl}${laughs}`).replace(/<t>[^<]*<\/t>/, "<t>&h;</t>"),
    ).catch(() => bytes);
  },
  /** A part left out of the zip. */
  "drop-part": async (bytes, r) => {
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    zip.remove(r.pick(names));
    return zip.generateAsync({ type: "uint8array" });
  },
  /** A part's XML cut off in the middle. */
  "truncate-part": async (bytes, r) => {
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files).filter((n) => n.endsWith(".xml"));
    const name = r.pick(names);
    const xml = await zip.file(name)!.async("string");
    zip.file(name, xml.slice(0, r.int(xml.length)));
    return zip.generateAsync({ type: "uint8array" });
  },
  /** The file cut short. */
  "truncate-file": async (bytes, r) => bytes.slice(0, r.int(bytes.length)),
  /** Bytes of the file overwritten. */
  "flip-bytes": async (bytes, r) => {
    const out = bytes.slice();
    for (let i = 0, n = 1 + r.int(20); i < n; i++) out[r.int(out.length)] = r.int(256);
    return out;
  },
  /** Not an .xlsx at all. */
  "not-xlsx": async (_bytes, r) =>
    r.pick([
      new TextEncoder().encode("Kommun;Belopp\nMotala;1045924\n"),
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]),
      new Uint8Array(0),
      new Uint8Array([0x50, 0x4b, 0x03, 0x04]),
    ]),
} satisfies Record<string, Mutation>;

export type Kind = keyof typeof MUTATIONS;
export const KINDS = Object.keys(MUTATIONS) as Kind[];

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.record({
  base: fc.constantFrom(...BASES),
  kind: fc.constantFrom(...KINDS),
  seed: fc.integer({ min: 1, max: 0x7fffffff }),
});

const baseBytes = new Map<string, Uint8Array>();

/** The damaged workbook of a case. */
export async function bytesOf(c: FuzzCase): Promise<Uint8Array> {
  let base = baseBytes.get(c.base);
  if (!base) baseBytes.set(c.base, (base = new Uint8Array(readFileSync(c.base))));
  return c.kind === "original" ? base : MUTATIONS[c.kind](base, rng(c.seed));
}

export const describeCase = (c: FuzzCase) => `${c.kind} ${basename(c.base)} #${c.seed}`;
