import { Decimal, sum, sumAmounts } from "../../src/domain";

describe("sum", () => {
  it("adds thousands of whole kronor exactly", () => {
    const lines = Array.from({ length: 5000 }, (_, i) => new Decimal(1_000_000 + i));
    expect(sum(lines).toFixed()).toBe("5012497500");
  });

  it("adds öre and amounts beyond a plain number's exact range as Decimal", () => {
    expect(sum([new Decimal("0.1"), new Decimal("0.2"), new Decimal(3)]).toFixed()).toBe("3.3");
    expect(sum([new Decimal("9007199254740993"), new Decimal(1)]).toFixed()).toBe("9007199254740994");
    expect(sum([new Decimal(-5), new Decimal(2)]).toFixed()).toBe("-3");
    expect(sum([]).toFixed()).toBe("0");
  });
});

describe("sumAmounts", () => {
  it("adds the plain whole kronor of amounts read from cells, without their Decimals", () => {
    const read = (n: number) => ({
      wholeKronor: n,
      get value(): Decimal {
        throw new Error("a whole amount needs no Decimal to be added");
      },
    });
    expect(sumAmounts(Array.from({ length: 5000 }, (_, i) => read(1_000_000 + i))).toFixed()).toBe("5012497500");
  });

  it("adds as Decimal where one amount has no plain whole kronor", () => {
    expect(sumAmounts([{ value: new Decimal(3), wholeKronor: 3 }, { value: new Decimal("0.25") }]).toFixed()).toBe(
      "3.25",
    );
    const huge = Number.MAX_SAFE_INTEGER;
    const amounts = [huge, huge].map((n) => ({ value: new Decimal(String(n)), wholeKronor: n }));
    expect(sumAmounts(amounts).toFixed()).toBe("18014398509481982");
  });
});
