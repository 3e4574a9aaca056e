import { describe, expect, it } from "vitest";
import { formatDateTime, formatDay } from "./dates";

describe("formatDay", () => {
  it("formats calendar days without shifting them by a time zone", () => {
    expect(formatDay("2023-07-29")).toBe("29 Jul 2023");
    expect(formatDay("2023-07-29", "long")).toBe("29 July 2023");
    expect(formatDay(new Date("2020-11-10T23:30:00Z"))).toBe("10 Nov 2020");
    expect(formatDay("not a date")).toBe("not a date");
  });
});

describe("formatDateTime", () => {
  it("formats an instant in UTC with a 24-hour clock, whatever the machine's time zone", () => {
    expect(formatDateTime(new Date("2026-12-01T04:31:11Z"))).toBe("1 Dec 2026, 04:31 UTC");
    expect(formatDateTime("2026-12-01T04:31:11.000Z")).toBe("1 Dec 2026, 04:31 UTC");
    expect(formatDateTime("2026-01-09T23:59:59+02:00")).toBe("9 Jan 2026, 21:59 UTC");
    expect(formatDateTime("2026-06-30T00:05:00Z")).toBe("30 Jun 2026, 00:05 UTC");
    expect(formatDateTime("soon")).toBe("soon");
  });
});
