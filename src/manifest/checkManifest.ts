/**
 * An offline check of the add-in's XML manifest: what Office needs of a task-pane add-in for Excel, and
 * what this project promises (least permission, English overrides, every URL served by the build).
 * It is no schema validation: `npm run validate` does that online. It catches, without a network, what
 * breaks sideloading or the ribbon in practice: a bad Id, an undefined resid, a URL the build does not serve.
 * The rules live in a file per part of the manifest; this runs them in order.
 */

import { XMLValidator } from "fast-xml-parser";
import { checkBasics, checkOrder } from "./officeApp";
import { checkOverrides } from "./overrides";
import type { ManifestCheckOptions, ManifestProblem, ManifestProblemCode } from "./types";
import { checkUrls } from "./urls";
import { checkVersionOverrides } from "./versionOverrides";
import { parseManifest } from "./xml";

export {
  MIN_EXCEL_API,
  TASKPANE_PERMISSIONS,
  type ManifestCheckOptions,
  type ManifestProblem,
  type ManifestProblemCode,
  type Permission,
} from "./types";
export { DEV_BASE_URL, servedPath } from "./urls";
export { manifestFunctionNames, parseManifest, type XmlElement } from "./xml";

const OFFICE_APP_NAMESPACE = "http://schemas.microsoft.com/office/appforoffice/1.1";

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
