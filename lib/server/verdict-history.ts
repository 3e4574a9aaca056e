import "server-only";
import { diffStats, diffWords, type DiffSegment } from "../text-diff";
import { db } from "./db";
import { NotFound } from "./errors";
import { workspaceIdOf } from "./members";
import { requireRole, type Actor } from "./permissions";
import { toLevelDTO, type CitedSource, type RatingLevelDTO } from "./verdicts";

// A claim's verdict history: each submitted version (with what changed since the one before) and
// each decision on it, who and when, oldest first.

export type VersionChanges = {
  /** The version compared with. */
  from: number;
  level: { from: RatingLevelDTO; to: RatingLevelDTO } | null;
  /** Word-level diffs; null when that field did not change. */
  summary: DiffSegment[] | null;
  explanation: DiffSegment[] | null;
  inserted: number;
  deleted: number;
};

type Person = { id: string; name: string };

export type HistoryEntry =
  | { kind: "drafted"; key: string; at: string; by: Person }
  | {
      kind: "version";
      key: string;
      at: string;
      by: Person;
      version: number;
      level: RatingLevelDTO;
      summary: string;
      explanation: string;
      /** The claim's sources as numbered when this version was submitted. */
      sources: CitedSource[];
      changes: VersionChanges | null;
    }
  | { kind: "review"; key: string; at: string; by: Person; version: number; decision: ReviewDecision; note: string };

export type ReviewDecision = "approved" | "changes_requested" | "published" | "withdrawn" | "reopened";

const DECISION_ORDER: Record<string, number> = { changes_requested: 0, approved: 1, published: 2, withdrawn: 3, reopened: 4 };

function parseSources(json: string): CitedSource[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as CitedSource[]) : [];
  } catch {
    return [];
  }
}

/** The history of a claim's verdict; empty before anyone drafted one. Any member may read it. */
export async function getVerdictHistory(actor: Actor, input: { workspaceId: string; claimId: string }): Promise<HistoryEntry[]> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "viewer");
  const claimId = typeof input.claimId === "string" ? input.claimId.slice(0, 100) : "";
  const claim = await db().claim.findFirst({
    where: { id: claimId, workspaceId: ws.id, highlight: { deletedAt: null } },
    select: {
      verdict: {
        select: {
          createdAt: true,
          author: { select: { id: true, name: true } },
          versions: {
            orderBy: { version: "asc" },
            select: {
              id: true,
              version: true,
              summary: true,
              explanation: true,
              submittedAt: true,
              sourcesJson: true,
              submittedBy: { select: { id: true, name: true } },
              level: { select: { id: true, label: true, color: true, description: true, ordinal: true, position: true, retiredAt: true } },
            },
          },
          reviews: {
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            select: { id: true, version: true, decision: true, note: true, createdAt: true, reviewer: { select: { id: true, name: true } } },
          },
        },
      },
    },
  });
  if (!claim) throw new NotFound("claim");
  const verdict = claim.verdict;
  if (!verdict) return [];

  // Sorted by version, then the version itself before the decisions on it in the only order the
  // workflow allows them (each at most once per version), so timestamps equal to the millisecond
  // cannot scramble the story.
  const ranked: Array<{ rank: [number, number, number]; entry: HistoryEntry }> = [
    { rank: [0, 0, 0], entry: { kind: "drafted", key: "drafted", at: verdict.createdAt.toISOString(), by: verdict.author } },
  ];
  let previous: (typeof verdict.versions)[number] | null = null;
  for (const v of verdict.versions) {
    ranked.push({
      rank: [v.version, 0, v.submittedAt.getTime()],
      entry: {
        kind: "version",
        key: v.id,
        at: v.submittedAt.toISOString(),
        by: v.submittedBy,
        version: v.version,
        level: toLevelDTO(v.level),
        summary: v.summary,
        explanation: v.explanation,
        sources: parseSources(v.sourcesJson),
        changes: previous ? changesBetween(previous, v) : null,
      },
    });
    previous = v;
  }
  for (const r of verdict.reviews) {
    ranked.push({
      rank: [r.version, 1 + (DECISION_ORDER[r.decision] ?? 9), r.createdAt.getTime()],
      entry: { kind: "review", key: r.id, at: r.createdAt.toISOString(), by: r.reviewer, version: r.version, decision: r.decision as ReviewDecision, note: r.note },
    });
  }
  ranked.sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.rank[2] - b.rank[2]);
  return ranked.map((r) => r.entry);
}

type VersionRow = { version: number; summary: string; explanation: string; level: Parameters<typeof toLevelDTO>[0] };

function changesBetween(before: VersionRow, after: VersionRow): VersionChanges {
  const summary = before.summary === after.summary ? null : diffWords(before.summary, after.summary);
  const explanation = before.explanation === after.explanation ? null : diffWords(before.explanation, after.explanation);
  const stats = [summary, explanation].map((d) => (d ? diffStats(d) : { inserted: 0, deleted: 0 }));
  return {
    from: before.version,
    level: before.level.id === after.level.id ? null : { from: toLevelDTO(before.level), to: toLevelDTO(after.level) },
    summary,
    explanation,
    inserted: stats[0]!.inserted + stats[1]!.inserted,
    deleted: stats[0]!.deleted + stats[1]!.deleted,
  };
}
