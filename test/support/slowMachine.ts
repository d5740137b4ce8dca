// A test fails when the code is wrong, not when the machine is busy: a real workbook read, a LibreOffice
// recalculation or a webpack build can pass jest's 5 s default on a loaded 2-core machine with nothing
// wrong. Tests that need longer still say so themselves. Speed is measured in `npm run bench`, never here.
jest.setTimeout(60_000);
