/** The rule that every user-visible string has an Override in the second locale (English). */

import type { Report } from "./types";
import { child, childrenNamed, type XmlElement } from "./xml";

function hasOverride(element: XmlElement, locale: string): boolean {
  return childrenNamed(element, "Override").some(
    (o) => (o.attributes["Locale"] ?? "").toLowerCase() === locale.toLowerCase() && Boolean(o.attributes["Value"]),
  );
}

/** DisplayName, Description and every string resource, each with an Override in the locale. */
export function checkOverrides(root: XmlElement, locale: string, report: Report): void {
  for (const name of ["DisplayName", "Description"]) {
    const element = child(root, name);
    if (element && !hasOverride(element, locale)) {
      report("MISSING_OVERRIDE", `<${name}> has no <Override Locale="${locale}" Value="…"/>.`);
    }
  }
  const resources = child(child(root, "VersionOverrides"), "Resources");
  for (const kind of ["ShortStrings", "LongStrings"]) {
    for (const string of childrenNamed(child(resources, kind), "String")) {
      if (!hasOverride(string, locale)) {
        report(
          "MISSING_OVERRIDE",
          `Resource "${string.attributes["id"] ?? ""}" has no <bt:Override Locale="${locale}"/>.`,
        );
      }
    }
  }
}
