import "server-only";
import { z } from "zod";
import { claimReviewFeed, claimReviewOf, type ClaimReviewFeed, type ClaimReviewJsonLd } from "../export/claim-review";
import { claimReviewProblems, type ClaimReviewProblem } from "../export/claim-review-rules";
import type { ExportClaim, ExportStatement, ExportWorkspace } from "../export/types";
import type { ScaleLevel } from "../verdicts/rating-scale";
import { db } from "./db";
import { Conflict, NotFound } from "./errors";
import { workspaceIdOf } from "./members";
import { requireRole, type Actor } from "./permissions";
import { parseInput } from "./validate";

// ClaimReview (schema.org) markup of published verdicts. Members read one claim's markup (to
// paste into their own site); the public feed is opt-in: it exists only once an admin has set the
// workspace's publisher name and public base URL, and it only ever holds published verdicts —
// drafts, reviews in progress, approved-but-unpublished and withdrawn verdicts never leave.

/** Every published-verdict claim (or the one asked for) with what its markup says. */
function readPublished(workspaceId: string, claimId?: string) {
  return db().claim.findMany({
    where: { workspaceId, ...(claimId ? { id: claimId } : {}), highlight: { deletedAt: null }, verdict: { is: { status: "published" } } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      claimReviewed: true,
      status: true,
      createdAt: true,
      updatedAt: true,
      highlight: {
        select: {
          start: true,
          end: true,
          exact: true,
          statement: { select: { id: true, title: true, speaker: true, outlet: true, url: true, publishedAt: true, language: true } },
        },
      },
      verdict: {
        select: {
          status: true,
          levelId: true,
          summary: true,
          explanation: true,
          submittedAt: true,
          publishedAt: true,
          updatedAt: true,
          author: { select: { id: true, name: true } },
          level: { select: { label: true } },
        },
      },
    },
  });
}

type Row = Awaited<ReturnType<typeof readPublished>>[number];

function toEntry(row: Row): { statement: ExportStatement; claim: ExportClaim } {
  const s = row.highlight.statement;
  const v = row.verdict!;
  return {
    statement: { id: s.id, title: s.title, speaker: s.speaker, outlet: s.outlet, url: s.url, publishedAt: s.publishedAt, language: s.language },
    claim: {
      id: row.id,
      start: row.highlight.start,
      end: row.highlight.end,
      quote: row.highlight.exact,
      claimReviewed: row.claimReviewed,
      status: "checked",
      tags: [],
      assignee: null,
      // The markup names no sources; reading them would only cost time.
      sources: [],
      verdict: {
        status: "published",
        levelId: v.levelId,
        levelLabel: v.level?.label ?? null,
        summary: v.summary,
        explanation: v.explanation,
        author: v.author,
        reviewer: null,
        submittedAt: v.submittedAt,
        publishedAt: v.publishedAt,
        updatedAt: v.updatedAt,
      },
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    },
  };
}

function readLevels(workspaceId: string): Promise<ScaleLevel[]> {
  return db().ratingLevel.findMany({
    where: { scale: { workspaceId } },
    select: { id: true, label: true, color: true, description: true, ordinal: true, position: true, retiredAt: true },
    orderBy: { position: "asc" },
  });
}

async function exportWorkspace(workspaceId: string): Promise<ExportWorkspace> {
  return db().workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { name: true, publisherName: true, publicBaseUrl: true } });
}

export const ClaimReviewSchema = z.object({ workspaceId: z.string(), claimId: z.string({ error: "Choose a claim." }).trim().min(1, "Choose a claim.").max(100) });
export type ClaimReviewRequest = z.input<typeof ClaimReviewSchema>;

export type ClaimReviewDTO = { claimReview: ClaimReviewJsonLd; problems: ClaimReviewProblem[] };

/**
 * One claim's ClaimReview, for any member. A claim of another workspace is not found; a claim
 * whose verdict is not published (or that lacks what the markup needs) is a Conflict saying why.
 */
export async function getClaimReview(actor: Actor, input: ClaimReviewRequest): Promise<ClaimReviewDTO> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "viewer");
  const parsed = parseInput(ClaimReviewSchema, input);
  const claim = await db().claim.findFirst({ where: { id: parsed.claimId, workspaceId: ws.id, highlight: { deletedAt: null } }, select: { id: true } });
  if (!claim) throw new NotFound("claim");
  const [rows, levels, workspace] = await Promise.all([readPublished(ws.id, claim.id), readLevels(ws.id), exportWorkspace(ws.id)]);
  if (rows.length === 0) throw new Conflict("The verdict is not published; ClaimReview markup exists only for published verdicts.");
  const result = claimReviewOf({ workspace, levels, ...toEntry(rows[0]!) });
  if (!result.ok) throw new Conflict(result.reason);
  return { claimReview: result.claimReview, problems: claimReviewProblems(result.claimReview) };
}

/** Why a workspace has no public feed, in words for whoever requests it. */
export const FEED_NOT_PUBLISHED = "This workspace does not publish a ClaimReview feed (it needs a publisher name and a public base URL in its settings).";

/**
 * The public DataFeed of a workspace's published verdicts, for anyone (no actor): the workspace
 * opts in by setting both its publisher name and public base URL; otherwise — or for a workspace
 * that does not exist — NotFound, with the same message for both.
 */
export async function publicClaimReviewFeed(slug: string): Promise<ClaimReviewFeed> {
  const ws = await db().workspace.findUnique({ where: { slug: String(slug) }, select: { id: true, name: true, publisherName: true, publicBaseUrl: true } });
  if (!ws || ws.publisherName.trim() === "" || !/^https?:\/\//i.test(ws.publicBaseUrl.trim())) throw new FeedNotPublished();
  const [rows, levels] = await Promise.all([readPublished(ws.id), readLevels(ws.id)]);
  return claimReviewFeed({ workspace: ws, levels, entries: rows.map(toEntry), generatedAt: new Date() }).feed;
}

class FeedNotPublished extends NotFound {
  constructor() {
    super("feed");
    this.message = FEED_NOT_PUBLISHED;
  }
}
