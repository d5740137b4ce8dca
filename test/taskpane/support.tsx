/** Fixtures and fake ports for the pane's component tests. */
import { webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor } from "@testing-library/react";
import { readFile } from "node:fs/promises";
import type { PortCapabilities, WorkbookPort } from "../../src/app/workbookPort";
import type { Grid } from "../../src/grid";
import { App, type AppProps } from "../../src/taskpane/App";
import { createFilePort, type FilePort } from "../../src/xlsx/filePort";
import { readGridFromBuffer } from "../../src/xlsx/readGrid";
import { TEST_CLOCK } from "../support/clock";
import { fixture, type WorkbookName } from "../support/paths";

export type FixtureName = WorkbookName;

export const fixturePath = fixture;

export async function fixtureBytes(name: FixtureName): Promise<Uint8Array> {
  return new Uint8Array(await readFile(fixturePath(name)));
}

const grids = new Map<string, Promise<Grid>>();

/** A fixture's Grid, read once per test file. */
export function fixtureGrid(name: FixtureName): Promise<Grid> {
  let grid = grids.get(name);
  if (!grid) {
    grid = fixtureBytes(name).then((bytes) => readGridFromBuffer(bytes, `${name}.xlsx`));
    grids.set(name, grid);
  }
  return grid;
}

export const EXCEL: PortCapabilities = {
  host: "excel",
  annotations: "note",
  nativeUndo: false,
  goToCell: true,
  liveChanges: true,
};

export type FakePort = WorkbookPort & {
  [K in "readGrid" | "applyPlan" | "applyEdits" | "undo" | "removeFlags" | "goToCell"]: jest.Mock;
} & { changed(): void };

/** A port on a fixed Grid, as Excel's would behave: every write recorded, one undo step per action. */
export function gridPort(grid: Grid | Promise<Grid>, capabilities: PortCapabilities = EXCEL): FakePort {
  let writes = 0;
  let step: { wrote: boolean } | undefined;
  const listeners = new Set<() => void>();
  const write = () => {
    if (step?.wrote) return;
    writes++;
    if (step) step.wrote = true;
  };
  return {
    capabilities,
    readGrid: jest.fn(async () => grid),
    applyPlan: jest.fn(async () => write()),
    applyEdits: jest.fn(async () => write()),
    canUndo: () => writes > 0,
    inOneStep: async <T,>(body: () => Promise<T>) => {
      step = { wrote: false };
      try {
        return await body();
      } finally {
        step = undefined;
      }
    },
    undo: jest.fn(async () => {
      writes--;
      return { kept: [] };
    }),
    removeFlags: jest.fn(async () => write()),
    goToCell: jest.fn(async () => undefined),
    onChange: (callback: () => void) => {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    changed: () => listeners.forEach((l) => l()),
  };
}

export async function filePort(name: FixtureName): Promise<FilePort> {
  return createFilePort(await fixtureBytes(name), `${name}.xlsx`);
}

export { TEST_CLOCK, TEST_NOW } from "../support/clock";

export function renderPane(props: Partial<AppProps> & { port?: WorkbookPort }) {
  return render(<App theme={webLightTheme} inExcel clock={TEST_CLOCK} {...props} />);
}

/**
 * Waits for what the user waits for: the analysis has finished and says when it ran, and the views
 * (the engine's chunk, loaded on demand) are shown.
 */
export async function analysed(lang: "sv" | "en" = "sv", timeout = 5000): Promise<HTMLElement> {
  const said = await screen.findByText(lang === "sv" ? /^Senast analyserad / : /^Last analysed /, {}, { timeout });
  await viewsLoaded(timeout);
  return said;
}

/** Waits until nothing on the pane is still loading its code (a view, the budget chooser). */
export async function viewsLoaded(timeout = 5000): Promise<void> {
  await waitFor(() => expect(document.querySelector('[data-state="loading"]')).toBeNull(), { timeout });
}

/** Text with Intl's no-break and narrow no-break spaces made plain, to compare with what a test writes. */
export function plain(text: string | null | undefined): string {
  return (text ?? "").replace(/[\u00a0\u202f]/g, " ");
}
