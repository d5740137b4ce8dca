import type { Message } from "../domain";
import { WorkbookError, type WorkbookErrorCode } from "../app/workbookPort";
import { REQUIRED_EXCEL_API } from "./capabilities";

/** What the user reads for each bad state, Swedish first. Nothing was changed when they read it. */
export const MESSAGES = {
  editMode: {
    sv: "Excel är i redigeringsläge: avsluta redigeringen av cellen (Enter eller Esc) och försök igen.",
    en: "Excel is in cell edit mode: finish editing the cell (Enter or Esc) and try again.",
  },
  unsupported: {
    sv: `Den här versionen av Excel stöds inte: tillägget behöver ExcelApi 1.${REQUIRED_EXCEL_API} eller senare (Microsoft 365, Excel 2021 eller Excel på webben).`,
    en: `This version of Excel is not supported: the add-in needs ExcelApi 1.${REQUIRED_EXCEL_API} or later (Microsoft 365, Excel 2021 or Excel on the web).`,
  },
  nothingToUndo: {
    sv: "Det finns inget att ångra: tillägget har inte ändrat något i arbetsboken sedan den öppnades.",
    en: "There is nothing to undo: the add-in has changed nothing in the workbook since it was opened.",
  },
  workbookProtected: {
    sv: "Arbetsbokens struktur är skyddad, så bladet Finsam-kontroll kan inte skapas. Ta bort skyddet (Granska > Skydda arbetsbok) och försök igen. Inget har ändrats.",
    en: "The workbook's structure is protected, so the sheet Finsam-kontroll cannot be created. Unprotect it (Review > Protect Workbook) and try again. Nothing was changed.",
  },
} as const satisfies Record<string, Message>;

export function protectedSheet(sheet: string): WorkbookError {
  return new WorkbookError(
    "PROTECTED_SHEET",
    {
      sv: `Bladet ”${sheet}” är skyddat, så tillägget kan inte skriva där. Ta bort skyddet (Granska > Ta bort bladskydd) och försök igen. Inget har ändrats.`,
      en: `The sheet "${sheet}" is protected, so the add-in cannot write there. Unprotect it (Review > Unprotect Sheet) and try again. Nothing was changed.`,
    },
    { sheet },
  );
}

export function missingSheet(sheet: string, cell?: string): WorkbookError {
  const where = cell ? `${sheet}!${cell}` : sheet;
  return new WorkbookError(
    "MAPPING_INVALID",
    {
      sv: `Bladet ”${sheet}” finns inte längre i arbetsboken (${where}). Analysera igen. Inget har ändrats.`,
      en: `The sheet "${sheet}" is no longer in the workbook (${where}). Analyse again. Nothing was changed.`,
    },
    cell ? { sheet, cell } : { sheet },
  );
}

export function badAddress(sheet: string, cell: string): WorkbookError {
  return new WorkbookError(
    "MAPPING_INVALID",
    {
      sv: `Cellen ${sheet}!${cell} finns inte (raderad eller felaktig adress). Inget har ändrats.`,
      en: `The cell ${sheet}!${cell} does not exist (deleted, or a bad address). Nothing was changed.`,
    },
    { sheet, cell },
  );
}

export function unsupportedVersion(): WorkbookError {
  return new WorkbookError("UNSUPPORTED_VERSION", MESSAGES.unsupported);
}

/** The error code of an Office.js failure (OfficeExtension.Error.code), if it has one. */
export function officeErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

function detail(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0] ?? "";
}

/**
 * Any failure → a WorkbookError the pane can show. Office.js codes that the
 * user can act on get their own message; the rest keep Office's text.
 */
export function toWorkbookError(error: unknown, code: "READ_FAILED" | "WRITE_FAILED"): WorkbookError {
  if (error instanceof WorkbookError) return error;
  switch (officeErrorCode(error)) {
    // The error table names this code for cell edit mode; the cell-edit page names InvalidOperation.
    case "InvalidOperationInCellEditMode":
      return new WorkbookError("EDIT_MODE", MESSAGES.editMode);
    case "InvalidOperation":
      return new WorkbookError(code, {
        sv: `Excel avböjde åtgärden (${detail(error)}). Om du håller på att redigera en cell: avsluta med Enter eller Esc och försök igen. Inget har ändrats.`,
        en: `Excel declined the operation (${detail(error)}). If you are editing a cell, finish with Enter or Esc and try again. Nothing was changed.`,
      });
    case "ApiNotFound":
      return unsupportedVersion();
    // Observed for a write to a protected sheet, not documented; the port checks protection before it writes.
    case "AccessDenied":
      return new WorkbookError(code, {
        sv: "Excel nekade ändringen (skyddat blad eller skrivskyddad arbetsbok). Inget har ändrats.",
        en: "Excel refused the change (a protected sheet or a read-only workbook). Nothing was changed.",
      });
  }
  const why = detail(error);
  const messages: Record<"READ_FAILED" | "WRITE_FAILED", Message> = {
    READ_FAILED: {
      sv: `Arbetsboken kunde inte läsas: ${why}`,
      en: `The workbook could not be read: ${why}`,
    },
    WRITE_FAILED: {
      sv: `Tillägget kunde inte skriva i arbetsboken, och allt det hann ändra är återställt: ${why}`,
      en: `The add-in could not write to the workbook, and everything it had changed is restored: ${why}`,
    },
  };
  return new WorkbookError(code, messages[code]);
}

/** A write that failed, and whose repair failed too: the user must check the workbook. */
export function unrepairedWrite(error: unknown): WorkbookError {
  const why = detail(error);
  return new WorkbookError("WRITE_FAILED", {
    sv: `Tillägget kunde inte skriva i arbetsboken och inte heller återställa det som hann ändras (${why}). Ångra i Excel (Ctrl+Z) eller stäng arbetsboken utan att spara.`,
    en: `The add-in could not write to the workbook, nor restore what had changed (${why}). Undo in Excel (Ctrl+Z) or close the workbook without saving.`,
  });
}

export function failure(code: WorkbookErrorCode, message: Message): WorkbookError {
  return new WorkbookError(code, message);
}
