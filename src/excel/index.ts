/** src/excel: the add-in's end in Excel. The pane's index.tsx calls these. */
export { createExcelPort, ExcelPort, officeHost, type ExcelHost, type PortStats } from "./excelPort";
export { capabilitiesFor, detectCapabilities, REQUIRED_EXCEL_API, type ExcelCapabilities } from "./capabilities";
