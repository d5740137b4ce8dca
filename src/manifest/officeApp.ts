/**
 * The rules for OfficeApp's own elements: their order, the required ones and their values, the host,
 * the permissions, the requirements.
 */

import { MIN_EXCEL_API, TASKPANE_PERMISSIONS, type ManifestCheckOptions, type Report } from "./types";
import { child, childrenNamed, type XmlElement } from "./xml";

/** The order of the OfficeApp children this check knows (schema 1.1, TaskPaneApp); others are not ordered. */
const TOP_LEVEL_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/;
const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/i;

/** The OfficeApp children this check knows, in the schema's order. */
export function checkOrder(root: XmlElement, report: Report): void {
  let last = -1;
  let lastName = "";
  for (const element of root.children) {
    const index = TOP_LEVEL_ORDER.indexOf(element.name);
    if (index < 0) continue;
    if (index < last) {
      report("ELEMENT_ORDER", `<${element.name}> must come before <${lastName}> in OfficeApp.`);
    } else {
      last = index;
      lastName = element.name;
    }
  }
}

function requiredText(root: XmlElement, name: string, report: Report): string | undefined {
  const text = child(root, name)?.text;
  if (!text) {
    report("MISSING_ELEMENT", `OfficeApp needs a non-empty <${name}>.`);
    return undefined;
  }
  return text;
}

function requiredDefaultValue(element: XmlElement | undefined, path: string, report: Report): string | undefined {
  const value = element?.attributes["DefaultValue"];
  if (!value) {
    report("MISSING_ELEMENT", `<${path} DefaultValue="…"> is missing or empty.`);
    return undefined;
  }
  return value;
}

/** The required elements and their values: Id, Version, locale, names, host, permissions, requirements. */
export function checkBasics(root: XmlElement, options: ManifestCheckOptions, report: Report): void {
  const id = requiredText(root, "Id", report);
  if (id !== undefined && !GUID.test(id)) report("BAD_ID", `<Id> must be a GUID, not "${id}".`);

  const version = requiredText(root, "Version", report);
  if (version !== undefined && !VERSION.test(version)) {
    report("BAD_VERSION", `<Version> must be four numbers a.b.c.d, not "${version}".`);
  }

  requiredText(root, "ProviderName", report);
  const locale = requiredText(root, "DefaultLocale", report);
  if (locale !== undefined && !LOCALE.test(locale)) {
    report("BAD_LOCALE", `<DefaultLocale> must be a language tag such as sv-SE, not "${locale}".`);
  }

  for (const name of ["DisplayName", "Description", "IconUrl", "HighResolutionIconUrl"]) {
    requiredDefaultValue(child(root, name), name, report);
  }

  const hosts = childrenNamed(child(root, "Hosts"), "Host");
  if (!hosts.some((h) => h.attributes["Name"] === "Workbook")) {
    report("BAD_HOST", `<Hosts> must contain <Host Name="Workbook"/> (Excel).`);
  }

  requiredDefaultValue(
    child(child(root, "DefaultSettings"), "SourceLocation"),
    "DefaultSettings/SourceLocation",
    report,
  );

  const permissions = requiredText(root, "Permissions", report);
  const expected = options.permissions ?? "ReadWriteDocument";
  if (permissions !== undefined) {
    if (!(TASKPANE_PERMISSIONS as readonly string[]).includes(permissions)) {
      report(
        "BAD_PERMISSIONS",
        `<Permissions> must be one of ${TASKPANE_PERMISSIONS.join(", ")}, not "${permissions}".`,
      );
    } else if (permissions !== expected) {
      report(
        "UNEXPECTED_PERMISSIONS",
        `<Permissions> must be ${expected}, the least the add-in needs, not ${permissions}.`,
      );
    }
  }

  const sets = childrenNamed(child(child(root, "Requirements"), "Sets"), "Set");
  const excelApi = sets.find((s) => s.attributes["Name"] === "ExcelApi" && s.attributes["MinVersion"]);
  const minVersion = excelApi?.attributes["MinVersion"];
  if (minVersion === undefined) {
    report("MISSING_REQUIREMENT", `<Requirements><Sets> must name the lowest ExcelApi the add-in needs.`);
  } else if (compareVersions(minVersion, MIN_EXCEL_API) < 0) {
    report(
      "REQUIREMENT_TOO_LOW",
      `ExcelApi MinVersion="${minVersion}" admits Excel versions whose webview cannot run the pane; ask for ${MIN_EXCEL_API} or later.`,
    );
  }
}

/** "1.7" against "1.14", part by part as numbers (a missing or non-numeric part counts as 0). */
function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : 0));
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
