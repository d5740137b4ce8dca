import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose main module pulls in an
// ES module jest cannot require (strip-bom); the enum's own CommonJS file is enough.
jest.mock("office-addin-manifest", () => jest.requireActual("office-addin-manifest/lib/officeApp"));
import type { DocumentSettings } from "../../src/excel/flagStore";

/**
 * Office.context as office-addin-mock builds it: requirements.isSetSupported
 * for a given ExcelApi version, and document settings kept in a Map (what
 * Office saves in the workbook), shared by every port of a test, as a
 * workbook's settings are shared by the sessions that open it.
 */
export function officeContext(version: number, saved = new Map<string, unknown>()) {
  const mock = new OfficeMockObject({
    context: {
      requirements: {
        isSetSupported: (name: string, v: string) => name === "ExcelApi" && Number(v.split(".")[1]) <= version,
      },
      document: {
        settings: {
          get: (name: string) => (saved.has(name) ? saved.get(name) : null),
          set: (name: string, value: unknown) => void saved.set(name, value),
          remove: (name: string) => void saved.delete(name),
          saveAsync: (callback?: (r: { status: string }) => void) => callback?.({ status: "succeeded" }),
        },
      },
    },
  });
  const context = mock.context as unknown as {
    requirements: { isSetSupported(name: string, v: string): boolean };
    document: { settings: DocumentSettings };
  };
  return { mock, context, settings: context.document.settings, saved };
}
export { OfficeMockObject };
