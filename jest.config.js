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
      setupFilesAfterEnv: [
        "<rootDir>/test/support/slowMachine.ts",
        "<rootDir>/test/support/fixedSeed.ts",
        "<rootDir>/test/support/insideRepository.ts",
      ],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
    },
    {
      ...common,
      displayName: "dom",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/test/taskpane/**/*.test.tsx"],
      setupFilesAfterEnv: ["<rootDir>/test/taskpane/setupDom.ts", "<rootDir>/test/support/insideRepository.ts"],
    },
    {
      ...common,
      displayName: "e2e",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/e2e/**/*.e2e.test.ts"],
    },
  ],
};
