import "server-only";
import { z } from "zod";
import { describeRange, snapToGraphemes } from "../anchoring";
import { MAX_CLAIM_REVIEWED, normaliseClaimReviewed, proposeClaimReviewed } from "../claim-reviewed";
import { roleAtLeast } from "../roles";
import type { ShownHighlight } from "../highlight-payload";
import { deskColor } from "../user-colors";
import { recordActivity } from "./activity";
import {
  insertHighlight,
  loadAuthorColor,
  loadCreateContext,
  loadDeskMembers,
  loadPageAccess,
  loadShownHighlights,
  loadStatementHighlights,
  newId,
  revisionText,
  type CreateContext,
} from "./annotation-queries";
import { db } from "./db";
import { Conflict, Forbidden, Invalid, NotFound } from "./errors";
import { workspaceIdOf } from "./members";
import { requireRole, type Actor, type WorkspaceAccess } from "./permissions";
import { publishHighlight, publishHighlightDeleted } from "./statement-events";
import { parseInput } from "./validate";

// Highlights (claims and notes) on a statement. Offsets are UTF-16 code units into the text of the
// highlight's revision; placed highlights always sit on the statement's current revision, orphans
// keep the revision and quote where they were last placed (statement-corrections.ts moves them).
// A claim highlight has exactly one Claim row; Statement.claimCount counts live claim highlights
// (orphans included: an orphaned claim is still a claim to check).

// ---------------------------------------------------------------------------------------------
// DTOs

export const HIGHLIGHT_KINDS = ["claim", "note"] as const;
export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

export type ClaimSummary = {
  id: string;
  claimReviewed: string;
  status: string;
  assignee: { id: string; name: string } | null;
  tags: Array<{ id: string; name: string; color: string }>;
};

export type HighlightDTO = {
  id: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  kind: HighlightKind;
  body: string;
  orphaned: boolean;
  /** `color` is the author's colour in this desk (lib/user-colors.ts assignUserColors). */
  author: { id: string; name: string; color: string };
  createdAt: Date;
  claim: ClaimSummary | null;
  /** Echoed from createHighlight, so an optimistic highlight can be matched with the saved one. */
  clientId?: string;
};

export type Annotations = {
  statementId: string;
  revision: { number: number; text: string };
  /** Placed highlights in text order (start, then longer first). */
  highlights: HighlightDTO[];
  /** Highlights the last correction could not place, with the quote they had. */
  orphans: HighlightDTO[];
  /** What the reader may do, so the page shows only working controls. */
  can: { annotate: boolean; moderate: boolean; correct: boolean };
  userId: string;
  /** The reader's own desk colour, for the highlights they are about to make. */
  userColor: string;
};

export const claimSelect = {
  id: true,
  claimReviewed: true,
  status: true,
  assignee: { select: { id: true, name: true } },
  tags: { select: { tag: { select: { id: true, name: true, color: true } } } },
} as const;

export const highlightSelect = {
  id: true,
  start: true,
  end: true,
  exact: true,
  prefix: true,
  suffix: true,
  kind: true,
  body: true,
  orphaned: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
  claim: { select: claimSelect },
} as const;

type ClaimRow = {
  id: string;
  claimReviewed: string;
  status: string;
  assignee: { id: string; name: string } | null;
  tags: Array<{ tag: { id: string; name: string; color: string } }>;
};

type HighlightRow = {
  id: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  kind: string;
  body: string;
  orphaned: boolean;
  createdAt: Date;
  author: { id: string; name: string };
  claim: ClaimRow | null;
};

