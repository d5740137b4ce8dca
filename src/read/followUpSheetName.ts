/**
 * The sheet the follow-up writes for the board and the revisor. Its own module, so that the sheets
 * Excel's pane knows by name do not pull in followUpSheet.ts, which loads with the Uppföljning view.
 */
export const FOLLOW_UP_SHEET = "Finsam-uppföljning";
