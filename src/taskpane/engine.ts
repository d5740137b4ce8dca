/**
 * The use cases the pane calls, with everything they need (the reader, the rules, the plan writer,
 * decimal.js): not in the JavaScript Excel loads first. The first screen needs none of it; loadEngine()
 * fetches this chunk once the pane has rendered, and an action started before it arrives waits for it.
 */
// Flerårsplan's texts, which the notices of the plan's use cases name (settingsWrites.ts).
import "./strings/withPlan";

export { analyseAndFlag, analyseWorkbook } from "../app/analyseWorkbook";
export { createBoardOfScenarios } from "../app/createBoardOfScenarios";
export { saveScenarios } from "../app/saveScenarios";
export { saveSettings } from "../app/saveSettings";
export { undoLastAction } from "../app/undo";
export { writeShares } from "../app/writeShares";
export { defaultSettings } from "../domain";
export { settingsFromDraft, settingsToSave } from "./settingsDraft";
