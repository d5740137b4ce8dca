import { Decimal, targetBand } from "../../src/domain";
import { findTargetText, parseTargetText } from "../../src/read/equityTarget";
import { settingsFromGrid } from "../../src/memory/workbookSettings";
import { grid, sheet } from "../grid/gridBuilder";

const band = (centre: number, tolerance: string) => targetBand(new Decimal(centre), new Decimal(tolerance));

describe("an equity target written as text", () => {
  it("reads Mkr, tkr and kr with or without a tolerance", () => {
    const read = (text: string) => {
      const t = parseTargetText(text);
      return t && [t.centre.toFixed(), t.tolerance.toFixed()];
    };
    expect(read("1,8 Mkr +/- 20 %")).toEqual(["1800000", "0.2"]);
    expect(read("1 800 tkr ± 10%")).toEqual(["1800000", "0.1"]);
    expect(read("1\u00a0800\u00a0000 kr")).toEqual(["1800000", "0"]);
    expect(read("ungefär en miljon")).toBeUndefined();
  });

  it("beside its label in a sheet, with an info finding on the cell", () => {
    const found = findTargetText(
      grid([
        sheet("Resultatbudget", [
          ["Eget kapital vid årets slut", 2111368],
          [],
          ["Mål för eget kapital", "1,8 Mkr +/- 20 %"],
        ]),
      ]),
    );
    expect(found?.target).toEqual(band(1800000, "0.2"));
    expect(found?.findings.map((f) => [f.code, f.severity, f.cell])).toEqual([["INPUT_SETTING", "info", "B3"]]);
    expect(findTargetText(grid([sheet("Budget", [["Mål för eget kapital", "se styrelsens beslut"]])]))).toBeUndefined();
  });

  it("in a sentence of its own cell that names the equity and a goal", () => {
    const found = findTargetText(
      grid([sheet("Resultatbudget", [["Finansiellt mål: eget kapital ska vara 1,8 Mkr +/- 20 %."]])]),
    );
    expect([found?.target, found?.findings[0]?.cell]).toEqual([band(1800000, "0.2"), "A1"]);
    // A goal that names no equity, or no band, is none.
    expect(findTargetText(grid([sheet("B", [["Mål: kostnaderna ska vara 1,8 Mkr +/- 20 %."]])]))).toBeUndefined();
    expect(findTargetText(grid([sheet("B", [["Mål: eget kapital ska vara cirka 1,8 Mkr."]])]))).toBeUndefined();
  });

  it("in Finsam_EKMal as text; Finsam_EKMalTolerans still wins over the text's tolerance", () => {
    const rows = [["1,8 Mkr +/- 20 %"], ["10 %"]];
    const named = (names: { name: string; ref: string }[]) =>
      settingsFromGrid(grid([sheet("Inställningar", rows)], names));
    const text = named([{ name: "Finsam_EKMal", ref: "'Inställningar'!$A$1" }]);
    expect(text.findings).toEqual([]);
    expect(text.settings.equityTarget).toEqual(band(1800000, "0.2"));
    const withTolerance = named([
      { name: "Finsam_EKMal", ref: "'Inställningar'!$A$1" },
      { name: "Finsam_EKMalTolerans", ref: "'Inställningar'!$A$2" },
    ]);
    expect(withTolerance.settings.equityTarget).toEqual(band(1800000, "0.1"));
  });
});
