import { readFile } from "node:fs/promises";
import { Decimal, SHEET_PLAN, WORST_CASE } from "../../src/domain";
import { analyzeGrid } from "../../src/app/analyzeGrid";
import {
  checkField,
  DRAFT_ID,
  formFromScenario,
  isChanged,
  nameError,
  parseTyped,
  projectScenario,
  scenarioIdFor,
  scenarioOfForm,
  updateField,
  withSaved,
} from "../../src/taskpane/scenarioDraft";
import { readGridFromBuffer } from "../../src/xlsx/readGrid";
import { fixture } from "../support/paths";

test.each([
  ["−12", "-12"],
  ["-12 %", "-12"],
  ["12,5", "12.5"],
  ["3 200 000", "3200000"],
  ["3\u00a0200\u00a0000 kr", "3200000"],
  ["3,200,000", "3200000"],
  ["3.200.000", "3200000"],
  ["1.234,5", "1234.5"],
  ["1,234.5", "1234.5"],
  ["+5", "5"],
])("%s is read as %s", (typed, value) => {
  expect(parseTyped(typed)?.toFixed()).toBe(value);
});

test.each(["", "abc", "−", "12-", "1e5", "12 %%"])("%j is not a number", (typed) => {
  expect(parseTyped(typed)).toBeUndefined();
});

test("each field's rule: a change is 0 or a cut, amounts are not negative, empty means none", () => {
  expect(checkField("change.2025", "-12")).toEqual({ value: new Decimal("-0.12") });
  expect(checkField("change.2025", "5")).toEqual({ error: "plan.errRise" });
  expect(checkField("change.2025", "-120")).toEqual({ error: "plan.errTooLow" });
  expect(checkField("change.2025", "tio")).toEqual({ error: "plan.errPercent" });
  expect(checkField("change.2025", "")).toEqual({ error: "plan.errPercent" });
  expect(checkField("costRate", "3")).toEqual({ value: new Decimal("0.03") });
  expect(checkField("floor", "")).toEqual({ value: null });
  expect(checkField("floor", "-1")).toEqual({ error: "plan.errNegative" });
  expect(checkField("drawdown.2026", "")).toEqual({ value: new Decimal(0) });
  expect(checkField("drawdown.2026", "mycket")).toEqual({ error: "plan.errAmount" });
});

test("the form keeps the last valid value of a wrong field, and knows when it was changed", () => {
  const form = formFromScenario(WORST_CASE, [2025, 2026], "sv")!;
  expect(form.texts).toMatchObject({ "change.2025": "−10", "change.2026": "−10", floor: "", costRate: "0" });
  expect(isChanged(form)).toBe(false);
  const typed = updateField(updateField(form, "change.2025", "-12"), "change.2025", "-12x");
  expect(typed.errors).toEqual({ "change.2025": "plan.errPercent" });
  expect(typed.values["change.2025"]?.toFixed()).toBe("-0.12");
  expect(isChanged(typed)).toBe(true);
  const scenario = scenarioOfForm(typed, "x", "X");
  expect(scenario.contributions).toMatchObject({ kind: "reduction" });
  if (scenario.contributions.kind !== "reduction") throw new Error();
  expect(scenario.contributions.rateByYear?.[2025]?.toFixed()).toBe("0.12");
  expect(formFromScenario(SHEET_PLAN, [2025], "sv")).toBeUndefined();
});

test("a change of 0 % is a rate of 0, not −0 (which the engine would refuse as a rise)", async () => {
  const result = analyzeGrid(await readGridFromBuffer(await readFile(fixture("ornskoldsvik-2024"))));
  if (!result.ok) throw new Error("no budget");
  const form = updateField(formFromScenario(WORST_CASE, [2025, 2026], "sv")!, "change.2025", "0");
  const plan = projectScenario(result.analysis, scenarioOfForm(form, DRAFT_ID, "Noll"));
  expect(plan.years.map((y) => y.contributions.toNumber())).toEqual([5_022_000, 5_022_000, 4_519_800]);
  expect(plan.equityRunsOut).toBe(2026);
});

test("names and ids: a saved name keeps its id, a new one gets its own, built-in names are refused", () => {
  const saved = [{ ...WORST_CASE, id: "tolv", name: "Tolv" }];
  expect(scenarioIdFor("tolv ", saved)).toBe("tolv");
  expect(scenarioIdFor("Staten −12 % år 2025", saved)).toBe("staten-12-ar-2025");
  expect(scenarioIdFor("Värsta fall", [])).toBe("varsta-fall");
  expect(scenarioIdFor("Worst case", [])).toBe("worst-case-2");
  expect(scenarioIdFor("!!!", [])).toBe("scenario");
  expect(nameError("  ")).toBe("plan.errName");
  expect(nameError("Enligt arket")).toBe("plan.errNameBuiltIn");
  expect(nameError("värsta fall (−10 % per år)")).toBe("plan.errNameBuiltIn");
  expect(nameError("Tolv")).toBeUndefined();
  const replaced = withSaved(saved, { ...WORST_CASE, id: "tolv", name: "Tolv nu" });
  expect(replaced.map((s) => s.name)).toEqual(["Tolv nu"]);
  expect(withSaved(saved, { ...WORST_CASE, id: "elva", name: "Elva" }).map((s) => s.id)).toEqual(["tolv", "elva"]);
});
