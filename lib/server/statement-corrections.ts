import "server-only";
import { z } from "zod";
import { describeRange, reanchorAll, type HighlightToReanchor } from "../anchoring";
import { join, sql } from "../generated/sqlite/internal/prismaNamespace";
import { textProblem } from "../import";
import { hashNormalisedText, normaliseText } from "../text";
import { diffStats, diffWords, type DiffSegment } from "../text-diff";
import { recordActivity } from "./activity";
import { db } from "./db";
import { Conflict, Invalid, NotFound } from "./errors";
import { workspaceIdOf } from "./members";
import { requireRole, type Actor } from "./permissions";
import { publishCorrection } from "./statement-events";
import { parseInput } from "./validate";

// Corrections of a statement's text. Each makes revision n+1; every live highlight is re-anchored
// onto it (anchoring/anchor.ts: position, exact, then fuzzy match on quote and context). Highlights
// that cannot be placed become orphans and keep the quote, offsets and revision where they were
// last placed, so nothing anyone marked is lost. Earlier revisions stay readable and diffable.

const StatementIdSchema = z.string({ error: "Choose a statement." }).min(1, "Choose a statement.").max(100);
const RevisionNumberSchema = z.number({ error: "Choose a revision." }).int().min(1, "Choose a revision.");

export const CorrectStatementTextSchema = z.object({
  workspaceId: z.string(),
  statementId: StatementIdSchema,
  baseRevision: RevisionNumberSchema,
  text: z.string({ error: "Paste the corrected text." }),
  note: z.string().trim().max(500, "Keep the note under 500 characters.").optional(),
});
export type CorrectStatementTextInput = z.input<typeof CorrectStatementTextSchema>;

export type RevisionSummary = {
  number: number;
  note: string;
  createdAt: Date;
  createdBy: { id: string; name: string };
  current: boolean;
};

export type CorrectionResult = {
  revision: RevisionSummary;
  /** Highlights placed on the new text (including orphans that found their quote again). */
  placed: number;
  /** Highlights without a place in the new text, old orphans included. */
  orphaned: number;
};

const UPDATE_CHUNK = 200;

/**
 * Replaces the statement's text with a corrected version (editors and admins). The correction
 * names the revision it was made from: if someone else corrected the text meanwhile, it is refused
 * rather than silently overwriting their work. Matching runs before the transaction, so the write
 * lock is held only for the writes themselves.
 */
