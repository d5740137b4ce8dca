import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose main module pulls in an
// ES module jest cannot require (strip-bom); the enum's own CommonJS file is enough.
jest.mock("office-addin-manifest", () => jest.requireActual("office-addin-manifest/lib/officeApp"));

/**
 * Office.context as office-addin-mock builds it: requirements.isSetSupported for a given ExcelApi version.
 * The add-in keeps nothing in Office.context.document.settings (an in-memory copy per runtime); its record
 * of flags lives in the workbook (Workbook.settings, modelled by the fake Excel).
 */
export function officeContext(version: number) {
  const mock = new OfficeMockObject({
    context: {
      requirements: {
        isSetSupported: (name: string, v: string) => name === "ExcelApi" && Number(v.split(".")[1]) <= version,
      },
    },
  });
  const context = mock.context as unknown as {
    requirements: { isSetSupported(name: string, v: string): boolean };
  };
  return { mock, context };
}
export { OfficeMockObject };
