/**
 * The pane's own changes to the workbook and their undo: writing the computed shares, removing the
 * flags, Ångra, and going to a cell. Each runs through the core (one at a time, one undo step).
 */
import { useCallback, useMemo } from "react";
import type { ShareWriteMode } from "../app/writeShares";
import { loadEngine } from "./loadEngine";
import { both } from "./strings";
import { messageOf, type PaneCore } from "./paneCore";

export function useWorkbookWrites(core: PaneCore) {
  const { port, status, run, analyseOn, sessionSettings, setNotice } = core;
  const writeShares = useCallback(
    async (mode: ShareWriteMode) => {
      if (!port || status.kind !== "ok") return;
      const outcome = status;
      await run(
        "writing",
        async () => {
          const { writeShares: writeSharesTo } = await loadEngine();
          const count = await writeSharesTo(port, outcome, mode);
          if (count === 0) return;
          await analyseOn(port, true, sessionSettings);
          setNotice({
            intent: "success",
            message: both("wroteShares", { count }),
          });
        },
        both("failWrite"),
      );
    },
    [port, status, run, analyseOn, sessionSettings],
  );

  const removeFlags = useCallback(async () => {
    if (!port) return;
    await run(
      "writing",
      async () => {
        await port.removeFlags();
        setNotice({ intent: "success", message: both("flagsRemoved") });
      },
      both("failRemoveFlags"),
    );
  }, [port, run]);

  const undo = useCallback(async () => {
    if (!port) return;
    await run(
      "writing",
      async () => {
        const { undoLastAction } = await loadEngine();
        const kept = await undoLastAction(port);
        if (status.kind !== "empty") await analyseOn(port, false, sessionSettings);
        // What the user changed after the add-in wrote it was left as the user left it: say what, and why.
        const said = [
          ...(kept.kept.length > 0
            ? [both("undoneKept", { cells: kept.kept.map((c) => `${c.sheet}!${c.cell}`).join(", ") })]
            : []),
          ...kept.keptSheets.map((k) => both("undoneKeptSheet", { sheet: k.sheet, cell: k.cell })),
          ...kept.keptNames.map((name) => both("undoneKeptName", { name })),
        ];
        setNotice(
          said.length === 0
            ? { intent: "success", message: both("undone") }
            : {
                intent: "warning",
                message: { sv: said.map((m) => m.sv).join(" "), en: said.map((m) => m.en).join(" ") },
              },
        );
      },
      both("failUndo"),
    );
  }, [port, run, status.kind, analyseOn, sessionSettings]);

  const goToCell = useCallback(
    async (sheet: string, cell: string) => {
      if (!port) return;
      try {
        await port.goToCell(sheet, cell);
      } catch (error) {
        setNotice({
          intent: "error",
          message: messageOf(error, both("failGoTo", { cell: `${sheet}!${cell}` })),
        });
      }
    },
    [port],
  );

  return useMemo(() => ({ writeShares, removeFlags, undo, goToCell }), [writeShares, removeFlags, undo, goToCell]);
}
