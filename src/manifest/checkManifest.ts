import { XMLParser, XMLValidator } from "fast-xml-parser";

/**
 * An offline check of the add-in's XML manifest: what Office needs of a task-pane add-in for Excel, and
 * what this project promises (least permission, English overrides, every URL served by the build).
 * It is no schema validation: `npm run validate` does that online. It catches, without a network, what
 * breaks sideloading or the ribbon in practice: a bad Id, an undefined resid, a URL the build does not serve.
 */

export type ManifestProblemCode =
  | "XML_MALFORMED"
  | "NOT_TASKPANE_APP"
  | "MISSING_ELEMENT"
  | "ELEMENT_ORDER"
  | "BAD_ID"
  | "BAD_VERSION"
  | "BAD_LOCALE"
  | "BAD_HOST"
  | "BAD_PERMISSIONS"
  | "UNEXPECTED_PERMISSIONS"
  | "MISSING_REQUIREMENT"
  | "REQUIREMENT_TOO_LOW"
  | "MISSING_OVERRIDE"
  | "BAD_VERSION_OVERRIDES"
  | "UNDEFINED_RESID"
  | "WRONG_RESOURCE_KIND"
  | "DUPLICATE_RESOURCE_ID"
  | "RESOURCE_ID_TOO_LONG"
  | "STRING_TOO_LONG"
  | "NOT_HTTPS"
  | "UNSERVED_URL"
  | "LOCALHOST_URL";

export interface ManifestProblem {
  readonly code: ManifestProblemCode;
  readonly message: string;
}

export interface ManifestCheckOptions {
  /** The files the build serves, relative to its output folder with "/": "taskpane.html", "assets/icon-32.png". */
  readonly servedFiles: Iterable<string>;
  /** The origin (with path) the add-in's own files are served from; URLs under it must be served files. */
  readonly baseUrl?: string;
  /** A manifest for production: no URL may point at localhost. */
  readonly production?: boolean;
  /** The permission the add-in needs, and so the only one it may ask for. */
  readonly permissions?: Permission;
  /** The locale every user-visible string needs an Override in. */
  readonly overrideLocale?: string;
}

export const DEV_BASE_URL = "https://localhost:3000/";

/**
 * The lowest ExcelApi the manifest may ask for: 1.14 (Microsoft 365 Version 2108, Build 14326; Office
 * 2021) is the first set whose Excel on Windows opens the pane in WebView2 (Chromium), which React 19 and
 * the ES2022 bundle need; below it Excel may use Trident or EdgeHTML. The sources are cited in manifest.xml.
 */
export const MIN_EXCEL_API = "1.14";

/** The values Office accepts in <Permissions> of a task-pane add-in, least first. */
export const TASKPANE_PERMISSIONS = [
  "Restricted",
  "ReadDocument",
  "ReadAllDocument",
  "WriteDocument",
  "ReadWriteDocument",
] as const;
export type Permission = (typeof TASKPANE_PERMISSIONS)[number];

const OFFICE_APP_NAMESPACE = "http://schemas.microsoft.com/office/appforoffice/1.1";
/** A TaskPaneApp accepts only version 1.0 of the VersionOverrides schema (1.1 is for MailApp). */
const TASKPANE_VERSION_OVERRIDES_NAMESPACE = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
const TASKPANE_VERSION_OVERRIDES_TYPE = "VersionOverridesV1_0";

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

/** An XML element with its namespace prefix dropped from the name (bt:Image is Image). */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}

type OrderedNode = Record<string, unknown>;

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

function toElements(nodes: unknown): XmlElement[] {
  if (!Array.isArray(nodes)) return [];
  const elements: XmlElement[] = [];
  for (const node of nodes as OrderedNode[]) {
    const name = Object.keys(node).find((key) => key !== ":@" && key !== "#text");
    if (name === undefined) continue;
    const rawAttributes = (node[":@"] ?? {}) as Record<string, unknown>;
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries(rawAttributes)) attributes[key] = String(value);
    const content = node[name];
    const text = Array.isArray(content)
      ? (content as OrderedNode[])
          .map((child) => child["#text"])
          .filter((t) => t !== undefined)
          .map(String)
          .join("")
      : "";
    elements.push({ name: localName(name), attributes, children: toElements(content), text: text.trim() });
  }
  return elements;
}

/** The manifest's root element, or undefined when the text is not well-formed XML. */
export function parseManifest(xml: string): XmlElement | undefined {
  if (XMLValidator.validate(xml) !== true) return undefined;
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  return toElements(parser.parse(xml))[0];
}

