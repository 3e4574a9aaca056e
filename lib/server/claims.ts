import "server-only";
import { z } from "zod";
import { roleAtLeast, isRole } from "../roles";
import { recordActivity } from "./activity";
import { db } from "./db";
import { Conflict, Invalid, NotFound } from "./errors";
import { claimSelect, ClaimReviewedSchema, TagIdsSchema, toClaimSummary, type ClaimSummary } from "./highlights";
import { workspaceIdOf } from "./members";
import { requireRole, type Actor } from "./permissions";
import { publishClaimUpdated } from "./statement-events";
import { requireApplicableTags } from "./tags";
import { parseInput } from "./validate";

// The claim behind a claim highlight: its "claim reviewed" sentence, status, assignee and tags.

export const CLAIM_STATUSES = ["to_check", "researching", "in_review", "checked"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/**
 * Statuses a person may set by hand. "in_review" and "checked" belong to the verdict workflow
 * (a verdict sent for review, an approved verdict), so they cannot be set here, and a claim in
 * either is moved only by that workflow.
 */
export const MANUAL_CLAIM_STATUSES = ["to_check", "researching"] as const;

export const UpdateClaimSchema = z.object({
  workspaceId: z.string(),
  claimId: z.string({ error: "Choose a claim." }).min(1, "Choose a claim.").max(100),
  claimReviewed: ClaimReviewedSchema.optional(),
  status: z
    .enum(CLAIM_STATUSES, { error: "Choose a status: to check or researching." })
    .refine((s) => (MANUAL_CLAIM_STATUSES as readonly string[]).includes(s), {
      message: "“In review” and “checked” follow from the claim's verdict; choose to check or researching.",
    })
    .optional(),
  assigneeId: z.string().min(1).max(100).nullable().optional(),
  tagIds: TagIdsSchema.optional(),
});
export type UpdateClaimInput = z.input<typeof UpdateClaimSchema>;

/** Edits a claim; any checker of the desk may (claims are shared work, unlike highlight ownership). */
export async function updateClaim(actor: Actor, input: UpdateClaimInput): Promise<ClaimSummary> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "checker");
  const parsed = parseInput(UpdateClaimSchema, input);
  const claim = await db().claim.findFirst({
    where: { id: parsed.claimId, workspaceId: ws.id, highlight: { deletedAt: null } },
    select: { id: true, highlightId: true, claimReviewed: true, status: true, assigneeId: true, tags: { select: { tagId: true } } },
  });
  if (!claim) throw new NotFound("claim");

  const [tags] = await Promise.all([
    parsed.tagIds ? requireApplicableTags(ws.id, parsed.tagIds) : Promise.resolve(undefined),
    parsed.assigneeId ? requireAssignable(ws.id, parsed.assigneeId) : Promise.resolve(),
  ]);
  const tagIds = tags?.map((t) => t.id);
  if (parsed.status && parsed.status !== claim.status && !(MANUAL_CLAIM_STATUSES as readonly string[]).includes(claim.status)) {
    throw new Conflict("This claim's status now follows its verdict and cannot be changed by hand.", { status: ["Follows the verdict."] });
  }

  const changes: Record<string, unknown> = {};
  if (parsed.claimReviewed !== undefined && parsed.claimReviewed !== claim.claimReviewed) changes.claimReviewed = { from: claim.claimReviewed, to: parsed.claimReviewed };
  if (parsed.status !== undefined && parsed.status !== claim.status) changes.status = { from: claim.status, to: parsed.status };
  if (parsed.assigneeId !== undefined && parsed.assigneeId !== claim.assigneeId) changes.assignee = { from: claim.assigneeId, to: parsed.assigneeId };
  const before = new Set(claim.tags.map((t) => t.tagId));
  const added = tagIds?.filter((id) => !before.has(id)) ?? [];
  const removed = tagIds ? [...before].filter((id) => !tagIds.includes(id)) : [];
  if (added.length || removed.length) changes.tags = { added, removed };
  if (Object.keys(changes).length === 0) throw new Invalid("Nothing to change.");

  const row = await db().$transaction(async (tx) => {
    if (removed.length) await tx.claimTag.deleteMany({ where: { claimId: claim.id, tagId: { in: removed } } });
    if (added.length) await tx.claimTag.createMany({ data: added.map((tagId) => ({ claimId: claim.id, tagId })) });
    const updated = await tx.claim.update({
      where: { id: claim.id },
      data: {
        ...(parsed.claimReviewed !== undefined ? { claimReviewed: parsed.claimReviewed } : {}),
        ...(parsed.status !== undefined ? { status: parsed.status } : {}),
        ...(parsed.assigneeId !== undefined ? { assigneeId: parsed.assigneeId } : {}),
      },
      select: claimSelect,
    });
    await recordActivity(tx, {
      workspaceId: ws.id,
      actorId: actor.userId,
      action: "claim.updated",
      entityType: "claim",
      entityId: claim.id,
      data: { highlightId: claim.highlightId, ...changes },
    });
    return updated;
  });
  return publishClaimUpdated(actor, claim.highlightId, toClaimSummary(row));
}

/** Claims are assigned to people who can work on them: members with the checker role or higher. */
async function requireAssignable(workspaceId: string, userId: string): Promise<void> {
  const membership = await db().membership.findFirst({ where: { workspaceId, userId }, select: { role: true } });
  if (!membership || !isRole(membership.role) || !roleAtLeast(membership.role, "checker")) {
    const message = "Assign the claim to a checker, editor or admin of this workspace.";
    throw new Invalid(message, { assigneeId: [message] });
  }
}

export type ClaimOverview = ClaimSummary & {
  quote: string;
  highlightId: string;
  orphaned: boolean;
  statement: { id: string; title: string; speaker: string; publishedAt: string | null };
  createdBy: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
};

/** One claim with what its page heads with: the quote, its statement and who highlighted it. */
export async function getClaim(actor: Actor, input: { workspaceId: string; claimId: string }): Promise<ClaimOverview> {
  const ws = await requireRole(actor, { id: input.workspaceId }, "viewer");
  const claimId = typeof input.claimId === "string" ? input.claimId.slice(0, 100) : "";
  const row = await db().claim.findFirst({
    where: { id: claimId, workspaceId: ws.id, highlight: { deletedAt: null } },
    select: {
      ...claimSelect,
      createdAt: true,
      updatedAt: true,
      highlight: {
        select: {
          id: true,
          exact: true,
          orphaned: true,
          author: { select: { id: true, name: true } },
          statement: { select: { id: true, title: true, speaker: true, publishedAt: true } },
        },
      },
    },
  });
  if (!row) throw new NotFound("claim");
  const { highlight } = row;
  return {
    ...toClaimSummary(row),
    quote: highlight.exact,
    highlightId: highlight.id,
    orphaned: highlight.orphaned,
    statement: { ...highlight.statement, publishedAt: highlight.statement.publishedAt?.toISOString() ?? null },
    createdBy: highlight.author,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
