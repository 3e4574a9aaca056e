import "server-only";
import { randomUUID } from "node:crypto";
import type { Role } from "../roles";
import { sqliteConnectionOf } from "../db/client";
import { join, sql, type Sql } from "../generated/sqlite/internal/prismaNamespace";
import { assignUserColors, deskColor } from "../user-colors";
import { db } from "./db";
import { NotFound, Unauthenticated } from "./errors";
import type { HighlightDTO } from "./highlights";
import { checkMembership, type Actor, type WorkspaceAccess } from "./permissions";

// The annotation workbench's hot paths in raw SQL: the statement page reads every highlight of a
// statement, and up to dozens of people create highlights at once on SQLite's single writer. Prisma's
// model API costs about three times a raw statement per query (query compilation, nested selects
// resolved as extra queries), so these paths use a few hand-written, portable statements instead:
// quoted identifiers, parameters through Prisma's `sql` template (placeholders per provider), no
// provider-specific functions. Dates go in as Date parameters, so the driver adapter stores them
// exactly as Prisma's own writes do; booleans are written as the literals true/false (SQLite ≥ 3.23
// and PostgreSQL both accept them) and read back through Boolean().
//
// On SQLite the statements skip Prisma altogether: they run on its connection, under its lock
// (lib/db/sqlite-serialized.ts), prepared once. Prisma's share of a raw query (mapping arguments,
// preparing the statement anew, converting every value of the result) was most of the time of
// these short queries, and SQLite's one writer makes everyone wait for it. On PostgreSQL they go
// through Prisma's raw queries. Either way the same SQL text runs; read dates come back as Date or
// ISO string, booleans as booleans or 0/1, so readers normalise both.

/** The rows of one read. */
async function readRows<T>(query: Sql): Promise<T[]> {
  const sqlite = sqliteConnectionOf(db());
  if (sqlite) return sqlite.use((c) => c.all<T>(query.sql, query.values));
  return db().$queryRaw<T[]>(query);
}

/** The rows of one read as arrays, in the order of its SELECT (give its columns distinct names): for long results. */
async function readTuples<T extends unknown[]>(query: Sql): Promise<T[]> {
  const sqlite = sqliteConnectionOf(db());
  if (sqlite) return sqlite.use((c) => c.tuples<T>(query.sql, query.values));
  return (await db().$queryRaw<Array<Record<string, unknown>>>(query)).map((row) => Object.values(row) as T);
}

/** Several writes as one transaction: all or nothing. */
async function writeAll(queries: readonly Sql[]): Promise<void> {
  const sqlite = sqliteConnectionOf(db());
  if (sqlite) {
    await sqlite.use((c) =>
      c.transaction(() => {
        for (const q of queries) c.run(q.sql, q.values);
      }),
    );
    return;
  }
  await db().$transaction(queries.map((q) => db().$executeRaw(q)));
}

// ---------------------------------------------------------------------------------------------
// Workspace access in the same query as the data

type AccessColumns = { role: string | null; wsId: string | null; wsSlug: string | null; wsName: string | null };

/** The membership part of a query: `m` and `w` joined for the actor and the workspace id. */
const accessSelect = sql`m."role" AS "role", w."id" AS "wsId", w."slug" AS "wsSlug", w."name" AS "wsName"`;

/** requireRole's decision (checkMembership), from columns read along with the page's own data. */
export function accessFromRow(row: AccessColumns | undefined, minimum: Role, actor?: Actor | null): WorkspaceAccess {
  const membership =
    row?.wsId && row.role !== null ? { role: row.role, workspace: { id: row.wsId, slug: row.wsSlug ?? "", name: row.wsName ?? "" } } : null;
  return checkMembership(membership, minimum, actor);
}

function checkedActor(actor: Actor | null | undefined, workspaceId: string): Actor {
  if (!actor) throw new Unauthenticated();
  // An empty id matches nothing anyway; refuse it before querying, as requireRole does.
  if (workspaceId === "") throw new NotFound("workspace");
  return actor;
}

