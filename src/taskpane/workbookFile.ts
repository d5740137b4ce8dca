/**
 * The workbook as a file, in a browser: opening one (or the example) and downloading the copy with the
 * add-in's changes. Inside Excel there is no file to open, and these do nothing.
 */
import { useCallback, useMemo } from "react";
import type { WorkbookPort } from "../app/workbookPort";
import { both } from "./strings";
import { messageOf, type PaneCore } from "./paneCore";
import type { DownloadablePort, FinsamOptions } from "./paneTypes";

export function isDownloadable(port: WorkbookPort | undefined): port is DownloadablePort {
  return typeof (port as Partial<DownloadablePort> | undefined)?.download === "function";
}

export function useWorkbookFile(core: PaneCore, options: FinsamOptions) {
  const { port, run, analyseOn, setSessionSettings, setNotice, setStatus, setPort, budgetRef } = core;
  const { openFile, loadExample, saveFile } = options;
  const openBytes = useCallback(
    async (bytes: Uint8Array, fileName: string) => {
      if (!openFile) return;
      await run(
        "opening",
        async () => {
          const opened = await openFile(bytes, fileName);
          setPort(opened);
          // Another workbook: its budgets are its own, so no earlier choice holds.
          budgetRef.current = undefined;
          setSessionSettings(undefined);
          setStatus({ kind: "empty" });
          await analyseOn(opened, true, undefined);
        },
        both("failOpen", { name: fileName }),
      );
    },
    [openFile, run, analyseOn],
  );

  const openExample = useCallback(async () => {
    if (!loadExample) return;
    let example: { bytes: Uint8Array; fileName: string };
    try {
      example = await loadExample();
    } catch (error) {
      setNotice({
        intent: "error",
        message: messageOf(error, both("failExample")),
      });
      return;
    }
    await openBytes(example.bytes, example.fileName);
  }, [loadExample, openBytes]);

  const download = useCallback(async () => {
    if (!isDownloadable(port) || !saveFile) return;
    try {
      const bytes = await port.download();
      // A macro-enabled workbook stays one: Excel opens an .xlsm package only under that name.
      const kind = /\.xlsm$/i.test(port.fileName) ? ".xlsm" : ".xlsx";
      saveFile(bytes, port.fileName.replace(/(\.xls[xm])?$/i, `-finsam${kind}`));
    } catch (error) {
      setNotice({
        intent: "error",
        message: messageOf(error, both("failDownload")),
      });
    }
  }, [port, saveFile]);

  return useMemo(() => ({ openBytes, openExample, download }), [openBytes, openExample, download]);
}
