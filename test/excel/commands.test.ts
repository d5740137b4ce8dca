import { analyzeWorkbook, dialogNotify, runAnalysis } from "../../src/commands/commands";
import type { Message } from "../../src/domain";
import { createExcelPort } from "../../src/excel";
import { OfficeMockObject, officeContext } from "./support";
import { generatedBudget } from "./workbooks";
import { TEST_CLOCK } from "../support/clock";
import { CONTROL_SHEET } from "../../src/read/addinSheets";

/** The ribbon's event, as office-addin-mock builds it. */
function ribbonEvent() {
  const completed = jest.fn();
  const event = new OfficeMockObject({ completed }) as unknown as Office.AddinCommands.Event;
  return { event, completed };
}

/** The user's view of the ribbon: each message shown, in order. */
function userSees() {
  const shown: Message[] = [];
  const notify = jest.fn(async (message: Message) => {
    shown.push(message);
  });
  return { shown, notify };
}

describe("the ribbon's Analysera", () => {
  it("analyses and writes the flags and Finsam-kontroll, then completes, saying nothing", async () => {
    const fake = generatedBudget(10);
    const { event, completed } = ribbonEvent();
    const { notify } = userSees();
    await analyzeWorkbook(event, () => createExcelPort(TEST_CLOCK, fake.host()), TEST_CLOCK, notify);
    expect(fake.sheet(CONTROL_SHEET)).toBeDefined();
    expect(notify).not.toHaveBeenCalled();
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("in cell edit mode (ExcelApi 1.11+): waits for the user to leave the cell, then writes", async () => {
    const fake = generatedBudget(10);
    fake.editMode = true;
    const before = fake.snapshot();
    const { event, completed } = ribbonEvent();
    const { notify } = userSees();
    const done = analyzeWorkbook(event, () => createExcelPort(TEST_CLOCK, fake.host()), TEST_CLOCK, notify);
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(fake.snapshot()).toEqual(before);
    expect(completed).not.toHaveBeenCalled();
    fake.exitEditMode();
    await done;
    expect(fake.sheet(CONTROL_SHEET)).toBeDefined();
    expect(notify).not.toHaveBeenCalled();
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("an Excel below ExcelApi 1.14: nothing read or written, the Excel needed is named, still completes", async () => {
    const fake = generatedBudget(10, 13);
    const before = fake.snapshot();
    const { event, completed } = ribbonEvent();
    const { shown, notify } = userSees();
    await analyzeWorkbook(event, () => createExcelPort(TEST_CLOCK, fake.host()), TEST_CLOCK, notify);
    expect(fake.snapshot()).toEqual(before);
    expect(fake.syncs).toBe(0);
    expect(shown.map((m) => m.sv)).toEqual([
      "Den här versionen av Excel stöds inte: tillägget behöver ExcelApi 1.14 eller senare (Microsoft 365, Excel 2021 eller Excel på webben).",
    ]);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("a protected sheet between analysis and write: nothing written, the reason shown", async () => {
    const fake = generatedBudget(10);
    const port = createExcelPort(TEST_CLOCK, fake.host());
    const write = port.applyPlan.bind(port);
    port.applyPlan = async (plan) => {
      fake.sheet("Budget 2026")!.protected = true; // the user protects it while the analysis runs
      return write(plan);
    };
    const before = () => fake.snapshot();
    const { event, completed } = ribbonEvent();
    const { shown, notify } = userSees();
    const start = before();
    await analyzeWorkbook(event, () => port, TEST_CLOCK, notify);
    const after = fake.snapshot() as { sheets: { name: string; protected: boolean }[] };
    expect(after.sheets.map((s) => s.name)).toEqual(
      (start as { sheets: { name: string }[] }).sheets.map((s) => s.name),
    );
    expect(shown).toHaveLength(1);
    expect(shown[0]!.sv).toMatch(/Bladet ”Budget 2026” är skyddat.*Inget har ändrats/);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("no budget, or no Excel at all: the reason shown, and it completes", async () => {
    const fake = generatedBudget(10);
    fake.workbook.sheets = [fake.sheet("Befolkning")!];
    const outcome = await runAnalysis(createExcelPort(TEST_CLOCK, fake.host()), TEST_CLOCK);
    expect(outcome.kind).toBe("noBudget");
    const { event, completed } = ribbonEvent();
    const { shown, notify } = userSees();
    await analyzeWorkbook(
      event,
      () => {
        throw new Error("Excel is not defined");
      },
      TEST_CLOCK,
      notify,
    );
    expect(shown.map((m) => m.sv)).toEqual(["Finsam-budget kunde inte analysera arbetsboken: Excel is not defined"]);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("a message that cannot be shown still completes the command", async () => {
    const { event, completed } = ribbonEvent();
    const notify = jest.fn(async () => {
      throw new Error("no dialog");
    });
    await analyzeWorkbook(
      event,
      () => {
        throw new Error("Excel is not defined");
      },
      TEST_CLOCK,
      notify,
    );
    expect(notify).toHaveBeenCalledTimes(1);
    expect(completed).toHaveBeenCalledTimes(1);
  });
});

describe("the ribbon's message in Office's dialog", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
    delete (globalThis as { location?: unknown }).location;
  });

  it("opens notice.html from the add-in's own origin with the message, and resolves when the user closes it", async () => {
    const handlers = new Map<string, () => void>();
    const close = jest.fn();
    const displayDialogAsync = jest.fn(
      (_url: string, _options: unknown, callback: (r: { status: string; value: unknown }) => void) =>
        callback({
          status: "succeeded",
          value: { close, addEventHandler: (type: string, fn: () => void) => handlers.set(type, fn) },
        }),
    );
    (globalThis as { location?: unknown }).location = { href: "https://localhost:3000/commands.html" };
    (globalThis as { Office?: unknown }).Office = {
      context: { ui: { displayDialogAsync } },
      AsyncResultStatus: { Succeeded: "succeeded" },
      EventType: { DialogMessageReceived: "message", DialogEventReceived: "event" },
    };
    const shown = dialogNotify({ sv: "Bladet är skyddat.", en: "The sheet is protected." });
    const url = new URL(displayDialogAsync.mock.calls[0]![0]);
    expect(url.origin + url.pathname).toBe("https://localhost:3000/notice.html");
    expect(url.searchParams.get("sv")).toBe("Bladet är skyddat.");
    handlers.get("message")!(); // the user pressed Stäng
    await shown;
    expect(close).toHaveBeenCalledTimes(1);
  });
});

describe("inside Office: the globals Excel and Office", () => {
  afterEach(() => {
    delete (globalThis as { Excel?: unknown }).Excel;
    delete (globalThis as { Office?: unknown }).Office;
  });

  it("createExcelPort(clock) with no host uses Excel.run and Office.context (office-addin-mock)", async () => {
    const fake = generatedBudget(10, 18);
    const office = officeContext(18);
    (globalThis as { Office?: unknown }).Office = { context: office.context };
    (globalThis as { Excel?: unknown }).Excel = {
      run: (...args: unknown[]) =>
        args.length === 1
          ? fake.run(undefined, args[0] as (c: Excel.RequestContext) => Promise<unknown>)
          : fake.run(args[0] as Excel.RunOptions, args[1] as (c: Excel.RequestContext) => Promise<unknown>),
    };
    const { event, completed } = ribbonEvent();
    await analyzeWorkbook(event);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(fake.sheet(CONTROL_SHEET)).toBeDefined();
    expect(fake.runs.at(-1)).toEqual({ delayForCellEdit: true }); // ExcelApi 1.18: no mergeUndoGroup
    expect(fake.workbook.settings?.has("finsam.flags") ?? false).toBe(true);
  });
});
