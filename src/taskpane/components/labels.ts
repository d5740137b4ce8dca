import { scenarioName as nameOf, type Settings } from "../../domain";
import type { Lang } from "../strings";

/** A scenario's name in the user's language: the two built-in ones translated, the user's own as named. */
export function scenarioName(id: string, settings: Settings, lang: Lang): string {
  return nameOf(id, settings.scenarios, lang);
}
