import type { Metadata } from "next";
import Link from "next/link";
import { ActivityFilters, type ActivityFilterValues } from "@/components/activity/activity-filters";
import { ActivityList } from "@/components/activity/activity-list";
import { Card, PageTitle } from "@/components/ui/card";
import { listActivity, listActivityFilters, type ActivityLog } from "@/lib/server/activity-log";
import { Forbidden, Invalid } from "@/lib/server/errors";
import { hrefWithQuery, searchValue, type SearchParams } from "@/lib/search-params";
import { loadWorkspacePage } from "../workspace";

export const metadata: Metadata = { title: "Activity" };

type Search = Promise<SearchParams>;

function readFilters(search: SearchParams): ActivityFilterValues & { cursor: string } {
  const one = (key: string) => searchValue(search, key);
  return { actor: one("actor"), what: one("what"), from: one("from"), to: one("to"), cursor: one("cursor") };
}

function hrefWith(base: string, values: ActivityFilterValues, cursor?: string): string {
  return hrefWithQuery(base, { ...values, cursor });
}

/** Everything that happened in the workspace, newest first — for editors and admins. */
export default async function ActivityPage({ params, searchParams }: { params: Promise<{ ws: string }>; searchParams: Search }) {
  const { ws: slug } = await params;
  const { user, workspace } = await loadWorkspacePage(slug);
  const { cursor, ...values } = readFilters(await searchParams);
  const base = `/w/${workspace.slug}/activity`;
  const what = values.what.startsWith("type:")
    ? { entityType: values.what.slice(5) }
    : values.what.startsWith("action:")
      ? { action: values.what.slice(7) }
      : {};

  let log: ActivityLog;
  let invalid: Invalid | null = null;
  try {
    log = await listActivity(user, { workspaceId: workspace.id, actorId: values.actor, ...what, from: values.from, to: values.to, cursor });
  } catch (error) {
    if (error instanceof Forbidden) {
      return (
        <div className="max-w-2xl">
          <PageTitle>Activity</PageTitle>
          <Card>
            <p className="text-sm text-ink">Only editors and admins of {workspace.name} can read its activity log.</p>
            <p className="mt-1 text-sm text-muted">Each claim&rsquo;s own page shows its discussion and verdict.</p>
          </Card>
        </div>
      );
    }
    if (!(error instanceof Invalid)) throw error;
    invalid = error;
    log = { items: [], nextCursor: null, applied: {}, filters: await listActivityFilters(user, { workspaceId: workspace.id }) };
  }

  const filtered = Object.values(values).some(Boolean);
  return (
    <div className="mx-auto w-full max-w-4xl">
      <PageTitle description={`Every change in ${workspace.name}, newest first. The log is kept as it happened: nothing in it can be edited or removed.`}>
        Activity
      </PageTitle>
      <div className="mb-6">
        <ActivityFilters action={base} options={log.filters} values={values} errors={invalid?.fieldErrors} />
      </div>
      {invalid ? (
        <Card>
          <p role="alert" className="text-sm text-red-800">
            {invalid.fieldErrors?.cursor ? invalid.message : `${invalid.message} ${Object.values(invalid.fieldErrors ?? {}).flat().join(" ")}`}
          </p>
          <p className="mt-2 text-sm">
            <Link href={base} className="text-accent underline underline-offset-2">
              Show the newest activity
            </Link>
          </p>
        </Card>
      ) : log.items.length === 0 ? (
        <Card>
          <p className="text-sm text-muted">{filtered ? "Nothing matches these filters." : "Nothing has happened here yet."}</p>
        </Card>
      ) : (
        <>
          <ActivityList items={log.items} slug={workspace.slug} />
          <nav aria-label="Pagination" className="mt-6 flex items-center justify-between gap-3 text-sm">
            {cursor ? (
              <Link href={hrefWith(base, values)} className="rounded-md px-3 py-1.5 text-ink hover:bg-white hover:shadow-sm">
                ← Newest
              </Link>
            ) : (
              <span />
            )}
            {log.nextCursor ? (
              <Link href={hrefWith(base, values, log.nextCursor)} rel="next" className="rounded-md px-3 py-1.5 text-ink hover:bg-white hover:shadow-sm">
                Older →
              </Link>
            ) : (
              <span className="text-muted">The beginning of the log.</span>
            )}
          </nav>
        </>
      )}
    </div>
  );
}
