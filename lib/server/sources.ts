import "server-only";
import { z } from "zod";
import { roleAtLeast, type Role } from "../roles";
import { citedNumbers, renumberAfterRemoval } from "../verdicts/citations";
import { normaliseSourceUrl, sameSource } from "../verdicts/source-url";
import { recordActivity } from "./activity";
import { db } from "./db";
import { Conflict, Forbidden, Invalid, NotFound } from "./errors";
import { workspaceIdOf } from "./members";
import { requireRole, type Actor } from "./permissions";
import { parseInput } from "./validate";

// The evidence behind a claim: links with a stance. Sources are numbered [1], [2]… in the order
// they were added, and verdict explanations cite them by that number, so the order never depends
// on anything editable. Sources stay editable while a verdict is in review (research goes on);
// each submitted verdict version keeps its own copy of the list it cited.

export const SOURCE_STANCES = ["supports", "refutes", "context"] as const;
export type SourceStance = (typeof SOURCE_STANCES)[number];

export const MAX_SOURCE_TITLE = 300;
export const MAX_SOURCE_PUBLISHER = 300;
export const MAX_SOURCE_EXCERPT = 5000;
/** A source is something already published; a day's grace covers time zones ahead of UTC. */
const FUTURE_GRACE_MS = 24 * 60 * 60 * 1000;

export type SourceDTO = {
  /** Its citation number on the claim: 1 for the first source added. */
  n: number;
  id: string;
  url: string;
  title: string;
  publisher: string;
  /** A calendar day, "YYYY-MM-DD". */
  publishedAt: string | null;
  excerpt: string;
  stance: SourceStance;
  archiveUrl: string | null;
  addedBy: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
};

// ---------------------------------------------------------------------------------------------
// Input

const IdSchema = (what: string) => z.string({ error: `Choose a ${what}.` }).min(1, `Choose a ${what}.`).max(100);

/** One line of text: Unicode-normalised, runs of whitespace (newlines too) made one space. */
const lineSchema = (max: number, label: string, required: boolean) =>
  z
    .string({ error: `${label} must be text.` })
    .transform((v) => v.normalize("NFC").replace(/\s+/g, " ").trim())
    .pipe(
      z
        .string()
        .min(required ? 1 : 0, `Enter the source's ${label.toLowerCase()}.`)
        .max(max, `${label}: use at most ${max.toLocaleString("en")} characters.`),
    );

const TitleSchema = lineSchema(MAX_SOURCE_TITLE, "Title", true);
const PublisherSchema = lineSchema(MAX_SOURCE_PUBLISHER, "Publisher", false);

// An excerpt is quoted as written, paragraphs included; only line endings are made uniform.
const ExcerptSchema = z
  .string({ error: "The excerpt must be text." })
  .transform((v) => v.normalize("NFC").replace(/\r\n?/g, "\n").trim())
  .pipe(z.string().max(MAX_SOURCE_EXCERPT, `Excerpt: use at most ${MAX_SOURCE_EXCERPT.toLocaleString("en")} characters.`));

const UrlSchema = z.string({ error: "Enter the link to the source." }).transform((v, ctx) => {
  const result = normaliseSourceUrl(v);
  if (result.ok) return result.url;
  ctx.addIssue({ code: "custom", message: result.message });
  return z.NEVER;
});

// Optional: an empty field means "no archived copy"; anything given follows the link rules.
const ArchiveUrlSchema = z.string({ error: "The archived copy must be a link." }).transform((v, ctx) => {
  if (v.trim() === "") return "";
  const result = normaliseSourceUrl(v);
  if (result.ok) return result.url;
  ctx.addIssue({ code: "custom", message: `Archived copy: ${result.message}` });
  return z.NEVER;
});

const StanceSchema = z.enum(SOURCE_STANCES, { error: "Choose whether the source supports or refutes the claim, or gives context." });

const PublishedAtSchema = z
  .string({ error: "Enter the date as YYYY-MM-DD." })
  .nullable()
  .transform((raw, ctx) => {
    const v = raw?.trim() ?? "";
    if (v === "") return null;
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
    if (!date || Number(match![1]) < 1000 || date.toISOString().slice(0, 10) !== v) {
      ctx.addIssue({ code: "custom", message: "Enter a real date as YYYY-MM-DD, e.g. 2023-07-29." });
      return z.NEVER;
    }
    if (date.getTime() > Date.now() + FUTURE_GRACE_MS) {
      ctx.addIssue({ code: "custom", message: "The publication date cannot be in the future." });
      return z.NEVER;
    }
    return date;
  });

