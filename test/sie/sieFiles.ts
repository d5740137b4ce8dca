import iconv from "iconv-lite";

/** A SIE file as an accounting system writes it: code page 437, CRLF unless told. */
export function sieBytes(lines: readonly string[], eol = "\r\n"): Uint8Array {
  return iconv.encode(lines.join(eol) + eol, "cp437");
}

export const HEAD = [
  "#FLAGGA 0",
  '#PROGRAM "Visma Förening" 1.0',
  "#FORMAT PC8",
  "#GEN 20250905",
  "#SIETYP 4",
  '#FNAMN "Samordningsförbundet Exempel"',
  "#ORGNR 222000-1234",
  "#RAR 0 20250101 20251231",
  "#RAR -1 20240101 20241231",
];
