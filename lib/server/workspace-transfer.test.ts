import { describe, expect, it } from "vitest";
import { corpusText, highlightQuote, makeStatement } from "../../test/annotation-factories";
import { makeDesk, makeUser, unique } from "../../test/factories";
import { CORPUS_REPORT_META, CORPUS_REPORT_PLAN, seedAnnotatedStatement } from "../../test/report-factories";
import { makeScale } from "../../test/verdict-factories";
import { createComment } from "./comments";
import { db } from "./db";
import { Conflict, Forbidden, Invalid, NotFound } from "./errors";
import { deleteHighlight } from "./highlights";
import { createWorkspace } from "./workspaces";
import { exportWorkspace, importWorkspace, type WorkspaceDocument } from "./workspace-transfer";

/** A desk with everything: claims at every verdict stage, sources, reviews, notes, a deleted highlight, a comment with a mention. */
async function richDesk() {
  const desk = await makeDesk();
  const ws = desk.workspace.id;
  await makeScale(ws);
  const { claimIds } = await seedAnnotatedStatement({ checker: desk.checker, editor: desk.editor, admin: desk.admin }, ws, corpusText("002"), CORPUS_REPORT_META, CORPUS_REPORT_PLAN);
  const statement = await makeStatement(desk.checker, ws);
  await highlightQuote(desk.checker, ws, statement, "The ministry said", { kind: "note", body: "Which ministry?" });
  const gone = await highlightQuote(desk.checker, ws, statement, "people were hurt");
  await deleteHighlight(desk.checker, { workspaceId: ws, highlightId: gone.id });
  const editorName = (await db().user.findUniqueOrThrow({ where: { id: desk.editor.userId } })).name;
  await createComment(desk.checker, { workspaceId: ws, claimId: claimIds[0]!, body: `@${editorName} please look at this` });
  await db().workspace.update({ where: { id: ws }, data: { publisherName: "Desk Checks", publicBaseUrl: "https://checks.example.org", allowSelfApproval: true } });
  return desk;
}

/**
 * The document with every id replaced by a name drawn from the row's content (emails, content
 * hashes, positions, urls), so two exports of the same desk compare equal whatever their ids.
 */
function normalise(doc: WorkspaceDocument) {
  const name = new Map<string, string>();
  doc.people.forEach((p) => name.set(p.id, `person:${p.email}`));
  doc.tags.forEach((t) => name.set(t.id, `tag:${t.name}`));
  doc.ratingScale?.levels.forEach((l) => name.set(l.id, `level:${l.label}`));
  doc.statements.forEach((s) => {
    name.set(s.id, `statement:${s.contentHash}`);
    s.revisions.forEach((r) => name.set(r.id, `revision:${s.contentHash}:${r.number}`));
  });
  doc.highlights.forEach((h) => name.set(h.id, `highlight:${name.get(h.statementId)}:${h.start}-${h.end}:${h.kind}:${h.exact}:${h.createdAt}`));
  doc.claims.forEach((c) => name.set(c.id, `claim:${name.get(c.highlightId)}`));
  doc.sources.forEach((s) => name.set(s.id, `source:${name.get(s.claimId)}:${s.url}`));
  doc.verdicts.forEach((v) => name.set(v.id, `verdict:${name.get(v.claimId)}`));
  doc.verdictVersions.forEach((v) => name.set(v.id, `version:${name.get(v.verdictId)}:${v.version}`));
  doc.reviews.forEach((r) => name.set(r.id, `review:${name.get(r.verdictId)}:${r.version}:${r.decision}:${r.createdAt}`));
  doc.comments.forEach((c) => name.set(c.id, `comment:${name.get(c.claimId)}:${c.createdAt}:${c.body}`));
  const rename = (value: unknown): unknown => {
    if (typeof value === "string") {
      if (name.has(value)) return name.get(value);
      if (value.startsWith("{")) {
        try {
          return JSON.stringify(rename(JSON.parse(value)));
        } catch {
          return value;
        }
      }
      return value;
    }
    if (Array.isArray(value)) return value.map(rename);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rename(v)]));
    return value;
  };
  const sorted = <T,>(rows: T[]) => rows.map((r) => JSON.stringify(rename(r))).sort();
  return {
    version: doc.version,
    settings: { publisherName: doc.workspace.publisherName, publicBaseUrl: doc.workspace.publicBaseUrl, allowSelfApproval: doc.workspace.allowSelfApproval },
    people: sorted(doc.people),
    tags: sorted(doc.tags),
    ratingScale: doc.ratingScale ? { name: doc.ratingScale.name, levels: sorted(doc.ratingScale.levels) } : null,
    statements: sorted(doc.statements),
    highlights: sorted(doc.highlights),
    claims: sorted(doc.claims.map((c) => ({ ...c, tagIds: c.tagIds.map((t) => name.get(t)).sort() }))),
    sources: sorted(doc.sources),
    verdicts: sorted(doc.verdicts),
    verdictVersions: sorted(doc.verdictVersions),
    reviews: sorted(doc.reviews),
    comments: sorted(doc.comments),
    // What the target's own creation and the import itself add is not the desk's content.
    activity: sorted(doc.activity.filter((a) => a.action !== "workspace.created" && a.action !== "workspace.imported")),
  };
}