export function toClaimSummary(claim: ClaimRow): ClaimSummary {
  return {
    id: claim.id,
    claimReviewed: claim.claimReviewed,
    status: claim.status,
    assignee: claim.assignee,
    tags: claim.tags.map((t) => t.tag).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

export function toHighlightDTO(row: HighlightRow, authorColor: string): HighlightDTO {
  return {
    id: row.id,
    start: row.start,
    end: row.end,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    kind: row.kind as HighlightKind,
    body: row.body,
    orphaned: row.orphaned,
    author: { id: row.author.id, name: row.author.name, color: authorColor },
    createdAt: row.createdAt,
    // A claim→note change deletes the Claim, so `claim` follows `kind`; the check is belt and braces.
    claim: row.kind === "claim" && row.claim ? toClaimSummary(row.claim) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Shared rules

export const MAX_HIGHLIGHT_LENGTH = 5_000;
export { MAX_CLAIM_REVIEWED, normaliseClaimReviewed, proposeClaimReviewed };
const MAX_BODY = 10_000;

const IdSchema = (what: string) => z.string({ error: `Choose a ${what}.` }).min(1, `Choose a ${what}.`).max(100);
const OffsetSchema = z.number({ error: "The selection is not a position in the text." }).int("The selection is not a position in the text.").min(0, "The selection starts before the text.");
const KindSchema = z.enum(HIGHLIGHT_KINDS, { error: "Choose claim or note." });
const BodySchema = z.string({ error: "The note must be text." }).max(MAX_BODY, `A note has at most ${MAX_BODY.toLocaleString("en")} characters.`).transform((v) => v.normalize("NFC").trim());
export const ClaimReviewedSchema = z
  .string({ error: "Write the claim as text." })
  .transform(normaliseClaimReviewed)
  .pipe(z.string().min(1, "Write the claim being checked.").max(MAX_CLAIM_REVIEWED, `The claim reviewed has at most ${MAX_CLAIM_REVIEWED} characters.`));
export const TagIdsSchema = z.array(z.string().min(1).max(100), { error: "Choose tags from the list." }).max(20, "A claim has at most 20 tags.");

/** Checks and snaps a selection of `text`; throws Invalid naming the problem. */
export function checkSelection(text: string, start: number, end: number): { start: number; end: number } {
  const fail = (message: string): never => {
    throw new Invalid(message, { start: [message] });
  };
  if (end > text.length) fail(`The selection ends after the text (${end} > ${text.length}); reload the statement.`);
  if (end <= start) fail("Select some text first: the selection is empty.");
  const snapped = snapToGraphemes(text, start, end);
  if (snapped.end - snapped.start > MAX_HIGHLIGHT_LENGTH) {
    fail(`Highlight at most ${MAX_HIGHLIGHT_LENGTH.toLocaleString("en")} characters; select a shorter passage.`);
  }
  if (text.slice(snapped.start, snapped.end).trim() === "") fail("The selection holds only spaces; select some words.");
  return snapped;
}

/** The author may change their own highlight; editors and admins anyone's. */
export function assertMayChange(ws: WorkspaceAccess, actor: Actor, authorId: string): void {
  if (authorId !== actor.userId && !roleAtLeast(ws.role, "editor")) {
    throw new Forbidden("Only its author or an editor can change this highlight.");
  }
}

async function findHighlight(workspaceId: string, highlightId: string) {
  const highlight = await db().highlight.findFirst({
    where: { id: highlightId, deletedAt: null, statement: { workspaceId } },
    select: {
      id: true,
      statementId: true,
      authorId: true,
      kind: true,
      body: true,
      exact: true,
      orphaned: true,
      claim: { select: { id: true, verdict: { select: { id: true } }, _count: { select: { sources: true, comments: true } } } },
      statement: { select: { currentRevision: true } },
    },
  });
  if (!highlight) throw new NotFound("highlight");
  return highlight;
}

// ---------------------------------------------------------------------------------------------
// List

const ListAnnotationsSchema = z.object({ workspaceId: z.string(), statementId: IdSchema("statement") });
export type ListAnnotationsInput = z.input<typeof ListAnnotationsSchema>;

/**
 * Everything the statement page paints: the current text, its highlights in text order and the
 * orphans. Two raw queries whatever the number of highlights (access with the current text; the
 * highlights with authors, claims and tags), selecting only the columns the page shows; see
 * annotation-queries.ts for why not Prisma's nested selects.
 */
export async function listAnnotations(actor: Actor, input: ListAnnotationsInput): Promise<Annotations> {
  return (await readAnnotations(actor, input, true)) as Annotations;
}

/** Annotations as the statement page shows them: its highlights without their quotes' context and dates. */
export type ShownAnnotations = Omit<Annotations, "highlights" | "orphans"> & { highlights: ShownHighlight[]; orphans: ShownHighlight[] };

/**
 * listAnnotations for the statement page: the same checks and highlights, without each quote's
 * context (prefix, suffix) and creation date, which the page neither shows nor sends; with a
 * thousand highlights, reading them was a good part of the page's read.
 */
export async function listShownAnnotations(actor: Actor, input: ListAnnotationsInput): Promise<ShownAnnotations> {
  return readAnnotations(actor, input, false);
}

async function readAnnotations(actor: Actor, input: ListAnnotationsInput, withContext: boolean): Promise<ShownAnnotations | Annotations> {
  const parsed = ListAnnotationsSchema.safeParse(input);
  const { access: ws, revision } = await loadPageAccess(
    actor,
    { workspaceId: workspaceIdOf(input), statementId: parsed.success ? parsed.data.statementId : "" },
    "viewer",
  );
  const { statementId } = parseInput(ListAnnotationsSchema, input);
  if (!revision) throw new NotFound("statement");
  const members = await loadDeskMembers(ws.id);
  const rows = await (withContext ? loadStatementHighlights : loadShownHighlights)(ws.id, statementId, members);
  const highlights: ShownHighlight[] = [];
  const orphans: ShownHighlight[] = [];
  for (const row of rows) (row.orphaned ? orphans : highlights).push(row as ShownHighlight);
  return {
    statementId,
    revision,
    highlights,
    orphans,
    can: { annotate: roleAtLeast(ws.role, "checker"), moderate: roleAtLeast(ws.role, "editor"), correct: roleAtLeast(ws.role, "editor") },
    userId: actor.userId,
    userColor: deskColor(Math.max(0, members.indexOf(actor.userId))),
  };
}

// ---------------------------------------------------------------------------------------------
// Create

export const CreateHighlightSchema = z
  .object({
    workspaceId: z.string(),
    statementId: IdSchema("statement"),
    revisionNumber: z.number({ error: "Reload the statement." }).int().min(1, "Reload the statement."),
    start: OffsetSchema,
    end: OffsetSchema,
    kind: KindSchema,
    body: BodySchema.optional(),
    claimReviewed: ClaimReviewedSchema.optional(),
    tagIds: TagIdsSchema.optional(),
    clientId: z.string().max(100).optional(),
  })
  .refine((v) => v.kind === "claim" || (!v.tagIds?.length && v.claimReviewed === undefined), {
    message: "Only claims have tags and a claim reviewed; make it a claim first.",
    path: ["kind"],
  });
export type CreateHighlightInput = z.input<typeof CreateHighlightSchema>;

/**
 * Highlights a passage of the statement's current revision as a claim or a note. A claim also gets
 * its Claim (prefilled "claim reviewed", status to_check, tags) and bumps the statement's claim
 * count, all in one short transaction that first re-checks, under the statement's row lock, that
 * the text was not corrected meanwhile. One read before it (annotation-queries.ts) and the
 * revision's text from an in-process cache: SQLite has one writer, so every query saved here is
 * latency saved for everyone else highlighting at the same time.
 */
export async function createHighlight(actor: Actor, input: CreateHighlightInput): Promise<HighlightDTO> {
  // Access, statement, revision, author and tags in one read; the role is decided before the
  // input's problems are reported, as requireRole-then-parseInput would.
  const attempt = CreateHighlightSchema.safeParse(input);
  const ctx = await loadCreateContext(
    actor,
    {
      workspaceId: workspaceIdOf(input),
      statementId: attempt.success ? attempt.data.statementId : "",
      revisionNumber: attempt.success ? attempt.data.revisionNumber : 0,
      tagIds: attempt.success && attempt.data.kind === "claim" ? (attempt.data.tagIds ?? []) : [],
    },
    "checker",
  );
  const ws = ctx.access;
  const parsed = attempt.success ? attempt.data : parseInput(CreateHighlightSchema, input);
  if (!ctx.statement) throw new NotFound("statement");
  if (!ctx.revisionId) {
    throw new Invalid("That revision of the statement does not exist; reload the statement.", { revisionNumber: ["Reload the statement."] });
  }
  if (ctx.statement.currentRevision !== parsed.revisionNumber) throw staleText();
  const tags = applicableTags(parsed.tagIds ?? [], ctx.tags);
  const text = await revisionText(ctx.revisionId);
  const range = checkSelection(text, parsed.start, parsed.end);
  const quote = describeRange(text, range.start, range.end);
  const isClaim = parsed.kind === "claim";
  const claimReviewed = isClaim ? (parsed.claimReviewed ?? proposeClaimReviewed(quote.exact)) : "";
  const id = newId();
  const claimId = isClaim ? newId() : null;
  const body = parsed.body ?? "";
  const at = new Date();

  const written = await insertHighlight({
    id,
    workspaceId: ws.id,
    statementId: parsed.statementId,
    revisionNumber: parsed.revisionNumber,
    revisionId: ctx.revisionId,
    authorId: actor.userId,
    ...quote,
    kind: parsed.kind,
    body,
    claim: claimId ? { id: claimId, claimReviewed, tagIds: tags.map((t) => t.id) } : null,
    // The same event recordActivity writes.
    activityData: JSON.stringify({ statementId: parsed.statementId, kind: parsed.kind, exact: quote.exact.slice(0, 200), claimId: claimId ?? undefined }),
    at,
  });
  if (!written) throw staleText();

  return publishHighlight(parsed.statementId, actor, "highlight.created", {
    ...toHighlightDTO(
      {
        ...quote,
        id,
        kind: parsed.kind,
        body,
        orphaned: false,
        createdAt: at,
        author: { id: actor.userId, name: ctx.authorName },
        claim: claimId ? { id: claimId, claimReviewed, status: "to_check", assignee: null, tags: tags.map((tag) => ({ tag })) } : null,
      },
      ctx.authorColor,
    ),
    ...(parsed.clientId ? { clientId: parsed.clientId } : {}),
  }, parsed.revisionNumber);
}

/** The chosen tags must all be this workspace's and not retired (messages as requireApplicableTags). */
function applicableTags(tagIds: readonly string[], found: CreateContext["tags"]): Array<{ id: string; name: string; color: string }> {
  const ids = [...new Set(tagIds)];
  if (ids.length === 0) return [];
  if (found.length !== ids.length) {
    throw new Invalid("One of the chosen tags does not exist in this workspace.", { tagIds: ["One of the chosen tags does not exist in this workspace."] });
  }
  const retired = found.find((t) => t.retired);
  if (retired) {
    const message = `The tag “${retired.name}” is retired and can no longer be applied.`;
    throw new Invalid(message, { tagIds: [message] });
  }
  return ids.map((tagId) => found.find((t) => t.id === tagId)!).map(({ id, name, color }) => ({ id, name, color }));
}

function staleText(): Conflict {
  return new Conflict("The text changed; reload the statement and select again.", { revisionNumber: ["The text changed; reload."] });
}

// ---------------------------------------------------------------------------------------------
// Update (kind, note body)

export const UpdateHighlightSchema = z.object({
  workspaceId: z.string(),
  highlightId: IdSchema("highlight"),
  kind: KindSchema.optional(),
  body: BodySchema.optional(),
});
export type UpdateHighlightInput = z.input<typeof UpdateHighlightSchema>;

/**
 * Changes a highlight's kind or note body. note→claim creates its Claim (prefilled from the quote)
 * and counts it. claim→note deletes the Claim with its tags — a note carries no claim work — and is
 * refused while the claim has sources, verdicts or comments, so no research is ever thrown away.
 */
export async function updateHighlight(actor: Actor, input: UpdateHighlightInput): Promise<HighlightDTO> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "checker");
  const parsed = parseInput(UpdateHighlightSchema, input);
  const highlight = await findHighlight(ws.id, parsed.highlightId);
  assertMayChange(ws, actor, highlight.authorId);
  const kind = parsed.kind ?? (highlight.kind as HighlightKind);
  const body = parsed.body ?? highlight.body;
  if (kind === highlight.kind && body === highlight.body) throw new Invalid("Nothing to change.");
  const toClaim = highlight.kind === "note" && kind === "claim";
  const toNote = highlight.kind === "claim" && kind === "note";
  if (toNote && highlight.claim) {
    const c = highlight.claim._count;
    if (c.sources + c.comments > 0 || highlight.claim.verdict) {
      throw new Conflict("This claim already has sources, verdicts or comments; it cannot become a note.", { kind: ["The claim has research attached."] });
    }
  }

  const row = await db().$transaction(async (tx) => {
    if (toClaim || toNote) {
      await tx.statement.update({ where: { id: highlight.statementId }, data: { claimCount: { increment: toClaim ? 1 : -1 } } });
    }
    if (toNote && highlight.claim) await tx.claim.delete({ where: { id: highlight.claim.id } });
    const updated = await tx.highlight.update({
      where: { id: highlight.id },
      data: {
        kind,
        body,
        ...(toClaim ? { claim: { create: { workspaceId: ws.id, claimReviewed: proposeClaimReviewed(highlight.exact) } } } : {}),
      },
      select: highlightSelect,
    });
    await recordActivity(tx, {
      workspaceId: ws.id,
      actorId: actor.userId,
      action: "highlight.updated",
      entityType: "highlight",
      entityId: highlight.id,
      data: { statementId: highlight.statementId, ...(kind !== highlight.kind ? { kind: { from: highlight.kind, to: kind } } : {}), bodyChanged: body !== highlight.body },
    });
    return updated;
  });
  return publishHighlight(highlight.statementId, actor, "highlight.updated", toHighlightDTO(row, await loadAuthorColor(ws.id, highlight.statementId, highlight.authorId)));
}

// ---------------------------------------------------------------------------------------------
// Delete (soft)

export const DeleteHighlightSchema = z.object({ workspaceId: z.string(), highlightId: IdSchema("highlight") });
export type DeleteHighlightInput = z.input<typeof DeleteHighlightSchema>;

/**
 * Soft-deletes: the row stays (with who and when) for the activity log and any later audit, and
 * disappears from the page; the claim, if any, stops counting. Its Claim row stays too, so lists
 * of claims must filter on `highlight.deletedAt: null`.
 */
export async function deleteHighlight(actor: Actor, input: DeleteHighlightInput): Promise<{ id: string }> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "checker");
  const { highlightId } = parseInput(DeleteHighlightSchema, input);
  const highlight = await findHighlight(ws.id, highlightId);
  assertMayChange(ws, actor, highlight.authorId);
  await db().$transaction(async (tx) => {
    // Conditional, so two people deleting at once decrement the count only once.
    const done = await tx.highlight.updateMany({ where: { id: highlight.id, deletedAt: null }, data: { deletedAt: new Date(), deletedById: actor.userId } });
    if (done.count !== 1) throw new NotFound("highlight");
    if (highlight.kind === "claim") {
      await tx.statement.update({ where: { id: highlight.statementId }, data: { claimCount: { decrement: 1 } } });
    }
    await recordActivity(tx, {
      workspaceId: ws.id,
      actorId: actor.userId,
      action: "highlight.deleted",
      entityType: "highlight",
      entityId: highlight.id,
      data: { statementId: highlight.statementId, kind: highlight.kind, exact: highlight.exact.slice(0, 200), authorId: highlight.authorId },
    });
  });
  publishHighlightDeleted(highlight.statementId, actor, highlight.id);
  return { id: highlight.id };
}

