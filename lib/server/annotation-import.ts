import "server-only";
import { z } from "zod";
import { describeRange } from "../anchoring";
import { normaliseClaimReviewed, proposeClaimReviewed } from "../claim-reviewed";
import { statementAnnotationPage, type AnnotationPage } from "../export/web-annotation";
import { parseAnnotations, parseAnnotationsJson, placeIncoming, type ImportProblem, type IncomingHighlight } from "../export/web-annotation-import";
import { recordActivity } from "./activity";
import { newId } from "./annotation-queries";
import { db } from "./db";
import { Invalid, NotFound } from "./errors";
import { workspaceIdOf } from "./members";
import { requireRole, type Actor } from "./permissions";
import { parseInput } from "./validate";

// W3C Web Annotations in and out of a statement. Out: the statement's live highlights (orphans
// included, with their quote but no position) as one AnnotationPage, for any member. In: a W3C
// page/collection/list or a Hypothesis export, placed on the current text by the anchoring matcher;
// what cannot be placed is kept as an orphan with its quote, so nothing typed elsewhere is lost.
// Checkers and up import; all highlights of one import are written in one transaction.

const StatementRef = z.object({ workspaceId: z.string(), statementId: z.string({ error: "Choose a statement." }).trim().min(1, "Choose a statement.").max(100) });

export type AnnotationsExportInput = z.input<typeof StatementRef>;

/** The statement's highlights as an AnnotationPage; `baseUrl` makes the ids absolute IRIs. */
export async function exportStatementAnnotations(actor: Actor, input: AnnotationsExportInput & { baseUrl: string }): Promise<AnnotationPage> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "viewer");
  const parsed = parseInput(StatementRef, input);
  const statement = await db().statement.findFirst({ where: { id: parsed.statementId, workspaceId: ws.id }, select: { id: true, currentRevision: true } });
  if (!statement) throw new NotFound("statement");
  const [revision, highlights] = await Promise.all([
    db().statementRevision.findFirstOrThrow({ where: { statementId: statement.id, number: statement.currentRevision }, select: { id: true, text: true } }),
    db().highlight.findMany({
      where: { statementId: statement.id, deletedAt: null },
      orderBy: [{ orphaned: "asc" }, { start: "asc" }, { id: "asc" }],
      select: {
        id: true,
        revisionId: true,
        start: true,
        end: true,
        exact: true,
        prefix: true,
        suffix: true,
        kind: true,
        body: true,
        orphaned: true,
        createdAt: true,
        updatedAt: true,
        author: { select: { id: true, name: true } },
        claim: { select: { claimReviewed: true, tags: { select: { tag: { select: { name: true } } } } } },
      },
    }),
  ]);
  const base = `${input.baseUrl.replace(/\/+$/, "")}/w/${ws.slug}/statements/${statement.id}`;
  return statementAnnotationPage({
    text: revision.text,
    source: base,
    pageId: `${base}/annotations.jsonld`,
    annotationId: (h) => `${base}#highlight-${h.id}`,
    highlights: highlights.map((h) => ({
      id: h.id,
      // An orphan's (or an older revision's) offsets do not index this text: no position is stated.
      start: !h.orphaned && h.revisionId === revision.id ? h.start : -1,
      end: !h.orphaned && h.revisionId === revision.id ? h.end : -1,
      exact: h.exact,
      prefix: h.prefix,
      suffix: h.suffix,
      kind: h.kind === "claim" ? "claim" : "note",
      body: h.body,
      claimReviewed: h.claim?.claimReviewed ?? null,
      tags: (h.claim?.tags ?? []).map((t) => t.tag.name).sort((a, b) => a.localeCompare(b, "en")),
      creator: h.author,
      createdAt: h.createdAt,
      updatedAt: h.updatedAt,
    })),
  });
}

// ---------------------------------------------------------------------------------------------
// Import

const AnnotationsImportSchema = StatementRef.extend({
  /** The file's or the pasted text, or an already parsed document. */
  document: z.union([z.string().max(20_000_000, "The file is too large (at most 20 MB)."), z.record(z.string(), z.unknown()), z.array(z.unknown())], {
    error: "Choose a file or paste the annotations.",
  }),
  /** What to make of annotations that do not say: claims or notes. */
  defaultKind: z.enum(["claim", "note"], { error: "Choose claims or notes." }).optional(),
});
export type AnnotationsImportInput = z.input<typeof AnnotationsImportSchema>;

export type AnnotationsImportResult = {
  created: number;
  placed: number;
  orphaned: number;
  claims: number;
  notes: number;
  /** Items skipped or changed on the way, by position in the input (null: the input as a whole). */
  problems: ImportProblem[];
};

const INSERT_BATCH = 500;

/**
 * Creates a highlight per readable annotation on the statement's current revision: placed ones
 * where the matcher found them, the others as orphans with their quote. Tags are applied when the
 * workspace has a live tag of that name (others are reported, not created: tags are the editors').
 * A document with nothing readable is refused with its problems, and nothing is written.
 */
