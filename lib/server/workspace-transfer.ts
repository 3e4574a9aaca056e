import "server-only";
import { z } from "zod";
import { recordActivity } from "./activity";
import { newId } from "./annotation-queries";
import { db } from "./db";
import { Conflict, Invalid } from "./errors";
import { workspaceIdOf } from "./members";
import { requireRole, type Actor } from "./permissions";
import { ROLES } from "../roles";

// A whole desk as one JSON document, and back into an EMPTY workspace — on either database, so a
// desk moves from SQLite to PostgreSQL (scripts/workspace-export.ts, workspace-import.ts).
//
// What travels: the workspace's settings (publisher name, public base URL, self-approval; not its
// slug or name, which the target keeps), the people (by email and name; role when a member, null
// for former members whose work remains), statements with every revision, every highlight —
// orphans and soft-deleted ones too, since claims, comments and the activity log refer to them —
// claims with tags, tags (retired ones too), sources, the rating scale with every level, verdicts
// with versions and reviews, comments with mentions, and the activity log. What does not: passwords,
// sessions, invites and API tokens (secrets stay where they were made). People are matched by email;
// those new to the target are created without a password and cannot sign in (there is no password
// reset yet): operators create the accounts of people who will sign in before importing.
//
// Both sides are admin-only: the document holds every draft and every member's email address.
// Import validates the whole document first (zod, then every reference), writes nothing when
// anything is wrong, gives every row a new id (the source desk may live in the same database),
// and writes in one transaction with batched createMany.

export const TRANSFER_FORMAT = "factdesk-workspace";
export const TRANSFER_VERSION = 1;
const BATCH = 1_000;

const id = z.string().min(1).max(200);
const instant = z.iso.datetime({ offset: true });
const text = (max = 2_000_000) => z.string().max(max);

const PersonSchema = z.object({ id, email: z.string().trim().toLowerCase().email().max(320), name: text(200), role: z.enum(ROLES).nullable() });
const TagSchema = z.object({ id, name: text(100).min(1), color: text(50), retiredAt: instant.nullable(), createdAt: instant });
const LevelSchema = z.object({ id, label: text(100).min(1), color: text(50), description: text(5_000), ordinal: z.number().int().nullable(), position: z.number().int(), retiredAt: instant.nullable() });
const RevisionSchema = z.object({ id, number: z.number().int().min(1), text: text(), note: text(5_000), createdById: id, createdAt: instant });
const StatementSchema = z.object({
  id,
  title: text(1_000),
  speaker: text(1_000),
  outlet: text(1_000),
  url: text(5_000),
  publishedAt: instant.nullable(),
  language: text(50),
  contentHash: text(200),
  searchText: text(10_000),
  currentRevision: z.number().int().min(1),
  claimCount: z.number().int().min(0),
  createdById: id,
  createdAt: instant,
  updatedAt: instant,
  revisions: z.array(RevisionSchema).min(1),
});
const HighlightSchema = z.object({
  id,
  statementId: id,
  revisionId: id,
  authorId: id,
  start: z.number().int(),
  end: z.number().int(),
  exact: text(),
  prefix: text(1_000),
  suffix: text(1_000),
  kind: z.enum(["claim", "note"]),
  body: text(100_000),
  orphaned: z.boolean(),
  deletedAt: instant.nullable(),
  deletedById: id.nullable(),
  createdAt: instant,
  updatedAt: instant,
});
const ClaimSchema = z.object({
  id,
  highlightId: id,
  claimReviewed: text(5_000),
  status: z.enum(["to_check", "researching", "in_review", "checked"]),
  assigneeId: id.nullable(),
  tagIds: z.array(id),
  createdAt: instant,
  updatedAt: instant,
});
const SourceSchema = z.object({
  id,
  claimId: id,
  url: text(5_000),
  title: text(5_000),
  publisher: text(1_000),
  publishedAt: instant.nullable(),
  excerpt: text(100_000),
  stance: z.enum(["supports", "refutes", "context"]),
  archiveUrl: text(5_000),
  addedById: id,
  createdAt: instant,
  updatedAt: instant,
});
const VerdictSchema = z.object({
  id,
  claimId: id,
  levelId: id.nullable(),
  summary: text(100_000),
  explanation: text(),
  authorId: id,
  status: z.enum(["draft", "in_review", "changes_requested", "approved", "published", "withdrawn"]),
  version: z.number().int().min(0),
  lockVersion: z.number().int().min(0),
  submittedAt: instant.nullable(),
  publishedAt: instant.nullable(),
  withdrawnAt: instant.nullable(),
  withdrawnReason: text(10_000),
  createdAt: instant,
  updatedAt: instant,
});
const VersionSchema = z.object({ id, verdictId: id, version: z.number().int().min(0), levelId: id, summary: text(100_000), explanation: text(), submittedById: id, submittedAt: instant, sourcesJson: text() });
const ReviewSchema = z.object({
  id,
  verdictId: id,
  version: z.number().int().min(0),
  reviewerId: id,
  decision: z.enum(["approved", "changes_requested", "published", "withdrawn", "reopened"]),
  note: text(100_000),
  createdAt: instant,
});
const CommentSchema = z.object({ id, claimId: id, authorId: id, body: text(100_000), deletedAt: instant.nullable(), createdAt: instant, updatedAt: instant, mentionIds: z.array(id) });
const ActivitySchema = z.object({ actorId: id.nullable(), action: text(200), entityType: text(100), entityId: text(200), data: text(), at: instant });

