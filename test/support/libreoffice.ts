import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A LibreOffice profile that recalculates every formula when it loads a file, whatever the file's cached values. */
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Opens an .xlsx in headless LibreOffice, recalculates it, and returns one
 * sheet's raw values (not as shown) as rows of strings, via LibreOffice's CSV export.
 * `sheetNumber` is 1-based.
 */
export async function recalculatedSheet(xlsx: Uint8Array, sheetNumber: number): Promise<string[][]> {
  const dir = await mkdtemp(join(tmpdir(), "finsam-lo-"));
  try {
    const profile = join(dir, "profile");
    await run("mkdir", ["-p", join(profile, "user")]);
    await writeFile(join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
    const input = join(dir, "in.xlsx");
    await writeFile(input, xlsx);
    // Field 9 "false": raw values, not as shown; field 12: the sheet to export.
    const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,${sheetNumber}`;
    await run(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        filter,
        "--outdir",
        join(dir, "out"),
        input,
      ],
      {
        timeout: 120_000,
      },
    );
    const files = (await readdir(join(dir, "out"))).filter((f) => f.endsWith(".csv"));
    if (files.length !== 1) throw new Error(`LibreOffice wrote ${files.length} CSV files`);
    return parseCsv(await readFile(join(dir, "out", files[0]!), "utf8"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The workbook as headless LibreOffice opens it and saves it again as .xlsx. */
export async function resavedByLibreOffice(xlsx: Uint8Array): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), "finsam-lo-"));
  try {
    const input = join(dir, "in.xlsx");
    await writeFile(input, xlsx);
    await run(
      "soffice",
      [
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        join(dir, "out"),
        input,
      ],
      { timeout: 120_000 },
    );
    return new Uint8Array(await readFile(join(dir, "out", "in.xlsx")));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Prints workbooks to PDF in headless LibreOffice, all in one run (its start-up is most of the time):
 * each `name` gives `<dir>/<name>.pdf`. LibreOffice recalculates first, as for the CSV above.
 */
export async function printedToPdf(
  workbooks: readonly { name: string; xlsx: Uint8Array }[],
  dir: string,
): Promise<void> {
  const profile = join(dir, "profile");
  await run("mkdir", ["-p", join(profile, "user")]);
  await writeFile(join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  const inputs: string[] = [];
  for (const w of workbooks) {
    const input = join(dir, `${w.name}.xlsx`);
    await writeFile(input, w.xlsx);
    inputs.push(input);
  }
  await run(
    "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      ...inputs,
    ],
    { timeout: 600_000 },
  );
}

/** RFC 4180 CSV: quoted fields with doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The value at an address ("G23") in parsed rows. */
/**
 * A recalculated cell as a number. LibreOffice's CSV keeps a per-cent cell's sign even with raw values
 * ("10%"), so a trailing % divides by 100.
 */
export function numberAt(rows: readonly string[][], address: string): number {
  const text = valueAt(rows, address) ?? "";
  return text.endsWith("%") ? Number(text.slice(0, -1)) / 100 : Number(text);
}

export function valueAt(rows: readonly string[][], address: string): string | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return rows[Number(m[2]) - 1]?.[col - 1];
}
