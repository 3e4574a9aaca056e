// Statements, tags and highlights for the annotation services' tests.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { db } from "../lib/server/db";
import { createHighlight, type CreateHighlightInput } from "../lib/server/highlights";
import type { Actor } from "../lib/server/permissions";
import { importStatement } from "../lib/server/statements";
import { unique } from "./factories";

const corpusDir = path.resolve(import.meta.dirname, "../../shared/corpus");

export function corpusText(prefix: string): string {
  const name = readdirSync(corpusDir).find((f) => f.startsWith(prefix) && f.endsWith(".txt"));
  if (!name) throw new Error(`no corpus file ${prefix}*`);
  return readFileSync(path.join(corpusDir, name), "utf8");
}

export async function makeStatement(actor: Actor, workspaceId: string, text = `The ministry said 303 people were hurt in ${unique("town")}.`) {
  const result = await importStatement(actor, { workspaceId, text });
  if (result.status !== "created") throw new Error("statement not created");
  const revision = await db().statementRevision.findFirstOrThrow({ where: { statementId: result.statement.id }, select: { text: true } });
  return { id: result.statement.id, text: revision.text };
}

export async function makeTag(workspaceId: string, name = unique("tag"), color = "#4f7cac", retired = false) {
  return db().tag.create({ data: { workspaceId, name, color, retiredAt: retired ? new Date() : null } });
}

/** Highlights the first occurrence of `quote` (after `from`) on the statement's current revision. */
export async function highlightQuote(
  actor: Actor,
  workspaceId: string,
  statement: { id: string; text: string },
  quote: string,
  extra: Partial<CreateHighlightInput> = {},
) {
  const start = statement.text.indexOf(quote);
  if (start < 0) throw new Error(`quote not in text: ${quote}`);
  const current = await db().statement.findUniqueOrThrow({ where: { id: statement.id }, select: { currentRevision: true } });
  return createHighlight(actor, {
    workspaceId,
    statementId: statement.id,
    revisionNumber: current.currentRevision,
    start,
    end: start + quote.length,
    kind: "claim",
    ...extra,
  });
}

/** Everything the annotation services write, to assert a refused call changed nothing. */
export async function annotationSnapshot(workspaceId: string) {
  const [highlights, deleted, orphans, claims, claimTags, tags, events, revisions, statements] = await Promise.all([
    db().highlight.findMany({ where: { statement: { workspaceId } }, select: { id: true, kind: true, body: true, start: true, end: true, exact: true, orphaned: true, deletedAt: true, revisionId: true }, orderBy: { id: "asc" } }),
    db().highlight.count({ where: { statement: { workspaceId }, deletedAt: { not: null } } }),
    db().highlight.count({ where: { statement: { workspaceId }, orphaned: true } }),
    db().claim.findMany({ where: { workspaceId }, select: { id: true, claimReviewed: true, status: true, assigneeId: true }, orderBy: { id: "asc" } }),
    db().claimTag.findMany({ where: { claim: { workspaceId } }, orderBy: [{ claimId: "asc" }, { tagId: "asc" }] }),
    db().tag.findMany({ where: { workspaceId }, select: { id: true, name: true, color: true, retiredAt: true }, orderBy: { id: "asc" } }),
    db().activityEvent.count({ where: { workspaceId } }),
    db().statementRevision.count({ where: { statement: { workspaceId } } }),
    db().statement.findMany({ where: { workspaceId }, select: { id: true, claimCount: true, currentRevision: true, contentHash: true }, orderBy: { id: "asc" } }),
  ]);
  return { highlights, deleted, orphans, claims, claimTags, tags, events, revisions, statements };
}
