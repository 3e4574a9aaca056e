import "server-only";
import { z } from "zod";
import { isFinding, type ReportClaim, type ReportFilter, type ReportStatement, type ReportVerdict } from "../export/html-report";
import type { ClaimStatus, SourceStance } from "../export/types";
import { CLAIM_STATUS_LABELS } from "../export/types";
import { formatDay } from "../text/dates";
import type { ScaleLevel } from "../verdicts/rating-scale";
import { VERDICT_STATES, type VerdictState } from "../verdicts/workflow";
import { db } from "./db";
import { Invalid, NotFound } from "./errors";
import { workspaceIdOf } from "./members";
import { requireRole, type Actor } from "./permissions";
import { parseInput } from "./validate";

// The data of an annotated report — one statement, or a selection of statements chosen by
// publication dates, tag, claim status and speaker — read in a fixed number of queries whatever
// its size (statements, their current texts, their claims with tags, verdict, rating, approval
// and sources, the scale), shaped as the export core's input. Any member may export (viewers
// included); unapproved verdicts stay out unless asked for, and then only their state is kept
// when they are left out, never their text.

/** A report holds at most this many statements; a bigger selection is refused with a message. */
export const REPORT_STATEMENT_LIMIT = 500;

const CLAIM_STATUSES = ["to_check", "researching", "in_review", "checked"] as const satisfies readonly ClaimStatus[];
const STANCES = ["supports", "refutes", "context"] as const satisfies readonly SourceStance[];

export type ReportData = {
  workspace: { id: string; slug: string; name: string };
  /** "Fact-check report" for a selection; the statement's title for one statement. */
  title: string;
  statements: ReportStatement[];
  scale: ScaleLevel[];
  includeDrafts: boolean;
  generatedAt: string;
  /** Set for a selection: the filters that chose it, in words. */
  selection?: { filters: ReportFilter[] };
};

// ---------------------------------------------------------------------------------------------
// Input

/** Form fields arrive as "" when left empty: that is "no filter". */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const DaySchema = (label: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: `${label}: enter the date as YYYY-MM-DD.` })
      .trim()
      .refine((v) => {
        const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
        if (!match) return false;
        const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
        return Number(match[1]) >= 1000 && date.toISOString().slice(0, 10) === v;
      }, `${label}: enter a real date as YYYY-MM-DD, e.g. 2023-07-29.`)
      .optional(),
  );

const IncludeDraftsSchema = z.boolean({ error: "Say whether to include drafts (true or false)." }).optional().default(false);

export const StatementReportSchema = z.object({
  workspaceId: z.string(),
  statementId: z.string({ error: "Choose a statement." }).trim().min(1, "Choose a statement.").max(100),
  includeDrafts: IncludeDraftsSchema,
});
export type StatementReportInput = z.input<typeof StatementReportSchema>;

export const SelectionReportSchema = z
  .object({
    workspaceId: z.string(),
    from: DaySchema("From"),
    to: DaySchema("To"),
    /** A tag's name (as the reports page offers them) or id. */
    tag: z.preprocess(blankToUndefined, z.string({ error: "Choose a tag." }).trim().max(100, "Choose a tag from the list.").optional()),
    status: z.preprocess(
      blankToUndefined,
      z.enum(CLAIM_STATUSES, { error: "Choose a claim status: to_check, researching, in_review or checked." }).optional(),
    ),
    speaker: z.preprocess(
      blankToUndefined,
      z.string({ error: "The speaker must be text." }).trim().max(200, "Speaker: use at most 200 characters.").optional(),
    ),
    includeDrafts: IncludeDraftsSchema,
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ["to"], message: "The end date must be on or after the start date." });
export type SelectionReportInput = z.input<typeof SelectionReportSchema>;

// ---------------------------------------------------------------------------------------------
// Reading

type StatementWhere = NonNullable<Parameters<ReturnType<typeof db>["statement"]["findMany"]>[0]>["where"];
type ClaimWhere = NonNullable<Parameters<ReturnType<typeof db>["claim"]["findMany"]>[0]>["where"];

const statementSelect = {
  id: true,
  title: true,
  speaker: true,
  outlet: true,
  url: true,
  publishedAt: true,
  language: true,
  currentRevision: true,
} as const;

type StatementRow = {
  id: string;
  title: string;
  speaker: string;
  outlet: string;
  url: string;
  publishedAt: Date | null;
  language: string;
  currentRevision: number;
};

const person = { select: { id: true, name: true } } as const;

