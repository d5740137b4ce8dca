import { execFileSync } from "node:child_process";
import { resolve } from "node:path";

/** Microsoft's manifest schema, kept in the repository (src/manifest/schemas/README.md says whence). */
export const MANIFEST_SCHEMA = resolve(__dirname, "../../src/manifest/schemas/OfficeAppManifestV1_1.xsd");

/**
 * A manifest validated against Microsoft's XML schema by libxml2's xmllint, offline: the problems it
 * names, none when the manifest is valid.
 */
export function schemaProblems(manifestPath: string): string[] {
  try {
    execFileSync("xmllint", ["--noout", "--nonet", "--schema", MANIFEST_SCHEMA, manifestPath], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return [];
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? error);
    return stderr
      .split("\n")
      .filter((line) => /error/i.test(line) || /fails to validate/.test(line))
      .map((line) => line.replace(`${manifestPath}:`, "line "));
  }
}
