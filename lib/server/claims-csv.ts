import "server-only";
import type { ClaimCsvRecord } from "../export/csv";
import type { ClaimStatus } from "../export/types";
import { VERDICT_STATES, type VerdictState } from "../verdicts/workflow";
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
export const CSV_BATCH = 2_000;

export type ClaimsCsvInput = SelectionReportInput;

export type ClaimsCsvExport = {
  workspace: { id: string; slug: string; name: string };
  records: AsyncIterable<ClaimCsvRecord>;
};

type ClaimWhere = NonNullable<Parameters<ReturnType<typeof db>["claim"]["findMany"]>[0]>["where"];

/** One page of claims, in id order after the cursor, with everything a row says. */
function readBatch(where: ClaimWhere, cursor: string | undefined) {
  return db().claim.findMany({
    where,
    select: {
      id: true,
      claimReviewed: true,
      status: true,
      createdAt: true,
      updatedAt: true,
      assignee: { select: { name: true } },
      highlight: { select: { exact: true, statement: { select: { title: true, speaker: true, publishedAt: true } } } },
      tags: { select: { tag: { select: { name: true } } } },
      _count: { select: { sources: true } },
      verdict: {
        select: {
          status: true,
          summary: true,
          publishedAt: true,
          author: { select: { name: true } },
          level: { select: { label: true } },
          reviews: { where: { decision: "approved" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { reviewer: { select: { name: true } } } },
        },
      },
    },
    orderBy: { id: "asc" },
    take: CSV_BATCH,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
}

type Row = Awaited<ReturnType<typeof readBatch>>[number];

/** The filtered claims' where clause (the reports page's filters, applied to claims). */
async function claimWhereFor(workspaceId: string, parsed: ReturnType<typeof SelectionReportSchema.parse>): Promise<{ where: ClaimWhere; speaker: string }> {
  let tagId: string | undefined;
  if (parsed.tag) {
    const tag = await db().tag.findFirst({ where: { workspaceId, OR: [{ name: parsed.tag }, { id: parsed.tag }] }, select: { id: true } });
    if (!tag) throw new Invalid(`There is no tag “${parsed.tag}” in this workspace.`, { tag: [`There is no tag “${parsed.tag}” in this workspace.`] });
    tagId = tag.id;
  }
  const published: { gte?: Date; lt?: Date } = {};
  if (parsed.from) published.gte = new Date(`${parsed.from}T00:00:00Z`);
  if (parsed.to) published.lt = new Date(Date.parse(`${parsed.to}T00:00:00Z`) + 86_400_000);
  const speaker = parsed.speaker?.normalize("NFC").toLowerCase() ?? "";
  const pieces = speaker.split(/[%_\\]+/).filter(Boolean);
  const statementWhere = {
    ...(parsed.from || parsed.to ? { publishedAt: published } : {}),
    ...(pieces.length ? { AND: pieces.map((piece) => ({ searchText: { contains: piece } })) } : {}),
  };
  return {
    where: {
      workspaceId,
      highlight: { deletedAt: null, ...(Object.keys(statementWhere).length ? { statement: statementWhere } : {}) },
      ...(tagId ? { tags: { some: { tagId } } } : {}),
      ...(parsed.status ? { status: parsed.status } : {}),
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
  const { where, speaker } = await claimWhereFor(ws.id, parsed);
  return { workspace: { id: ws.id, slug: ws.slug, name: ws.name }, records: readRecords(where, speaker, parsed.includeDrafts) };
}

async function* readRecords(where: ClaimWhere, speaker: string, includeDrafts: boolean): AsyncGenerator<ClaimCsvRecord> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await readBatch(where, cursor);
    for (const row of rows) {
      const statement = row.highlight.statement;
      // The search text narrowed by the literal pieces; the speaker itself decides.
      if (speaker && !statement.speaker.normalize("NFC").toLowerCase().includes(speaker)) continue;
      yield toRecord(row, includeDrafts);
    }
    if (rows.length < CSV_BATCH) return;
    cursor = rows[rows.length - 1]!.id;
  }
}

function toRecord(row: Row, includeDrafts: boolean): ClaimCsvRecord {
  const v = row.verdict;
  const verdictStatus = v && (VERDICT_STATES as readonly string[]).includes(v.status) ? (v.status as VerdictState) : null;
  const shown = v && (includeDrafts || FINDINGS.includes(v.status));
  return {
    claimId: row.id,
    statementTitle: row.highlight.statement.title,
    statementPublishedAt: row.highlight.statement.publishedAt,
    speaker: row.highlight.statement.speaker,
    quote: row.highlight.exact,
    claimReviewed: row.claimReviewed,
    tags: row.tags.map((t) => t.tag.name).sort((a, b) => a.localeCompare(b, "en")),
    status: (CLAIM_STATUSES as readonly string[]).includes(row.status) ? (row.status as ClaimStatus) : "to_check",
    verdictStatus,
    rating: shown ? (v.level?.label ?? null) : null,
    summary: shown ? v.summary : "",
    sourceCount: row._count.sources,
    checker: v?.author.name ?? row.assignee?.name ?? null,
    reviewer: shown ? (v.reviews[0]?.reviewer.name ?? null) : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    publishedAt: v?.status === "published" ? v.publishedAt : null,
  };
}

/** "factdesk-claims-<slug>-2024-05-01.csv" */
export function claimsCsvFilename(slug: string, at: Date = new Date()): string {
  return `factdesk-claims-${slug.replace(/[^a-z0-9-]/gi, "")}-${at.toISOString().slice(0, 10)}.csv`;
}
