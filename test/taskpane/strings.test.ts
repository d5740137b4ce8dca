import { both, DEFAULT_LANG, LANG_NAMES, LANGS, t, type TextKey } from "../../src/taskpane/strings";

const KEYS: TextKey[] = ["title", "intro", "plan", "privacy", "language", "inExcel", "outsideExcel"];

test("Swedish comes first and is the default", () => {
  expect(LANGS[0]).toBe("sv");
  expect(DEFAULT_LANG).toBe("sv");
});

test.each(LANGS)("every text has a non-empty %s version", (lang) => {
  for (const key of KEYS) expect(t(lang, key).trim()).not.toBe("");
  expect(LANG_NAMES[lang]).not.toBe("");
});

test("the pane tells what the add-in does in both languages", () => {
  expect(t("sv", "intro")).toMatch(/staten 1\/2, regionen 1\/4 och kommunerna 1\/4/);
  expect(t("sv", "plan")).toMatch(/−10 % per år/);
  expect(t("en", "intro")).toMatch(/the state 1\/2, the region 1\/4 and the kommuner 1\/4/);
});

test("one table: the plan's texts by their section's key, once Flerårsplan's chunk has them (withPlan.ts)", () => {
  jest.isolateModules(() => {
    const strings = jest.requireActual<typeof import("../../src/taskpane/strings")>("../../src/taskpane/strings");
    // Not in the first load: a key not yet loaded shows as itself.
    expect(strings.t("sv", "plan.rowClosing")).toBe("plan.rowClosing");
    jest.requireActual("../../src/taskpane/strings/withPlan");
    expect(strings.t("sv", "plan.rowClosing")).toBe("Eget kapital 31/12");
  });
  require("../../src/taskpane/strings/withPlan");
  expect(t("en", "plan.colBudget", { year: 2025 })).toBe("Budget 2025");
  expect(both("plan.boardDone", { names: "Värsta fall" }).sv).toBe("Styrelseunderlaget är skapat med Värsta fall.");
});

test("Uppföljning's texts arrive with its chunk: a key not yet loaded shows as itself, never as a crash", () => {
  jest.isolateModules(() => {
    const strings = jest.requireActual<typeof import("../../src/taskpane/strings")>("../../src/taskpane/strings");
    expect(strings.t("sv", "followUp.chooseSie")).toBe("followUp.chooseSie");
    const loaded = jest.requireActual<typeof import("../../src/taskpane/strings/withFollowUp")>(
      "../../src/taskpane/strings/withFollowUp",
    );
    expect(loaded.t("sv", "followUp.chooseSie")).toBe("Välj SIE-fil …");
    expect(strings.t("en", "followUp.colBudget")).toBe("Budget");
    expect(strings.t("sv", "followUp.total")).toBe("Summa");
    expect(strings.t("sv", "total")).toBe("Totalt");
  });
});
