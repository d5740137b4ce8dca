/** The Finsam budget rules of DOMAIN.md: pure functions, Decimal money, no I/O. */
export * from "./money";
export * from "./types";
export * from "./errors";
export * from "./format";
export * from "./findings";
export * from "./largestRemainder";
export * from "./budgetQueries";
export * from "./contributionSplit";
export * from "./kommunKey";
export * from "./equity";
export * from "./plan";
export * from "./budgetCeiling";
export * from "./validate";
export * from "./settings";
export * from "./analyze";
export * from "./scenarios";
export * from "./followUp";
