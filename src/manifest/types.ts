/**
 * What the manifest check takes and gives: the problems it reports, its options, and the least
 * ExcelApi and the permissions it holds a manifest to.
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

/** How a rule reports a problem it finds. */
export type Report = (code: ManifestProblemCode, message: string) => void;

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
