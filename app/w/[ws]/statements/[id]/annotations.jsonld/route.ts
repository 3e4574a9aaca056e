import { exportStatementAnnotations } from "@/lib/server/annotation-import";
import { errorResponse, workspaceRoute } from "../../../exports/route-auth";

// GET /w/[ws]/statements/[id]/annotations.jsonld — the statement's highlights as a W3C
// AnnotationPage (any member). Ids are absolute IRIs on the address the request came in on.
export async function GET(request: Request, { params }: { params: Promise<{ ws: string; id: string }> }) {
  const { ws, id } = await params;
  const ctx = await workspaceRoute(ws);
  if (ctx instanceof Response) return ctx;
  try {
    const page = await exportStatementAnnotations(ctx.user, { workspaceId: ctx.workspace.id, statementId: id, baseUrl: new URL(request.url).origin });
    return new Response(JSON.stringify(page, null, 2), {
      headers: {
        "Content-Type": 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
        "Content-Disposition": `attachment; filename="annotations-${id.replace(/[^a-z0-9]/gi, "")}.jsonld"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
