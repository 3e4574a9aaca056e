import { getClaimReview } from "@/lib/server/claim-review-feed";
import { errorResponse, workspaceRoute } from "../../../exports/route-auth";

// GET /w/[ws]/claims/[claimId]/claim-review.json — the claim's ClaimReview JSON-LD, for members,
// once its verdict is published. ?download=1 asks the browser to save it.
export async function GET(request: Request, { params }: { params: Promise<{ ws: string; claimId: string }> }) {
  const { ws, claimId } = await params;
  const ctx = await workspaceRoute(ws);
  if (ctx instanceof Response) return ctx;
  try {
    const { claimReview } = await getClaimReview(ctx.user, { workspaceId: ctx.workspace.id, claimId });
    const download = new URL(request.url).searchParams.get("download") === "1";
    return new Response(JSON.stringify(claimReview, null, 2), {
      headers: {
        "Content-Type": "application/ld+json; charset=utf-8",
        "Cache-Control": "private, no-store",
        ...(download ? { "Content-Disposition": `attachment; filename="claim-review-${claimId.replace(/[^a-z0-9]/gi, "")}.json"` } : {}),
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
