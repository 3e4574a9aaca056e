// GET /w/[ws]/reports/export?format=html|pdf|md&from=&to=&tag=&status=&speaker=&drafts=1 — the
// annotated report of the statements that match. (The reports page owns /w/[ws]/reports itself: a
// page and a route handler cannot share one path.)
import { loadSelectionReport } from "@/lib/server/reports";
import { reportResponse } from "../report-response";

export const dynamic = "force-dynamic";

const FILTERS = ["from", "to", "tag", "status", "speaker"] as const;

export async function GET(request: Request, { params }: { params: Promise<{ ws: string }> }): Promise<Response> {
  const { ws } = await params;
  return reportResponse(
    request,
    ws,
    (slug, search) => {
      // Back to the form with what was typed, so a refused filter can be corrected in place.
      const kept = new URLSearchParams();
      for (const key of [...FILTERS, "drafts"]) {
        const value = search.get(key);
        if (value) kept.set(key, value.slice(0, 200));
      }
      const query = kept.toString();
      return { href: `/w/${slug}/reports${query ? `?${query}` : ""}`, label: "Back to the report filters" };
    },
    (actor, workspaceId, search, includeDrafts) =>
      loadSelectionReport(actor, {
        workspaceId,
        includeDrafts,
        ...Object.fromEntries(FILTERS.map((key) => [key, search.get(key) ?? undefined])),
      }),
  );
}
