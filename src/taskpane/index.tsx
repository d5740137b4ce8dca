/* global document, Office, window */
// The task pane's entry point: the one place in the pane that talks to Office.js. It waits for Office,
// reads Office's theme, chooses the workbook port and hands the components plain props. Inside Excel
// the port is Excel's (src/excel/); in a plain browser the pane opens .xlsx files with the file port,
// whose code (and ExcelJS) is loaded only then, from its own chunk: Excel never loads it.
import { createRoot } from "react-dom/client";
import type { Clock } from "../app/clock";
import type { WorkbookPort } from "../app/workbookPort";
import { App } from "./App";
import type { SelectionSource } from "./selectionSource";
import { themeFromOffice, type OfficeThemeColors } from "./theme";

/** The mark taskpane.html's inline script sets on #container in a webview the pane cannot run in. */
const UNSUPPORTED_WEBVIEW = "data-unsupported-webview";

/** The example workbook, copied into the build by webpack.config.js. */
const EXAMPLE_URL = "assets/exempel-budget.xlsx";

interface OfficeInfo {
  readonly inExcel: boolean;
  readonly officeTheme?: OfficeThemeColors;
}

/**
 * Where the pane runs, once Office has said so: no timeout, so a slow Excel start still ends in Excel.
 * `Office` is undefined when office.js did not load (offline, or the CDN unreachable): browser mode at
 * once. office.js loaded outside Office resolves onReady with no host: browser mode too.
 */
async function waitForOffice(): Promise<OfficeInfo> {
  if (typeof Office === "undefined") return { inExcel: false };
  const info = await Office.onReady();
  if (info?.host !== Office.HostType.Excel) return { inExcel: false };
  try {
    // Office reports its theme on Windows only; elsewhere this is undefined and the pane stays light.
    return { inExcel: true, officeTheme: Office.context.officeTheme };
  } catch {
    return { inExcel: true };
  }
}

/** The machine's clock: made here, at the entry point, and handed to everything below. */
const systemClock: Clock = { now: () => new Date() };

/**
 * Excel's WorkbookPort (src/excel), with the selection the Inställningar view asks for: its code comes
 * with the engine's chunk ("analys"), after the first screen.
 */
async function excelPort(): Promise<WorkbookPort & SelectionSource> {
  const { createExcelPort } = await import(/* webpackChunkName: "analys" */ "../excel/excelPort");
  return createExcelPort(systemClock);
}

/**
 * Browser mode: a workbook from its bytes, on the file port (ExcelJS), loaded on first use. The file is
 * first read in a Web Worker under the time budget (`?readBudget=5` in the address shortens it, for
 * the end-to-end test); ExcelJS loads it on the page only once the worker has read it.
 */
async function openFile(bytes: Uint8Array, fileName: string): Promise<WorkbookPort> {
  const [{ createFilePort }, { readBudgetFromQuery, readGridInWebWorker }, { spawnReadWorker }] = await Promise.all([
    import(/* webpackChunkName: "xlsx" */ "../xlsx/filePort"),
    import(/* webpackChunkName: "xlsx" */ "../xlsx/readInWebWorker"),
    import(/* webpackChunkName: "xlsx" */ "../xlsx/spawnReadWorker"),
  ]);
  const timeoutMs = readBudgetFromQuery(window.location.search);
  return createFilePort(bytes, fileName, (b, name) =>
    readGridInWebWorker(b, name, { spawn: spawnReadWorker, timeoutMs }),
  );
}

async function loadExample(): Promise<{ bytes: Uint8Array; fileName: string }> {
  const response = await fetch(EXAMPLE_URL);
  if (!response.ok) throw new Error(`${EXAMPLE_URL}: HTTP ${response.status}`);
  return { bytes: new Uint8Array(await response.arrayBuffer()), fileName: "exempel-budget.xlsx" };
}

function saveFile(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as BlobPart], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function main(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container");
  // taskpane.html's own check found an old webview (Trident, EdgeHTML) and shows its message instead.
  if (container.hasAttribute(UNSUPPORTED_WEBVIEW)) return;
  const { inExcel, officeTheme } = await waitForOffice();
  const theme = themeFromOffice(officeTheme);
  const root = createRoot(container);
  if (inExcel) {
    root.render(<App theme={theme} clock={systemClock} inExcel connect={excelPort} />);
  } else {
    root.render(
      <App
        theme={theme}
        clock={systemClock}
        inExcel={false}
        openFile={openFile}
        loadExample={loadExample}
        saveFile={saveFile}
      />,
    );
  }
}

void main();
