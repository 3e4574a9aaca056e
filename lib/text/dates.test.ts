import { describe, expect, it } from "vitest";
import { formatDay } from "./dates";

describe("formatDay", () => {
  it("formats calendar days without shifting them by a time zone", () => {
    expect(formatDay("2023-07-29")).toBe("29 Jul 2023");
    expect(formatDay("2023-07-29", "long")).toBe("29 July 2023");
    expect(formatDay(new Date("2020-11-10T23:30:00Z"))).toBe("10 Nov 2020");
    expect(formatDay("not a date")).toBe("not a date");
  });
});
