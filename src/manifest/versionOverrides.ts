/** The rules for <VersionOverrides>: its schema, its resources and what references them, the ribbon's actions. */

import type { Report } from "./types";
import { child, childrenNamed, descendants, type XmlElement } from "./xml";

/** A TaskPaneApp accepts only version 1.0 of the VersionOverrides schema (1.1 is for MailApp). */
const TASKPANE_VERSION_OVERRIDES_NAMESPACE = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
const TASKPANE_VERSION_OVERRIDES_TYPE = "VersionOverridesV1_0";

const MAX_RESOURCE_ID_LENGTH = 32;
const MAX_SHORT_STRING_LENGTH = 125;
const MAX_LONG_STRING_LENGTH = 250;

type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";
const RESOURCE_KINDS: readonly ResourceKind[] = ["Images", "Urls", "ShortStrings", "LongStrings"];

/** Which kind of resource an element's resid must name, by the element's (local) name. */
const RESID_KIND: Readonly<Record<string, ResourceKind>> = {
  Image: "Images",
  SourceLocation: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Description: "LongStrings",
};

/** The schema of <VersionOverrides>, its resources, every resid outside them, and the ribbon's actions. */
export function checkVersionOverrides(root: XmlElement, report: Report): void {
  const overrides = child(root, "VersionOverrides");
  if (!overrides) return;
  if (
    overrides.attributes["xmlns"] !== TASKPANE_VERSION_OVERRIDES_NAMESPACE ||
    overrides.attributes["xsi:type"] !== TASKPANE_VERSION_OVERRIDES_TYPE
  ) {
    report(
      "BAD_VERSION_OVERRIDES",
      `A TaskPaneApp's <VersionOverrides> must be xsi:type="${TASKPANE_VERSION_OVERRIDES_TYPE}" in ${TASKPANE_VERSION_OVERRIDES_NAMESPACE}.`,
    );
  }

  // Every resource, by id, with its kind; ids are unique across all kinds.
  const resources = child(overrides, "Resources");
  const kindOf = new Map<string, ResourceKind>();
  for (const kind of RESOURCE_KINDS) {
    for (const resource of child(resources, kind)?.children ?? []) {
      const id = resource.attributes["id"] ?? "";
      if (kindOf.has(id)) report("DUPLICATE_RESOURCE_ID", `Resource id "${id}" is defined more than once.`);
      kindOf.set(id, kind);
      if (id.length > MAX_RESOURCE_ID_LENGTH) {
        report("RESOURCE_ID_TOO_LONG", `Resource id "${id}" is longer than ${MAX_RESOURCE_ID_LENGTH} characters.`);
      }
      const limit =
        kind === "ShortStrings" ? MAX_SHORT_STRING_LENGTH : kind === "LongStrings" ? MAX_LONG_STRING_LENGTH : undefined;
      if (limit !== undefined) {
        const values = [
          resource.attributes["DefaultValue"] ?? "",
          ...childrenNamed(resource, "Override").map((o) => o.attributes["Value"] ?? ""),
        ];
        if (values.some((v) => v.length > limit)) {
          report("STRING_TOO_LONG", `Resource "${id}" has a text longer than ${limit} characters.`);
        }
      }
    }
  }

  // Everything outside <Resources> that may reference a resource: the hosts, the ribbon, a Description.
  const hostElements = overrides.children.filter((c) => c.name !== "Resources").flatMap((c) => [c, ...descendants(c)]);
  for (const element of hostElements) {
    const resid = element.attributes["resid"];
    if (resid === undefined) continue;
    const kind = kindOf.get(resid);
    if (kind === undefined) {
      report("UNDEFINED_RESID", `<${element.name} resid="${resid}"> names no resource in <Resources>.`);
      continue;
    }
    const expected = RESID_KIND[element.name];
    if (expected !== undefined && expected !== kind) {
      report("WRONG_RESOURCE_KIND", `<${element.name} resid="${resid}"> must name one of ${expected}, not ${kind}.`);
    }
  }

  for (const action of hostElements.filter((e) => e.name === "Action")) {
    const type = action.attributes["xsi:type"];
    if (type === "ExecuteFunction") {
      if (!child(action, "FunctionName")?.text)
        report("MISSING_ELEMENT", `An ExecuteFunction action has no <FunctionName>.`);
      if (!hostElements.some((e) => e.name === "FunctionFile")) {
        report("MISSING_ELEMENT", `An ExecuteFunction button needs a <FunctionFile> in its form factor.`);
      }
    }
    if (type === "ShowTaskpane" && !child(action, "SourceLocation")) {
      report("MISSING_ELEMENT", `A ShowTaskpane action has no <SourceLocation>.`);
    }
  }
}
