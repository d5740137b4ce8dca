// `npm run check`: for now a placeholder. The real command reads a workbook and prints its findings
// (DESIGN.md, "The command line and its report"); it comes with the workbook reader.
console.log("Finsam-budget: kommandot check kommer med arbetsboksläsaren (issue 3). Än finns inget att kontrollera.");
process.exitCode = 0;
