import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import {
  checkManifest,
  manifestFunctionNames,
  MIN_EXCEL_API,
  servedPath,
  type ManifestCheckOptions,
  type ManifestProblemCode,
} from "../../src/manifest/checkManifest";
import { schemaProblems } from "../support/manifestSchema";

/** The unit tests of the offline manifest check: the real manifest passes, each broken one fails. */

const MANIFEST = readFileSync(path.resolve(__dirname, "../../manifest.xml"), "utf8");

/** What the build serves that the manifest names (the build test checks the real dist/). */
const SERVED = [
  "taskpane.html",
  "commands.html",
  "help.html",
  "assets/icon-16.png",
  "assets/icon-32.png",
  "assets/icon-64.png",
  "assets/icon-80.png",
];
const DEV: ManifestCheckOptions = { servedFiles: SERVED };
/** An origin an IT department could give FINSAM_ORIGIN. */
const PRODUCTION_URL = "https://tillagg.region.example/finsam/";

function codes(xml: string, options: ManifestCheckOptions = DEV): ManifestProblemCode[] {
  return checkManifest(xml, options).map((p) => p.code);
}

/** The manifest with one change; fails loudly when the text to change is not there. */
function broken(search: string | RegExp, replacement: string): string {
  const result = MANIFEST.replace(search, replacement);
  if (result === MANIFEST) throw new Error(`manifest.xml has no ${String(search)}`);
  return result;
}

describe("checkManifest on manifest.xml", () => {
  test("finds no problem in the real manifest", () => {
    expect(checkManifest(MANIFEST, DEV)).toEqual([]);
  });

  test("finds no problem in its production form", () => {
    const production = MANIFEST.split("https://localhost:3000/").join(PRODUCTION_URL);
    expect(checkManifest(production, { servedFiles: SERVED, baseUrl: PRODUCTION_URL, production: true })).toEqual([]);
  });

  test("reads the ribbon's function names", () => {
    expect(manifestFunctionNames(MANIFEST)).toEqual(["analyzeWorkbook"]);
  });
});

