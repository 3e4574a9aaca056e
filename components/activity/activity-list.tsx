import type { ActivityItem } from "@/lib/server/activity-log";
import { formatDay } from "@/lib/text/dates";
import { ActivitySentence } from "./activity-sentence";

const TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });

/** Events grouped under their day (UTC, like every time the app shows), newest first. */
export function ActivityList({ items, slug }: { items: readonly ActivityItem[]; slug: string }) {
  const days: Array<{ day: string; items: ActivityItem[] }> = [];
  for (const item of items) {
    const day = item.at.slice(0, 10);
    if (days[days.length - 1]?.day !== day) days.push({ day, items: [] });
    days[days.length - 1]!.items.push(item);
  }
  return (
    <div className="space-y-6">
      {days.map(({ day, items }) => (
        <section key={day} aria-label={formatDay(day, "long")}>
          <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted">{formatDay(day, "long")}</h2>
          <ol className="divide-y divide-line rounded-lg border border-line bg-white shadow-sm">
            {items.map((item) => (
              <li key={item.id} className="grid grid-cols-[4.5rem_minmax(0,1fr)] gap-x-3 px-4 py-3 text-sm" data-action={item.action}>
                <time dateTime={item.at} className="tabular-nums text-muted">
                  {TIME.format(new Date(item.at))} <span className="sr-only">UTC</span>
                </time>
                <div className="min-w-0">
                  <p className="text-ink">
                    <span className="font-semibold">{item.actor?.name ?? "Factdesk"}</span> <ActivitySentence parts={item.parts} slug={slug} />
                  </p>
                  {item.details.length ? (
                    <dl className="mt-1 space-y-0.5 text-xs text-muted">
                      {item.details.map((detail, i) => (
                        <div key={i} className="flex flex-wrap gap-x-1.5">
                          <dt className="font-medium">{detail.label}:</dt>
                          <dd className="min-w-0 break-words">
                            {detail.value !== undefined ? (
                              detail.value
                            ) : (
                              <>
                                <span>{detail.from}</span>
                                <span aria-hidden="true"> → </span>
                                <span className="sr-only"> changed to </span>
                                <span className="text-ink">{detail.to}</span>
                              </>
                            )}
                          </dd>
                        </div>
                      ))}
                    </dl>
                  ) : null}
                </div>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
