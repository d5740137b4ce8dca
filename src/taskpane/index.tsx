/* global document, Office */
// The task pane's entry point: the one place in the pane that talks to Office.js. It waits for Office,
// reads Office's theme, chooses the workbook port and hands the components plain props. Inside Excel
// the port is Excel's (src/excel/); in a plain browser the pane opens .xlsx files with the file port,
// whose code (and ExcelJS) is loaded only then, from its own chunk: Excel never loads it.
import { createRoot } from "react-dom/client";
import type { Clock } from "../app/clock";
import type { WorkbookPort } from "../app/workbookPort";
import { createExcelPort } from "../excel/excelPort";
import { App } from "./App";
import type { SelectionSource } from "./selectionSource";
import { themeFromOffice, type OfficeThemeColors } from "./theme";

/** How long to wait for Office before rendering anyway (a plain browser, or office.js failed to load). */
const OFFICE_READY_TIMEOUT_MS = 3000;

/** The example workbook, copied into the build by webpack.config.js. */
const EXAMPLE_URL = "assets/exempel-budget.xlsx";

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

/** The machine's clock: made here, at the entry point, and handed to everything below. */
const systemClock: Clock = { now: () => new Date() };

/** Excel's WorkbookPort (src/excel), with the selection the Inställningar view asks for. */
function excelPort(): WorkbookPort & SelectionSource {
  return createExcelPort(systemClock);
}

/** Browser mode: a workbook from its bytes, on the file port (ExcelJS), loaded on first use. */
async function openFile(bytes: Uint8Array, fileName: string): Promise<WorkbookPort> {
  const { createFilePort } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/filePort");
  return createFilePort(bytes, fileName);
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
  const { inExcel, officeTheme } = await waitForOffice();
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container");
  const theme = themeFromOffice(officeTheme);
  const root = createRoot(container);
  if (inExcel) {
    root.render(<App theme={theme} clock={systemClock} inExcel port={excelPort()} />);
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
