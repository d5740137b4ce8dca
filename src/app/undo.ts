import type { CellRef, WorkbookPort } from "./workbookPort";

type Kept = { kept: CellRef[]; keptSheets: CellRef[]; keptNames: string[] };

/**
 * The use case behind "Ångra": takes back the last action's writes (writing the shares and flagging again
 * is one action: the port groups them, WorkbookPort.inOneStep). Returns what the user had changed since
 * the add-in wrote it (cells, a sheet it added, a name), which was left as the user left it.
 */
export async function undoLastAction(port: WorkbookPort): Promise<Kept> {
  const step = await port.undo();
  return { kept: [...step.kept], keptSheets: [...(step.keptSheets ?? [])], keptNames: [...(step.keptNames ?? [])] };
}
