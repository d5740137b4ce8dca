import { Decimal, sum } from "../../src/domain";

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
