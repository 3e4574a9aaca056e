import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { extractText, ImportProblem, textProblem } from "../import";
import { hashNormalisedText, MAX_TITLE_LENGTH, normaliseText, proposeTitle, splitParagraphs } from "../text";
import { join, sql } from "../generated/sqlite/internal/prismaNamespace";
import { recordActivity } from "./activity";
import { db } from "./db";
import { Invalid, NotFound, ServiceError } from "./errors";
import { requireRole, type Actor } from "./permissions";
import { parseInput } from "./validate";

// ---------------------------------------------------------------------------------------------
// Input

/** Form fields arrive as strings: trimmed, and an empty one means "not given". */
const optionalString = (max: number, label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, `${label}: use at most ${max} characters.`)
    .optional()
    .transform((v) => v ?? "");

const DateSchema = z
  .string({ error: "Enter the date as YYYY-MM-DD." })
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
    if (!date || date.toISOString().slice(0, 10) !== v) {
      ctx.addIssue({ code: "custom", message: "Enter a real date as YYYY-MM-DD, e.g. 2023-07-29." });
      return z.NEVER;
    }
    return date;
  });

const UrlSchema = z
  .string({ error: "Enter a web address." })
  .trim()
  .max(2000, "The address is too long (at most 2,000 characters).")
  .optional()
  .refine((v) => !v || isHttpUrl(v), { message: "Enter a web address starting with http:// or https://." })
  .transform((v) => v ?? "");

const LanguageSchema = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(v), {
    message: "Use a language code such as en, fr, az or pt-BR.",
  })
  .transform((v) => v ?? "");

export const StatementMetadataSchema = z.object({
  title: optionalString(MAX_TITLE_LENGTH, "Title"),
  speaker: optionalString(200, "Speaker"),
  outlet: optionalString(200, "Outlet"),
  url: UrlSchema,
  publishedAt: DateSchema,
  language: LanguageSchema,
});
export type StatementMetadata = z.input<typeof StatementMetadataSchema>;

export const ImportStatementSchema = StatementMetadataSchema.extend({
  workspaceId: z.string(),
  text: z.string({ error: "Paste the statement's text." }),
});
export type ImportStatementInput = z.input<typeof ImportStatementSchema>;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

function workspaceIdOf(input: unknown): string {
  const id = (input as { workspaceId?: unknown } | null)?.workspaceId;
  return typeof id === "string" ? id : "";
}

// ---------------------------------------------------------------------------------------------
// Preparation: everything an import needs, computed in JS before touching the database.

type Prepared = {
  title: string;
  speaker: string;
  outlet: string;
  url: string;
  publishedAt: Date | null;
  language: string;
  text: string;
  contentHash: string;
  searchText: string;
};

/** Validates metadata and text; throws Invalid with per-field messages. */
function prepare(input: unknown, suggestedTitle?: string): Prepared {
  const parsed = parseInput(ImportStatementSchema, input);
  const text = normaliseText(parsed.text);
  // Normalising only removes whitespace, so the size and control-character checks still hold.
  const problem = textProblem(text);
  if (problem) throw new Invalid(problem, { text: [problem] });
  const title = (parsed.title || suggestedTitle?.replace(/\s+/g, " ").trim().slice(0, MAX_TITLE_LENGTH) || proposeTitle(text)).normalize("NFC");
  return {
    title,
    speaker: parsed.speaker.normalize("NFC"),
    outlet: parsed.outlet.normalize("NFC"),
    url: parsed.url,
    publishedAt: parsed.publishedAt,
    language: parsed.language,
    text,
    contentHash: hashNormalisedText(text),
    searchText: searchTextOf(title, parsed.speaker, parsed.outlet),
  };
}

