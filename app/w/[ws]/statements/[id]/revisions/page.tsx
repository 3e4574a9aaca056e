import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageTitle } from "@/components/ui/card";
import { RevisionDiffView } from "@/components/workbench/revision-diff";
import { diffRevisions, listRevisions } from "@/lib/server/statement-corrections";
import { getStatement } from "@/lib/server/statements";
import { formatDay } from "@/lib/text/dates";
import { loadWorkspacePage, orNotFound } from "../../../workspace";

export const metadata: Metadata = { title: "Revisions" };

type Search = Promise<{ from?: string; to?: string }>;

function revisionParam(value: string | undefined, fallback: number, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
}

export default async function RevisionsPage({ params, searchParams }: { params: Promise<{ ws: string; id: string }>; searchParams: Search }) {
  const { ws: slug, id } = await params;
  const search = await searchParams;
  const { user, workspace } = await loadWorkspacePage(slug);
  const ref = { workspaceId: workspace.id, statementId: id };
  const [statement, revisions] = await orNotFound(Promise.all([getStatement(user, ref), listRevisions(user, ref)]));
  const latest = revisions[0]?.number ?? 1;
  const to = revisionParam(search.to, latest, latest);
  const from = revisionParam(search.from, Math.max(1, to - 1), latest);
  const diff = from !== to ? await diffRevisions(user, { ...ref, from, to }) : null;
  const href = `/w/${workspace.slug}/statements/${statement.id}`;
  return (
    <div className="mx-auto w-full max-w-5xl">
      <p className="mb-4 text-sm">
        <Link href={href} className="text-muted hover:text-ink">
          ← {statement.title}
        </Link>
      </p>
      <PageTitle description="Every correction of the text makes a new revision; earlier ones stay readable.">Revisions</PageTitle>
      <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
        <div className="self-start rounded-lg border border-line bg-white shadow-sm">
          <ol aria-label="Revisions, newest first" className="divide-y divide-line">
            {revisions.map((r) => {
              const shown = r.number === to;
              return (
                <li key={r.number} className={`px-4 py-3 text-sm ${shown ? "bg-stone-50" : ""}`}>
                  <div className="flex items-baseline justify-between gap-2">
                    <span className="font-medium text-ink">
                      Revision {r.number}
                      {r.current ? <span className="ml-1.5 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-normal text-emerald-800">current</span> : null}
                    </span>
                  </div>
                  <p className="mt-0.5 text-xs text-muted">
                    {formatDay(r.createdAt)} · {r.createdBy.name}
                  </p>
                  {r.note ? (
                    <p dir="auto" className="mt-1 text-xs text-ink/80">
                      {r.note}
                    </p>
                  ) : null}
                  {r.number > 1 ? (
                    <Link href={`?from=${r.number - 1}&to=${r.number}`} aria-current={shown ? "page" : undefined} className="mt-1 inline-block text-xs text-accent hover:underline">
                      Changes from revision {r.number - 1}
                    </Link>
                  ) : (
                    <p className="mt-1 text-xs text-muted">As imported</p>
                  )}
                </li>
              );
            })}
          </ol>
        </div>
        <Card>
          {diff ? (
            <RevisionDiffView diff={diff} />
          ) : (
            <p className="text-sm text-muted">This statement has not been corrected since it was imported, so there is nothing to compare yet.</p>
          )}
        </Card>
      </div>
    </div>
  );
}