describe("checkManifest on broken manifests", () => {
  const cases: [string, string, ManifestProblemCode][] = [
    ["malformed XML", broken("</Hosts>", ""), "XML_MALFORMED"],
    ["an unescaped ampersand", broken("Finsam-budget</ProviderName>", "Finsam & co</ProviderName>"), "XML_MALFORMED"],
    ["no Id", broken(/<Id>[^<]*<\/Id>/, ""), "MISSING_ELEMENT"],
    ["an Id that is no GUID", broken(/<Id>[^<]*<\/Id>/, "<Id>350b78cf-ae6c-456a-85e1</Id>"), "BAD_ID"],
    ["a three-part Version", broken(/<Version>[^<]*<\/Version>/, "<Version>1.0.0</Version>"), "BAD_VERSION"],
    [
      "no ProviderName",
      broken(/<ProviderName>[^<]*<\/ProviderName>/, "<ProviderName></ProviderName>"),
      "MISSING_ELEMENT",
    ],
    ["a bad DefaultLocale", broken("<DefaultLocale>sv-SE", "<DefaultLocale>Swedish!"), "BAD_LOCALE"],
    [
      "no DisplayName DefaultValue",
      broken('DisplayName DefaultValue="Finsam-budget"', "DisplayName"),
      "MISSING_ELEMENT",
    ],
    ["no HighResolutionIconUrl", broken(/<HighResolutionIconUrl [^>]*\/>/, ""), "MISSING_ELEMENT"],
    [
      "no SourceLocation",
      broken(/<DefaultSettings>[\s\S]*?<\/DefaultSettings>/, "<DefaultSettings/>"),
      "MISSING_ELEMENT",
    ],
    ["a Word host", broken('<Host Name="Workbook"/>', '<Host Name="Document"/>'), "BAD_HOST"],
    ["an unknown permission", broken(">ReadWriteDocument<", ">Everything<"), "BAD_PERMISSIONS"],
    ["more permission than needed", broken(">ReadWriteDocument<", ">ReadAllDocument<"), "UNEXPECTED_PERMISSIONS"],
    ["no ExcelApi requirement", broken(/<Requirements>[\s\S]*?<\/Requirements>/, ""), "MISSING_REQUIREMENT"],
    // Office 2019's ExcelApi 1.7 (and 1.13, still EdgeHTML without a registry key): below WebView2.
    ["ExcelApi 1.7", broken('MinVersion="1.14"', 'MinVersion="1.7"'), "REQUIREMENT_TOO_LOW"],
    ["ExcelApi 1.13", broken('MinVersion="1.14"', 'MinVersion="1.13"'), "REQUIREMENT_TOO_LOW"],
    ["a MinVersion that is no number", broken('MinVersion="1.14"', 'MinVersion="latest"'), "REQUIREMENT_TOO_LOW"],
    [
      "Permissions before Hosts",
      broken(/(<Hosts>\s*<Host Name="Workbook"\/>\s*<\/Hosts>)/, "<Permissions>ReadWriteDocument</Permissions>$1"),
      "ELEMENT_ORDER",
    ],
    ["no English DisplayName", broken('<Override Locale="en-US" Value="Finsam budget"/>', ""), "MISSING_OVERRIDE"],
    ["no English ribbon label", broken('<bt:Override Locale="en-US" Value="Analyse"/>', ""), "MISSING_OVERRIDE"],
    [
      "VersionOverrides 1.1",
      broken('xsi:type="VersionOverridesV1_0"', 'xsi:type="VersionOverridesV1_1"'),
      "BAD_VERSION_OVERRIDES",
    ],
    ["an undefined resid", broken('resid="Commands.Url"', 'resid="Commands.Missing"'), "UNDEFINED_RESID"],
    [
      "a label naming a URL",
      broken('<Label resid="AnalyzeButton.Label"/>', '<Label resid="Help.Url"/>'),
      "WRONG_RESOURCE_KIND",
    ],
    ["a resource defined twice", broken('<bt:Url id="Help.Url"', '<bt:Url id="Taskpane.Url"'), "DUPLICATE_RESOURCE_ID"],
    [
      "a resource id over 32 characters",
      broken(/"Help\.Url"/g, '"Help.Url.ThatIsFarTooLongForOffice"'),
      "RESOURCE_ID_TOO_LONG",
    ],
    [
      "a label over 125 characters",
      broken('DefaultValue="Analysera"', `DefaultValue="${"A".repeat(126)}"`),
      "STRING_TOO_LONG",
    ],
    ["no FunctionName", broken("<FunctionName>analyzeWorkbook</FunctionName>", ""), "MISSING_ELEMENT"],
    [
      "a URL over plain HTTP",
      broken("https://localhost:3000/help.html", "http://localhost:3000/help.html"),
      "NOT_HTTPS",
    ],
    [
      "a URL the build does not serve",
      broken("localhost:3000/commands.html", "localhost:3000/commandos.html"),
      "UNSERVED_URL",
    ],
  ];

  test.each(cases)("finds %s", (_, xml, code) => {
    expect(codes(xml)).toContain(code);
  });

  test("accepts a newer ExcelApi than the minimum, and says what the minimum is", () => {
    expect(checkManifest(broken('MinVersion="1.14"', 'MinVersion="1.20"'), DEV)).toEqual([]);
    expect(checkManifest(broken('MinVersion="1.14"', 'MinVersion="1.9"'), DEV)).toEqual([
      {
        code: "REQUIREMENT_TOO_LOW",
        message: `ExcelApi MinVersion="1.9" admits Excel versions whose webview cannot run the pane; ask for ${MIN_EXCEL_API} or later.`,
      },
    ]);
  });

  test("finds a URL the build does not serve when a file is missing from the build", () => {
    const problems = checkManifest(MANIFEST, { servedFiles: SERVED.filter((f) => f !== "commands.html") });
    expect(problems).toEqual([
      {
        code: "UNSERVED_URL",
        message: "https://localhost:3000/commands.html is not served by the build (no commands.html).",
      },
    ]);
  });

  test("finds localhost left in a production manifest", () => {
    const options = { servedFiles: SERVED, baseUrl: PRODUCTION_URL, production: true };
    expect(codes(MANIFEST, options)).toContain("LOCALHOST_URL");
  });

  test("stops at malformed XML with the line of the fault", () => {
    const problems = checkManifest(broken("</Hosts>", ""), DEV);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/line \d+/);
  });

  test("refuses a document that is no OfficeApp", () => {
    expect(codes('<?xml version="1.0"?><Manifest/>')).toEqual(["NOT_TASKPANE_APP"]);
  });
});

describe("servedPath", () => {
  test.each([
    ["https://localhost:3000/taskpane.html", "taskpane.html"],
    ["https://localhost:3000/assets/icon-16.png?v=2#x", "assets/icon-16.png"],
    ["https://localhost:3000/", "index.html"],
    ["https://localhost:3000/help/", "help/index.html"],
    ["https://localhost:3000/h%C3%A4lp.html", "hälp.html"],
  ])("%s is %s", (url, file) => {
    expect(servedPath(url, "https://localhost:3000/")).toBe(file);
  });

  test("is undefined for a URL elsewhere", () => {
    expect(servedPath("https://example.se/taskpane.html", "https://localhost:3000/")).toBeUndefined();
  });
});

describe("Microsoft's XML schema, offline (xmllint, src/manifest/schemas/)", () => {
  const schemaOf = (xml: string): string[] => {
    const dir = mkdtempSync(path.join(tmpdir(), "finsam-manifest-"));
    try {
      const file = path.join(dir, "manifest.xml");
      writeFileSync(file, xml);
      return schemaProblems(file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  test("the manifest passes", () => {
    expect(schemaOf(MANIFEST)).toEqual([]);
  });

  test("what the schema forbids fails, with the line and the element: elements out of order, an unknown one", () => {
    const swapped = broken(/(<Version>[^<]*<\/Version>)(\s*)(<ProviderName>[^<]*<\/ProviderName>)/, "$3$2$1");
    expect(schemaOf(swapped).join("\n")).toMatch(/ProviderName.*This element is not expected/);
    const unknown = broken("<GetStarted>", "<Bogus/><GetStarted>");
    expect(schemaOf(unknown).join("\n")).toMatch(/Bogus.*This element is not expected/);
    // Permissions has a closed list of values.
    const permission = broken("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>Everything</Permissions>");
    expect(schemaOf(permission).join("\n")).toMatch(/Permissions/);
  });
});