const sourceFields = {
  url: UrlSchema,
  title: TitleSchema,
  publisher: PublisherSchema.optional().transform((v) => v ?? ""),
  publishedAt: PublishedAtSchema.optional().transform((v) => v ?? null),
  excerpt: ExcerptSchema.optional().transform((v) => v ?? ""),
  stance: StanceSchema,
  archiveUrl: ArchiveUrlSchema.optional().transform((v) => v ?? ""),
};

export const ListSourcesSchema = z.object({ workspaceId: z.string(), claimId: IdSchema("claim") });
export type ListSourcesInput = z.input<typeof ListSourcesSchema>;

export const AddSourceSchema = z.object({ workspaceId: z.string(), claimId: IdSchema("claim"), ...sourceFields });
export type AddSourceInput = z.input<typeof AddSourceSchema>;

/** Only the fields given are changed. */
export const UpdateSourceSchema = z.object({
  workspaceId: z.string(),
  sourceId: IdSchema("source"),
  url: UrlSchema.optional(),
  title: TitleSchema.optional(),
  publisher: PublisherSchema.optional(),
  publishedAt: PublishedAtSchema.optional(),
  excerpt: ExcerptSchema.optional(),
  stance: StanceSchema.optional(),
  archiveUrl: ArchiveUrlSchema.optional(),
});
export type UpdateSourceInput = z.input<typeof UpdateSourceSchema>;

export const RemoveSourceSchema = z.object({ workspaceId: z.string(), sourceId: IdSchema("source") });
export type RemoveSourceInput = z.input<typeof RemoveSourceSchema>;

// ---------------------------------------------------------------------------------------------
// Reading

const sourceSelect = {
  id: true,
  claimId: true,
  url: true,
  title: true,
  publisher: true,
  publishedAt: true,
  excerpt: true,
  stance: true,
  archiveUrl: true,
  createdAt: true,
  updatedAt: true,
  addedBy: { select: { id: true, name: true } },
} as const;

type SourceRow = {
  id: string;
  url: string;
  title: string;
  publisher: string;
  publishedAt: Date | null;
  excerpt: string;
  stance: string;
  archiveUrl: string;
  createdAt: Date;
  updatedAt: Date;
  addedBy: { id: string; name: string };
};

// The citation order: when added, the id breaking ties between sources added in the same instant.
const citationOrder = [{ createdAt: "asc" as const }, { id: "asc" as const }];

