/** The rules for the manifest's URLs: HTTPS, served by the build, no localhost in production. */

import type { ManifestCheckOptions, Report } from "./types";
import { descendants, type XmlElement } from "./xml";

export const DEV_BASE_URL = "https://localhost:3000/";

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

/** Every URL: HTTPS, not localhost in production, and a served file when under baseUrl. */
export function checkUrls(root: XmlElement, options: ManifestCheckOptions, report: Report): void {
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
