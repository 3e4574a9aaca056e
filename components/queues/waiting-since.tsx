import { formatDateTime } from "@/lib/text/dates";

/** "3 days", "5 hours", "a few minutes": how long something has waited, said roughly. */
export function durationSince(iso: string, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / 60_000));
  if (minutes < 60) return minutes < 5 ? "a few minutes" : `${minutes} minutes`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return hours === 1 ? "1 hour" : `${hours} hours`;
  const days = Math.floor(hours / 24);
  if (days < 14) return days === 1 ? "1 day" : `${days} days`;
  const weeks = Math.floor(days / 7);
  return `${weeks} weeks`;
}

/** The wait in words with the exact moment beside it (UTC, like every time the app shows). */
export function WaitingSince({ iso, now, long = 3 }: { iso: string; now: Date; long?: number }) {
  const waited = durationSince(iso, now);
  const days = (now.getTime() - new Date(iso).getTime()) / 86_400_000;
  return (
    <span className="block">
      <span className={days >= long ? "font-medium text-amber-800" : "text-ink"}>{waited}</span>
      <time dateTime={iso} className="block text-xs text-muted">
        since {formatDateTime(iso)}
      </time>
    </span>
  );
}
