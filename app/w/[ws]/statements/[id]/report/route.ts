// GET /w/[ws]/statements/[id]/report?format=html|pdf|md&drafts=1 — one statement's annotated
// report: HTML shown in the browser, PDF and Markdown as downloads. Any member may export.
import { loadStatementReport } from "@/lib/server/reports";
import { reportResponse } from "../../../reports/report-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ ws: string; id: string }> }): Promise<Response> {
  const { ws, id } = await params;
  return reportResponse(
    request,
    ws,
    (slug) => ({ href: `/w/${slug}/statements/${encodeURIComponent(id)}`, label: "Back to the statement" }),
    (actor, workspaceId, _search, includeDrafts) => loadStatementReport(actor, { workspaceId, statementId: id, includeDrafts }),
  );
}
