import Link from "next/link";
import type { ActivityFilterOptions } from "@/lib/server/activity-log";

export type ActivityFilterValues = { actor: string; what: string; from: string; to: string };

const CONTROL = "block w-full rounded-md border border-line bg-white px-3 py-2 text-sm shadow-sm focus:border-accent aria-[invalid]:border-red-600";

/**
 * A plain GET form: the filter lives in the address (shareable, works without JavaScript).
 * "What" is one choice: a kind of thing (every change to claims) or one action on it.
 */
export function ActivityFilters({
  action,
  options,
  values,
  errors,
}: {
  action: string;
  options: ActivityFilterOptions;
  values: ActivityFilterValues;
  errors?: Record<string, string[] | undefined>;
}) {
  const filtered = Object.values(values).some(Boolean);
  const dateError = [...(errors?.from ?? []), ...(errors?.to ?? [])].join(" ");
  return (
    <form action={action} method="get" role="search" aria-label="Filter the activity log" className="rounded-lg border border-line bg-white p-4 shadow-sm">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.3fr)_9.5rem_9.5rem]">
        <div className="space-y-1">
          <label htmlFor="activity-actor" className="block text-sm font-medium text-ink">
            Who
          </label>
          <select id="activity-actor" name="actor" defaultValue={values.actor} className={CONTROL}>
            <option value="">Anyone</option>
            {options.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="activity-what" className="block text-sm font-medium text-ink">
            What
          </label>
          <select id="activity-what" name="what" defaultValue={values.what} className={CONTROL}>
            <option value="">Every kind of change</option>
            {options.kinds.map((kind) => (
              <optgroup key={kind.entityType} label={capitalise(kind.label)}>
                <option value={`type:${kind.entityType}`}>Any change to a {kind.label}</option>
                {kind.actions.map((a) => (
                  <option key={a.action} value={`action:${a.action}`}>
                    {a.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="activity-from" className="block text-sm font-medium text-ink">
            From
          </label>
          <input id="activity-from" type="date" name="from" defaultValue={values.from} className={CONTROL} aria-invalid={errors?.from ? true : undefined} aria-describedby="activity-dates-error" />
        </div>
        <div className="space-y-1">
          <label htmlFor="activity-to" className="block text-sm font-medium text-ink">
            To
          </label>
          <input id="activity-to" type="date" name="to" defaultValue={values.to} className={CONTROL} aria-invalid={errors?.to ? true : undefined} aria-describedby="activity-dates-error" />
        </div>
      </div>
      <p id="activity-dates-error" aria-live="polite" className="mt-1 text-sm text-red-700">
        {dateError}
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <button type="submit" className="rounded-md bg-ink px-4 py-2 text-sm font-medium text-white hover:bg-black">
          Apply filters
        </button>
        {filtered ? (
          <Link href={action} className="text-sm text-muted underline underline-offset-2 hover:text-ink">
            Clear filters
          </Link>
        ) : null}
        <span className="ml-auto text-xs text-muted">Days and times are in UTC.</span>
      </div>
    </form>
  );
}

function capitalise(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}