async function freshWorkspace(admin: { userId: string }) {
  return createWorkspace(admin, { name: "Moved desk", slug: unique("moved") });
}

async function rowCounts(workspaceId: string) {
  const [statements, tags, levels, members, activity] = await Promise.all([
    db().statement.count({ where: { workspaceId } }),
    db().tag.count({ where: { workspaceId } }),
    db().ratingLevel.count({ where: { scale: { workspaceId } } }),
    db().membership.count({ where: { workspaceId } }),
    db().activityEvent.count({ where: { workspaceId } }),
  ]);
  return { statements, tags, levels, members, activity };
}

describe("exportWorkspace / importWorkspace", () => {
  it("moves a whole desk: export, import into a fresh workspace, export again gives the same content", async () => {
    const desk = await richDesk();
    const first = await exportWorkspace(desk.admin, { workspaceId: desk.workspace.id });
    expect(first).toMatchObject({ format: "factdesk-workspace", version: 1 });
    expect(first.highlights.some((h) => h.deletedAt !== null)).toBe(true);
    expect(first.verdictVersions.length).toBeGreaterThan(0);
    expect(first.reviews.length).toBeGreaterThan(0);
    expect(first.comments[0]!.mentionIds).toHaveLength(1);

    const target = await freshWorkspace(desk.admin);
    // Through JSON, as the CLI and the download carry it.
    const summary = await importWorkspace(desk.admin, { workspaceId: target.id, document: JSON.parse(JSON.stringify(first)) });
    expect(summary).toMatchObject({ statements: first.statements.length, claims: first.claims.length, peopleCreated: 0 });
    const second = await exportWorkspace(desk.admin, { workspaceId: target.id });
    expect(normalise(second)).toEqual(normalise(first));
    // New ids throughout: the source desk is untouched and still exports the same.
    expect(second.statements.map((s) => s.id).some((id) => first.statements.some((s) => s.id === id))).toBe(false);
    expect(normalise(await exportWorkspace(desk.admin, { workspaceId: desk.workspace.id }))).toEqual(normalise(first));
    const event = await db().activityEvent.findFirst({ where: { workspaceId: target.id, action: "workspace.imported" } });
    expect(JSON.parse(event!.data)).toMatchObject({ statements: first.statements.length });
  });

  it("creates people it does not know, without a password, and makes members of those who were", async () => {
    const desk = await richDesk();
    const doc = await exportWorkspace(desk.admin, { workspaceId: desk.workspace.id });
    const viewer = doc.people.find((p) => p.role === "viewer")!;
    const newcomer = { ...viewer, id: "newcomer", email: `${unique("new")}@example.org`, name: "New Person" };
    doc.people.push(newcomer);
    const owner = await makeUser();
    const target = await freshWorkspace(owner);
    const summary = await importWorkspace(owner, { workspaceId: target.id, document: doc });
    expect(summary.peopleCreated).toBe(1);
    const user = await db().user.findUniqueOrThrow({ where: { email: newcomer.email }, select: { id: true, passwordHash: true, name: true } });
    expect(user).toMatchObject({ passwordHash: null, name: "New Person" });
    const roles = await db().membership.findMany({ where: { workspaceId: target.id }, select: { userId: true, role: true } });
    expect(roles).toContainEqual({ userId: user.id, role: "viewer" });
    expect(roles).toContainEqual({ userId: owner.userId, role: "admin" });
    expect(roles).toContainEqual({ userId: desk.editor.userId, role: "editor" });
  });

  it("refuses a bad document with a clear message and writes nothing", async () => {
    const desk = await richDesk();
    const doc = await exportWorkspace(desk.admin, { workspaceId: desk.workspace.id });
    const target = await freshWorkspace(desk.admin);
    const before = await rowCounts(target.id);
    await expect(importWorkspace(desk.admin, { workspaceId: target.id, document: { hello: 1 } })).rejects.toThrow(/not a Factdesk workspace export/);
    await expect(importWorkspace(desk.admin, { workspaceId: target.id, document: { ...doc, version: 99 } })).rejects.toThrow(/version/);
    const badTitle = structuredClone(doc);
    (badTitle.statements[0] as { title: unknown }).title = 42;
    await expect(importWorkspace(desk.admin, { workspaceId: target.id, document: badTitle })).rejects.toThrow(/statements\.0\.title/);
    const dangling = structuredClone(doc);
    dangling.claims[0]!.highlightId = "nowhere";
    // A newcomer too: the people would be created first if validation came late.
    const late = `${unique("late")}@example.org`;
    dangling.people.push({ id: "x", email: late, name: "Late", role: "viewer" });
    const error = await importWorkspace(desk.admin, { workspaceId: target.id, document: dangling }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).message).toMatch(/claims\.0\.highlightId: refers to highlight nowhere/);
    expect(await rowCounts(target.id)).toEqual(before);
    // Counted for this person only: on PostgreSQL other test files create users in the same
    // database meanwhile, so the table's total is not this test's to compare.
    expect(await db().user.count({ where: { email: late } })).toBe(0);
  });

  it("refuses a workspace that already has statements", async () => {
    const desk = await richDesk();
    const doc = await exportWorkspace(desk.admin, { workspaceId: desk.workspace.id });
    const before = await rowCounts(desk.workspace.id);
    await expect(importWorkspace(desk.admin, { workspaceId: desk.workspace.id, document: doc })).rejects.toBeInstanceOf(Conflict);
    expect(await rowCounts(desk.workspace.id)).toEqual(before);
  });

  it("is for admins only, both ways; outsiders are not found", async () => {
    const desk = await richDesk();
    const ws = desk.workspace.id;
    for (const role of ["editor", "checker", "viewer"] as const) {
      await expect(exportWorkspace(desk[role], { workspaceId: ws })).rejects.toBeInstanceOf(Forbidden);
    }
    await expect(exportWorkspace(desk.outsider, { workspaceId: ws })).rejects.toBeInstanceOf(NotFound);
    const doc = await exportWorkspace(desk.admin, { workspaceId: ws });
    const target = await freshWorkspace(desk.admin);
    await db().membership.create({ data: { workspaceId: target.id, userId: desk.editor.userId, role: "editor" } });
    const before = await rowCounts(target.id);
    await expect(importWorkspace(desk.editor, { workspaceId: target.id, document: doc })).rejects.toBeInstanceOf(Forbidden);
    await expect(importWorkspace(desk.outsider, { workspaceId: target.id, document: doc })).rejects.toBeInstanceOf(NotFound);
    expect(await rowCounts(target.id)).toEqual(before);
  });
});