export async function correctStatementText(actor: Actor, input: CorrectStatementTextInput): Promise<CorrectionResult> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "editor");
  const parsed = parseInput(CorrectStatementTextSchema, input);
  const text = normaliseText(parsed.text);
  const problem = textProblem(text);
  if (problem) throw new Invalid(problem, { text: [problem] });

  const statement = await db().statement.findFirst({
    where: { id: parsed.statementId, workspaceId: ws.id },
    select: { id: true, currentRevision: true },
  });
  if (!statement) throw new NotFound("statement");
  const base = parsed.baseRevision;
  if (statement.currentRevision !== base) throw staleBase(statement.currentRevision);
  const contentHash = hashNormalisedText(text);
  const [current, twin, highlights, author] = await Promise.all([
    db().statementRevision.findUniqueOrThrow({ where: { statementId_number: { statementId: statement.id, number: base } }, select: { text: true } }),
    db().statement.findFirst({ where: { workspaceId: ws.id, contentHash, id: { not: statement.id } }, select: { id: true, title: true } }),
    liveHighlights(statement.id),
    db().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { id: true, name: true } }),
  ]);
  if (current.text === text) throw new Invalid("No change: the corrected text is the same as the current one.", { text: ["No change."] });
  if (twin) {
    const message = `Another statement of this workspace (“${twin.title}”) already has exactly this text.`;
    throw new Conflict(message, { text: [message] });
  }

  let result = reanchor(text, highlights);
  const known = new Set(highlights.map((h) => h.id));
  let corrected: CorrectionResult;
  try {
    corrected = await db().$transaction(async (tx) => {
      const guard = await tx.statement.updateMany({
        where: { id: statement.id, currentRevision: base },
        data: { currentRevision: base + 1, contentHash },
      });
      if (guard.count !== 1) throw staleBase();
      // Highlights made between our read and the guard (their own guard passed first) follow too.
      const ids = await tx.highlight.findMany({ where: { statementId: statement.id, deletedAt: null }, select: { id: true } });
      const lateIds = ids.map((h) => h.id).filter((id) => !known.has(id));
      if (lateIds.length) {
        const latecomers = await tx.highlight.findMany({
          where: { id: { in: lateIds } },
          select: { id: true, start: true, end: true, exact: true, prefix: true, suffix: true, orphaned: true },
        });
        result = reanchor(text, [...highlights, ...latecomers]);
      }

      const revision = await tx.statementRevision.create({
        data: { statementId: statement.id, number: base + 1, text, note: parsed.note ?? "", createdById: actor.userId },
        select: { id: true, number: true, note: true, createdAt: true },
      });
      const now = new Date();
      for (let i = 0; i < result.placed.length; i += UPDATE_CHUNK) {
        await tx.$executeRaw(placeSql(result.placed.slice(i, i + UPDATE_CHUNK), revision.id, now));
      }
      if (result.newOrphans.length) {
        await tx.highlight.updateMany({ where: { id: { in: result.newOrphans } }, data: { orphaned: true } });
      }
      const diff = diffStats(diffWords(current.text, text));
      await recordActivity(tx, {
        workspaceId: ws.id,
        actorId: actor.userId,
        action: "statement.corrected",
        entityType: "statement",
        entityId: statement.id,
        data: {
          revision: revision.number,
          note: revision.note,
          placed: result.placed.length,
          orphaned: result.orphans.length,
          newlyOrphaned: result.newOrphans.length,
          wordsInserted: diff.inserted,
          wordsDeleted: diff.deleted,
        },
      });
      return {
        revision: { ...revision, createdBy: author, current: true },
        placed: result.placed.length,
        orphaned: result.orphans.length,
      };
    });
  } catch (error) {
    if (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002") {
      throw new Conflict("Another statement of this workspace already has exactly this text, or someone corrected this one at the same moment; reload.");
    }
    throw error;
  }
  // Committed: whoever has the statement open is told (and chooses when to see the new text).
  publishCorrection(statement.id, author, corrected.revision.number);
  return corrected;
}

function staleBase(current?: number): Conflict {
  const message = `Someone corrected this statement meanwhile${current ? ` (it is now at revision ${current})` : ""}; reload and apply your correction again.`;
  return new Conflict(message, { baseRevision: [message] });
}

type LiveHighlight = HighlightToReanchor & { orphaned: boolean };

function liveHighlights(statementId: string): Promise<LiveHighlight[]> {
  return db().highlight.findMany({
    where: { statementId, deletedAt: null },
    select: { id: true, start: true, end: true, exact: true, prefix: true, suffix: true, orphaned: true },
  });
}

type Placement = { id: string; start: number; end: number; exact: string; prefix: string; suffix: string };

/** Orphans are tried again too: a correction may restore the passage they quoted. */
function reanchor(text: string, highlights: LiveHighlight[]) {
  const { placed, orphans } = reanchorAll(text, highlights);
  const wasOrphan = new Set(highlights.filter((h) => h.orphaned).map((h) => h.id));
  return {
    placed: placed.map((p): Placement => ({ ...describeRange(text, p.start, p.end), id: p.id })),
    orphans,
    newOrphans: orphans.filter((id) => !wasOrphan.has(id)),
  };
}

