import "server-only";
import { z } from "zod";
import { segmentComment, type CommentSegment } from "../mentions";
import { roleAtLeast, isRole } from "../roles";
import { db } from "./db";
import { workspaceIdOf } from "./members";
import { requireRole, type Actor } from "./permissions";
import { parseInput } from "./validate";

// The two work lists: the editors' review queue (verdicts waiting for review, oldest first) and
// each checker's "my work" (claims assigned to me, my verdicts sent back, my drafts, comments that
// mention me). Read-only views over the verdict workflow's rows.

export const REVIEW_PAGE_SIZE = 25;
/** Each list of "my work" shows at most this many; `more` says there are others. */
export const MY_WORK_LIMIT = 50;
/** The review queue is filtered in memory after the database narrows it; a queue longer than this is cut. */
const REVIEW_QUEUE_CAP = 2_000;

type StatementRef = { id: string; title: string; speaker: string };
type Rating = { id: string; label: string; color: string };
type Person = { id: string; name: string };

const optionalId = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().min(1).max(100).optional());

export const ReviewQueueSchema = z.object({
  workspaceId: z.string(),
  tagId: optionalId,
  authorId: optionalId,
  levelId: optionalId,
  q: z.preprocess((v) => (typeof v === "string" ? v.trim() || undefined : v), z.string().max(200, "Search for at most 200 characters.").optional()),
  page: z.number().int().min(1).max(100_000).optional(),
  pageSize: z.number().int().min(1).max(100).optional(),
});
export type ReviewQueueInput = z.input<typeof ReviewQueueSchema>;

export type ReviewQueueItem = {
  verdictId: string;
  claimId: string;
  claimReviewed: string;
  statement: StatementRef;
  author: Person;
  rating: Rating | null;
  summary: string;
  version: number;
  /** When it (last) entered review: the queue is oldest first by this. */
  submittedAt: string;
  tags: Array<{ id: string; name: string; color: string }>;
  /** The reader wrote it; under the four-eyes rule someone else reviews it. */
  mine: boolean;
};

export type ReviewQueue = {
  items: ReviewQueueItem[];
  total: number;
  page: number;
  pageSize: number;
  filters: {
    tags: Array<{ id: string; name: string; color: string }>;
    authors: Person[];
    levels: Array<Rating & { retired: boolean }>;
  };
};

/** Verdicts waiting for review, oldest first, for editors and admins. */
export async function listReviewQueue(actor: Actor, input: ReviewQueueInput): Promise<ReviewQueue> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "editor");
  const parsed = parseInput(ReviewQueueSchema, input);
  const pageSize = parsed.pageSize ?? REVIEW_PAGE_SIZE;
  const needle = parsed.q?.normalize("NFC").toLowerCase() ?? "";
  // LIKE has no escape on SQLite: narrow by the literal pieces, then match the whole text here.
  const pieces = needle.split(/[%_\\]+/).filter(Boolean);

  const [rows, filters] = await Promise.all([
    db().verdict.findMany({
      where: {
        status: "in_review",
        ...(parsed.authorId ? { authorId: parsed.authorId } : {}),
        ...(parsed.levelId ? { levelId: parsed.levelId } : {}),
        claim: {
          workspaceId: ws.id,
          ...(parsed.tagId ? { tags: { some: { tagId: parsed.tagId } } } : {}),
          highlight: {
            deletedAt: null,
            ...(pieces.length ? { statement: { AND: pieces.map((piece) => ({ searchText: { contains: piece } })) } } : {}),
          },
        },
      },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      take: REVIEW_QUEUE_CAP,
      select: {
        id: true,
        summary: true,
        version: true,
        submittedAt: true,
        updatedAt: true,
        author: { select: { id: true, name: true } },
        level: { select: { id: true, label: true, color: true } },
        claim: {
          select: {
            id: true,
            claimReviewed: true,
            tags: { select: { tag: { select: { id: true, name: true, color: true } } } },
            highlight: { select: { statement: { select: { id: true, title: true, speaker: true, searchText: true } } } },
          },
        },
      },
    }),
    reviewFilters(ws.id),
  ]);
  const matching = needle ? rows.filter((r) => r.claim.highlight.statement.searchText.includes(needle)) : rows;
  const total = matching.length;
  const page = Math.min(parsed.page ?? 1, Math.max(1, Math.ceil(total / pageSize)));
  return {
    items: matching.slice((page - 1) * pageSize, page * pageSize).map((r) => {
      const { searchText: _searchText, ...statement } = r.claim.highlight.statement;
      return {
        verdictId: r.id,
        claimId: r.claim.id,
        claimReviewed: r.claim.claimReviewed,
        statement,
        author: r.author,
        rating: r.level,
        summary: r.summary,
        version: r.version,
        submittedAt: (r.submittedAt ?? r.updatedAt).toISOString(),
        tags: r.claim.tags.map((t) => t.tag).sort((a, b) => a.name.localeCompare(b.name, "en")),
        mine: r.author.id === actor.userId,
      };
    }),
    total,
    page,
    pageSize,
    filters,
  };
}

