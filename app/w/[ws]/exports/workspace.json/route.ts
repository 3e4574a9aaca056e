import { exportWorkspace } from "@/lib/server/workspace-transfer";
import { errorResponse, workspaceRoute } from "../route-auth";

// GET /w/[ws]/exports/workspace.json — the whole desk as one JSON document (admins only), for
// npm run workspace:import on this or another database.
export async function GET(_request: Request, { params }: { params: Promise<{ ws: string }> }) {
  const ctx = await workspaceRoute((await params).ws);
  if (ctx instanceof Response) return ctx;
  try {
    const doc = await exportWorkspace(ctx.user, { workspaceId: ctx.workspace.id });
    const day = doc.exportedAt.slice(0, 10);
    return new Response(JSON.stringify(doc), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="factdesk-workspace-${ctx.workspace.slug.replace(/[^a-z0-9-]/gi, "")}-${day}.json"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
