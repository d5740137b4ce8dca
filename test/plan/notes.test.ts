/** The add-in's part of a note, the one rule both shells use (src/plan/notes.ts). */
import { addinNote, isAddinText, joinNote, NOTE_PREFIX, splitNote, userPartOf } from "../../src/plan/notes";

describe("a cell's note: the user's part, then the add-in's", () => {
  const ours = addinNote(["Summan stämmer inte", "Andelen avviker"]);

  it("the add-in's note is the prefix and its messages, one a line", () => {
    expect(ours).toBe(`${NOTE_PREFIX}Summan stämmer inte\nAndelen avviker`);
    expect(isAddinText(ours)).toBe(true);
    expect(isAddinText("Min kommentar")).toBe(false);
  });

  it("splits a note into the two parts, and joins them back", () => {
    const note = joinNote("Min kommentar", ours);
    expect(note).toBe(`Min kommentar\n\n${ours}`);
    expect(splitNote(note)).toEqual({ user: "Min kommentar", addin: ours });
    expect(splitNote(ours)).toEqual({ user: "", addin: ours });
    expect(splitNote("Min kommentar")).toEqual({ user: "Min kommentar" });
    expect(splitNote(null)).toEqual({ user: "" });
  });

  it("writing the add-in's part anew keeps the user's part once; null takes the add-in's away", () => {
    const once = joinNote(userPartOf("Min kommentar"), ours);
    expect(joinNote(userPartOf(once), ours)).toBe(once);
    expect(joinNote(userPartOf(once), null)).toBe("Min kommentar");
    expect(joinNote(userPartOf(ours), null)).toBe("");
    expect(joinNote("", ours)).toBe(ours);
  });
});
