import "server-only";
import type { ClaimCsvRecord } from "../export/csv";
import type { ClaimStatus } from "../export/types";
import { VERDICT_STATES, type VerdictState } from "../verdicts/workflow";
import { sqliteConnectionOf } from "../db/client";
import { join, sql, type Sql } from "../generated/sqlite/internal/prismaNamespace";
import { db } from "./db";
import { Invalid } from "./errors";
import { workspaceIdOf } from "./members";
import { requireRole, type Actor } from "./permissions";
import { SelectionReportSchema, type SelectionReportInput } from "./reports";
import { parseInput } from "./validate";

// The claims CSV: every live claim of the workspace (or those the reports page's filters choose),
// read in keyset-paged batches so a route can stream ten thousand rows without holding them all.
// Any member may download it, as any member may read the reports. Unapproved verdicts keep only
// their state (no rating, no summary) unless drafts are asked for — the same rule as the reports.

const CLAIM_STATUSES = ["to_check", "researching", "in_review", "checked"] as const;
const FINDINGS: readonly string[] = ["approved", "published"];
export const CSV_BATCH = 5_000;

export type ClaimsCsvInput = SelectionReportInput;

export type ClaimsCsvExport = {
  workspace: { id: string; slug: string; name: string };
  records: AsyncIterable<ClaimCsvRecord>;
};


/** The rows of one read: on SQLite straight on Prisma's connection (as annotation-queries.ts does), else Prisma's raw query. */
async function readRows<T>(query: Sql): Promise<T[]> {
  const sqlite = sqliteConnectionOf(db());
  if (sqlite) return sqlite.use((c) => c.all<T>(query.sql, query.values));
  return db().$queryRaw<T[]>(query);
}

type Row = {
  id: string;
  claimReviewed: string;
  status: string;
  createdAt: Date | string | number;
  updatedAt: Date | string | number;
  assigneeName: string | null;
  exact: string;
  title: string;
  speaker: string;
  statementPublishedAt: Date | string | number | null;
  verdictStatus: string | null;
  summary: string | null;
  verdictPublishedAt: Date | string | number | null;
  authorName: string | null;
  levelLabel: string | null;
  reviewerName: string | null;
  sourceCount: number | bigint;
  tags: string[];
};

/**
 * One page of claims in id order after the cursor, in two portable statements (the claims with
 * their statement, verdict, level, latest approver and source count; then their tags). Prisma's
 * nested selects cost five times this on ten thousand claims.
 */
async function readBatch(filter: Filter, cursor: string | undefined): Promise<Row[]> {
  const conditions: Sql[] = [sql`c."workspaceId" = ${filter.workspaceId}`, sql`h."deletedAt" IS NULL`];
  if (cursor) conditions.push(sql`c."id" > ${cursor}`);
  if (filter.status) conditions.push(sql`c."status" = ${filter.status}`);
  if (filter.tagId) conditions.push(sql`EXISTS (SELECT 1 FROM "ClaimTag" f WHERE f."claimId" = c."id" AND f."tagId" = ${filter.tagId})`);
  if (filter.from) conditions.push(sql`s."publishedAt" >= ${filter.from}`);
  if (filter.to) conditions.push(sql`s."publishedAt" < ${filter.to}`);
  for (const piece of filter.pieces) conditions.push(sql`s."searchText" LIKE ${`%${piece}%`}`);
  const rows = await readRows<Omit<Row, "tags">>(sql`
    SELECT c."id", c."claimReviewed", c."status", c."createdAt", c."updatedAt", a."name" AS "assigneeName",
           h."exact", s."title", s."speaker", s."publishedAt" AS "statementPublishedAt",
           v."status" AS "verdictStatus", v."summary", v."publishedAt" AS "verdictPublishedAt", au."name" AS "authorName",
           l."label" AS "levelLabel",
           (SELECT u."name" FROM "Review" r JOIN "User" u ON u."id" = r."reviewerId"
             WHERE r."verdictId" = v."id" AND r."decision" = 'approved' ORDER BY r."createdAt" DESC, r."id" DESC LIMIT 1) AS "reviewerName",
           (SELECT COUNT(*) FROM "Source" so WHERE so."claimId" = c."id") AS "sourceCount"
    FROM "Claim" c
    JOIN "Highlight" h ON h."id" = c."highlightId"
    JOIN "Statement" s ON s."id" = h."statementId"
    LEFT JOIN "User" a ON a."id" = c."assigneeId"
    LEFT JOIN "Verdict" v ON v."claimId" = c."id"
    LEFT JOIN "User" au ON au."id" = v."authorId"
    LEFT JOIN "RatingLevel" l ON l."id" = v."levelId"
    WHERE ${join(conditions, " AND ")}
    ORDER BY c."id" ASC
    LIMIT ${CSV_BATCH}`);
  if (rows.length === 0) return [];
  const tags = await readRows<{ claimId: string; name: string }>(sql`
    SELECT ct."claimId", t."name" FROM "ClaimTag" ct JOIN "Tag" t ON t."id" = ct."tagId"
    WHERE ct."claimId" IN (${join(rows.map((r) => r.id))})`);
  const tagsOf = new Map<string, string[]>();
  for (const t of tags) {
    const list = tagsOf.get(t.claimId);
    if (list) list.push(t.name);
    else tagsOf.set(t.claimId, [t.name]);
  }
  return rows.map((r) => ({ ...r, tags: tagsOf.get(r.id) ?? [] }));
}

