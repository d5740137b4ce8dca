/**
 * The grid: a plain snapshot of a workbook's cells (grid.ts), A1 addressing (address.ts), reading a
 * sheet (SheetView) and building one (SheetBuilder), and the edits asked of a workbook (edits.ts).
 * The floor above the domain: it may import only src/domain.
 */
export * from "./grid";
export * from "./address";
export * from "./sheetView";
export * from "./sheetBuilder";
export * from "./edits";
export * from "./transpose";
