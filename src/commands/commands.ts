/* global Office */
// The ribbon's commands (manifest.xml: FunctionFile commands.html). Like src/excel/, this entry point may
// use Office.js; the work itself belongs in src/excel/ and the pure layers behind it.

/**
 * The "Analysera" button (ExecuteFunction `analyzeWorkbook`). For now it only tells Office it is done:
 * the analysis (read the Grid, run the rules, apply the WritePlan) lands with the Excel issue.
 */
export function analyzeWorkbook(event: Office.AddinCommands.Event): void {
  event.completed();
}

Office.onReady(() => {
  // Nothing to set up yet; the association below must run as soon as the page loads.
});

Office.actions.associate("analyzeWorkbook", analyzeWorkbook);
