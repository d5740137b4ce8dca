import type { CellRef, WorkbookPort } from "./workbookPort";

type Kept = { kept: CellRef[]; keptSheets: CellRef[]; keptNames: string[] };

/**
 * The use case behind "Ångra": takes back the port's last `steps` writes, which one action of the user's
 * made (writing the shares and flagging again is two), as far as there are writes to take back. Returns what
 * the user had changed since the add-in wrote it (cells, a sheet it added, a name), which was left as the
 * user left it.
 */
export async function undoSteps(port: WorkbookPort, steps: number): Promise<Kept> {
  const kept: Kept = { kept: [], keptSheets: [], keptNames: [] };
  for (let i = 0; i < steps && port.canUndo(); i++) {
    const step = await port.undo();
    kept.kept.push(...step.kept);
    kept.keptSheets.push(...(step.keptSheets ?? []));
    kept.keptNames.push(...(step.keptNames ?? []));
  }
  return kept;
}
