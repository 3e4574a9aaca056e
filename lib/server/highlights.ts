import "server-only";
import { z } from "zod";
import { describeRange, snapToGraphemes } from "../anchoring";
import { roleAtLeast } from "../roles";
import { userColor } from "../user-colors";
import { recordActivity } from "./activity";
import { db } from "./db";
import { Conflict, Forbidden, Invalid, NotFound } from "./errors";
import { workspaceIdOf } from "./members";
import { requireRole, type Actor, type WorkspaceAccess } from "./permissions";
import { requireApplicableTags } from "./tags";
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

export function toHighlightDTO(row: HighlightRow): HighlightDTO {
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
    author: { id: row.author.id, name: row.author.name, color: userColor(row.author.id) },
    createdAt: row.createdAt,
    // A claim→note change deletes the Claim, so `claim` follows `kind`; the check is belt and braces.
    claim: row.kind === "claim" && row.claim ? toClaimSummary(row.claim) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Shared rules

export const MAX_HIGHLIGHT_LENGTH = 5_000;
export const MAX_CLAIM_REVIEWED = 280;
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

/** One line, single spaces, NFC: the "claim reviewed" sentence as ClaimReview publishes it. */
export function normaliseClaimReviewed(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** The quote as a first "claim reviewed": whitespace normalised, cut at a word near 280 chars. */
export function proposeClaimReviewed(quote: string): string {
  const text = normaliseClaimReviewed(quote);
  if (text.length <= MAX_CLAIM_REVIEWED) return text;
  let cut = text.slice(0, MAX_CLAIM_REVIEWED - 1);
  const space = cut.lastIndexOf(" ");
  if (space > MAX_CLAIM_REVIEWED * 0.6) cut = cut.slice(0, space);
  // Never end on half an emoji.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

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
      claim: { select: { id: true, _count: { select: { sources: true, verdicts: true, comments: true } } } },
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
 * orphans. Two reads in parallel, selecting only the columns the page shows.
 */
export async function listAnnotations(actor: Actor, input: ListAnnotationsInput): Promise<Annotations> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "viewer");
  const { statementId } = parseInput(ListAnnotationsSchema, input);
  const [revision, rows] = await Promise.all([
    // Corrections only ever append revision n+1 and move to it: the newest is the current one.
    db().statementRevision.findFirst({
      where: { statement: { id: statementId, workspaceId: ws.id } },
      orderBy: { number: "desc" },
      select: { number: true, text: true },
    }),
    db().highlight.findMany({
      where: { statementId, deletedAt: null, statement: { workspaceId: ws.id } },
      orderBy: [{ start: "asc" }, { end: "desc" }, { createdAt: "asc" }],
      select: highlightSelect,
    }),
  ]);
  if (!revision) throw new NotFound("statement");
  const highlights: HighlightDTO[] = [];
  const orphans: HighlightDTO[] = [];
  for (const row of rows) (row.orphaned ? orphans : highlights).push(toHighlightDTO(row));
  return {
    statementId,
    revision,
    highlights,
    orphans,
    can: { annotate: roleAtLeast(ws.role, "checker"), moderate: roleAtLeast(ws.role, "editor"), correct: roleAtLeast(ws.role, "editor") },
    userId: actor.userId,
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
 * the text was not corrected meanwhile.
 */
export async function createHighlight(actor: Actor, input: CreateHighlightInput): Promise<HighlightDTO> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "checker");
  const parsed = parseInput(CreateHighlightSchema, input);
  const [revision, author, tags] = await Promise.all([
    db().statementRevision.findFirst({
      where: { number: parsed.revisionNumber, statement: { id: parsed.statementId, workspaceId: ws.id } },
      select: { id: true, text: true, statement: { select: { currentRevision: true } } },
    }),
    db().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { id: true, name: true } }),
    requireApplicableTags(ws.id, parsed.tagIds ?? []),
  ]);
  if (!revision) {
    const exists = await db().statement.count({ where: { id: parsed.statementId, workspaceId: ws.id } });
    if (!exists) throw new NotFound("statement");
    throw new Invalid("That revision of the statement does not exist; reload the statement.", { revisionNumber: ["Reload the statement."] });
  }
  if (revision.statement.currentRevision !== parsed.revisionNumber) throw staleText();
  const range = checkSelection(revision.text, parsed.start, parsed.end);
  const quote = describeRange(revision.text, range.start, range.end);
  const isClaim = parsed.kind === "claim";
  const tagIds = tags.map((t) => t.id);
  const claimReviewed = isClaim ? (parsed.claimReviewed ?? proposeClaimReviewed(quote.exact)) : "";

  const row = await db().$transaction(async (tx) => {
    // The guard and the claim count in one statement: it takes the statement's row lock (PostgreSQL)
    // and fails when a correction moved the text on since we read it.
    const guard = await tx.statement.updateMany({
      where: { id: parsed.statementId, currentRevision: parsed.revisionNumber },
      data: isClaim ? { claimCount: { increment: 1 } } : { currentRevision: parsed.revisionNumber },
    });
    if (guard.count !== 1) throw staleText();
    const created = await tx.highlight.create({
      data: {
        statementId: parsed.statementId,
        revisionId: revision.id,
        authorId: actor.userId,
        start: quote.start,
        end: quote.end,
        exact: quote.exact,
        prefix: quote.prefix,
        suffix: quote.suffix,
        kind: parsed.kind,
        body: parsed.body ?? "",
        ...(isClaim
          ? { claim: { create: { workspaceId: ws.id, claimReviewed, tags: { create: tagIds.map((tagId) => ({ tagId })) } } } }
          : {}),
      },
      select: { id: true, createdAt: true, claim: { select: { id: true } } },
    });
    await recordActivity(tx, {
      workspaceId: ws.id,
      actorId: actor.userId,
      action: "highlight.created",
      entityType: "highlight",
      entityId: created.id,
      data: { statementId: parsed.statementId, kind: parsed.kind, exact: quote.exact.slice(0, 200), claimId: created.claim?.id },
    });
    return created;
  });

  return {
    ...toHighlightDTO({
      ...quote,
      id: row.id,
      kind: parsed.kind,
      body: parsed.body ?? "",
      orphaned: false,
      createdAt: row.createdAt,
      author,
      claim: row.claim ? { id: row.claim.id, claimReviewed, status: "to_check", assignee: null, tags: tags.map((tag) => ({ tag })) } : null,
    }),
    ...(parsed.clientId ? { clientId: parsed.clientId } : {}),
  };
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
    if (c.sources + c.verdicts + c.comments > 0) {
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
  return toHighlightDTO(row);
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
  return toHighlightDTO(row);
}
