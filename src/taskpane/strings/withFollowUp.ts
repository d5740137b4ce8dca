/** The string table with Uppföljning's texts added: the follow-up's chunk imports t() from here. */
import { FOLLOW_UP } from "./followUp";
import { addTexts } from ".";

addTexts("followUp.", FOLLOW_UP);

export { both, t, type Lang, type TextKey } from ".";