export const WorkspaceDocumentSchema = z.object({
  format: z.literal(TRANSFER_FORMAT, { error: `This is not a Factdesk workspace export (format must be "${TRANSFER_FORMAT}").` }),
  version: z.literal(TRANSFER_VERSION, { error: `This export's format version is not supported (this Factdesk reads version ${TRANSFER_VERSION}).` }),
  exportedAt: instant,
  workspace: z.object({ slug: text(200), name: text(200), publisherName: text(200), publicBaseUrl: text(2_000), allowSelfApproval: z.boolean() }),
  people: z.array(PersonSchema),
  tags: z.array(TagSchema),
  ratingScale: z.object({ name: text(200), levels: z.array(LevelSchema) }).nullable(),
  statements: z.array(StatementSchema),
  highlights: z.array(HighlightSchema),
  claims: z.array(ClaimSchema),
  sources: z.array(SourceSchema),
  verdicts: z.array(VerdictSchema),
  verdictVersions: z.array(VersionSchema),
  reviews: z.array(ReviewSchema),
  comments: z.array(CommentSchema),
  activity: z.array(ActivitySchema),
});
export type WorkspaceDocument = z.infer<typeof WorkspaceDocumentSchema>;

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

// ---------------------------------------------------------------------------------------------
// Export

/** The whole workspace as one document (admins only). */
export async function exportWorkspace(actor: Actor, input: { workspaceId: string }): Promise<WorkspaceDocument> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "admin");
  const inWs = { workspaceId: ws.id };
  const byClaim = { claim: inWs };
  const byVerdict = { verdict: { claim: inWs } };
  const d = db();
  const [workspace, members, tags, scale, statements, highlights, claims, sources, verdicts, versions, reviews, comments, activity] = await Promise.all([
    d.workspace.findUniqueOrThrow({ where: { id: ws.id }, select: { slug: true, name: true, publisherName: true, publicBaseUrl: true, allowSelfApproval: true } }),
    d.membership.findMany({ where: inWs, select: { userId: true, role: true } }),
    d.tag.findMany({ where: inWs, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    d.ratingScale.findUnique({ where: { workspaceId: ws.id }, include: { levels: { orderBy: { position: "asc" } } } }),
    d.statement.findMany({ where: inWs, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { revisions: { orderBy: { number: "asc" } } } }),
    d.highlight.findMany({ where: { statement: inWs }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    d.claim.findMany({ where: inWs, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { tags: { select: { tagId: true } } } }),
    d.source.findMany({ where: byClaim, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    d.verdict.findMany({ where: byClaim, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    d.verdictVersion.findMany({ where: byVerdict, orderBy: [{ submittedAt: "asc" }, { version: "asc" }] }),
    d.review.findMany({ where: byVerdict, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    d.comment.findMany({ where: byClaim, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { mentions: { select: { userId: true } } } }),
    d.activityEvent.findMany({ where: inWs, orderBy: [{ at: "asc" }, { id: "asc" }] }),
  ]);

  // Everyone the desk's content names, members or not.
  const roles = new Map(members.map((m) => [m.userId, m.role]));
  const userIds = new Set<string>(roles.keys());
  const note = (uid: string | null | undefined) => void (uid && userIds.add(uid));
  statements.forEach((s) => (note(s.createdById), s.revisions.forEach((r) => note(r.createdById))));
  highlights.forEach((h) => (note(h.authorId), note(h.deletedById)));
  claims.forEach((c) => note(c.assigneeId));
  sources.forEach((s) => note(s.addedById));
  verdicts.forEach((v) => note(v.authorId));
  versions.forEach((v) => note(v.submittedById));
  reviews.forEach((r) => note(r.reviewerId));
  comments.forEach((c) => (note(c.authorId), c.mentions.forEach((m) => note(m.userId))));
  activity.forEach((a) => note(a.actorId));
  const users = await d.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, email: true, name: true }, orderBy: { email: "asc" } });

  return {
    format: TRANSFER_FORMAT,
    version: TRANSFER_VERSION,
    exportedAt: new Date().toISOString(),
    workspace,
    people: users.map((u) => ({ id: u.id, email: u.email, name: u.name, role: (roles.get(u.id) as (typeof ROLES)[number] | undefined) ?? null })),
    tags: tags.map((t) => ({ id: t.id, name: t.name, color: t.color, retiredAt: isoOrNull(t.retiredAt), createdAt: iso(t.createdAt) })),
    ratingScale: scale
      ? { name: scale.name, levels: scale.levels.map((l) => ({ id: l.id, label: l.label, color: l.color, description: l.description, ordinal: l.ordinal, position: l.position, retiredAt: isoOrNull(l.retiredAt) })) }
      : null,
    statements: statements.map((s) => ({
      id: s.id,
      title: s.title,
      speaker: s.speaker,
      outlet: s.outlet,
      url: s.url,
      publishedAt: isoOrNull(s.publishedAt),
      language: s.language,
      contentHash: s.contentHash,
      searchText: s.searchText,
      currentRevision: s.currentRevision,
      claimCount: s.claimCount,
      createdById: s.createdById,
      createdAt: iso(s.createdAt),
      updatedAt: iso(s.updatedAt),
      revisions: s.revisions.map((r) => ({ id: r.id, number: r.number, text: r.text, note: r.note, createdById: r.createdById, createdAt: iso(r.createdAt) })),
    })),
    highlights: highlights.map((h) => ({
      id: h.id,
      statementId: h.statementId,
      revisionId: h.revisionId,
      authorId: h.authorId,
      start: h.start,
      end: h.end,
      exact: h.exact,
      prefix: h.prefix,
      suffix: h.suffix,
      kind: h.kind === "claim" ? "claim" : "note",
      body: h.body,
      orphaned: h.orphaned,
      deletedAt: isoOrNull(h.deletedAt),
      deletedById: h.deletedById,
      createdAt: iso(h.createdAt),
      updatedAt: iso(h.updatedAt),
    })),
    claims: claims.map((c) => ({
      id: c.id,
      highlightId: c.highlightId,
      claimReviewed: c.claimReviewed,
      status: c.status as WorkspaceDocument["claims"][number]["status"],
      assigneeId: c.assigneeId,
      tagIds: c.tags.map((t) => t.tagId).sort(),
      createdAt: iso(c.createdAt),
      updatedAt: iso(c.updatedAt),
    })),
    sources: sources.map((s) => ({ ...s, publishedAt: isoOrNull(s.publishedAt), stance: s.stance as "supports", createdAt: iso(s.createdAt), updatedAt: iso(s.updatedAt) })),
    verdicts: verdicts.map((v) => ({
      ...v,
      status: v.status as WorkspaceDocument["verdicts"][number]["status"],
      submittedAt: isoOrNull(v.submittedAt),
      publishedAt: isoOrNull(v.publishedAt),
      withdrawnAt: isoOrNull(v.withdrawnAt),
      createdAt: iso(v.createdAt),
      updatedAt: iso(v.updatedAt),
    })),
    verdictVersions: versions.map((v) => ({ ...v, submittedAt: iso(v.submittedAt) })),
    reviews: reviews.map((r) => ({ ...r, decision: r.decision as WorkspaceDocument["reviews"][number]["decision"], createdAt: iso(r.createdAt) })),
    comments: comments.map(({ mentions, ...c }) => ({ ...c, deletedAt: isoOrNull(c.deletedAt), createdAt: iso(c.createdAt), updatedAt: iso(c.updatedAt), mentionIds: mentions.map((m) => m.userId).sort() })),
    activity: activity.map((a) => ({ actorId: a.actorId, action: a.action, entityType: a.entityType, entityId: a.entityId, data: a.data, at: iso(a.at) })),
  };
}

// ---------------------------------------------------------------------------------------------
// Import

export type ImportSummary = { people: number; peopleCreated: number; statements: number; highlights: number; claims: number; verdicts: number; comments: number; activity: number };

/** Zod's issues as "statements.3.title: …" lines, the first 50 of them. */
function zodMessages(error: z.ZodError): string[] {
  return error.issues.slice(0, 50).map((i) => `${i.path.length ? i.path.join(".") : "document"}: ${i.message}`);
}

/** Every reference must point at something the document holds; each id must be used once. */
function referenceProblems(doc: WorkspaceDocument): string[] {
  const problems: string[] = [];
  const ids = (name: string, rows: Array<{ id: string }>) => {
    const set = new Set<string>();
    for (const r of rows) {
      if (set.has(r.id)) problems.push(`${name}: the id ${r.id} is used twice.`);
      set.add(r.id);
    }
    return set;
  };
  const people = ids("people", doc.people);
  const emails = new Set<string>();
  for (const p of doc.people) {
    if (emails.has(p.email)) problems.push(`people: the email ${p.email} is listed twice.`);
    emails.add(p.email);
  }
  const tags = ids("tags", doc.tags);
  const levels = ids("ratingScale.levels", doc.ratingScale?.levels ?? []);
  const statements = ids("statements", doc.statements);
  const revisions = ids("statements.revisions", doc.statements.flatMap((s) => s.revisions));
  const highlights = ids("highlights", doc.highlights);
  const claims = ids("claims", doc.claims);
  ids("sources", doc.sources);
  const verdicts = ids("verdicts", doc.verdicts);
  ids("verdictVersions", doc.verdictVersions);
  ids("reviews", doc.reviews);
  ids("comments", doc.comments);
  const check = (where: string, ref: string | null, set: Set<string>, what: string) => {
    if (ref !== null && !set.has(ref)) problems.push(`${where}: refers to ${what} ${ref}, which the export does not hold.`);
  };
  doc.statements.forEach((s, i) => {
    check(`statements.${i}.createdById`, s.createdById, people, "person");
    if (!s.revisions.some((r) => r.number === s.currentRevision)) problems.push(`statements.${i}: its current revision ${s.currentRevision} is missing.`);
    s.revisions.forEach((r, j) => check(`statements.${i}.revisions.${j}.createdById`, r.createdById, people, "person"));
  });
  const revisionOwner = new Map(doc.statements.flatMap((s) => s.revisions.map((r) => [r.id, s.id] as const)));
  doc.highlights.forEach((h, i) => {
    check(`highlights.${i}.statementId`, h.statementId, statements, "statement");
    check(`highlights.${i}.revisionId`, h.revisionId, revisions, "revision");
    if (revisions.has(h.revisionId) && revisionOwner.get(h.revisionId) !== h.statementId) problems.push(`highlights.${i}: its revision belongs to another statement.`);
    check(`highlights.${i}.authorId`, h.authorId, people, "person");
    check(`highlights.${i}.deletedById`, h.deletedById, people, "person");
  });
  const claimed = new Set<string>();
  doc.claims.forEach((c, i) => {
    check(`claims.${i}.highlightId`, c.highlightId, highlights, "highlight");
    if (claimed.has(c.highlightId)) problems.push(`claims.${i}: another claim has the same highlight.`);
    claimed.add(c.highlightId);
    check(`claims.${i}.assigneeId`, c.assigneeId, people, "person");
    c.tagIds.forEach((t, j) => check(`claims.${i}.tagIds.${j}`, t, tags, "tag"));
  });
  doc.sources.forEach((s, i) => (check(`sources.${i}.claimId`, s.claimId, claims, "claim"), check(`sources.${i}.addedById`, s.addedById, people, "person")));
  doc.verdicts.forEach((v, i) => {
    check(`verdicts.${i}.claimId`, v.claimId, claims, "claim");
    check(`verdicts.${i}.levelId`, v.levelId, levels, "rating level");
    check(`verdicts.${i}.authorId`, v.authorId, people, "person");
  });
  doc.verdictVersions.forEach((v, i) => {
    check(`verdictVersions.${i}.verdictId`, v.verdictId, verdicts, "verdict");
    check(`verdictVersions.${i}.levelId`, v.levelId, levels, "rating level");
    check(`verdictVersions.${i}.submittedById`, v.submittedById, people, "person");
  });
  doc.reviews.forEach((r, i) => (check(`reviews.${i}.verdictId`, r.verdictId, verdicts, "verdict"), check(`reviews.${i}.reviewerId`, r.reviewerId, people, "person")));
  doc.comments.forEach((c, i) => {
    check(`comments.${i}.claimId`, c.claimId, claims, "claim");
    check(`comments.${i}.authorId`, c.authorId, people, "person");
    c.mentionIds.forEach((m, j) => check(`comments.${i}.mentionIds.${j}`, m, people, "person"));
  });
  doc.activity.forEach((a, i) => check(`activity.${i}.actorId`, a.actorId, people, "person"));
  return problems.slice(0, 50);
}

/** Parses and checks a document without touching the database; Invalid lists what is wrong. */
export function validateWorkspaceDocument(input: unknown): WorkspaceDocument {
  const parsed = WorkspaceDocumentSchema.safeParse(input);
  if (!parsed.success) {
    const messages = zodMessages(parsed.error);
    throw new Invalid(`The export cannot be imported: ${messages[0]}${messages.length > 1 ? ` (and ${messages.length - 1} more problems)` : ""}`, { document: messages });
  }
  const problems = referenceProblems(parsed.data);
  if (problems.length) throw new Invalid(`The export is inconsistent: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : ""}`, { document: problems });
  return parsed.data;
}

const date = (s: string) => new Date(s);
const dateOrNull = (s: string | null) => (s === null ? null : new Date(s));

/** Ids inside an activity event's data (e.g. {"claimId": …}) follow their rows to their new ids. */
function remapJson(data: string, map: Map<string, string>): string {
  try {
    return JSON.stringify(JSON.parse(data), (_key, value: unknown) => (typeof value === "string" ? (map.get(value) ?? value) : value));
  } catch {
    return data;
  }
}

async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

/**
 * Imports a document into an empty workspace (no statements yet: the starter tags and scale of a
 * new workspace are replaced by the export's). Admins only. People are matched by email; those
 * missing are created without a password. The importing admin stays admin.
 */
export async function importWorkspace(actor: Actor, input: { workspaceId: string; document: unknown }): Promise<ImportSummary> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "admin");
  const doc = validateWorkspaceDocument(input.document);
  const d = db();

  return d.$transaction(
    async (tx) => {
      if ((await tx.statement.count({ where: { workspaceId: ws.id } })) > 0) {
        throw new Conflict("This workspace already has statements; import into a new, empty workspace.");
      }
      const map = new Map<string, string>();
      const fresh = (old: string) => {
        const next = newId();
        map.set(old, next);
        return next;
      };
      const to = (old: string) => map.get(old)!;
      const toOrNull = (old: string | null) => (old === null ? null : to(old));

      // People: matched by email, created when missing (no password: they reset or are invited).
      const existing = await tx.user.findMany({ where: { email: { in: doc.people.map((p) => p.email) } }, select: { id: true, email: true } });
      const byEmail = new Map(existing.map((u) => [u.email.toLowerCase(), u.id]));
      const created = doc.people.filter((p) => !byEmail.has(p.email)).map((p) => ({ id: newId(), email: p.email, name: p.name }));
      await inBatches(created, (batch) => tx.user.createMany({ data: batch }));
      created.forEach((u) => byEmail.set(u.email, u.id));
      doc.people.forEach((p) => map.set(p.id, byEmail.get(p.email)!));
      const current = await tx.membership.findMany({ where: { workspaceId: ws.id }, select: { userId: true } });
      const already = new Set(current.map((m) => m.userId));
      const memberships = doc.people.filter((p) => p.role && !already.has(to(p.id))).map((p) => ({ workspaceId: ws.id, userId: to(p.id), role: p.role! }));
      await inBatches(memberships, (batch) => tx.membership.createMany({ data: batch }));

      await tx.workspace.update({
        where: { id: ws.id },
        data: { publisherName: doc.workspace.publisherName, publicBaseUrl: doc.workspace.publicBaseUrl, allowSelfApproval: doc.workspace.allowSelfApproval },
      });

      // The starter tags and scale give way to the desk's own.
      await tx.tag.deleteMany({ where: { workspaceId: ws.id } });
      await tx.ratingLevel.deleteMany({ where: { scale: { workspaceId: ws.id } } });
      await tx.ratingScale.deleteMany({ where: { workspaceId: ws.id } });
      await inBatches(doc.tags, (batch) =>
        tx.tag.createMany({ data: batch.map((t) => ({ id: fresh(t.id), workspaceId: ws.id, name: t.name, color: t.color, retiredAt: dateOrNull(t.retiredAt), createdAt: date(t.createdAt) })) }),
      );
      if (doc.ratingScale) {
        const scaleId = newId();
        await tx.ratingScale.create({ data: { id: scaleId, workspaceId: ws.id, name: doc.ratingScale.name } });
        await tx.ratingLevel.createMany({ data: doc.ratingScale.levels.map((l) => ({ ...l, id: fresh(l.id), scaleId, retiredAt: dateOrNull(l.retiredAt) })) });
      }

      await inBatches(doc.statements, async (batch) => {
        await tx.statement.createMany({
          data: batch.map(({ revisions: _revisions, ...s }) => ({
            ...s,
            id: fresh(s.id),
            workspaceId: ws.id,
            createdById: to(s.createdById),
            publishedAt: dateOrNull(s.publishedAt),
            createdAt: date(s.createdAt),
            updatedAt: date(s.updatedAt),
          })),
        });
        await tx.statementRevision.createMany({
          data: batch.flatMap((s) => s.revisions.map((r) => ({ ...r, id: fresh(r.id), statementId: to(s.id), createdById: to(r.createdById), createdAt: date(r.createdAt) }))),
        });
      });
      await inBatches(doc.highlights, (batch) =>
        tx.highlight.createMany({
          data: batch.map((h) => ({
            ...h,
            id: fresh(h.id),
            statementId: to(h.statementId),
            revisionId: to(h.revisionId),
            authorId: to(h.authorId),
            deletedById: toOrNull(h.deletedById),
            deletedAt: dateOrNull(h.deletedAt),
            createdAt: date(h.createdAt),
            updatedAt: date(h.updatedAt),
          })),
        }),
      );
      await inBatches(doc.claims, async (batch) => {
        await tx.claim.createMany({
          data: batch.map(({ tagIds: _tagIds, ...c }) => ({
            ...c,
            id: fresh(c.id),
            workspaceId: ws.id,
            highlightId: to(c.highlightId),
            assigneeId: toOrNull(c.assigneeId),
            createdAt: date(c.createdAt),
            updatedAt: date(c.updatedAt),
          })),
        });
        const claimTags = batch.flatMap((c) => [...new Set(c.tagIds)].map((t) => ({ claimId: to(c.id), tagId: to(t) })));
        if (claimTags.length) await tx.claimTag.createMany({ data: claimTags });
      });
      await inBatches(doc.sources, (batch) =>
        tx.source.createMany({
          data: batch.map((s) => ({ ...s, id: fresh(s.id), claimId: to(s.claimId), addedById: to(s.addedById), publishedAt: dateOrNull(s.publishedAt), createdAt: date(s.createdAt), updatedAt: date(s.updatedAt) })),
        }),
      );
      await inBatches(doc.verdicts, (batch) =>
        tx.verdict.createMany({
          data: batch.map((v) => ({
            ...v,
            id: fresh(v.id),
            claimId: to(v.claimId),
            levelId: toOrNull(v.levelId),
            authorId: to(v.authorId),
            submittedAt: dateOrNull(v.submittedAt),
            publishedAt: dateOrNull(v.publishedAt),
            withdrawnAt: dateOrNull(v.withdrawnAt),
            createdAt: date(v.createdAt),
            updatedAt: date(v.updatedAt),
          })),
        }),
      );
      await inBatches(doc.verdictVersions, (batch) =>
        tx.verdictVersion.createMany({
          data: batch.map((v) => ({ ...v, id: fresh(v.id), verdictId: to(v.verdictId), levelId: to(v.levelId), submittedById: to(v.submittedById), submittedAt: date(v.submittedAt) })),
        }),
      );
      await inBatches(doc.reviews, (batch) =>
        tx.review.createMany({ data: batch.map((r) => ({ ...r, id: fresh(r.id), verdictId: to(r.verdictId), reviewerId: to(r.reviewerId), createdAt: date(r.createdAt) })) }),
      );
      await inBatches(doc.comments, async (batch) => {
        await tx.comment.createMany({
          data: batch.map(({ mentionIds: _m, ...c }) => ({
            ...c,
            id: fresh(c.id),
            claimId: to(c.claimId),
            authorId: to(c.authorId),
            deletedAt: dateOrNull(c.deletedAt),
            createdAt: date(c.createdAt),
            updatedAt: date(c.updatedAt),
          })),
        });
        const mentions = batch.flatMap((c) => [...new Set(c.mentionIds)].map((m) => ({ commentId: to(c.id), userId: to(m) })));
        if (mentions.length) await tx.commentMention.createMany({ data: mentions });
      });
      await inBatches(doc.activity, (batch) =>
        tx.activityEvent.createMany({
          data: batch.map((a) => ({
            workspaceId: ws.id,
            actorId: toOrNull(a.actorId),
            action: a.action,
            entityType: a.entityType,
            entityId: map.get(a.entityId) ?? a.entityId,
            data: remapJson(a.data, map),
            at: date(a.at),
          })),
        }),
      );
      const summary: ImportSummary = {
        people: doc.people.length,
        peopleCreated: created.length,
        statements: doc.statements.length,
        highlights: doc.highlights.length,
        claims: doc.claims.length,
        verdicts: doc.verdicts.length,
        comments: doc.comments.length,
        activity: doc.activity.length,
      };
      await recordActivity(tx, { workspaceId: ws.id, actorId: actor.userId, action: "workspace.imported", entityType: "workspace", entityId: ws.id, data: { from: doc.workspace.slug, ...summary } });
      return summary;
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
}
