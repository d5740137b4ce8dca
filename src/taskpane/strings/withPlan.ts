/** The string table with Flerårsplan's texts added: the engine's chunk (views and use cases) imports t() from here. */
import { PLAN } from "./plan";
import { addTexts } from ".";

addTexts("plan.", PLAN);

export { both, t, type Lang, type TextKey } from ".";