// ---------------------------------------------------------------------------------------------
// Re-attach an orphan

export const ReattachOrphanSchema = z.object({
  workspaceId: z.string(),
  highlightId: IdSchema("highlight"),
  revisionNumber: z.number().int().min(1).optional(),
  start: OffsetSchema,
  end: OffsetSchema,
});
export type ReattachOrphanInput = z.input<typeof ReattachOrphanSchema>;

/** Places an orphan on a passage of the current text the person selected; its quote becomes that passage. */
export async function reattachOrphan(actor: Actor, input: ReattachOrphanInput): Promise<HighlightDTO> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "checker");
  const parsed = parseInput(ReattachOrphanSchema, input);
  const highlight = await findHighlight(ws.id, parsed.highlightId);
  assertMayChange(ws, actor, highlight.authorId);
  if (!highlight.orphaned) throw new Conflict("This highlight is not an orphan; it is already placed in the text.");
  const current = highlight.statement.currentRevision;
  if (parsed.revisionNumber !== undefined && parsed.revisionNumber !== current) throw staleText();
  const revision = await db().statementRevision.findUniqueOrThrow({
    where: { statementId_number: { statementId: highlight.statementId, number: current } },
    select: { id: true, text: true },
  });
  const range = checkSelection(revision.text, parsed.start, parsed.end);
  const quote = describeRange(revision.text, range.start, range.end);
  const row = await db().$transaction(async (tx) => {
    const guard = await tx.statement.updateMany({ where: { id: highlight.statementId, currentRevision: current }, data: { currentRevision: current } });
    if (guard.count !== 1) throw staleText();
    const updated = await tx.highlight.update({
      where: { id: highlight.id },
      data: { revisionId: revision.id, start: quote.start, end: quote.end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, orphaned: false },
      select: highlightSelect,
    });
    await recordActivity(tx, {
      workspaceId: ws.id,
      actorId: actor.userId,
      action: "highlight.reattached",
      entityType: "highlight",
      entityId: highlight.id,
      data: { statementId: highlight.statementId, revision: current, from: highlight.exact.slice(0, 200), to: quote.exact.slice(0, 200) },
    });
    return updated;
  });
  return publishHighlight(highlight.statementId, actor, "highlight.updated", toHighlightDTO(row, await loadAuthorColor(ws.id, highlight.statementId, highlight.authorId)), current);
}