type Filter = { workspaceId: string; status?: string; tagId?: string; from?: Date; to?: Date; pieces: string[] };

/** Read dates come back as Date (PostgreSQL) or as the text/number SQLite stored. */
function toDate(value: Date | string | number | null): Date | null {
  if (value == null) return null;
  if (value instanceof Date) return value;
  if (typeof value === "number" || /^\d+$/.test(value)) return new Date(Number(value));
  // "2024-05-01 10:30:00" (SQL text) is UTC too.
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value.replace(" ", "T") : `${value.replace(" ", "T")}Z`);
}

/** The reports page's filters, applied to claims. */
async function filterFor(workspaceId: string, parsed: ReturnType<typeof SelectionReportSchema.parse>): Promise<{ filter: Filter; speaker: string }> {
  let tagId: string | undefined;
  if (parsed.tag) {
    const tag = await db().tag.findFirst({ where: { workspaceId, OR: [{ name: parsed.tag }, { id: parsed.tag }] }, select: { id: true } });
    if (!tag) throw new Invalid(`There is no tag “${parsed.tag}” in this workspace.`, { tag: [`There is no tag “${parsed.tag}” in this workspace.`] });
    tagId = tag.id;
  }
  const speaker = parsed.speaker?.normalize("NFC").toLowerCase() ?? "";
  // LIKE has no portable escape: narrow by the literal pieces, then match the whole text here.
  const pieces = speaker.split(/[%_\\]+/).filter(Boolean);
  return {
    filter: {
      workspaceId,
      status: parsed.status,
      tagId,
      from: parsed.from ? new Date(`${parsed.from}T00:00:00Z`) : undefined,
      to: parsed.to ? new Date(Date.parse(`${parsed.to}T00:00:00Z`) + 86_400_000) : undefined,
      pieces,
    },
    speaker,
  };
}

/**
 * Authorizes (viewer and up; outsiders NotFound) and validates the filters before the first byte,
 * so a route can still answer with an error status; the rows are read as the stream is consumed.
 */
export async function exportClaimsCsv(actor: Actor, input: ClaimsCsvInput): Promise<ClaimsCsvExport> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "viewer");
  const parsed = parseInput(SelectionReportSchema, input);
  const { filter, speaker } = await filterFor(ws.id, parsed);
  return { workspace: { id: ws.id, slug: ws.slug, name: ws.name }, records: readRecords(filter, speaker, parsed.includeDrafts) };
}

async function* readRecords(filter: Filter, speaker: string, includeDrafts: boolean): AsyncGenerator<ClaimCsvRecord> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await readBatch(filter, cursor);
    for (const row of rows) {
      // The search text narrowed by the literal pieces; the speaker itself decides.
      if (speaker && !row.speaker.normalize("NFC").toLowerCase().includes(speaker)) continue;
      yield toRecord(row, includeDrafts);
    }
    if (rows.length < CSV_BATCH) return;
    cursor = rows[rows.length - 1]!.id;
  }
}

function toRecord(row: Row, includeDrafts: boolean): ClaimCsvRecord {
  const verdictStatus = row.verdictStatus && (VERDICT_STATES as readonly string[]).includes(row.verdictStatus) ? (row.verdictStatus as VerdictState) : null;
  const shown = verdictStatus !== null && (includeDrafts || FINDINGS.includes(verdictStatus));
  return {
    claimId: row.id,
    statementTitle: row.title,
    statementPublishedAt: toDate(row.statementPublishedAt),
    speaker: row.speaker,
    quote: row.exact,
    claimReviewed: row.claimReviewed,
    tags: row.tags.sort((a, b) => a.localeCompare(b, "en")),
    status: (CLAIM_STATUSES as readonly string[]).includes(row.status) ? (row.status as ClaimStatus) : "to_check",
    verdictStatus,
    rating: shown ? row.levelLabel : null,
    summary: shown ? (row.summary ?? "") : "",
    sourceCount: Number(row.sourceCount),
    checker: row.authorName ?? row.assigneeName ?? null,
    reviewer: shown ? row.reviewerName : null,
    createdAt: toDate(row.createdAt)!,
    updatedAt: toDate(row.updatedAt)!,
    publishedAt: verdictStatus === "published" ? toDate(row.verdictPublishedAt) : null,
  };
}

/** "factdesk-claims-<slug>-2024-05-01.csv" */
export function claimsCsvFilename(slug: string, at: Date = new Date()): string {
  return `factdesk-claims-${slug.replace(/[^a-z0-9-]/gi, "")}-${at.toISOString().slice(0, 10)}.csv`;
}