// Joined by newlines so a search never matches across two fields.
function searchTextOf(title: string, speaker: string, outlet: string): string {
  return [title, speaker, outlet].filter(Boolean).join("\n").normalize("NFC").toLowerCase();
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

let idCounter = 0;
/** Collision-resistant ids made in JS, so bulk inserts can link revisions without a read back. */
function newId(): string {
  idCounter = (idCounter + 1) % 1_679_616;
  // randomUUID draws from a cached entropy pool: much cheaper per id than randomBytes.
  return `c${Date.now().toString(36)}${idCounter.toString(36).padStart(4, "0")}${randomUUID().slice(-12)}`;
}

// ---------------------------------------------------------------------------------------------
// Import one

export type StatementRef = { id: string; title: string };
export type ImportStatementResult =
  | { status: "created"; statement: StatementRef }
  | { status: "duplicate"; existing: StatementRef };

/**
 * Imports one statement: its text normalised, a title proposed when none is given, revision 1,
 * and the activity event, together. The same text already in the workspace is not imported again:
 * the existing statement is returned instead.
 */
export async function importStatement(actor: Actor, input: ImportStatementInput): Promise<ImportStatementResult> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "checker");
  const prepared = prepare(input);
  return insertOne(actor, ws.id, prepared);
}

async function findByHash(workspaceId: string, hash: string): Promise<StatementRef | null> {
  return db().statement.findUnique({
    where: { workspaceId_contentHash: { workspaceId, contentHash: hash } },
    select: { id: true, title: true },
  });
}

async function insertOne(actor: Actor, workspaceId: string, prepared: Prepared): Promise<ImportStatementResult> {
  const existing = await findByHash(workspaceId, prepared.contentHash);
  if (existing) return { status: "duplicate", existing };
  const { text, ...fields } = prepared;
  try {
    const statement = await db().$transaction(async (tx) => {
      const created = await tx.statement.create({
        data: {
          ...fields,
          workspaceId,
          createdById: actor.userId,
          revisions: { create: { number: 1, text, createdById: actor.userId } },
        },
        select: { id: true, title: true },
      });
      await recordActivity(tx, {
        workspaceId,
        actorId: actor.userId,
        action: "statement.imported",
        entityType: "statement",
        entityId: created.id,
        data: { title: created.title },
      });
      return created;
    });
    return { status: "created", statement };
  } catch (error) {
    // Someone imported the same text between our check and our insert: the unique index decided.
    if (!isUniqueViolation(error)) throw error;
    const winner = await findByHash(workspaceId, prepared.contentHash);
    if (!winner) throw error;
    return { status: "duplicate", existing: winner };
  }
}

// ---------------------------------------------------------------------------------------------
// Import many (uploads and the command line)

export type ImportItem = StatementMetadata & {
  /** How the item is named in the summary: usually its file name. */
  name: string;
  text?: string;
  bytes?: Uint8Array;
  filename?: string;
};

export type ImportStatementsInput = {
  workspaceId: string;
  items: ImportItem[];
  /** Metadata shared by all items (an upload's form fields); an item's own values win. */
  shared?: Omit<StatementMetadata, "title">;
};

export type ImportSummary = {
  created: Array<{ name: string; statement: StatementRef }>;
  duplicates: Array<{ name: string; existing: StatementRef }>;
  failed: Array<{ name: string; message: string }>;
};

const ImportStatementsSchema = z.object({
  workspaceId: z.string(),
  items: z.array(z.object({ name: z.string() }).passthrough(), { error: "Choose at least one file." }).min(1, "Choose at least one file."),
});

const CHUNK = 500;

/**
 * Imports many statements at once. Authorizes once, prepares everything in JS, finds duplicates
 * with one query per chunk of hashes, and writes each chunk (statements, revisions, activity) with
 * createMany in one transaction — fast enough for tens of thousands of statements on SQLite. One
 * bad item never stops the others: it is reported in `failed` with the reason.
 */
