import type { Metadata } from "next";
import { ReportFilters, type ReportFilterValues } from "@/components/reports/report-filters";
import { PageTitle } from "@/components/ui/card";
import { listReportFilterOptions } from "@/lib/server/reports";
import { searchValue, type SearchParams } from "@/lib/search-params";
import { loadWorkspacePage } from "../workspace";

export const metadata: Metadata = { title: "Reports" };

type Search = Promise<SearchParams>;

/** Annotated reports over a selection of statements; the form's values live in the address. */
export default async function ReportsPage({ params, searchParams }: { params: Promise<{ ws: string }>; searchParams: Search }) {
  const { ws: slug } = await params;
  const { user, workspace } = await loadWorkspacePage(slug);
  const search = await searchParams;
  const one = (key: string) => searchValue(search, key);
  const values: ReportFilterValues = {
    from: one("from"),
    to: one("to"),
    tag: one("tag"),
    status: one("status"),
    speaker: one("speaker"),
    drafts: ["1", "true", "on"].includes(one("drafts")),
  };
  const { tags } = await listReportFilterOptions(user, { workspaceId: workspace.id });
  return (
    <div className="max-w-4xl">
      <PageTitle description="A fact-check report of several statements: a summary table and a chart of verdicts by rating, then each statement with its claims, verdicts and sources. Only approved verdicts appear unless you include drafts.">
        Reports
      </PageTitle>
      <ReportFilters action={`/w/${workspace.slug}/reports/export`} tags={tags} values={values} />
      <p className="mt-4 text-sm text-muted">
        For one statement, use <span className="font-medium text-ink">Export</span> on the statement’s page.
      </p>
    </div>
  );
}
