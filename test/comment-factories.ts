// Claims, comments, verdicts and reviews for the comment, activity-log and work-queue tests.
// Verdict rows are written straight to the database: these tests are about reading them, not
// about the verdict workflow's own service.
import { db } from "../lib/server/db";
import type { Actor } from "../lib/server/permissions";
import { highlightQuote, makeStatement, makeTag } from "./annotation-factories";
import { makeDesk, unique } from "./factories";

export async function makeClaim(actor: Actor, workspaceId: string, opts: { title?: string; speaker?: string; tagIds?: string[] } = {}) {
  const word = unique("claim");
  const statement = await makeStatement(actor, workspaceId, `${opts.title ?? "Minister"} said 303 people ${word} were hurt.`);
  if (opts.title || opts.speaker) {
    await db().statement.update({
      where: { id: statement.id },
      data: {
        ...(opts.title ? { title: opts.title } : {}),
        ...(opts.speaker ? { speaker: opts.speaker } : {}),
        searchText: [opts.title ?? "", opts.speaker ?? ""].join(" ").toLowerCase(),
      },
    });
  }
  const highlight = await highlightQuote(actor, workspaceId, statement, `303 people ${word}`, { tagIds: opts.tagIds ?? [] });
  return { statementId: statement.id, highlightId: highlight.id, claimId: highlight.claim!.id, claimReviewed: highlight.claim!.claimReviewed };
}

/** A desk with a rating scale (makeDesk writes rows directly, so it has none) and one claim. */
export async function makeCommentDesk() {
  const desk = await makeDesk();
  const ws = desk.workspace.id;
  const claim = await makeClaim(desk.checker, ws);
  return { desk, ws, ...claim };
}

export async function makeScale(workspaceId: string) {
  const scale = await db().ratingScale.create({ data: { workspaceId }, select: { id: true } });
  const levels = await Promise.all(
    [
      { label: "True", color: "#2f7d4f", ordinal: 2, position: 0 },
      { label: "False", color: "#b23b3b", ordinal: 1, position: 1 },
      { label: "Misleading", color: "#8a5a9e", ordinal: null, position: 2 },
    ].map((level) => db().ratingLevel.create({ data: { scaleId: scale.id, ...level } })),
  );
  return { scaleId: scale.id, levels };
}

type VerdictStatus = "draft" | "in_review" | "changes_requested" | "approved" | "published" | "withdrawn";

/** A verdict on the claim with its submitted versions and reviews as the workflow would leave them. */
export async function makeVerdict(
  claimId: string,
  author: Actor,
  levelId: string | null,
  opts: { status: VerdictStatus; submittedAt?: Date; reviewer?: Actor; note?: string; summary?: string },
) {
  const submittedAt = opts.submittedAt ?? (opts.status === "draft" ? null : new Date());
  const version = opts.status === "draft" ? 0 : 1;
  const verdict = await db().verdict.create({
    data: {
      claimId,
      authorId: author.userId,
      levelId,
      summary: opts.summary ?? unique("summary"),
      explanation: "Because the figures say so [1].",
      status: opts.status,
      version,
      submittedAt,
    },
  });
  if (version > 0 && levelId) {
    await db().verdictVersion.create({
      data: { verdictId: verdict.id, version, levelId, summary: verdict.summary, explanation: verdict.explanation, submittedById: author.userId, submittedAt: submittedAt! },
    });
  }
  if (opts.status === "changes_requested") {
    await db().review.create({
      data: { verdictId: verdict.id, version, reviewerId: (opts.reviewer ?? author).userId, decision: "changes_requested", note: opts.note ?? "Cite the ministry's own table." },
    });
  }
  if (opts.status === "in_review" || opts.status === "changes_requested") {
    await db().claim.update({ where: { id: claimId }, data: { status: opts.status === "in_review" ? "in_review" : "researching" } });
  }
  return verdict;
}

export { makeTag };

/** Everything the comment service writes, to assert a refused call changed nothing. */
export async function commentSnapshot(workspaceId: string) {
  const [comments, mentions, events] = await Promise.all([
    db().comment.findMany({ where: { claim: { workspaceId } }, select: { id: true, body: true, deletedAt: true, updatedAt: true }, orderBy: { id: "asc" } }),
    db().commentMention.findMany({ where: { comment: { claim: { workspaceId } } }, orderBy: [{ commentId: "asc" }, { userId: "asc" }] }),
    db().activityEvent.count({ where: { workspaceId } }),
  ]);
  return { comments, mentions, events };
}

/** makeDesk types its admin and outsider as bare actors; their names are in the database. */
export async function nameOf(actor: Actor): Promise<string> {
  return (await db().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } })).name;
}
