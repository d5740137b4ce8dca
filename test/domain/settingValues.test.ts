import { Decimal, fractionSetting, percentSetting } from "../../src/domain";

test("a per-cent setting: 0,2 and 20 alike are 20 %; 1 is 100 %", () => {
  expect(percentSetting(new Decimal("0.2")).toNumber()).toBe(20);
  expect(percentSetting(new Decimal(20)).toNumber()).toBe(20);
  expect(percentSetting(new Decimal(1)).toNumber()).toBe(100);
});

test("a fraction setting: 0,1 and 10 alike are a tenth; 1 is the whole", () => {
  expect(fractionSetting(new Decimal("0.1")).toNumber()).toBe(0.1);
  expect(fractionSetting(new Decimal(10)).toNumber()).toBe(0.1);
  expect(fractionSetting(new Decimal(1)).toNumber()).toBe(1);
});
