/* global document, Office */
// The task pane's entry point: the one place in the pane that talks to Office.js. It waits for Office,
// reads Office's theme and hands the components plain props. The page also works in a plain browser.
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { themeFromOffice, type OfficeThemeColors } from "./theme";

/** How long to wait for Office before rendering anyway (a plain browser, or office.js failed to load). */
const OFFICE_READY_TIMEOUT_MS = 3000;

interface OfficeInfo {
  readonly inExcel: boolean;
  readonly officeTheme?: OfficeThemeColors;
}

async function waitForOffice(): Promise<OfficeInfo> {
  if (typeof Office === "undefined") return { inExcel: false };
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), OFFICE_READY_TIMEOUT_MS));
  const info = await Promise.race([Office.onReady(), timeout]);
  if (info?.host !== Office.HostType.Excel) return { inExcel: false };
  try {
    // Office reports its theme on Windows only; elsewhere this is undefined and the pane stays light.
    return { inExcel: true, officeTheme: Office.context.officeTheme };
  } catch {
    return { inExcel: true };
  }
}

async function main(): Promise<void> {
  const { inExcel, officeTheme } = await waitForOffice();
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container");
  createRoot(container).render(<App theme={themeFromOffice(officeTheme)} inExcel={inExcel} />);
}

void main();
