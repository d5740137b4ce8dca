import { resolve } from "node:path";

/** The three real-looking budget workbooks, copied from shared/fixtures so a clone stands alone. */
export const WORKBOOKS = resolve(__dirname, "../fixtures/workbooks");

export type WorkbookName = "samo-2023" | "vastra-2025" | "ornskoldsvik-2024";

export const fixture = (name: WorkbookName): string => resolve(WORKBOOKS, `${name}.xlsx`);

export const EXAMPLE = resolve(__dirname, "../../assets/exempel-budget.xlsx");