// ---------------------------------------------------------------------------------------------
// Ids

let idCounter = 0;
/**
 * Ids for raw inserts, in the same shape as Prisma's cuid() (a leading "c", a time part, a counter
 * and random characters; 25–26 characters): ids are opaque strings everywhere, this only keeps them
 * looking alike. randomUUID draws from a cached entropy pool, so it is cheap per id.
 */
export function newId(): string {
  idCounter = (idCounter + 1) % 1_679_616;
  return `c${Date.now().toString(36)}${idCounter.toString(36).padStart(4, "0")}${randomUUID().slice(-12)}`;
}

// ---------------------------------------------------------------------------------------------
// Revision texts

/**
 * A revision's text never changes once written (a correction makes a new revision), so it can be
 * kept by revision id. Only ids the caller has just read under a workspace check are looked up here,
 * so the cache cannot hand one desk another desk's text. Bounded by total characters, least
 * recently used first out.
 */
export class RevisionTextCache {
  readonly #entries = new Map<string, string>();
  #chars = 0;

  constructor(readonly maxChars: number) {}

  get(id: string): string | undefined {
    const text = this.#entries.get(id);
    if (text !== undefined) {
      this.#entries.delete(id);
      this.#entries.set(id, text);
    }
    return text;
  }

  set(id: string, text: string): void {
    if (text.length > this.maxChars) return;
    if (this.#entries.has(id)) return;
    this.#entries.set(id, text);
    this.#chars += text.length;
    for (const [oldest, old] of this.#entries) {
      if (this.#chars <= this.maxChars) break;
      this.#entries.delete(oldest);
      this.#chars -= old.length;
    }
  }

  has(id: string): boolean {
    return this.#entries.has(id);
  }

  clear(): void {
    this.#entries.clear();
    this.#chars = 0;
  }
}

/** About 16 MB of UTF-16: hundreds of long statements. */
export const revisionTexts = new RevisionTextCache(8_000_000);

/** The text of a revision id the caller already checked belongs to its workspace. */
export async function revisionText(revisionId: string): Promise<string> {
  const cached = revisionTexts.get(revisionId);
  if (cached !== undefined) return cached;
  const rows = await readRows<{ text: string }>(sql`SELECT "text" FROM "StatementRevision" WHERE "id" = ${revisionId}`);
  const text = rows[0]?.text;
  if (text === undefined) throw new NotFound("statement");
  revisionTexts.set(revisionId, text);
  return text;
}

// ---------------------------------------------------------------------------------------------
// Desk colours (lib/user-colors.ts: by joining order, the desk's former members after them)

/** How many of the desk's members joined before `m` (the same order as loadDeskMembers). */
const joinedBefore = sql`(SELECT COUNT(*) FROM "Membership" e WHERE e."workspaceId" = m."workspaceId"
  AND (e."createdAt" < m."createdAt" OR (e."createdAt" = m."createdAt" AND e."userId" < m."userId")))`;

/** The desk's members' user ids in joining order. */
export async function loadDeskMembers(workspaceId: string): Promise<string[]> {
  const rows = await readRows<{ userId: string }>(sql`
    SELECT "userId" FROM "Membership" WHERE "workspaceId" = ${workspaceId} ORDER BY "createdAt" ASC, "userId" ASC`);
  return rows.map((r) => r.userId);
}

/**
 * One author's colour on a statement's page, as loadStatementHighlights gives it: a member's by
 * joining order; a former member's after the members, among the statement's other such authors.
 */
export async function loadAuthorColor(workspaceId: string, statementId: string, authorId: string): Promise<string> {
  const members = await loadDeskMembers(workspaceId);
  const place = members.indexOf(authorId);
  if (place >= 0) return deskColor(place);
  const authors = await readRows<{ authorId: string }>(sql`
    SELECT DISTINCT "authorId" FROM "Highlight" WHERE "statementId" = ${statementId} AND "deletedAt" IS NULL`);
  return assignUserColors(members, [authorId, ...authors.map((a) => a.authorId)]).get(authorId)!;
}

// ---------------------------------------------------------------------------------------------
// createHighlight: what it checks, in one read

export type CreateContext = {
  access: WorkspaceAccess;
  authorName: string;
  /** The author's desk colour (lib/user-colors.ts): the author is a member, placed by joining order. */
  authorColor: string;
  /** Null when the statement is not in this workspace. */
  statement: { currentRevision: number } | null;
  /** Null when the statement has no revision of that number. */
  revisionId: string | null;
  /** The requested tags found in this workspace (retired ones included, for the message). */
  tags: Array<{ id: string; name: string; color: string; retired: boolean }>;
};

type CreateContextRow = AccessColumns & {
  authorName: string;
  joinedBefore: number | bigint | null;
  statementId: string | null;
  currentRevision: number | null;
  revisionId: string | null;
  tagId: string | null;
  tagName: string | null;
  tagColor: string | null;
  tagRetiredAt: unknown;
};

/**
 * Membership and role, the author's name and place in the desk (for their colour), the statement
 * (in this workspace), the revision and the requested tags (in this workspace), as one query: one
 * row per found tag, or one row without tags.
 */
export async function loadCreateContext(
  actor: Actor | null | undefined,
  input: { workspaceId: string; statementId: string; revisionNumber: number; tagIds: readonly string[] },
  minimum: Role,
): Promise<CreateContext> {
  const { userId } = checkedActor(actor, input.workspaceId);
  const tagIds = [...new Set(input.tagIds)];
  const rows = await readRows<CreateContextRow>(sql`
    SELECT ${accessSelect}, u."name" AS "authorName", ${joinedBefore} AS "joinedBefore",
      s."id" AS "statementId", s."currentRevision" AS "currentRevision", r."id" AS "revisionId",
      ${tagIds.length ? sql`t."id" AS "tagId", t."name" AS "tagName", t."color" AS "tagColor", t."retiredAt" AS "tagRetiredAt"` : sql`NULL AS "tagId"`}
    FROM "Membership" m
    JOIN "Workspace" w ON w."id" = m."workspaceId"
    JOIN "User" u ON u."id" = m."userId"
    LEFT JOIN "Statement" s ON s."id" = ${input.statementId} AND s."workspaceId" = w."id"
    LEFT JOIN "StatementRevision" r ON r."statementId" = s."id" AND r."number" = ${input.revisionNumber}
    ${tagIds.length ? sql`LEFT JOIN "Tag" t ON t."workspaceId" = w."id" AND t."id" IN (${join(tagIds)})` : sql``}
    WHERE m."userId" = ${userId} AND m."workspaceId" = ${input.workspaceId}`);
  const first = rows[0];
  const access = accessFromRow(first, minimum, actor);
  return {
    access,
    authorName: first!.authorName,
    authorColor: deskColor(Number(first!.joinedBefore ?? 0)),
    statement: first!.statementId ? { currentRevision: Number(first!.currentRevision) } : null,
    revisionId: first!.revisionId,
    tags: rows
      .filter((r) => r.tagId)
      .map((r) => ({ id: r.tagId!, name: r.tagName!, color: r.tagColor!, retired: r.tagRetiredAt !== null && r.tagRetiredAt !== undefined })),
  };
}

// ---------------------------------------------------------------------------------------------
// createHighlight: the writes

export type NewHighlight = {
  id: string;
  workspaceId: string;
  statementId: string;
  revisionNumber: number;
  revisionId: string;
  authorId: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  kind: "claim" | "note";
  body: string;
  claim: { id: string; claimReviewed: string; tagIds: string[] } | null;
  activityData: string;
  at: Date;
};

/**
 * Writes a highlight (and its claim with tags) with its activity event in one short batch
 * transaction: no JavaScript runs between its statements, so SQLite's single writer is held for as
 * little time as possible. The first statement bumps the claim count (for a note it only touches the
 * row, as Prisma's updateMany did), taking the statement's row lock on PostgreSQL so a concurrent
 * correction waits. The revision guard is the highlight's revisionId: it is read, inside the
 * transaction, only if the statement is still at the revision the selection was made on, and is
 * NULL otherwise — the NOT NULL column then fails the insert and the whole batch rolls back.
 * Returns false, having written nothing, when the text moved on.
 */
export async function insertHighlight(h: NewHighlight): Promise<boolean> {
  const writes = [
    sql`
      UPDATE "Statement" SET "claimCount" = "claimCount" + ${h.claim ? 1 : 0}, "updatedAt" = ${h.at}
      WHERE "id" = ${h.statementId} AND "currentRevision" = ${h.revisionNumber}`,
    sql`
      INSERT INTO "Highlight" ("id", "statementId", "revisionId", "authorId", "start", "end", "exact", "prefix", "suffix", "kind", "body", "orphaned", "createdAt", "updatedAt")
      VALUES (${h.id}, ${h.statementId},
        (SELECT r."id" FROM "StatementRevision" r JOIN "Statement" s ON s."id" = r."statementId" AND s."currentRevision" = r."number"
          WHERE r."id" = ${h.revisionId} AND s."id" = ${h.statementId}),
        ${h.authorId}, ${h.start}, ${h.end}, ${h.exact}, ${h.prefix}, ${h.suffix}, ${h.kind}, ${h.body}, false, ${h.at}, ${h.at})`,
  ];
  if (h.claim) {
    writes.push(sql`
      INSERT INTO "Claim" ("id", "highlightId", "workspaceId", "claimReviewed", "status", "createdAt", "updatedAt")
      VALUES (${h.claim.id}, ${h.id}, ${h.workspaceId}, ${h.claim.claimReviewed}, 'to_check', ${h.at}, ${h.at})`);
    if (h.claim.tagIds.length) {
      writes.push(sql`INSERT INTO "ClaimTag" ("claimId", "tagId") VALUES ${join(h.claim.tagIds.map((tagId) => sql`(${h.claim!.id}, ${tagId})`))}`);
    }
  }
  writes.push(sql`
    INSERT INTO "ActivityEvent" ("id", "workspaceId", "actorId", "action", "entityType", "entityId", "data", "at")
    VALUES (${newId()}, ${h.workspaceId}, ${h.authorId}, 'highlight.created', 'highlight', ${h.id}, ${h.activityData}, ${h.at})`);
  try {
    await writeAll(writes);
    return true;
  } catch (error) {
    // Only a text that moved on is an expected failure; anything else is a real error.
    const rows = await readRows<{ currentRevision: number }>(sql`SELECT "currentRevision" FROM "Statement" WHERE "id" = ${h.statementId}`);
    if (rows.length === 1 && Number(rows[0]!.currentRevision) !== h.revisionNumber) return false;
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// listAnnotations: the page's read

/** A highlight as the page reads it: the DTO before its kind is narrowed. */
export type PageHighlight = Omit<HighlightDTO, "kind" | "clientId"> & { kind: string };

type PageAccessRow = AccessColumns & { statementId: string | null; number: number | null; text: string | null };

/** Membership and role with the statement's newest (= current) revision, in one query. */
export async function loadPageAccess(
  actor: Actor | null | undefined,
  input: { workspaceId: string; statementId: string },
  minimum: Role,
): Promise<{ access: WorkspaceAccess; revision: { number: number; text: string } | null }> {
  const { userId } = checkedActor(actor, input.workspaceId);
  const rows = await readRows<PageAccessRow>(sql`
    SELECT ${accessSelect}, s."id" AS "statementId", r."number" AS "number", r."text" AS "text"
    FROM "Membership" m
    JOIN "Workspace" w ON w."id" = m."workspaceId"
    LEFT JOIN "Statement" s ON s."id" = ${input.statementId} AND s."workspaceId" = w."id"
    LEFT JOIN "StatementRevision" r ON r."statementId" = s."id"
      AND r."number" = (SELECT MAX(r2."number") FROM "StatementRevision" r2 WHERE r2."statementId" = s."id")
    WHERE m."userId" = ${userId} AND m."workspaceId" = ${input.workspaceId}`);
  const row = rows[0];
  const access = accessFromRow(row, minimum, actor);
  return { access, revision: row!.statementId && row!.text !== null ? { number: Number(row!.number), text: row!.text } : null };
}

/** A highlight as the statement page shows it: no quote context, no creation date (the page sends neither). */
export type ShownPageHighlight = Omit<PageHighlight, "prefix" | "suffix" | "createdAt">;

/** One row of the page's read: a highlight, its claim if any, one of the claim's tags, its creation date (for the order), then (only when asked for) the quote's context. */
type HighlightPageRow = [
  id: string,
  start: number,
  end: number,
  exact: string,
  kind: string,
  body: string,
  orphaned: boolean | number,
  authorId: string,
  claimId: string | null,
  /** Null where it is the quote itself (or there is no claim). */
  claimReviewed: string | null,
  status: string | null,
  assigneeId: string | null,
  tagId: string | null,
  createdAt: Date | string,
  prefix?: string,
  suffix?: string,
];

/**
 * Text order: start, the longer first, the older first, then id. Dates compare as they come from
 * one query (all Dates on PostgreSQL, all ISO strings of one format on SQLite).
 */
function textOrder(a: { h: { start: number; end: number; id: string }; at: Date | string }, b: typeof a): number {
  return a.h.start - b.h.start || b.h.end - a.h.end || (a.at < b.at ? -1 : a.at > b.at ? 1 : 0) || (a.h.id < b.h.id ? -1 : a.h.id > b.h.id ? 1 : 0);
}

type Named = { id: string; name: string };
type Tag = { id: string; name: string; color: string };

/**
 * The live highlights of a statement of this workspace, in text order (start, longer first, older
 * first), with author (in their desk colour, from the desk's members in joining order), claim,
 * assignee and tags. One query for the highlights however many there are — a claim with several
 * tags comes back as consecutive rows, merged here — and one each for the names of the people and
 * tags they refer to (a handful: joining them per row cost more than the rest of the query). The
 * caller has checked the workspace; the queries filter on it again.
 */
export async function loadStatementHighlights(workspaceId: string, statementId: string, membersByJoining: readonly string[]): Promise<PageHighlight[]> {
  return (await readStatementHighlights(workspaceId, statementId, membersByJoining, true)) as PageHighlight[];
}

/**
 * loadStatementHighlights without each quote's 64 characters of context and its date: the statement
 * page shows neither, and with a thousand highlights reading them (and making a Date of each) was
 * a good part of the read.
 */
export async function loadShownHighlights(workspaceId: string, statementId: string, membersByJoining: readonly string[]): Promise<ShownPageHighlight[]> {
  return readStatementHighlights(workspaceId, statementId, membersByJoining, false);
}

async function readStatementHighlights(
  workspaceId: string,
  statementId: string,
  membersByJoining: readonly string[],
  withContext: boolean,
): Promise<Array<ShownPageHighlight | PageHighlight>> {
  // The statement's workspace is checked once (the subquery), not joined per highlight. Ordered
  // only as the (statementId, start) index reads: ordering by all four keys made SQLite sort every
  // joined row, quotes and sentences included, in a temporary B-tree (about a third of the read
  // with a thousand highlights); the ties are put in order below, on an array that is already
  // nearly sorted.
  const rows = await readTuples<HighlightPageRow>(sql`
    SELECT h."id", h."start", h."end", h."exact", h."kind", h."body", h."orphaned", h."authorId",
      c."id" AS "claimId", CASE WHEN c."claimReviewed" = h."exact" THEN NULL ELSE c."claimReviewed" END AS "claimReviewed",
      c."status", c."assigneeId", ct."tagId", h."createdAt"${withContext ? sql`, h."prefix", h."suffix"` : sql``}
    FROM "Highlight" h
    LEFT JOIN "Claim" c ON c."highlightId" = h."id"
    LEFT JOIN "ClaimTag" ct ON ct."claimId" = c."id"
    WHERE h."statementId" = (SELECT s."id" FROM "Statement" s WHERE s."id" = ${statementId} AND s."workspaceId" = ${workspaceId})
      AND h."deletedAt" IS NULL
    ORDER BY h."start" ASC`);

  // Twenty people make a thousand highlights, with a handful of tags: one object per person and per
  // tag, filled in below, which also lets the page's payload refer to them instead of repeating them.
  const authors = new Map<string, { id: string; name: string; color: string }>();
  const assignees = new Map<string, Named>();
  const tags = new Map<string, Tag>();
  const one = <T>(map: Map<string, T>, id: string, make: () => T) => {
    let found = map.get(id);
    if (!found) map.set(id, (found = make()));
    return found;
  };
  const read: Array<{ h: ShownPageHighlight | PageHighlight; at: Date | string }> = [];
  const byId = new Map<string, ShownPageHighlight>();
  const tagOf = (id: string) => one(tags, id, () => ({ id, name: "", color: "" }));
  for (const [id, start, end, exact, kind, body, orphaned, authorId, claimId, claimReviewed, status, assigneeId, tagId, createdAt, prefix, suffix] of rows) {
    // A claim with several tags is several rows: consecutive on SQLite, not necessarily elsewhere.
    const seen = byId.get(id);
    if (seen) {
      if (tagId && seen.claim) seen.claim.tags.push(tagOf(tagId));
      continue;
    }
    const h: ShownPageHighlight = {
      id,
      start: Number(start),
      end: Number(end),
      exact,
      kind,
      body,
      orphaned: Boolean(orphaned),
      author: one(authors, authorId, () => ({ id: authorId, name: "", color: "" })),
      // A claim→note change deletes the Claim, so the claim follows the kind; checked anyway.
      claim:
        kind === "claim" && claimId
          ? {
              id: claimId,
              // Read only where it differs from the quote (most claims keep the quote as their sentence).
              claimReviewed: claimReviewed ?? exact,
              status: status ?? "to_check",
              assignee: assigneeId ? one(assignees, assigneeId, () => ({ id: assigneeId, name: "" })) : null,
              tags: tagId ? [tagOf(tagId)] : [],
            }
          : null,
    };
    if (withContext) {
      const full = h as PageHighlight;
      full.prefix = prefix!;
      full.suffix = suffix!;
      full.createdAt = createdAt instanceof Date ? createdAt : new Date(createdAt);
    }
    byId.set(id, h);
    read.push({ h, at: createdAt });
  }
  const out = read.sort(textOrder).map((r) => r.h);

  const people = new Set([...authors.keys(), ...assignees.keys()]);
  const [names, tagRows] = await Promise.all([
    people.size ? readRows<Named>(sql`SELECT "id", "name" FROM "User" WHERE "id" IN (${join([...people])})`) : [],
    tags.size ? readRows<Tag>(sql`SELECT "id", "name", "color" FROM "Tag" WHERE "workspaceId" = ${workspaceId} AND "id" IN (${join([...tags.keys()])})`) : [],
  ]);
  for (const { id, name } of names) {
    const author = authors.get(id);
    if (author) author.name = name;
    const assignee = assignees.get(id);
    if (assignee) assignee.name = name;
  }
  for (const { id, name, color } of tagRows) Object.assign(tags.get(id)!, { name, color });
  for (const h of out) if (h.claim && h.claim.tags.length > 1) h.claim.tags.sort((a, b) => a.name.localeCompare(b.name));
  // The author objects are shared by their highlights: colour each person once.
  const colors = assignUserColors(membersByJoining, authors.keys());
  for (const [id, author] of authors) author.color = colors.get(id)!;
  return out;
}
