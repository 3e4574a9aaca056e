import type { Metadata } from "next";
import Link from "next/link";
import { StatementPagination } from "@/components/statement-pagination";
import { StatementSearch } from "@/components/statement-search";
import { StatementTable } from "@/components/statement-table";
import { Card, PageTitle } from "@/components/ui/card";
import { canImport } from "@/lib/roles";
import { listStatements } from "@/lib/server/statements";
import { listHref, readListParams } from "@/components/statement-list-params";
import { loadWorkspacePage } from "../workspace";

export const metadata: Metadata = { title: "Statements" };

export default async function StatementsPage({
  params,
  searchParams,
}: {
  params: Promise<{ ws: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { ws: slug } = await params;
  const { user, workspace } = await loadWorkspacePage(slug);
  const wanted = readListParams(await searchParams);
  const list = await listStatements(user, { workspaceId: workspace.id, ...wanted });
  const base = `/w/${workspace.slug}/statements`;
  const state = { q: list.q, sort: list.sort, dir: list.dir, page: list.page };
  const mayImport = canImport(workspace.role);

  return (
    <div>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageTitle
          description={
            list.total === 0 && !list.q
              ? "Press releases, speeches and articles your desk is checking."
              : list.q
                ? `${list.total.toLocaleString("en")} ${list.total === 1 ? "statement matches" : "statements match"} “${list.q}”.`
                : `${list.total.toLocaleString("en")} ${list.total === 1 ? "statement" : "statements"} in ${workspace.name}.`
          }
        >
          Statements
        </PageTitle>
        {mayImport && list.total + (list.q ? 1 : 0) > 0 ? (
          <Link
            href={`${base}/import`}
            className="inline-flex items-center rounded-md bg-ink px-4 py-2 text-sm font-medium text-white hover:bg-black"
          >
            Import statements
          </Link>
        ) : null}
      </div>

      {list.total === 0 && !list.q ? (
        <Card className="mx-auto max-w-xl text-center">
          <h2 className="text-lg font-semibold text-ink">No statements yet</h2>
          {mayImport ? (
            <>
              <p className="mt-2 text-sm text-muted">
                Import a press release, a speech or an article — paste its text or upload .txt, .md, .html or .docx files —
                and start picking out the claims worth checking.
              </p>
              <Link
                href={`${base}/import`}
                className="mt-5 inline-flex items-center rounded-md bg-ink px-4 py-2 text-sm font-medium text-white hover:bg-black"
              >
                Import the first statement
              </Link>
            </>
          ) : (
            <p className="mt-2 text-sm text-muted">
              Nobody has imported a statement into this workspace yet. Checkers, editors and admins can import them.
            </p>
          )}
        </Card>
      ) : (
        <div className="space-y-4">
          <StatementSearch action={base} q={list.q} sort={list.sort} dir={list.dir} clearHref={listHref(base, { ...state, q: "", page: 1 })} />
          {list.items.length === 0 ? (
            <Card>
              <p className="text-sm text-muted">
                No statement’s title, speaker or outlet contains “{list.q}”.{" "}
                <Link className="text-accent underline underline-offset-2" href={listHref(base, { ...state, q: "", page: 1 })}>
                  Show all statements
                </Link>
              </p>
            </Card>
          ) : (
            <>
              <StatementTable items={list.items} base={base} state={state} />
              <StatementPagination base={base} state={state} total={list.total} pageSize={list.pageSize} />
            </>
          )}
        </div>
      )}
    </div>
  );
}
