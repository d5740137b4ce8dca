import { resolve } from "node:path";

/** The fixtures of ../shared/fixtures (the repo is cloned with shared/ beside it). */
export const fixture = (name: "samo-2023" | "vastra-2025" | "ornskoldsvik-2024"): string =>
  resolve(__dirname, "../../../shared/fixtures", `${name}.xlsx`);

export const EXAMPLE = resolve(__dirname, "../../assets/exempel-budget.xlsx");