async function reviewFilters(workspaceId: string): Promise<ReviewQueue["filters"]> {
  const [tags, members, levels] = await Promise.all([
    db().tag.findMany({ where: { workspaceId, retiredAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, color: true } }),
    db().membership.findMany({ where: { workspaceId }, select: { role: true, user: { select: { id: true, name: true } } } }),
    db().ratingLevel.findMany({ where: { scale: { workspaceId } }, orderBy: { position: "asc" }, select: { id: true, label: true, color: true, retiredAt: true } }),
  ]);
  return {
    tags,
    // Who writes verdicts: checkers and up.
    authors: members
      .filter((m) => isRole(m.role) && roleAtLeast(m.role, "checker"))
      .map((m) => m.user)
      .sort((a, b) => a.name.localeCompare(b.name, "en")),
    levels: levels.map(({ retiredAt, ...level }) => ({ ...level, retired: retiredAt !== null })),
  };
}

// ---------------------------------------------------------------------------------------------

export type AssignedClaim = {
  claimId: string;
  claimReviewed: string;
  status: string;
  statement: StatementRef;
  verdictStatus: string | null;
  updatedAt: string;
};

export type MyVerdict = {
  verdictId: string;
  claimId: string;
  claimReviewed: string;
  statement: StatementRef;
  rating: Rating | null;
  summary: string;
  updatedAt: string;
  /** For verdicts sent back: the reviewer's note. */
  review: { note: string; reviewer: Person; at: string } | null;
};

export type MentionOfMe = {
  commentId: string;
  claimId: string;
  claimReviewed: string;
  author: Person;
  createdAt: string;
  segments: CommentSegment[];
};

type List<T> = { items: T[]; more: boolean };

export type MyWork = {
  assigned: List<AssignedClaim>;
  changesRequested: List<MyVerdict>;
  drafts: List<MyVerdict>;
  mentions: List<MentionOfMe>;
};

const statementSelect = { select: { statement: { select: { id: true, title: true, speaker: true } } } } as const;

function listOf<T>(rows: T[]): List<T> {
  return { items: rows.slice(0, MY_WORK_LIMIT), more: rows.length > MY_WORK_LIMIT };
}

/** A checker's own queue in this workspace. */
export async function getMyWork(actor: Actor, input: { workspaceId: string }): Promise<MyWork> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "checker");
  const me = actor.userId;
  const visibleClaim = { workspaceId: ws.id, highlight: { deletedAt: null } };
  const verdictSelect = {
    id: true,
    summary: true,
    updatedAt: true,
    level: { select: { id: true, label: true, color: true } },
    claim: { select: { id: true, claimReviewed: true, highlight: statementSelect } },
  } as const;

  const [assigned, sentBack, drafts, mentions] = await Promise.all([
    db().claim.findMany({
      where: { ...visibleClaim, assigneeId: me, status: { not: "checked" } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: MY_WORK_LIMIT + 1,
      select: { id: true, claimReviewed: true, status: true, updatedAt: true, verdict: { select: { status: true } }, highlight: statementSelect },
    }),
    db().verdict.findMany({
      where: { authorId: me, status: "changes_requested", claim: visibleClaim },
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      take: MY_WORK_LIMIT + 1,
      select: {
        ...verdictSelect,
        reviews: {
          where: { decision: "changes_requested" },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: 1,
          select: { note: true, createdAt: true, reviewer: { select: { id: true, name: true } } },
        },
      },
    }),
    db().verdict.findMany({
      where: { authorId: me, status: "draft", claim: visibleClaim },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: MY_WORK_LIMIT + 1,
      select: verdictSelect,
    }),
    db().commentMention.findMany({
      where: { userId: me, comment: { deletedAt: null, authorId: { not: me }, claim: visibleClaim } },
      orderBy: [{ comment: { createdAt: "desc" } }, { commentId: "desc" }],
      take: MY_WORK_LIMIT + 1,
      select: {
        comment: {
          select: {
            id: true,
            body: true,
            createdAt: true,
            author: { select: { id: true, name: true } },
            claim: { select: { id: true, claimReviewed: true } },
            mentions: { select: { user: { select: { id: true, name: true } } } },
          },
        },
      },
    }),
  ]);

  type VerdictRow = (typeof drafts)[number];
  const toVerdict = (r: VerdictRow, review: MyVerdict["review"] = null): MyVerdict => ({
    verdictId: r.id,
    claimId: r.claim.id,
    claimReviewed: r.claim.claimReviewed,
    statement: r.claim.highlight.statement,
    rating: r.level,
    summary: r.summary,
    updatedAt: r.updatedAt.toISOString(),
    review,
  });

  return {
    assigned: listOf(
      assigned.map((c) => ({
        claimId: c.id,
        claimReviewed: c.claimReviewed,
        status: c.status,
        statement: c.highlight.statement,
        verdictStatus: c.verdict?.status ?? null,
        updatedAt: c.updatedAt.toISOString(),
      })),
    ),
    changesRequested: listOf(
      sentBack.map((r) => {
        const review = r.reviews[0];
        return toVerdict(r, review ? { note: review.note, reviewer: review.reviewer, at: review.createdAt.toISOString() } : null);
      }),
    ),
    drafts: listOf(drafts.map((r) => toVerdict(r))),
    mentions: listOf(
      mentions.map(({ comment }) => ({
        commentId: comment.id,
        claimId: comment.claim.id,
        claimReviewed: comment.claim.claimReviewed,
        author: comment.author,
        createdAt: comment.createdAt.toISOString(),
        segments: segmentComment(comment.body, new Map(comment.mentions.map((m) => [m.user.id, m.user.name]))),
      })),
    ),
  };
}
