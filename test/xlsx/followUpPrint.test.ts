import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runCheck } from "../../src/cli/check";
import { TEST_CLOCK } from "../support/clock";
import { printedToPdf } from "../support/libreoffice";
import { pageLines, pagePngs, withOnlySheets } from "../support/pdf";
import { FOLLOW_UP_SHEET } from "../../src/read/addinSheets";

const SIE = resolve(__dirname, "../../assets/exempel-bokforing.se");
const PNG_DIR = resolve(__dirname, "../../test-output/print");

/** Finsam-uppföljning as the board and the revisor get it on paper: `check --sie --out`, printed by LibreOffice. */
describe("Finsam-uppföljning printed to PDF", () => {
  jest.setTimeout(300_000);

  it("portrait, one page wide, its title rows on every page, numbered Sida k av N, with the figures the board reads", async () => {
    const dir = await mkdtemp(join(tmpdir(), "finsam-followup-print-"));
    try {
      const out = join(dir, "kopia.xlsx");
      const status = await runCheck(
        ["--sie", SIE, "--period", "2025-08", "--out", out],
        () => {},
        () => {},
        TEST_CLOCK,
      );
      expect(status).toBe(0);
      const only = await withOnlySheets(await readFile(out), (n) => n === FOLLOW_UP_SHEET);
      await printedToPdf([{ name: "uppfoljning", xlsx: only }], dir);
      const pages = await pageLines(join(dir, "uppfoljning.pdf"));
      await mkdir(PNG_DIR, { recursive: true });
      await pagePngs(join(dir, "uppfoljning.pdf"), join(PNG_DIR, "exempel-finsam-uppfoljning"));

      const n = pages.length;
      expect(n).toBeGreaterThanOrEqual(1);
      pages.forEach((lines, i) => {
        expect(lines[0]).toMatch(/^Finsam-uppföljning: budgetår 2025/);
        expect(lines.some((l) => l.startsWith("Utfall t.o.m. 2025-08 ur exempel-bokforing.se (CRC-32 "))).toBe(true);
        // One page wide: the header row has its last column (Prognosmetod) on the same line as the first.
        expect(lines.find((l) => l.startsWith("Budgetrad"))).toMatch(
          /^Budgetrad\s+Budget\s+Helårsprognos.*Prognosmetod$/,
        );
        expect(lines.at(-1)).toMatch(new RegExp(`Sida ${i + 1} av ${n}$`));
      });
      // LibreOffice prints in its own locale here: thousands by space or by comma.
      const text = pages.flat().map((l) => l.replace(/[\u00a0\u202f,]/g, " "));
      expect(text.find((l) => l.startsWith("Summa kostnader"))).toMatch(
        /^Summa kostnader\s+9 800 000 kr\s+9 740 000 kr\s+−60 000 kr\s+−0[.]6%\s+6 160 000 kr$/,
      );
      expect(text.find((l) => l.startsWith("Kansli 1.0"))).toMatch(
        /^Kansli 1\.0\s+1 600 000 kr\s+1 800 000 kr\s+200 000 kr\s+12[.]5%\s+1 200 000 kr\s+utfall × 12 \/ månader$/,
      );
      expect(text.find((l) => l.startsWith("Utgående eget kapital"))).toMatch(/1 969 000 kr$/);
      expect(text.find((l) => l.startsWith("Resultat ="))).toMatch(/−1 081 000 kr$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
