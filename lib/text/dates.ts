// Dates as a reader expects them on a statement ("29 Jul 2023"), the same on server and browser:
// publication dates are calendar days, so they are formatted in UTC, never shifted by a time zone.

const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const LONG_DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "2023-07-29" or a Date → "29 Jul 2023" (or "29 July 2023" with `long`). */
export function formatDay(value: string | Date, style: "short" | "long" = "short"): string {
  const date = typeof value === "string" ? new Date(`${value}T00:00:00Z`) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return (style === "long" ? LONG_DAY : DAY).format(date);
}
