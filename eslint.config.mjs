// ESLint 9 flat config, read by `npm run lint` (office-addin-lint uses ./eslint.config.mjs when it exists).
// Microsoft's office-addins React rules (eslint:recommended, Prettier, the Office.js rules such as
// load-object-before-read), with TypeScript's .tsx added and a few settings for a strict TypeScript project.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import importFlow from "./scripts/lint/importFlow.cjs";

const TYPESCRIPT = ["**/*.{ts,tsx,mts,cts}"];

/** The office-addins config applies its rules to *.ts but not *.tsx: add *.tsx to it. */
const officeAddinsReact = officeAddins.configs.react.map((config) =>
  config.files ? { ...config, files: [...config.files, "**/*.tsx"] } : config,
);

export default [
  { ignores: ["dist/", "coverage/", "test-output/", "node_modules/"] },
  ...officeAddinsReact,
  {
    files: TYPESCRIPT,
    languageOptions: {
      parser: tsParser,
      ecmaVersion: "latest",
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      // tsc --noEmit (npm test) checks names with their types; ESLint's no-undef knows neither.
      "no-undef": "off",
      // The automatic JSX runtime (tsconfig "jsx": "react-jsx") needs no React in scope.
      "react/react-in-jsx-scope": "off",
      // TypeScript types the props.
      "react/prop-types": "off",
      // A leading underscore marks a name that is unused on purpose.
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
        },
      ],
    },
  },
  {
    // The office-addins rules (load before read, sync before read…) recognise Office.js by shape alone, so
    // they misfire on other libraries (exceljs cells have .note and .value too). Office.js lives only here:
    files: ["**/*.{ts,tsx}"],
    ignores: ["src/excel/**", "src/taskpane/index.tsx", "src/commands/commands.ts", "test/excel/**"],
    rules: Object.fromEntries(Object.keys(officeAddins.rules).map((rule) => [`office-addins/${rule}`, "off"])),
  },
  {
    // Office.js belongs to src/excel/ and the two entry points (DESIGN.md): the rest stays pure.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/excel/**", "src/taskpane/index.tsx", "src/commands/commands.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        ...["Office", "Excel", "OfficeExtension"].map((name) => ({
          name,
          message: "Only src/excel/, src/taskpane/index.tsx and src/commands/commands.ts may use Office.js.",
        })),
      ],
    },
  },
  {
    // One clock (src/app/clock.ts): only the entry points read the machine's; the rest is handed a Clock,
    // so nothing depends on the day or the time zone it runs in.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/taskpane/index.tsx", "src/cli/check.ts", "src/commands/commands.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "Take the time from the Clock passed in (src/app/clock.ts); only the entry points make one.",
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "Take the time from the Clock passed in (src/app/clock.ts); only the entry points make one.",
        },
      ],
    },
  },
  {
    // The folders are the flow (README, "Architecture"): imports run down it, none runs in a circle, and the
    // pane calls the use cases of app/ (with domain/), never read/, plan/ or the other floors below them.
    files: ["src/**/*.{ts,tsx}"],
    plugins: { finsam: importFlow },
    rules: { "finsam/flow": "error", "finsam/no-cycle": "error", "finsam/pane-imports": "error" },
  },
];