export async function importAnnotations(actor: Actor, input: AnnotationsImportInput): Promise<AnnotationsImportResult> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "checker");
  const parsed = parseInput(AnnotationsImportSchema, input);
  const statement = await db().statement.findFirst({ where: { id: parsed.statementId, workspaceId: ws.id }, select: { id: true, currentRevision: true } });
  if (!statement) throw new NotFound("statement");

  const read = typeof parsed.document === "string" ? parseAnnotationsJson(parsed.document) : parseAnnotations(parsed.document);
  if (read.items.length === 0) {
    const first = read.problems[0]?.message ?? "The file holds no annotations.";
    throw new Invalid(first, { document: (read.problems.length ? read.problems : [{ index: null, message: first }]).slice(0, 20).map(describeProblem) });
  }
  const problems = [...read.problems];
  const revision = await db().statementRevision.findFirstOrThrow({ where: { statementId: statement.id, number: statement.currentRevision }, select: { id: true, text: true } });
  const kindOf = (item: IncomingHighlight) => (parsed.defaultKind && !item.claimReviewed && item.kind === "note" && !item.body ? parsed.defaultKind : item.kind);
  const { placed, orphans } = placeIncoming(revision.text, read.items);

  const tags = await db().tag.findMany({ where: { workspaceId: ws.id, retiredAt: null }, select: { id: true, name: true } });
  const tagByName = new Map(tags.map((t) => [t.name.toLocaleLowerCase("en"), t.id]));

  type HighlightRow = { id: string; statementId: string; revisionId: string; authorId: string; kind: string; body: string; start: number; end: number; exact: string; prefix: string; suffix: string; orphaned: boolean; createdAt: Date; updatedAt: Date };
  type Row = { highlight: HighlightRow; claim: { id: string; highlightId: string; claimReviewed: string } | null; tagIds: string[] };
  const rows: Row[] = [];
  const at = new Date();
  const add = (item: IncomingHighlight, where: { start: number; end: number; prefix: string; suffix: string; exact: string; orphaned: boolean }) => {
    const id = newId();
    const kind = kindOf(item);
    const tagIds: string[] = [];
    for (const name of item.tags) {
      const tagId = tagByName.get(name.toLocaleLowerCase("en"));
      if (tagId && !tagIds.includes(tagId)) tagIds.push(tagId);
      else if (!tagId) problems.push({ index: item.index, message: `The tag “${name}” does not exist in this workspace; it was not applied.` });
    }
    if (kind === "note" && tagIds.length > 0) problems.push({ index: item.index, message: "Tags apply to claims only; this note was imported without them." });
    rows.push({
      highlight: { id, statementId: statement.id, revisionId: revision.id, authorId: actor.userId, kind, body: item.body, ...where, createdAt: at, updatedAt: at },
      claim: kind === "claim" ? { id: newId(), highlightId: id, claimReviewed: normaliseClaimReviewed(item.claimReviewed ?? "") || proposeClaimReviewed(where.exact) } : null,
      tagIds: kind === "claim" ? tagIds : [],
    });
  };
  for (const p of placed) add(p.incoming, { ...describeRange(revision.text, p.start, p.end), start: p.start, end: p.end, orphaned: false });
  for (const o of orphans) {
    add(o, { start: 0, end: 0, exact: o.exact, prefix: o.prefix, suffix: o.suffix, orphaned: true });
    problems.push({ index: o.index, message: "The quote was not found in the current text; it was kept as an orphan to re-attach by hand." });
  }

  const claims = rows.filter((r) => r.claim).length;
  await db().$transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      const batch = rows.slice(i, i + INSERT_BATCH);
      await tx.highlight.createMany({ data: batch.map((r) => r.highlight) });
      const claimRows = batch.flatMap((r) => (r.claim ? [{ ...r.claim, workspaceId: ws.id, createdAt: at, updatedAt: at }] : []));
      if (claimRows.length) await tx.claim.createMany({ data: claimRows });
      const claimTags = batch.flatMap((r) => (r.claim ? r.tagIds.map((tagId) => ({ claimId: r.claim!.id, tagId })) : []));
      if (claimTags.length) await tx.claimTag.createMany({ data: claimTags });
    }
    if (claims) await tx.statement.update({ where: { id: statement.id }, data: { claimCount: { increment: claims } } });
    await recordActivity(tx, {
      workspaceId: ws.id,
      actorId: actor.userId,
      action: "annotations.imported",
      entityType: "statement",
      entityId: statement.id,
      data: { created: rows.length, placed: placed.length, orphaned: orphans.length, claims },
    });
  });
  problems.sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
  return { created: rows.length, placed: placed.length, orphaned: orphans.length, claims, notes: rows.length - claims, problems };
}

function describeProblem(p: ImportProblem): string {
  return p.index === null ? p.message : `Annotation ${p.index + 1}: ${p.message}`;
}
