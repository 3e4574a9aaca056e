import { describe, expect, it } from "vitest";
import { annotationSnapshot, highlightQuote, makeStatement, makeTag } from "../../test/annotation-factories";
import { makeDesk } from "../../test/factories";
import { db } from "./db";
import { Forbidden, Invalid, NotFound } from "./errors";
import { exportStatementAnnotations, importAnnotations } from "./annotation-import";
import { deleteHighlight } from "./highlights";

const TEXT = "The minister said unemployment fell to 4.1 per cent in May. Critics said 12,000 jobs were lost in the north. Prices rose by a fifth.";
const BASE = "https://desk.example.org";

async function annotated() {
  const desk = await makeDesk();
  const ws = desk.workspace.id;
  const tag = await makeTag(ws, "economy");
  const statement = await makeStatement(desk.checker, ws, TEXT);
  await highlightQuote(desk.checker, ws, statement, "unemployment fell to 4.1 per cent in May", { claimReviewed: "Unemployment fell to 4.1% in May.", tagIds: [tag.id] });
  await highlightQuote(desk.checker, ws, statement, "12,000 jobs were lost", { kind: "note", body: "Which region?" });
  const gone = await highlightQuote(desk.checker, ws, statement, "Prices rose by a fifth");
  await deleteHighlight(desk.checker, { workspaceId: ws, highlightId: gone.id });
  return { desk, ws, statement };
}

async function positions(statementId: string) {
  const rows = await db().highlight.findMany({
    where: { statementId, deletedAt: null },
    orderBy: { start: "asc" },
    select: { start: true, end: true, exact: true, kind: true, body: true, orphaned: true, claim: { select: { claimReviewed: true, tags: { select: { tag: { select: { name: true } } } } } } },
  });
  return rows.map((r) => ({ ...r, claim: r.claim ? { claimReviewed: r.claim.claimReviewed, tags: r.claim.tags.map((t) => t.tag.name) } : null }));
}

describe("exportStatementAnnotations", () => {
  it("gives a viewer the live highlights as an AnnotationPage", async () => {
    const { desk, ws, statement } = await annotated();
    const page = await exportStatementAnnotations(desk.viewer, { workspaceId: ws, statementId: statement.id, baseUrl: BASE });
    expect(page.type).toBe("AnnotationPage");
    expect(page.items.map((a) => a.motivation)).toEqual(["assessing", "commenting"]);
    expect(page.items[0]!.target.source).toBe(`${BASE}/w/${desk.workspace.slug}/statements/${statement.id}`);
    await expect(exportStatementAnnotations(desk.outsider, { workspaceId: ws, statementId: statement.id, baseUrl: BASE })).rejects.toBeInstanceOf(NotFound);
  });
});

describe("importAnnotations", () => {
  it("round-trips: the export imported into a statement with the same text gives the same highlights", async () => {
    const { desk, ws, statement } = await annotated();
    const page = await exportStatementAnnotations(desk.viewer, { workspaceId: ws, statementId: statement.id, baseUrl: BASE });
    // The other desk has the same text and a tag of the same name.
    const other = desk.otherWorkspace.id;
    await makeTag(other, "economy");
    const copy = await makeStatement(desk.outsider, other, TEXT);
    const result = await importAnnotations(desk.outsider, { workspaceId: other, statementId: copy.id, document: JSON.stringify(page) });
    expect(result).toMatchObject({ created: 2, placed: 2, orphaned: 0, claims: 1, notes: 1, problems: [] });
    expect(await positions(copy.id)).toEqual(await positions(statement.id));
    const copied = await db().statement.findUniqueOrThrow({ where: { id: copy.id }, select: { claimCount: true } });
    expect(copied.claimCount).toBe(1);
    const event = await db().activityEvent.findFirst({ where: { workspaceId: other, action: "annotations.imported", entityId: copy.id } });
    expect(JSON.parse(event!.data)).toMatchObject({ created: 2, placed: 2, orphaned: 0 });
  });

  it("keeps a quote it cannot find as an orphan, and reports unknown tags", async () => {
    const { desk, ws } = await annotated();
    const statement = await makeStatement(desk.checker, ws);
    const document = [
      { "@context": "http://www.w3.org/ns/anno.jsonld", type: "Annotation", motivation: "assessing", body: [{ type: "TextualBody", purpose: "tagging", value: "no-such-tag" }], target: { source: "x", selector: { type: "TextQuoteSelector", exact: "people were hurt" } } },
      { "@context": "http://www.w3.org/ns/anno.jsonld", type: "Annotation", motivation: "commenting", body: { type: "TextualBody", value: "Elsewhere" }, target: { source: "x", selector: { type: "TextQuoteSelector", exact: "a sentence that is nowhere in the text at all" } } },
    ];
    const result = await importAnnotations(desk.checker, { workspaceId: ws, statementId: statement.id, document });
    expect(result).toMatchObject({ created: 2, placed: 1, orphaned: 1 });
    expect(result.problems.map((p) => p.message).join(" ")).toMatch(/no-such-tag.*not applied/);
    const rows = await positions(statement.id);
    expect(rows.find((r) => r.orphaned)).toMatchObject({ exact: "a sentence that is nowhere in the text at all", body: "Elsewhere", kind: "note" });
    expect(rows.find((r) => !r.orphaned)).toMatchObject({ exact: "people were hurt", kind: "claim" });
  });

  it("refuses unreadable input with a message and writes nothing", async () => {
    const { desk, ws, statement } = await annotated();
    const before = await annotationSnapshot(ws);
    await expect(importAnnotations(desk.checker, { workspaceId: ws, statementId: statement.id, document: "{not json" })).rejects.toThrow(/not valid JSON/);
    await expect(importAnnotations(desk.checker, { workspaceId: ws, statementId: statement.id, document: { hello: "world" } })).rejects.toBeInstanceOf(Invalid);
    await expect(importAnnotations(desk.checker, { workspaceId: ws, statementId: statement.id, document: 42 as never })).rejects.toBeInstanceOf(Invalid);
    expect(await annotationSnapshot(ws)).toEqual(before);
  });

  it("is for checkers and up; outsiders and foreign statements are not found; nothing written", async () => {
    const { desk, ws, statement } = await annotated();
    const document = { type: "Annotation", target: { source: "x", selector: { type: "TextQuoteSelector", exact: "Critics said" } } };
    const before = await annotationSnapshot(ws);
    await expect(importAnnotations(desk.viewer, { workspaceId: ws, statementId: statement.id, document })).rejects.toBeInstanceOf(Forbidden);
    await expect(importAnnotations(desk.outsider, { workspaceId: ws, statementId: statement.id, document })).rejects.toBeInstanceOf(NotFound);
    await expect(importAnnotations(desk.outsider, { workspaceId: desk.otherWorkspace.id, statementId: statement.id, document })).rejects.toBeInstanceOf(NotFound);
    expect(await annotationSnapshot(ws)).toEqual(before);
  });
});
