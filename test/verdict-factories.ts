// Rating scales, sources and verdict snapshots for the verdict service's tests.
import { db } from "../lib/server/db";
import type { Actor } from "../lib/server/permissions";
import { STARTER_RATING_LEVELS } from "../lib/starter-taxonomy";
import { highlightQuote, makeStatement } from "./annotation-factories";
import { makeDesk, unique } from "./factories";

/** The starter scale for a workspace (makeDesk's desks have none), plus one retired level. */
export async function makeScale(workspaceId: string) {
  const scale = await db().ratingScale.create({ data: { workspaceId, name: "Truth scale" }, select: { id: true } });
  const levels = [...STARTER_RATING_LEVELS, { label: "Pants on fire", ordinal: 0, color: "#7a1f1f", description: "Retired." }];
  await db().ratingLevel.createMany({
    data: levels.map((l, position) => ({
      scaleId: scale.id,
      label: l.label,
      color: l.color,
      description: l.description,
      ordinal: l.ordinal,
      position,
      retiredAt: l.label === "Pants on fire" ? new Date() : null,
    })),
  });
  const rows = await db().ratingLevel.findMany({ where: { scaleId: scale.id }, select: { id: true, label: true } });
  return Object.fromEntries(rows.map((r) => [r.label, r.id])) as Record<string, string>;
}

/** A desk with a rating scale, a claim (still "to check") and a scale in the other desk too. */
export async function makeVerdictDesk() {
  const desk = await makeDesk();
  const ws = desk.workspace.id;
  const [levels, foreign, statement] = await Promise.all([
    makeScale(ws),
    makeScale(desk.otherWorkspace.id),
    makeStatement(desk.checker, ws),
  ]);
  const highlight = await highlightQuote(desk.checker, ws, statement, "303 people");
  return { desk, ws, levels, foreignLevels: foreign, statement, claimId: highlight.claim!.id };
}

export async function makeSource(addedBy: Actor, claimId: string, title = unique("Report")) {
  return db().source.create({
    data: { claimId, url: `https://example.org/${encodeURIComponent(title)}`, title, stance: "refutes", addedById: addedBy.userId },
  });
}

/** Everything the verdict service writes, to assert that a refused call changed nothing. */
export async function verdictSnapshot(workspaceId: string) {
  const [verdicts, versions, reviews, claims, events] = await Promise.all([
    db().verdict.findMany({ where: { claim: { workspaceId } }, orderBy: { id: "asc" } }),
    db().verdictVersion.findMany({ where: { verdict: { claim: { workspaceId } } }, orderBy: { id: "asc" } }),
    db().review.findMany({ where: { verdict: { claim: { workspaceId } } }, orderBy: { id: "asc" } }),
    db().claim.findMany({ where: { workspaceId }, select: { id: true, status: true }, orderBy: { id: "asc" } }),
    db().activityEvent.count({ where: { workspaceId } }),
  ]);
  return { verdicts, versions, reviews, claims, events };
}

export async function activityOf(workspaceId: string, entityId: string) {
  const rows = await db().activityEvent.findMany({ where: { workspaceId, entityId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  return rows.map((r) => ({ action: r.action, actorId: r.actorId, data: JSON.parse(r.data) as Record<string, unknown> }));
}
