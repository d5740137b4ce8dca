import iconv from "iconv-lite";
import { SieError } from "./sieError";

/**
 * SIE 4 files are code page 437 (#FORMAT PC8), the only encoding the format
 * allows. Bytes 0xB0–0xFF are box drawing, Greek and mathematical signs in
 * CP437, which no Swedish account or object name uses: where they occur, the
 * file was written in another encoding (UTF-8 writes å as C3 A5, Latin-1 as
 * E5) and reading it as CP437 would give wrong names silently. So: refuse it,
 * naming the line and the likely encoding.
 */
export function decodeSie(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    throw wrongEncoding(1, "UTF-8");
  }
  let line = 1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) line++;
    else if (b >= 0xb0) throw wrongEncoding(line, isUtf8(bytes) ? "UTF-8" : "Latin-1 (ISO 8859-1/Windows-1252)");
  }
  return iconv.decode(bytes, "cp437");
}

function wrongEncoding(line: number, encoding: string): SieError {
  return new SieError(
    "ENCODING",
    line,
    `filen verkar vara skriven i ${encoding}, men SIE 4 ska vara teckentabell 437 (#FORMAT PC8). Exportera filen igen från bokföringen.`,
    `the file looks like ${encoding}, but SIE 4 must be code page 437 (#FORMAT PC8). Export the file again from the bookkeeping.`,
  );
}

/** Well-formed UTF-8 with at least one multi-byte sequence. */
function isUtf8(bytes: Uint8Array): boolean {
  let multi = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return false;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return false;
    i += length - 1;
    multi = true;
  }
  return multi;
}