export async function importStatements(
  actor: Actor,
  input: ImportStatementsInput,
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<ImportSummary> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "checker");
  // Shared metadata is checked first, so a mistyped date is one field error, not N failed files.
  const shared = input.shared ?? {};
  parseInput(StatementMetadataSchema.omit({ title: true }), shared);
  const { items } = parseInput(ImportStatementsSchema, input) as { items: ImportItem[] };
  const summary: ImportSummary = { created: [], duplicates: [], failed: [] };
  const total = items.length;
  let done = 0;
  const progress = (n: number) => {
    done += n;
    options.onProgress?.(done, total);
  };

  // 1. Extract and prepare.
  const ready: Array<{ name: string; prepared: Prepared }> = [];
  for (const item of items) {
    try {
      const { name, bytes, filename, text, ...own } = item;
      const metadata = { ...shared, ...Object.fromEntries(Object.entries(own).filter(([, v]) => v !== undefined && v !== "")) };
      let extracted: { text: string; title?: string };
      if (bytes) extracted = await extractText({ filename: filename ?? name, bytes });
      else if (typeof text === "string") extracted = { text };
      else throw new ImportProblem("There is no text to import.");
      ready.push({ name, prepared: prepare({ ...metadata, workspaceId: ws.id, text: extracted.text }, extracted.title) });
    } catch (error) {
      summary.failed.push({ name: item.name, message: failureMessage(error) });
      progress(1);
    }
  }

  // 2. Insert chunk by chunk.
  const seen = new Map<string, StatementRef>();
  for (let start = 0; start < ready.length; start += CHUNK) {
    const chunk = ready.slice(start, start + CHUNK);
    const existing = await db().statement.findMany({
      where: { workspaceId: ws.id, contentHash: { in: [...new Set(chunk.map((c) => c.prepared.contentHash))] } },
      select: { id: true, title: true, contentHash: true },
    });
    for (const row of existing) seen.set(row.contentHash, { id: row.id, title: row.title });

    const fresh: Array<{ name: string; prepared: Prepared; id: string }> = [];
    for (const { name, prepared } of chunk) {
      const earlier = seen.get(prepared.contentHash);
      if (earlier) {
        summary.duplicates.push({ name, existing: earlier });
        continue;
      }
      const id = newId();
      seen.set(prepared.contentHash, { id, title: prepared.title });
      fresh.push({ name, prepared, id });
    }

    if (fresh.length) {
      try {
        await insertChunk(actor, ws.id, fresh);
        for (const f of fresh) summary.created.push({ name: f.name, statement: { id: f.id, title: f.prepared.title } });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // A concurrent import took some of these texts: fall back to one by one for this chunk.
        for (const f of fresh) {
          seen.delete(f.prepared.contentHash);
          const result = await insertOne(actor, ws.id, f.prepared);
          if (result.status === "created") {
            summary.created.push({ name: f.name, statement: result.statement });
            seen.set(f.prepared.contentHash, result.statement);
          } else {
            summary.duplicates.push({ name: f.name, existing: result.existing });
            seen.set(f.prepared.contentHash, result.existing);
          }
        }
      }
    }
    progress(chunk.length);
  }
  return summary;
}