function toDTO(row: SourceRow, n: number): SourceDTO {
  return {
    n,
    id: row.id,
    url: row.url,
    title: row.title,
    publisher: row.publisher,
    publishedAt: row.publishedAt ? row.publishedAt.toISOString().slice(0, 10) : null,
    excerpt: row.excerpt,
    stance: (SOURCE_STANCES as readonly string[]).includes(row.stance) ? (row.stance as SourceStance) : "context",
    archiveUrl: row.archiveUrl === "" ? null : row.archiveUrl,
    addedBy: row.addedBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A live claim of the workspace (a deleted highlight takes its claim off every page). */
async function findClaim(workspaceId: string, claimId: string): Promise<{ id: string }> {
  const claim = await db().claim.findFirst({ where: { id: claimId, workspaceId, highlight: { deletedAt: null } }, select: { id: true } });
  if (!claim) throw new NotFound("claim");
  return claim;
}

async function numbered(claimId: string): Promise<SourceDTO[]> {
  const rows = await db().source.findMany({ where: { claimId }, select: sourceSelect, orderBy: citationOrder });
  return rows.map((row, i) => toDTO(row, i + 1));
}

async function numberedOne(claimId: string, sourceId: string): Promise<SourceDTO> {
  const found = (await numbered(claimId)).find((s) => s.id === sourceId);
  // Removed by someone else between our write and this read.
  if (!found) throw new NotFound("source");
  return found;
}

/** The claim's sources, numbered as cited. Any member may read them. */
export async function listSources(actor: Actor, input: ListSourcesInput): Promise<SourceDTO[]> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "viewer");
  const { claimId } = parseInput(ListSourcesSchema, input);
  const claim = await findClaim(ws.id, claimId);
  return numbered(claim.id);
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Who may edit or remove a source: whoever added it (while still a checker) or an editor. */
export function canChangeSource(role: Role, actorId: string, addedById: string): boolean {
  return roleAtLeast(role, "editor") || (roleAtLeast(role, "checker") && actorId === addedById);
}

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

/**
 * Serialises writers of one claim's sources, so two people adding the same page in two spellings
 * cannot both pass the duplicate check. SQLite transactions already run one at a time (BEGIN
 * IMMEDIATE); on PostgreSQL this takes the claim's row lock without changing the row.
 */
async function lockClaim(tx: Tx, claimId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "Claim" SET "status" = "status" WHERE "id" = ${claimId}`;
}

async function assertNotCited(tx: Tx, claimId: string, url: string, exceptId?: string): Promise<void> {
  const cited = await tx.source.findMany({ where: { claimId }, select: { id: true, url: true, title: true }, orderBy: citationOrder });
  const n = cited.findIndex((s) => s.id !== exceptId && sameSource(s.url, url));
  if (n >= 0) throw duplicate(n + 1, cited[n]!.title);
}

function duplicate(n: number | null, title: string | null): Conflict {
  const which = n !== null ? `source [${n}]${title ? ` (“${title}”)` : ""}` : "another source";
  const message = `This claim already cites this page as ${which}.`;
  return new Conflict(message, { url: [n !== null ? `Already cited as source [${n}].` : "Already cited by this claim."] });
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** Checkers add sources to any claim of the desk; the same page twice on one claim is refused. */
export async function addSource(actor: Actor, input: AddSourceInput): Promise<SourceDTO> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "checker");
  const parsed = parseInput(AddSourceSchema, input);
  const claim = await findClaim(ws.id, parsed.claimId);
  let id: string;
  try {
    id = await db().$transaction(async (tx) => {
      await lockClaim(tx, claim.id);
      await assertNotCited(tx, claim.id, parsed.url);
      const source = await tx.source.create({
        data: {
          claimId: claim.id,
          url: parsed.url,
          title: parsed.title,
          publisher: parsed.publisher,
          publishedAt: parsed.publishedAt,
          excerpt: parsed.excerpt,
          stance: parsed.stance,
          archiveUrl: parsed.archiveUrl,
          addedById: actor.userId,
        },
        select: { id: true },
      });
      await recordActivity(tx, {
        workspaceId: ws.id,
        actorId: actor.userId,
        action: "source.added",
        entityType: "source",
        entityId: source.id,
        data: { claimId: claim.id, url: parsed.url, title: parsed.title, stance: parsed.stance },
      });
      // Finding evidence is research: a claim still "to check" has started.
      const started = await tx.claim.updateMany({ where: { id: claim.id, status: "to_check" }, data: { status: "researching" } });
      if (started.count === 1) {
        await recordActivity(tx, {
          workspaceId: ws.id,
          actorId: actor.userId,
          action: "claim.updated",
          entityType: "claim",
          entityId: claim.id,
          data: { status: { from: "to_check", to: "researching" }, reason: "source added" },
        });
      }
      return source.id;
    });
  } catch (error) {
    // The lock makes this unlikely; the unique index is the last word all the same.
    if (isUniqueViolation(error)) throw duplicate(null, null);
    throw error;
  }
  return numberedOne(claim.id, id);
}

async function findSource(workspaceId: string, sourceId: string) {
  const source = await db().source.findFirst({
    where: { id: sourceId, claim: { workspaceId, highlight: { deletedAt: null } } },
    select: { ...sourceSelect, addedById: true },
  });
  if (!source) throw new NotFound("source");
  return source;
}

function assertMayChange(role: Role, actor: Actor, addedById: string): void {
  if (!canChangeSource(role, actor.userId, addedById)) {
    throw new Forbidden("Only the person who added this source or an editor can change it.");
  }
}

const sameDay = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
const dayOf = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** Edits a source: its author or an editor. The citation number stays. */
export async function updateSource(actor: Actor, input: UpdateSourceInput): Promise<SourceDTO> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "checker");
  const parsed = parseInput(UpdateSourceSchema, input);
  const source = await findSource(ws.id, parsed.sourceId);
  assertMayChange(ws.role, actor, source.addedById);

  const data: Record<string, unknown> = {};
  const changes: Record<string, unknown> = {};
  for (const field of ["url", "title", "publisher", "stance", "archiveUrl"] as const) {
    const next = parsed[field];
    if (next !== undefined && next !== source[field]) {
      data[field] = next;
      changes[field] = { from: source[field], to: next };
    }
  }
  if (parsed.excerpt !== undefined && parsed.excerpt !== source.excerpt) {
    data.excerpt = parsed.excerpt;
    // Excerpts run to thousands of characters; the log says that it changed, not what it said.
    changes.excerptChanged = true;
  }
  if (parsed.publishedAt !== undefined && !sameDay(parsed.publishedAt, source.publishedAt)) {
    data.publishedAt = parsed.publishedAt;
    changes.publishedAt = { from: dayOf(source.publishedAt), to: dayOf(parsed.publishedAt) };
  }
  if (Object.keys(data).length === 0) throw new Invalid("Nothing to change.");

  try {
    await db().$transaction(async (tx) => {
      if (data.url !== undefined) {
        await lockClaim(tx, source.claimId);
        await assertNotCited(tx, source.claimId, data.url as string, source.id);
      }
      // Conditional on the row still being there: a concurrent remove wins and this says so.
      const done = await tx.source.updateMany({ where: { id: source.id }, data });
      if (done.count !== 1) throw new NotFound("source");
      await recordActivity(tx, {
        workspaceId: ws.id,
        actorId: actor.userId,
        action: "source.updated",
        entityType: "source",
        entityId: source.id,
        data: { claimId: source.claimId, url: (data.url as string | undefined) ?? source.url, ...changes },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(null, null);
    throw error;
  }
  return numberedOne(source.claimId, source.id);
}

/**
 * Removes a source for good (its author or an editor); the activity log keeps what it was. Later
 * sources move up one number; verdict versions already submitted keep the numbers they cited.
 */
export async function removeSource(actor: Actor, input: RemoveSourceInput): Promise<{ id: string; claimId: string; title: string }> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "checker");
  const { sourceId } = parseInput(RemoveSourceSchema, input);
  const source = await findSource(ws.id, sourceId);
  assertMayChange(ws.role, actor, source.addedById);
  await db().$transaction(async (tx) => {
    const number = await tx.source.count({
      where: {
        claimId: source.claimId,
        OR: [{ createdAt: { lt: source.createdAt } }, { createdAt: source.createdAt, id: { lt: source.id } }],
      },
    }) + 1;
    const done = await tx.source.deleteMany({ where: { id: source.id } });
    if (done.count !== 1) throw new NotFound("source");
    const draftRenumbered = await renumberDraftCitations(tx, source.claimId, number);
    await recordActivity(tx, {
      workspaceId: ws.id,
      actorId: actor.userId,
      action: "source.removed",
      entityType: "source",
      entityId: source.id,
      data: {
        claimId: source.claimId,
        url: source.url,
        title: source.title,
        publisher: source.publisher,
        stance: source.stance,
        addedById: source.addedBy.id,
        number,
        ...(draftRenumbered ? { draftRenumbered: true } : {}),
      },
    });
  });
  return { id: source.id, claimId: source.claimId, title: source.title };
}

/**
 * Removing source n renumbers the ones after it, so a draft that cites them would silently point
 * at other sources. The draft's citations move with the list (the removed one reads "[source
 * removed]" for its author to fix). Only a draft the author still holds changes: a submitted
 * version keeps its own copy of the sources it cited. The lockVersion moves on, so an editor open
 * on the old text gets the conflict view instead of saving stale numbers over it.
 */
async function renumberDraftCitations(tx: Tx, claimId: string, removed: number): Promise<boolean> {
  const verdict = await tx.verdict.findFirst({
    where: { claimId, status: { in: ["draft", "changes_requested"] } },
    select: { id: true, explanation: true, lockVersion: true },
  });
  if (!verdict || !citedNumbers(verdict.explanation).some((n) => n >= removed)) return false;
  const updated = await tx.verdict.updateMany({
    where: { id: verdict.id, lockVersion: verdict.lockVersion },
    data: { explanation: renumberAfterRemoval(verdict.explanation, removed), lockVersion: { increment: 1 } },
  });
  if (updated.count !== 1) throw new Conflict("The verdict's draft was being saved at the same moment; remove the source again.");
  return true;
}
