import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/**
 * The colours Office reports for its own theme (Office.context.officeTheme, Office on Windows only).
 * Structurally a subset of Office.OfficeTheme, so the pane needs no Office.js type to use it.
 */
export interface OfficeThemeColors {
  readonly bodyBackgroundColor?: string;
  readonly bodyForegroundColor?: string;
}

export type ThemeKind = "light" | "dark" | "highContrast";

/** "#RRGGBB" or "RRGGBB" to [r, g, b] in 0–255; undefined for anything else. */
export function parseHexColour(colour: string | undefined): [number, number, number] | undefined {
  const match = /^#?([0-9a-f]{6})$/i.exec(colour?.trim() ?? "");
  if (!match) return undefined;
  const value = Number.parseInt(match[1]!, 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/** WCAG relative luminance: 0 for black, 1 for white. */
export function relativeLuminance([r, g, b]: [number, number, number]): number {
  const linear = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** Below this background luminance the pane goes dark (Office's Dark Gray is #6A6A6A, about 0.14). */
const DARK_BELOW = 0.2;

/**
 * Which kind of theme Office is showing. High contrast is pure black on white or pure white on black:
 * Office's White theme has a white background too, but #444444 text, so both colours are needed for it.
 * Without colours (Excel on the web, Mac, a plain browser) the pane is light.
 */
export function officeThemeKind(officeTheme: OfficeThemeColors | undefined): ThemeKind {
  const background = parseHexColour(officeTheme?.bodyBackgroundColor);
  if (!background) return "light";
  const foreground = parseHexColour(officeTheme?.bodyForegroundColor);
  const isBlack = (c: [number, number, number]): boolean => c.every((v) => v === 0);
  const isWhite = (c: [number, number, number]): boolean => c.every((v) => v === 255);
  if (foreground && ((isBlack(background) && isWhite(foreground)) || (isWhite(background) && isBlack(foreground)))) {
    return "highContrast";
  }
  return relativeLuminance(background) < DARK_BELOW ? "dark" : "light";
}

const THEMES: Record<ThemeKind, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  highContrast: teamsHighContrastTheme,
};

/** The Fluent UI theme that matches Office's. */
export function themeFromOffice(officeTheme: OfficeThemeColors | undefined): Theme {
  return THEMES[officeThemeKind(officeTheme)];
}