// Raw multi-row INSERTs: Prisma's createMany spends most of a bulk import serialising and
// validating its arguments (measured: ~3x slower for 10,000 statements). Dates are passed as Date
// parameters, so the driver adapter stores them exactly as Prisma's own writes do.
async function insertChunk(actor: Actor, workspaceId: string, fresh: Array<{ prepared: Prepared; id: string }>) {
  const now = new Date();
  const statements = sql`INSERT INTO "Statement" ("id", "workspaceId", "title", "speaker", "outlet", "url", "publishedAt", "language", "contentHash", "searchText", "currentRevision", "claimCount", "createdById", "createdAt", "updatedAt") VALUES ${join(
    fresh.map(
      ({ id, prepared: p }) =>
        sql`(${id}, ${workspaceId}, ${p.title}, ${p.speaker}, ${p.outlet}, ${p.url}, ${p.publishedAt}, ${p.language}, ${p.contentHash}, ${p.searchText}, 1, 0, ${actor.userId}, ${now}, ${now})`,
    ),
  )}`;
  const revisions = sql`INSERT INTO "StatementRevision" ("id", "statementId", "number", "text", "note", "createdById", "createdAt") VALUES ${join(
    fresh.map(({ id, prepared: p }) => sql`(${newId()}, ${id}, 1, ${p.text}, '', ${actor.userId}, ${now})`),
  )}`;
  // The same rows recordActivity writes, one per statement.
  const events = sql`INSERT INTO "ActivityEvent" ("id", "workspaceId", "actorId", "action", "entityType", "entityId", "data", "at") VALUES ${join(
    fresh.map(
      ({ id, prepared: p }) =>
        sql`(${newId()}, ${workspaceId}, ${actor.userId}, 'statement.imported', 'statement', ${id}, ${JSON.stringify({ title: p.title })}, ${now})`,
    ),
  )}`;
  await db().$transaction([db().$executeRaw(statements), db().$executeRaw(revisions), db().$executeRaw(events)]);
}

function failureMessage(error: unknown): string {
  if (error instanceof ImportProblem) return error.message;
  if (error instanceof Invalid) {
    const fields = Object.values(error.fieldErrors ?? {}).flat();
    return fields.length ? fields.join(" ") : error.message;
  }
  if (error instanceof ServiceError) return error.message;
  throw error;
}

// ---------------------------------------------------------------------------------------------
// List

export const STATEMENT_SORTS = ["published", "imported", "title", "claims"] as const;
export type StatementSort = (typeof STATEMENT_SORTS)[number];

/** Titles read A→Z; dates and counts newest/most first. */
export function defaultDirection(sort: StatementSort): "asc" | "desc" {
  return sort === "title" ? "asc" : "desc";
}

// Lenient on purpose: these come from the address bar, where a stale or mistyped value should
// fall back to the default rather than break the page.
export const ListStatementsSchema = z.object({
  workspaceId: z.string(),
  q: z.string().trim().max(200).optional().catch(undefined),
  sort: z.enum(STATEMENT_SORTS).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
  pageSize: z.coerce.number().int().min(1).max(100).optional().catch(undefined),
});
export type ListStatementsInput = z.input<typeof ListStatementsSchema>;

export type StatementListItem = {
  id: string;
  title: string;
  speaker: string;
  outlet: string;
  /** The publication date as YYYY-MM-DD, or null when unknown. */
  publishedAt: string | null;
  importedAt: Date;
  claimCount: number;
};

export type StatementList = {
  items: StatementListItem[];
  total: number;
  page: number;
  pageSize: number;
  q: string;
  sort: StatementSort;
  dir: "asc" | "desc";
};

export const DEFAULT_PAGE_SIZE = 25;