/** The claims of the chosen statements with everything a report says about them, in one read. */
function readClaims(statementIds: string[], where: ClaimWhere) {
  return db().claim.findMany({
    where: { ...where, highlight: { deletedAt: null, statementId: { in: statementIds } } },
    select: {
      id: true,
      claimReviewed: true,
      status: true,
      createdAt: true,
      updatedAt: true,
      assignee: person,
      highlight: { select: { statementId: true, revisionId: true, start: true, end: true, exact: true, orphaned: true } },
      tags: { select: { tag: { select: { name: true } } } },
      // The citation order of the sources service: when added, the id breaking ties.
      sources: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { url: true, title: true, publisher: true, publishedAt: true, excerpt: true, stance: true },
      },
      verdict: {
        select: {
          status: true,
          version: true,
          levelId: true,
          summary: true,
          explanation: true,
          submittedAt: true,
          publishedAt: true,
          updatedAt: true,
          author: person,
          level: { select: { label: true } },
          reviews: {
            where: { decision: "approved" },
            orderBy: [{ createdAt: "desc" }, { id: "desc" }],
            select: { version: true, createdAt: true, reviewer: person },
          },
        },
      },
    },
  });
}

type ClaimRow = Awaited<ReturnType<typeof readClaims>>[number];

function toVerdict(row: NonNullable<ClaimRow["verdict"]>, includeDrafts: boolean): ReportVerdict {
  const status: VerdictState = (VERDICT_STATES as readonly string[]).includes(row.status) ? (row.status as VerdictState) : "draft";
  if (!includeDrafts && !isFinding({ status })) {
    // Only that there is work in progress; its text and rating never leave the server.
    return {
      status,
      levelId: null,
      levelLabel: null,
      summary: "",
      explanation: "",
      author: null,
      reviewer: null,
      submittedAt: null,
      publishedAt: null,
      updatedAt: row.updatedAt.toISOString(),
      reviewedAt: null,
    };
  }
  // The reviewer is whoever approved the version shown; a draft has none yet.
  const approval = isFinding({ status }) ? row.reviews.find((r) => r.version === row.version) ?? row.reviews[0] : undefined;
  return {
    status,
    levelId: row.levelId,
    levelLabel: row.level?.label ?? null,
    summary: row.summary,
    explanation: row.explanation,
    author: row.author,
    reviewer: approval?.reviewer ?? null,
    reviewedAt: approval?.createdAt.toISOString() ?? null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toClaim(row: ClaimRow, currentRevisionId: string | undefined, includeDrafts: boolean): ReportClaim {
  const h = row.highlight;
  // An orphan, or a highlight still on an older revision, has no place in the current text.
  const placed = !h.orphaned && h.revisionId === currentRevisionId;
  return {
    id: row.id,
    start: placed ? h.start : -1,
    end: placed ? h.end : -1,
    quote: h.exact,
    claimReviewed: row.claimReviewed,
    status: (CLAIM_STATUSES as readonly string[]).includes(row.status) ? (row.status as ClaimStatus) : "to_check",
    tags: row.tags.map((t) => t.tag.name).sort((a, b) => a.localeCompare(b, "en")),
    assignee: row.assignee,
    sources: row.sources.map((s) => ({
      url: s.url,
      title: s.title,
      publisher: s.publisher,
      publishedAt: s.publishedAt ? s.publishedAt.toISOString().slice(0, 10) : null,
      excerpt: s.excerpt,
      stance: (STANCES as readonly string[]).includes(s.stance) ? (s.stance as SourceStance) : "context",
    })),
    verdict: row.verdict ? toVerdict(row.verdict, includeDrafts) : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function readScale(workspaceId: string): Promise<ScaleLevel[]> {
  const rows = await db().ratingLevel.findMany({
    where: { scale: { workspaceId } },
    select: { id: true, label: true, color: true, description: true, ordinal: true, position: true, retiredAt: true },
    orderBy: { position: "asc" },
  });
  return rows;
}

/** The statements' current texts, claims and the scale, read side by side. */
async function assemble(workspaceId: string, statements: StatementRow[], claimWhere: ClaimWhere, includeDrafts: boolean) {
  const ids = statements.map((s) => s.id);
  const [revisions, claims, scale] = await Promise.all([
    ids.length
      ? db().statementRevision.findMany({
          where: { OR: statements.map((s) => ({ statementId: s.id, number: s.currentRevision })) },
          select: { id: true, statementId: true, text: true },
        })
      : [],
    ids.length ? readClaims(ids, claimWhere) : [],
    readScale(workspaceId),
  ]);
  const revisionOf = new Map(revisions.map((r) => [r.statementId, r]));
  const claimsOf = new Map<string, ReportClaim[]>();
  for (const row of claims) {
    const list = claimsOf.get(row.highlight.statementId) ?? [];
    list.push(toClaim(row, revisionOf.get(row.highlight.statementId)?.id, includeDrafts));
    claimsOf.set(row.highlight.statementId, list);
  }
  const reportStatements: ReportStatement[] = statements.map((s) => ({
    id: s.id,
    title: s.title,
    speaker: s.speaker,
    outlet: s.outlet,
    url: s.url,
    publishedAt: s.publishedAt ? s.publishedAt.toISOString().slice(0, 10) : null,
    language: s.language,
    text: revisionOf.get(s.id)?.text ?? "",
    revision: s.currentRevision,
    claims: claimsOf.get(s.id) ?? [],
  }));
  return { statements: reportStatements, scale };
}

/** One statement's report. Any member may export; a statement of another workspace is not found. */
export async function loadStatementReport(actor: Actor, input: StatementReportInput): Promise<ReportData> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "viewer");
  const parsed = parseInput(StatementReportSchema, input);
  const statement = await db().statement.findFirst({ where: { id: parsed.statementId, workspaceId: ws.id }, select: statementSelect });
  if (!statement) throw new NotFound("statement");
  const { statements, scale } = await assemble(ws.id, [statement], {}, parsed.includeDrafts);
  return {
    workspace: { id: ws.id, slug: ws.slug, name: ws.name },
    title: statement.title,
    statements,
    scale,
    includeDrafts: parsed.includeDrafts,
    generatedAt: new Date().toISOString(),
  };
}

/**
 * A report over the statements that match: published within [from, to] (whole days, UTC), with a
 * speaker containing the text given, and — when a tag or claim status is chosen — at least one
 * claim with it; the report then shows only those claims. Oldest first; statements without a date last.
 */
export async function loadSelectionReport(actor: Actor, input: SelectionReportInput): Promise<ReportData> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "viewer");
  const parsed = parseInput(SelectionReportSchema, input);

  let tag: { id: string; name: string } | null = null;
  if (parsed.tag) {
    tag = await db().tag.findFirst({ where: { workspaceId: ws.id, OR: [{ name: parsed.tag }, { id: parsed.tag }] }, select: { id: true, name: true } });
    if (!tag) throw new Invalid(`There is no tag “${parsed.tag}” in this workspace.`, { tag: [`There is no tag “${parsed.tag}” in this workspace.`] });
  }

  const claimWhere: ClaimWhere = {
    workspaceId: ws.id,
    ...(tag ? { tags: { some: { tagId: tag.id } } } : {}),
    ...(parsed.status ? { status: parsed.status } : {}),
  };
  const needle = parsed.speaker?.normalize("NFC").toLowerCase() ?? "";
  // LIKE has no portable escape: narrow by the literal pieces, then match the whole text here.
  const pieces = needle.split(/[%_\\]+/).filter(Boolean);
  const published: { gte?: Date; lt?: Date } = {};
  if (parsed.from) published.gte = new Date(`${parsed.from}T00:00:00Z`);
  if (parsed.to) published.lt = new Date(Date.parse(`${parsed.to}T00:00:00Z`) + 86_400_000);
  const where: StatementWhere = {
    workspaceId: ws.id,
    ...(parsed.from || parsed.to ? { publishedAt: published } : {}),
    ...(pieces.length ? { AND: pieces.map((piece) => ({ searchText: { contains: piece } })) } : {}),
    ...(tag || parsed.status ? { highlights: { some: { deletedAt: null, claim: { is: claimWhere } } } } : {}),
  };
  const rows = await db().statement.findMany({
    where,
    select: statementSelect,
    orderBy: [{ publishedAt: { sort: "asc", nulls: "last" } }, { title: "asc" }, { id: "asc" }],
  });
  const matching = needle ? rows.filter((s) => s.speaker.normalize("NFC").toLowerCase().includes(needle)) : rows;
  if (matching.length > REPORT_STATEMENT_LIMIT) {
    throw new Invalid(
      `${matching.length.toLocaleString("en")} statements match; a report holds at most ${REPORT_STATEMENT_LIMIT}. Narrow the dates or add a filter.`,
      { _form: [`At most ${REPORT_STATEMENT_LIMIT} statements per report.`] },
    );
  }

  const { statements, scale } = await assemble(ws.id, matching, claimWhere, parsed.includeDrafts);
  const filters: ReportFilter[] = [];
  if (parsed.from && parsed.to) filters.push({ label: "Published", value: `${formatDay(parsed.from)} – ${formatDay(parsed.to)}` });
  else if (parsed.from) filters.push({ label: "Published", value: `from ${formatDay(parsed.from)}` });
  else if (parsed.to) filters.push({ label: "Published", value: `until ${formatDay(parsed.to)}` });
  if (parsed.speaker) filters.push({ label: "Speaker contains", value: parsed.speaker });
  if (tag) filters.push({ label: "Claims tagged", value: tag.name });
  if (parsed.status) filters.push({ label: "Claim status", value: CLAIM_STATUS_LABELS[parsed.status] });
  return {
    workspace: { id: ws.id, slug: ws.slug, name: ws.name },
    title: "Fact-check report",
    statements,
    scale,
    includeDrafts: parsed.includeDrafts,
    generatedAt: new Date().toISOString(),
    selection: { filters },
  };
}

/** The options of the reports page's filter form: the workspace's tags, for any member. */
export async function listReportFilterOptions(actor: Actor, input: { workspaceId: string }): Promise<{ tags: Array<{ id: string; name: string }> }> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "viewer");
  const tags = await db().tag.findMany({ where: { workspaceId: ws.id }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  return { tags };
}
