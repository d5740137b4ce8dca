import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { App } from "../../src/taskpane/App";
import { analysed, fixtureGrid, gridPort, TEST_CLOCK } from "./support";

/** Every colour the pane shows comes from Fluent's tokens, so Office's dark and high-contrast themes apply. */

const PANE = path.resolve(__dirname, "../../src/taskpane");
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.tsx?$/.test(name) ? [full] : [];
  });

test("no colour is written by hand in the pane's code", () => {
  for (const file of sources(PANE)) {
    const code = readFileSync(file, "utf8");
    expect({ file: path.relative(PANE, file), hex: code.match(/["'`]#[0-9a-f]{3,8}\b/gi) ?? [] }).toEqual({
      file: path.relative(PANE, file),
      hex: [],
    });
    expect(code).not.toMatch(/\brgba?\(|\bhsla?\(/);
  }
});

test.each([
  ["light", webLightTheme],
  ["dark", webDarkTheme],
  ["high contrast", teamsHighContrastTheme],
] as [string, Theme][])("the %s theme's colours reach the pane", async (_, theme) => {
  render(<App theme={theme} inExcel port={gridPort(fixtureGrid("vastra-2025"))} clock={TEST_CLOCK} />);
  await userEvent.click(screen.getByRole("button", { name: "Analysera" }));
  await analysed();
  const provider = document.querySelector(".fui-FluentProvider") as HTMLElement;
  // The provider sets the theme's tokens as CSS variables; the pane's styles use only those.
  const css = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText)).join("\n");
  expect(css).toContain(`--colorNeutralBackground1: ${theme.colorNeutralBackground1}`);
  expect(css).toContain(`--colorPaletteRedForeground1: ${theme.colorPaletteRedForeground1}`);
  expect(provider).toBeTruthy();
});
