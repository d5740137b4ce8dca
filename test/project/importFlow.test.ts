/**
 * The folders are the flow, as a rule: finsam/flow, finsam/no-cycle and finsam/pane-imports
 * (scripts/lint/importFlow.cjs) fail an import against the direction, a circle (type-only included)
 * and a view that reaches past app/, and `npm run lint` has them on for src/.
 */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { Linter } from "eslint";
import * as tsParser from "@typescript-eslint/parser";

const importFlow = require("../../scripts/lint/importFlow.cjs");

const ROOT = resolve(__dirname, "../..");
const RULES = { "finsam/flow": "error", "finsam/no-cycle": "error", "finsam/pane-imports": "error" } as const;

/** The rules' complaints about `code` as if it stood at `file` (a path in src/; it need not exist). */
function lint(file: string, code: string): string[] {
  const linter = new Linter({ configType: "flat" });
  const messages = linter.verify(
    code,
    [
      {
        files: ["**/*.{ts,tsx}"],
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { finsam: importFlow },
        rules: RULES,
      },
    ],
    { filename: resolve(ROOT, file) },
  );
  return messages.map((m) => `${m.ruleId}: ${m.message}`);
}

it("an import up the flow fails: read/ may not import plan/", () => {
  expect(
    lint("src/read/planted.ts", 'import { planWrites } from "../plan/writePlan";\nexport const x = planWrites;\n'),
  ).toEqual([
    expect.stringMatching(
      /^finsam\/flow: src\/read\/ may not import src\/plan\/: imports run down the flow, domain ← grid ← /,
    ),
  ]);
});

it("an import sideways fails: read/ and sie/ stand on one floor and know nothing of each other", () => {
  expect(lint("src/read/planted.ts", 'import { readSie } from "../sie/readSie";\nexport const x = readSie;\n')).toEqual(
    [expect.stringMatching(/^finsam\/flow: src\/read\/ may not import src\/sie\//)],
  );
});

it("an import down the flow passes: plan/ may import read/, grid/ and the domain", () => {
  const code = [
    'import { CONTROL_SHEET } from "../read/addinSheets";',
    'import { columnLetters } from "../grid";',
    'import { Decimal } from "../domain";',
    "export const x = [CONTROL_SHEET, columnLetters, Decimal];",
    "",
  ].join("\n");
  expect(lint("src/plan/planted.ts", code)).toEqual([]);
});

it("a circle of type-only imports fails, with the files it runs through", () => {
  // read/addinSheets.ts imports the Grid's type from grid/: a type-only import back makes a circle.
  const messages = lint(
    "src/grid/grid.ts",
    'import type { ADDIN_SHEETS } from "../read/addinSheets";\nexport type X = typeof ADDIN_SHEETS;\n',
  );
  expect(messages).toContainEqual(
    expect.stringMatching(
      /^finsam\/no-cycle: Import circle: grid\/grid\.ts → read\/addinSheets\.ts → .*grid\/grid\.ts\.$/,
    ),
  );
  expect(messages).toContainEqual(expect.stringMatching(/^finsam\/flow: src\/grid\/ may not import src\/read\//));
});

it("a view that reaches past app/ fails; app/ and the domain pass", () => {
  expect(
    lint(
      "src/taskpane/views/Planted.tsx",
      'import { planWrites } from "../../plan/writePlan";\nexport const x = planWrites;\n',
    ),
  ).toEqual([expect.stringMatching(/^finsam\/pane-imports: The pane imports app\/ and domain\/ only/)]);
  expect(
    lint(
      "src/taskpane/views/Planted.tsx",
      'import { analyseAndFlag } from "../../app/analyseWorkbook";\nimport { Decimal } from "../../domain";\nexport const x = [analyseAndFlag, Decimal];\n',
    ),
  ).toEqual([]);
});

it("npm run lint has the three rules on for every file in src/", () => {
  for (const file of ["src/read/locate.ts", "src/taskpane/App.tsx", "src/excel/excelPort.ts"]) {
    const config = JSON.parse(
      execFileSync(process.execPath, [resolve(ROOT, "node_modules/eslint/bin/eslint.js"), "--print-config", file], {
        cwd: ROOT,
        encoding: "utf8",
      }),
    ) as { rules: Record<string, unknown> };
    for (const rule of Object.keys(RULES)) expect([rule, config.rules[rule]]).toEqual([rule, [2]]);
  }
});
