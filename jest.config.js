/**
 * Tests sit in test/ by layer (domain, sheet, xlsx, excel, taskpane, project), in three projects:
 * - node: everything that runs in Node;
 * - dom: the pane's components (test/taskpane/**\/*.test.tsx) in jsdom with React Testing Library;
 * - e2e: the built pane in headless Chromium (test/e2e/), which builds it first.
 * `npx jest` (and `npm test`) runs all three; `npx jest <path>` picks from any of them.
 */
const transform = {
  "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
};
const common = {
  rootDir: __dirname,
  roots: ["<rootDir>/test"],
  transform,
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: "node",
      testEnvironment: "node",
      testMatch: ["**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
    },
    {
      ...common,
      displayName: "dom",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/test/taskpane/**/*.test.tsx"],
      setupFilesAfterEnv: ["<rootDir>/test/taskpane/setupDom.ts"],
      // A whole pane renders and analyses a real workbook per test: on a busy 2-core machine that can pass
      // jest's 5 s default with nothing wrong. The tests wait for what the user sees, never for a time.
      testTimeout: 30_000,
    },
    {
      ...common,
      displayName: "e2e",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/e2e/**/*.e2e.test.ts"],
    },
  ],
};
