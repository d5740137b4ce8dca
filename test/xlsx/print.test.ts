import { TEST_CLOCK } from "../support/clock";
import ExcelJS from "exceljs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { runCheck } from "../../src/cli/check";
import { ADDIN_SHEETS, BOARD_SHEET, CONTROL_SHEET } from "../../src/read/addinSheets";
import { printedToPdf } from "../support/libreoffice";
import { inkBox, pageLines, pagePngs, withOnlySheets, type Ink } from "../support/pdf";
import { EXAMPLE, fixture } from "../support/paths";

/** Where the pages are kept for a person to look at. */
const PNG_DIR = resolve(__dirname, "../../test-output/print");
/** Where the user's guide keeps its pictures. */
const GUIDE_DIR = resolve(__dirname, "../../docs/bilder");

/** A förbund of 60 kommuner: its Finsam-kontroll needs several pages, so the title rows must repeat. */
const MANY_KOMMUNER = 60;

async function manyKommuner(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const budget = wb.addWorksheet("Budget 2026");
  const population = wb.addWorksheet("Befolkning");
  population.addRow(["Kommun", "Invånare 2024-12-31"]);
  const pops = Array.from({ length: MANY_KOMMUNER }, (_, i) => 3000 + ((i * 7919) % 50000));
  const total = pops.reduce((a, b) => a + b, 0);
  pops.forEach((pop, i) => population.addRow([`Ort ${i + 1}`, pop]));
  const state = 20_000_000;
  budget.addRow(["Samordningsförbundet Många Orter – Budget 2026, plan 2027–2028"]);
  budget.addRow(["", "Budget 2026", "Plan 2027", "Plan 2028"]);
  budget.addRow(["Intäkter"]);
  budget.addRow(["Staten genom FK", state, state, state]);
  budget.addRow(["Region Exempel", state / 2, state / 2, state / 2]);
  pops.forEach((pop, i) => {
    const amount = Math.round(((state / 2) * pop) / total);
    budget.addRow([`Ort ${i + 1} kommun`, amount, amount, amount]);
  });
  budget.addRow(["Kostnader"]);
  budget.addRow(["Insatser", 2 * state, 2 * state, 2 * state]);
  budget.addRow(["Eget kapital 2025-12-31", 3_000_000]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const WORKBOOKS: readonly { name: string; path?: string; forbund: string; year: number }[] = [
  { name: "samo-2023", path: fixture("samo-2023"), forbund: "Samordningsförbundet Östra Östergötland", year: 2023 },
  {
    name: "vastra-2025",
    path: fixture("vastra-2025"),
    forbund: "Samordningsförbundet Västra Östergötland",
    year: 2025,
  },
  {
    name: "ornskoldsvik-2024",
    path: fixture("ornskoldsvik-2024"),
    forbund: "Örnsköldsviks samordningsförbund",
    year: 2024,
  },
  { name: "exempel-budget", path: EXAMPLE, forbund: "Samordningsförbundet Exempel", year: 2025 },
  // Generated below: no path.
  { name: "manga-orter-2026", forbund: "Samordningsförbundet Många Orter", year: 2026 },
];

type Printed = {
  user: string[][];
  userBefore: string[][];
  control: string[][];
  board: string[][];
  /** The board sheet's texts as written, and where its printed page has ink. */
  boardTexts: string[];
  boardInk: Ink;
};

/** Text with its spaces made one, for finding a cell's text in the page's. */
const flat = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * The board packet as pages: `npm run check -- file --out copy.xlsx`, the copy
 * printed to PDF by headless LibreOffice one sheet group at a time (the other
 * sheets hidden), and the pages read back with poppler-utils.
 */
describe("the --out copy printed to PDF", () => {
  jest.setTimeout(900_000);
  const printed = new Map<string, Printed>();
  const boardTexts = new Map<string, string[]>();
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "finsam-print-"));
    await rm(PNG_DIR, { recursive: true, force: true });
    await mkdir(PNG_DIR, { recursive: true });
    const workbooks: { name: string; xlsx: Uint8Array }[] = [];
    for (const w of WORKBOOKS) {
      const out = join(dir, `${w.name}-out.xlsx`);
      const path = w.path ?? join(dir, `${w.name}.xlsx`);
      if (!w.path) await writeFile(path, await manyKommuner());
      const status = await runCheck(
        [path, "--out", out],
        () => {},
        () => {},
        TEST_CLOCK,
      );
      expect(status).toBe(0);
      const copy = await readFile(out);
      const written = new ExcelJS.Workbook();
      await written.xlsx.load(copy as unknown as ArrayBuffer);
      const texts: string[] = [];
      written.getWorksheet(BOARD_SHEET)!.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === "string") texts.push(cell.value);
        }),
      );
      boardTexts.set(w.name, texts);
      const isAddin = (name: string) => ADDIN_SHEETS.includes(name);
      workbooks.push(
        { name: `${w.name}-before`, xlsx: await readFile(path) },
        { name: `${w.name}-user`, xlsx: await withOnlySheets(copy, (n) => !isAddin(n)) },
        { name: `${w.name}-control`, xlsx: await withOnlySheets(copy, (n) => n === CONTROL_SHEET) },
        { name: `${w.name}-board`, xlsx: await withOnlySheets(copy, (n) => n === BOARD_SHEET) },
      );
    }
    await printedToPdf(workbooks, dir);
    for (const w of WORKBOOKS) {
      const pdf = (part: string) => join(dir, `${w.name}-${part}.pdf`);
      printed.set(w.name, {
        userBefore: await pageLines(pdf("before")),
        user: await pageLines(pdf("user")),
        control: await pageLines(pdf("control")),
        board: await pageLines(pdf("board")),
        boardTexts: boardTexts.get(w.name)!,
        boardInk: await inkBox(pdf("board")),
      });
      await pagePngs(pdf("board"), join(PNG_DIR, `${w.name}-styrelseunderlag`));
      await pagePngs(pdf("control"), join(PNG_DIR, `${w.name}-finsam-kontroll`));
      // The user's guide shows the example's printed pages (npm run guide-shots).
      if (w.name === "exempel-budget" && process.env.FINSAM_GUIDE_SHOTS === "1") {
        await mkdir(GUIDE_DIR, { recursive: true });
        await pagePngs(pdf("board"), join(GUIDE_DIR, "utskrift-styrelseunderlag"));
        await pagePngs(pdf("control"), join(GUIDE_DIR, "utskrift-finsam-kontroll"));
      }
    }
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  describe.each(WORKBOOKS)("$name", (w) => {
    it("Styrelseunderlag is one page, headed by the förbund, the budget year and the day it was made", () => {
      const { board } = printed.get(w.name)!;
      expect(board).toHaveLength(1);
      const [header, ...rest] = board[0]!;
      // The page header: the förbund on the left, the sheet and year in the middle, the day on the right.
      expect(header).toMatch(
        new RegExp(`^${w.forbund}\\s+Styrelseunderlag, budgetår ${w.year}\\s+Upprättat \\d{4}-\\d{2}-\\d{2}$`),
      );
      const text = rest.join("\n");
      expect(rest[0]).toMatch(/^Styrelseunderlag: flerårsplan \d{4}–\d{4}/);
      expect(rest[1]).toMatch(/scenarier: Enligt arket; Värsta fall \(−10 % per år\)/);
      // Led by the conclusion, a sentence a scenario; then the comparison and the chart, the calculation linked.
      expect(rest[2]).toBe("Slutsats");
      expect(rest[3]).toMatch(/^Enligt arket: Eget kapital/);
      expect(rest[4]).toMatch(/^Värsta fall \(−10 % per år\): Eget kapital/);
      expect(text).toContain("Eget kapital vid årets slut");
      expect(text).toContain("Eget kapital vid årets slut per scenario");
      expect(text).toContain("Beräkningen, cell för cell: bladet Finsam-kontroll");
      // The calculation is not repeated here; negative amounts with the minus of the text.
      expect(text).not.toContain("Utgående eget kapital = ingående + resultat");
      expect(text).not.toMatch(/(^|\s)-\d/m);
    });

    it("Styrelseunderlag: nothing on it is cut, and it fills the page", async () => {
      const { board, boardTexts, boardInk } = printed.get(w.name)!;
      // Every text of the sheet stands whole on the page (a text cut by its neighbour would lose its end).
      const page = flat(board[0]!.join(" "));
      for (const t of boardTexts) expect(page).toContain(flat(t));
      // The content spans the page: most of its width and well over half its height (it filled the top 55 %
      // before). Fitted to one page, it is bound by the width or by the height, whichever comes first.
      expect(boardInk.right - boardInk.left).toBeGreaterThan(0.8);
      expect(boardInk.bottom - boardInk.top).toBeGreaterThan(0.7);
    });

    it("Finsam-kontroll is one page wide, each page headed by its title rows and numbered Sida k av N", () => {
      const { control } = printed.get(w.name)!;
      const n = control.length;
      // 60 kommuner, three years: three tables of 60 rows and the plans do not fit one portrait page.
      expect(n).toBeGreaterThanOrEqual(w.path ? 1 : 2);
      control.forEach((lines, i) => {
        expect(lines[0]).toBe(CONTROL_SHEET);
        expect(lines[1]).toMatch(/^Varje belopp här är en formel på budgetens egna celler/);
        expect(lines.at(-1)).toMatch(new RegExp(`^${CONTROL_SHEET}, .*\\s+Sida ${i + 1} av ${n}$`));
        // One page wide: each header row of the kommun tables has its last column (Skillnad) on the same line.
        for (const line of lines.filter((l) => l.startsWith("Kommun "))) expect(line).toMatch(/Skillnad$/);
      });
      // Every page but the last is full: no more pages than the rows need.
      const body = control.map((lines) => lines.length - 3);
      for (const count of body.slice(0, -1)) expect(count).toBeGreaterThanOrEqual(0.85 * body[0]!);
      // And every label is there, once, in order: nothing was cut off to another page across.
      const all = control.flatMap((lines) => lines.slice(2, -1));
      expect(
        all.filter((l) => l.startsWith("Utgående eget kapital = ingående + resultat")).length,
      ).toBeGreaterThanOrEqual(2);
    });

    it("the user's own sheets print as they did before", () => {
      const { user, userBefore } = printed.get(w.name)!;
      expect(user.length).toBe(userBefore.length);
      expect(user).toEqual(userBefore);
    });
  });

  it("saved the pages for a person to look at", async () => {
    for (const w of WORKBOOKS) {
      const png = await readFile(join(PNG_DIR, `${w.name}-styrelseunderlag-1.png`));
      expect(png.subarray(1, 4).toString()).toBe("PNG");
    }
    expect(basename(PNG_DIR)).toBe("print");
  });
});
