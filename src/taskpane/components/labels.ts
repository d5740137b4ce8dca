import type { Settings } from "../../domain";
import { t, type Lang } from "../i18n";

/** A scenario's name in the user's language: the two built-in ones translated, the user's own as named. */
export function scenarioName(id: string, settings: Settings, lang: Lang): string {
  if (id === "sheet") return t(lang, "scenarioSheet");
  if (id === "worst-case") return t(lang, "scenarioWorst");
  return settings.scenarios.find((s) => s.id === id)?.name ?? id;
}
