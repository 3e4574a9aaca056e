import { claimsCsvFilename, exportClaimsCsv } from "@/lib/server/claims-csv";
import { claimCsvLinesAsync } from "@/lib/export/csv";
import { errorResponse, workspaceRoute } from "../route-auth";

// GET /w/[ws]/exports/claims.csv?from=&to=&tag=&status=&speaker=&drafts=1 — the reports page's
// filters. Streamed: the first lines leave before the last claims are read.
export async function GET(request: Request, { params }: { params: Promise<{ ws: string }> }) {
  const ctx = await workspaceRoute((await params).ws);
  if (ctx instanceof Response) return ctx;
  const query = new URL(request.url).searchParams;
  const drafts = query.get("drafts");
  let exported;
  try {
    exported = await exportClaimsCsv(ctx.user, {
      workspaceId: ctx.workspace.id,
      from: query.get("from") ?? undefined,
      to: query.get("to") ?? undefined,
      tag: query.get("tag") ?? undefined,
      status: query.get("status") ?? undefined,
      speaker: query.get("speaker") ?? undefined,
      includeDrafts: drafts === "1" || drafts === "true" || drafts === "on",
    });
  } catch (error) {
    return errorResponse(error);
  }
  const encoder = new TextEncoder();
  const lines = claimCsvLinesAsync(exported.records);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      // A few hundred lines per chunk: one enqueue per line would cost more than the CSV itself.
      let chunk = "";
      for (let i = 0; i < 500; i++) {
        const next = await lines.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += next.value;
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${claimsCsvFilename(exported.workspace.slug)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
