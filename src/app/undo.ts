import type { CellRef, WorkbookPort } from "./workbookPort";

/**
 * The use case behind "Ångra": takes back the port's last `steps` writes, which one action of the user's
 * made (writing the shares and flagging again is two), as far as there are writes to take back. Returns the
 * cells the user had changed since the add-in wrote them, which were left as the user left them.
 */
export async function undoSteps(port: WorkbookPort, steps: number): Promise<CellRef[]> {
  const kept: CellRef[] = [];
  for (let i = 0; i < steps && port.canUndo(); i++) kept.push(...(await port.undo()).kept);
  return kept;
}