export async function listStatements(actor: Actor, input: ListStatementsInput): Promise<StatementList> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "viewer");
  const parsed = parseInput(ListStatementsSchema, input);
  const q = parsed.q ?? "";
  const sort = parsed.sort ?? "imported";
  const dir = parsed.dir ?? defaultDirection(sort);
  const pageSize = parsed.pageSize ?? DEFAULT_PAGE_SIZE;
  const needle = q.normalize("NFC").toLowerCase();
  const orderBy =
    sort === "published"
      ? [{ publishedAt: { sort: dir, nulls: "last" as const } }, { createdAt: dir }, { id: dir }]
      : sort === "title"
        ? // searchText starts with the lower-cased title: case-insensitive A→Z on both databases.
          [{ searchText: dir }, { id: dir }]
        : sort === "claims"
          ? [{ claimCount: dir }, { createdAt: "desc" as const }, { id: dir }]
          : [{ createdAt: dir }, { id: dir }];
  const select = { id: true, title: true, speaker: true, outlet: true, publishedAt: true, createdAt: true, claimCount: true };

  let total: number;
  let page: number;
  let rows: Array<{ id: string; title: string; speaker: string; outlet: string; publishedAt: Date | null; createdAt: Date; claimCount: number }>;
  if (!/[%_\\]/.test(needle)) {
    const where = { workspaceId: ws.id, ...(needle ? { searchText: { contains: needle } } : {}) };
    total = await db().statement.count({ where });
    page = Math.min(parsed.page ?? 1, lastPageOf(total, pageSize));
    rows = await db().statement.findMany({ where, orderBy, skip: (page - 1) * pageSize, take: pageSize, select });
  } else {
    // Prisma hands `contains` to LIKE without escaping, and SQLite's LIKE has no default escape
    // character: a search for "100%" or "a_b" must not act as a pattern. Narrow by the literal
    // pieces in the database, then match exactly here.
    const pieces = needle.split(/[%_\\]+/).filter(Boolean);
    const candidates = await db().statement.findMany({
      where: { workspaceId: ws.id, AND: pieces.map((piece) => ({ searchText: { contains: piece } })) },
      orderBy,
      select: { id: true, searchText: true },
    });
    const matching = candidates.filter((c) => c.searchText.includes(needle)).map((c) => c.id);
    total = matching.length;
    page = Math.min(parsed.page ?? 1, lastPageOf(total, pageSize));
    const ids = matching.slice((page - 1) * pageSize, page * pageSize);
    const byId = new Map((await db().statement.findMany({ where: { id: { in: ids } }, select })).map((r) => [r.id, r]));
    rows = ids.map((id) => byId.get(id)!);
  }
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      speaker: r.speaker,
      outlet: r.outlet,
      publishedAt: dateOnly(r.publishedAt),
      importedAt: r.createdAt,
      claimCount: r.claimCount,
    })),
    total,
    page,
    pageSize,
    q,
    sort,
    dir,
  };
}

function lastPageOf(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

function dateOnly(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

// ---------------------------------------------------------------------------------------------
// Get one

export type StatementDetail = {
  id: string;
  title: string;
  speaker: string;
  outlet: string;
  url: string;
  /** YYYY-MM-DD, or null when unknown. */
  publishedAt: string | null;
  language: string;
  importedAt: Date;
  importedBy: { name: string };
  revision: { id: string; number: number; text: string; createdAt: Date };
  paragraphs: string[];
  claimCount: number;
};

const GetStatementSchema = z.object({ workspaceId: z.string(), statementId: z.string().min(1).max(100) });

export async function getStatement(actor: Actor, input: { workspaceId: string; statementId: string }): Promise<StatementDetail> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "viewer");
  const { statementId } = parseInput(GetStatementSchema, input);
  const statement = await db().statement.findFirst({
    where: { id: statementId, workspaceId: ws.id },
    select: {
      id: true,
      title: true,
      speaker: true,
      outlet: true,
      url: true,
      publishedAt: true,
      language: true,
      createdAt: true,
      currentRevision: true,
      claimCount: true,
      createdBy: { select: { name: true } },
    },
  });
  if (!statement) throw new NotFound("statement");
  const revision = await db().statementRevision.findUnique({
    where: { statementId_number: { statementId: statement.id, number: statement.currentRevision } },
    select: { id: true, number: true, text: true, createdAt: true },
  });
  if (!revision) throw new NotFound("statement revision");
  return {
    id: statement.id,
    title: statement.title,
    speaker: statement.speaker,
    outlet: statement.outlet,
    url: statement.url,
    publishedAt: dateOnly(statement.publishedAt),
    language: statement.language,
    importedAt: statement.createdAt,
    importedBy: { name: statement.createdBy.name },
    revision,
    paragraphs: splitParagraphs(revision.text),
    claimCount: statement.claimCount,
  };
}

