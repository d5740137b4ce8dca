import { DEFAULT_LANG, LANG_NAMES, LANGS, t, type MessageKey } from "../../src/taskpane/i18n";

const KEYS: MessageKey[] = ["title", "intro", "plan", "privacy", "language", "inExcel", "outsideExcel"];

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
