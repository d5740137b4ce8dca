import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { officeThemeKind, parseHexColour, relativeLuminance, themeFromOffice } from "../../src/taskpane/theme";

describe("officeThemeKind", () => {
  test.each([
    // Office's own themes (Office.context.officeTheme on Windows).
    ["Colorful", { bodyBackgroundColor: "#E6E6E6", bodyForegroundColor: "#444444" }, "light"],
    ["White", { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#444444" }, "light"],
    ["Dark Gray", { bodyBackgroundColor: "#6A6A6A", bodyForegroundColor: "#F0F0F0" }, "dark"],
    ["Black", { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF" }, "dark"],
    ["high contrast, black", { bodyBackgroundColor: "#000000", bodyForegroundColor: "#FFFFFF" }, "highContrast"],
    ["high contrast, white", { bodyBackgroundColor: "#ffffff", bodyForegroundColor: "#000000" }, "highContrast"],
    ["a black background alone", { bodyBackgroundColor: "000000" }, "dark"],
    ["no theme (web, Mac, browser)", undefined, "light"],
    ["an unreadable colour", { bodyBackgroundColor: "rgb(0,0,0)" }, "light"],
  ] as const)("%s", (_, officeTheme, kind) => {
    expect(officeThemeKind(officeTheme)).toBe(kind);
  });
});

describe("themeFromOffice", () => {
  test("maps each kind to its Fluent theme", () => {
    expect(themeFromOffice(undefined)).toBe(webLightTheme);
    expect(themeFromOffice({ bodyBackgroundColor: "#6A6A6A", bodyForegroundColor: "#F0F0F0" })).toBe(webDarkTheme);
    expect(themeFromOffice({ bodyBackgroundColor: "#000000", bodyForegroundColor: "#FFFFFF" })).toBe(
      teamsHighContrastTheme,
    );
  });
});

describe("colours", () => {
  test("parseHexColour reads #RRGGBB with or without #", () => {
    expect(parseHexColour("#FFA500")).toEqual([255, 165, 0]);
    expect(parseHexColour("ffa500")).toEqual([255, 165, 0]);
    expect(parseHexColour("#FFF")).toBeUndefined();
    expect(parseHexColour(undefined)).toBeUndefined();
  });

  test("relativeLuminance runs from black to white", () => {
    expect(relativeLuminance([0, 0, 0])).toBe(0);
    expect(relativeLuminance([255, 255, 255])).toBeCloseTo(1, 10);
  });
});
