import { NextResponse } from "next/server";
import { publicClaimReviewFeed } from "@/lib/server/claim-review-feed";
import { NotFound } from "@/lib/server/errors";

// GET /api/public/[ws]/claim-reviews.json — no sign-in: the workspace's published verdicts as a
// schema.org DataFeed of ClaimReviews. Only workspaces that set a publisher name and public base
// URL publish one; the others (and unknown slugs) answer 404 with the same message.
export async function GET(_request: Request, { params }: { params: Promise<{ ws: string }> }) {
  try {
    const feed = await publicClaimReviewFeed((await params).ws);
    return new Response(JSON.stringify(feed), {
      headers: {
        "Content-Type": "application/ld+json; charset=utf-8",
        "Cache-Control": "public, max-age=300",
        "Access-Control-Allow-Origin": "*",
      },
    });
  } catch (error) {
    if (error instanceof NotFound) return NextResponse.json({ error: error.message }, { status: 404 });
    throw error;
  }
}
