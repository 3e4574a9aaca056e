// Dates as a reader expects them on a statement ("29 Jul 2023"), the same on server and browser:
// publication dates are calendar days, so they are formatted in UTC, never shifted by a time zone.
// Moments (an invite's expiry) say "UTC" outright, so the server's render and the browser's
// hydration agree and nobody has to guess whose clock is meant.

const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const LONG_DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "2023-07-29" or a Date → "29 Jul 2023" (or "29 July 2023" with `long`). */
export function formatDay(value: string | Date, style: "short" | "long" = "short"): string {
  const date = typeof value === "string" ? new Date(`${value}T00:00:00Z`) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return (style === "long" ? LONG_DAY : DAY).format(date);
}

const TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });

/** An instant (a Date or an ISO string) → "1 Dec 2026, 04:31 UTC". */
export function formatDateTime(value: string | Date): string {
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return `${DAY.format(date)}, ${TIME.format(date)} UTC`;
}