function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  return element?.children.filter((c) => c.name === name) ?? [];
}

function descendants(element: XmlElement): XmlElement[] {
  return element.children.flatMap((c) => [c, ...descendants(c)]);
}

/** The names of the functions the ribbon's ExecuteFunction buttons call. */
export function manifestFunctionNames(xml: string): string[] {
  const root = parseManifest(xml);
  if (!root) return [];
  return descendants(root)
    .filter((e) => e.name === "Action" && e.attributes["xsi:type"] === "ExecuteFunction")
    .map((e) => child(e, "FunctionName")?.text ?? "")
    .filter((name) => name !== "");
}

/** Every URL in attributes (namespace declarations aside) and text, once each, in document order. */
function urlsIn(root: XmlElement): string[] {
  const urls = new Set<string>();
  for (const element of [root, ...descendants(root)]) {
    const attributes = Object.entries(element.attributes).filter(([name]) => !/^xmlns(:|$)/.test(name));
    for (const value of [...attributes.map(([, v]) => v), element.text]) {
      const candidate = value.trim();
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(candidate)) urls.add(candidate);
    }
  }
  return [...urls];
}

/** The served file a URL under baseUrl names: its path without query or fragment; "dir/" is "dir/index.html". */
export function servedPath(url: string, baseUrl: string): string | undefined {
  if (!url.startsWith(baseUrl)) return undefined;
  const rest = url.slice(baseUrl.length).split(/[?#]/)[0] ?? "";
  const path = decodeURIComponent(rest);
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
}

function isLocalhost(url: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host === "localhost" || host.endsWith(".localhost") || host.startsWith("127.") || host === "[::1]";
  } catch {
    return false;
  }
}

/** Checks a task-pane add-in manifest for Excel; an empty list means no problem was found. */
export function checkManifest(xml: string, options: ManifestCheckOptions): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const report = (code: ManifestProblemCode, message: string): void => {
    problems.push({ code, message });
  };

  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    report("XML_MALFORMED", `The manifest is not well-formed XML (line ${line}, column ${col}): ${msg}`);
    return problems;
  }
  const root = parseManifest(xml);
  if (!root || root.name !== "OfficeApp") {
    report("NOT_TASKPANE_APP", `The root element must be OfficeApp, not ${root?.name ?? "nothing"}.`);
    return problems;
  }
  if (root.attributes["xsi:type"] !== "TaskPaneApp") {
    report(
      "NOT_TASKPANE_APP",
      `OfficeApp must have xsi:type="TaskPaneApp", not "${root.attributes["xsi:type"] ?? ""}".`,
    );
  }
  if (root.attributes["xmlns"] !== OFFICE_APP_NAMESPACE) {
    report("NOT_TASKPANE_APP", `OfficeApp must be in the namespace ${OFFICE_APP_NAMESPACE}.`);
  }

  checkOrder(root, report);
  checkBasics(root, options, report);
  checkOverrides(root, options.overrideLocale ?? "en-US", report);
  checkVersionOverrides(root, report);
  checkUrls(root, options, report);
  return problems;
}

type Report = (code: ManifestProblemCode, message: string) => void;

function checkOrder(root: XmlElement, report: Report): void {
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

function checkBasics(root: XmlElement, options: ManifestCheckOptions, report: Report): void {
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

function hasOverride(element: XmlElement, locale: string): boolean {
  return childrenNamed(element, "Override").some(
    (o) => (o.attributes["Locale"] ?? "").toLowerCase() === locale.toLowerCase() && Boolean(o.attributes["Value"]),
  );
}

function checkOverrides(root: XmlElement, locale: string, report: Report): void {
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

function checkVersionOverrides(root: XmlElement, report: Report): void {
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

function checkUrls(root: XmlElement, options: ManifestCheckOptions, report: Report): void {
  const baseUrl = options.baseUrl ?? DEV_BASE_URL;
  const served = new Set(options.servedFiles);
  for (const url of urlsIn(root)) {
    if (!url.toLowerCase().startsWith("https://"))
      report("NOT_HTTPS", `${url} is not HTTPS; Office loads add-ins over HTTPS only.`);
    if (options.production && isLocalhost(url))
      report("LOCALHOST_URL", `${url} points at localhost in a production manifest.`);
    const path = servedPath(url, baseUrl);
    if (path !== undefined && !served.has(path))
      report("UNSERVED_URL", `${url} is not served by the build (no ${path}).`);
  }
}
