import { Decimal, defaultSettings } from "../../src/domain";
import { paneFormat } from "../../src/taskpane/paneFormat";
import {
  draftFromSettings,
  parseNumber,
  settingsFromDraft,
  settingsToSave,
  type SettingsDraft,
} from "../../src/taskpane/settingsDraft";

describe("what the user types", () => {
  test.each([
    ["1 386 000", "1386000"],
    ["1\u00a0386\u00a0000", "1386000"],
    ["48,4", "48.4"],
    ["−5", "-5"],
    ["20 %", "20"],
  ])("%s is the number %s", (typed, value) => {
    expect(parseNumber(typed)?.toFixed()).toBe(value);
  });

  test.each(["", "tjugo", "1,2,3", "12 kr"])("%s is no number", (typed) => {
    expect(parseNumber(typed)).toBeUndefined();
  });
});

describe("saving", () => {
  const base = defaultSettings();
  const draft = (change: Partial<SettingsDraft>): SettingsDraft => ({
    ...draftFromSettings(base, ["Motala kommun", "Mjölby kommun"]),
    ...change,
  });

  test("the defaults give the default settings back", () => {
    const checked = settingsFromDraft(draft({}), base);
    expect(checked.ok && checked.value.equityStaircase.map((s) => s.maxPercent.toFixed())).toEqual(["20"]);
    expect(checked.ok && checked.value.kommunKey).toEqual({ kind: "population" });
  });

  test("fixed percentages, a target band and a staircase of two steps", () => {
    const checked = settingsFromDraft(
      draft({
        keyKind: "fixed",
        fixedPercents: [
          { name: "Motala kommun", percent: "60,7" },
          { name: "Mjölby kommun", percent: "39,3" },
        ],
        staircase: [
          { from: "10 000 000", maxPercent: "15" },
          { from: "0", maxPercent: "20" },
        ],
        targetCentre: "1 800 000",
        targetTolerance: "20",
      }),
      base,
    );
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    const settings = checked.value;
    expect(settings.kommunKey).toEqual({
      kind: "fixed",
      percents: { "Motala kommun": new Decimal("60.7"), "Mjölby kommun": new Decimal("39.3") },
    });
    expect(settings.equityStaircase.map((s) => [s.from.toFixed(), s.to?.toFixed(), s.maxPercent.toFixed()])).toEqual([
      ["0", "10000000", "20"],
      ["10000000", undefined, "15"],
    ]);
    expect([settings.equityTarget?.min.toFixed(), settings.equityTarget?.max.toFixed()]).toEqual([
      "1440000",
      "2160000",
    ]);
  });

  test("what is wrong is named, field by field", () => {
    const checked = settingsFromDraft(
      draft({
        keyKind: "fixed",
        fixedPercents: [{ name: "Motala kommun", percent: "mycket" }],
        staircase: [{ from: "", maxPercent: "20" }],
        targetCentre: "en del",
        mapping: { ...draft({}).mapping, costs: "A1:A5" },
      }),
      base,
    );
    expect(checked.ok ? {} : checked.errors).toEqual({
      "fixed.0": true,
      "step.0.from": true,
      targetCentre: true,
      "map.costs": true,
    });
  });

  test("saving asks for the checked settings, the kommuner in the form's order and the ranges as typed", () => {
    const typed = draft({ mapping: { ...draft({}).mapping, costs: "Budget!A5:A11" } });
    const checked = settingsFromDraft(typed, base);
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    expect(settingsToSave(typed, checked.value)).toEqual({
      settings: checked.value,
      kommuner: ["Motala kommun", "Mjölby kommun"],
      mapping: { ...draft({}).mapping, costs: "Budget!A5:A11" },
    });
  });
});

describe("the pane's numbers, through Intl", () => {
  test("Swedish", () => {
    const sv = paneFormat("sv");
    expect(sv.money(new Decimal(1386000))).toBe("1\u00a0386\u00a0000 kr");
    expect(sv.diff(new Decimal(654))).toBe("+654 kr");
    expect(sv.diff(new Decimal(-182))).toBe("−182 kr");
    expect(sv.percent(new Decimal("0.4837"))).toBe("48,4 %");
    expect(sv.count(43674)).toBe("43\u00a0674");
    expect(sv.time(new Date(2026, 10, 23, 9, 5), new Date(2026, 10, 23, 12))).toBe("09:05");
  });

  test("English, and tkr", () => {
    expect(paneFormat("en").money(new Decimal(-132200))).toBe("-132,200 SEK");
    expect(paneFormat("sv", "tkr").money(new Decimal(1045270))).toBe("1\u00a0045,3 tkr");
    expect(paneFormat("sv", "tkr").diff(new Decimal(-132200))).toBe("−132,2 tkr");
  });

  test("Mkr, with two decimals", () => {
    expect(paneFormat("sv", "Mkr").money(new Decimal(3349875))).toBe("3,35 Mkr");
    expect(paneFormat("sv", "Mkr").diff(new Decimal(1800000))).toBe("+1,8 Mkr");
    expect(paneFormat("en", "Mkr").money(new Decimal(17282000))).toBe("17.28 MSEK");
  });
});