// One UPDATE per chunk of highlights (CASE on id): a thousand highlights move in a handful of
// statements instead of a thousand round trips through the query engine while the write lock is
// held. Portable SQL: SQLite (3.23+) and PostgreSQL both take TRUE/FALSE and CAST … AS INTEGER.
function placeSql(rows: Placement[], revisionId: string, now: Date) {
  const caseOf = (pick: (r: Placement) => ReturnType<typeof sql>) => sql`CASE "id" ${join(rows.map((r) => sql`WHEN ${r.id} THEN ${pick(r)}`), " ")} END`;
  return sql`UPDATE "Highlight" SET
    "start" = ${caseOf((r) => sql`CAST(${r.start} AS INTEGER)`)},
    "end" = ${caseOf((r) => sql`CAST(${r.end} AS INTEGER)`)},
    "exact" = ${caseOf((r) => sql`${r.exact}`)},
    "prefix" = ${caseOf((r) => sql`${r.prefix}`)},
    "suffix" = ${caseOf((r) => sql`${r.suffix}`)},
    "revisionId" = ${revisionId},
    "orphaned" = FALSE,
    "updatedAt" = ${now}
    WHERE "id" IN (${join(rows.map((r) => r.id))})`;
}

// ---------------------------------------------------------------------------------------------
// Revisions and their diff

const StatementRefSchema = z.object({ workspaceId: z.string(), statementId: StatementIdSchema });
export type StatementRefInput = z.input<typeof StatementRefSchema>;

/** The statement's revisions, newest first. */
export async function listRevisions(actor: Actor, input: StatementRefInput): Promise<RevisionSummary[]> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "viewer");
  const { statementId } = parseInput(StatementRefSchema, input);
  const statement = await db().statement.findFirst({
    where: { id: statementId, workspaceId: ws.id },
    select: {
      currentRevision: true,
      revisions: { orderBy: { number: "desc" }, select: { number: true, note: true, createdAt: true, createdBy: { select: { id: true, name: true } } } },
    },
  });
  if (!statement) throw new NotFound("statement");
  return statement.revisions.map((r) => ({ ...r, current: r.number === statement.currentRevision }));
}

const GetRevisionSchema = StatementRefSchema.extend({ number: RevisionNumberSchema });
export type GetRevisionInput = z.input<typeof GetRevisionSchema>;

export type RevisionDetail = RevisionSummary & { text: string };

export async function getRevision(actor: Actor, input: GetRevisionInput): Promise<RevisionDetail> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "viewer");
  const { statementId, number } = parseInput(GetRevisionSchema, input);
  const revision = await db().statementRevision.findFirst({
    where: { number, statement: { id: statementId, workspaceId: ws.id } },
    select: { number: true, note: true, text: true, createdAt: true, createdBy: { select: { id: true, name: true } }, statement: { select: { currentRevision: true } } },
  });
  if (!revision) throw new NotFound("revision");
  const { statement, ...rest } = revision;
  return { ...rest, current: revision.number === statement.currentRevision };
}

const DiffRevisionsSchema = StatementRefSchema.extend({ from: RevisionNumberSchema, to: RevisionNumberSchema });
export type DiffRevisionsInput = z.input<typeof DiffRevisionsSchema>;

export type RevisionDiff = { from: number; to: number; segments: DiffSegment[]; inserted: number; deleted: number };

/** The word-level changes from one revision to another (usually n-1 → n). */
export async function diffRevisions(actor: Actor, input: DiffRevisionsInput): Promise<RevisionDiff> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "viewer");
  const { statementId, from, to } = parseInput(DiffRevisionsSchema, input);
  const revisions = await db().statementRevision.findMany({
    where: { number: { in: [from, to] }, statement: { id: statementId, workspaceId: ws.id } },
    select: { number: true, text: true },
  });
  const before = revisions.find((r) => r.number === from);
  const after = revisions.find((r) => r.number === to);
  if (!before || !after) throw new NotFound("revision");
  const segments = diffWords(before.text, after.text);
  return { from, to, segments, ...diffStats(segments) };
}
