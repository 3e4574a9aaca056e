import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeDesk, unique } from "../../test/factories";
import { makeDocx } from "../import/make-docx";
import { db } from "./db";
import { Forbidden, Invalid, NotFound } from "./errors";
import { getStatement, importStatement, importStatements, listStatements } from "./statements";

const corpusDir = path.resolve(import.meta.dirname, "../../../shared/corpus");
const corpus = (name: string) => readFileSync(path.join(corpusDir, name), "utf8");

async function countsOf(workspaceId: string) {
  const [statements, revisions, events] = await Promise.all([
    db().statement.count({ where: { workspaceId } }),
    db().statementRevision.count({ where: { statement: { workspaceId } } }),
    db().activityEvent.count({ where: { workspaceId, action: "statement.imported" } }),
  ]);
  return { statements, revisions, events };
}

const none = { statements: 0, revisions: 0, events: 0 };

describe("importStatement", () => {
  it("stores the normalised text as revision 1 with metadata, search text and an activity event", async () => {
    const desk = await makeDesk();
    const result = await importStatement(desk.checker, {
      workspaceId: desk.workspace.id,
      text: "Ministry: 303 victims\r\n\r\n\r\n\r\nThe ministry said 303 people  \r\nwere hurt.\r\n",
      speaker: " Ministry of Defence ",
      outlet: "APA",
      url: "https://example.org/statement",
      publishedAt: "2023-07-29",
      language: "en",
    });
    expect(result).toMatchObject({ status: "created", statement: { title: "Ministry: 303 victims" } });
    if (result.status !== "created") throw new Error("not created");

    const row = await db().statement.findUniqueOrThrow({ where: { id: result.statement.id }, include: { revisions: true } });
    expect(row).toMatchObject({
      workspaceId: desk.workspace.id,
      speaker: "Ministry of Defence",
      outlet: "APA",
      url: "https://example.org/statement",
      language: "en",
      searchText: "ministry: 303 victims\nministry of defence\napa",
      currentRevision: 1,
      createdById: desk.checker.userId,
    });
    expect(row.publishedAt?.toISOString()).toBe("2023-07-29T00:00:00.000Z");
    expect(row.revisions).toHaveLength(1);
    expect(row.revisions[0]).toMatchObject({ number: 1, text: "Ministry: 303 victims\n\nThe ministry said 303 people\nwere hurt." });
    const event = await db().activityEvent.findFirstOrThrow({ where: { workspaceId: desk.workspace.id, entityId: row.id } });
    expect(event).toMatchObject({ action: "statement.imported", entityType: "statement", actorId: desk.checker.userId });
  });

  it("keeps a given title and lets editors and admins import too", async () => {
    const desk = await makeDesk();
    for (const actor of [desk.editor, desk.admin]) {
      const result = await importStatement(actor, { workspaceId: desk.workspace.id, title: "My title", text: unique("text") });
      expect(result).toMatchObject({ status: "created", statement: { title: "My title" } });
    }
  });

  it("detects the same text twice, also when it differs only in whitespace", async () => {
    const desk = await makeDesk();
    const first = await importStatement(desk.checker, { workspaceId: desk.workspace.id, text: "Same text.\n\nSecond paragraph." });
    if (first.status !== "created") throw new Error("not created");
    const again = await importStatement(desk.editor, { workspaceId: desk.workspace.id, text: "Same text.\n\nSecond paragraph.", title: "Other" });
    const spaced = await importStatement(desk.checker, {
      workspaceId: desk.workspace.id,
      text: "\r\nSame text.   \r\n\r\n\r\n\r\nSecond paragraph.\r\n\r\n",
    });
    expect(again).toEqual({ status: "duplicate", existing: first.statement });
    expect(spaced).toEqual({ status: "duplicate", existing: first.statement });
    expect(await countsOf(desk.workspace.id)).toEqual({ statements: 1, revisions: 1, events: 1 });
  });

  it("lets the unique index decide between two simultaneous imports of the same text", async () => {
    const desk = await makeDesk();
    const text = `${unique("race")} text`;
    const results = await Promise.all(
      [desk.checker, desk.editor, desk.admin].map((actor) => importStatement(actor, { workspaceId: desk.workspace.id, text })),
    );
    expect(results.filter((r) => r.status === "created")).toHaveLength(1);
    expect(results.filter((r) => r.status === "duplicate")).toHaveLength(2);
    expect(await countsOf(desk.workspace.id)).toEqual({ statements: 1, revisions: 1, events: 1 });
  });

  it("allows the same text in another workspace", async () => {
    const desk = await makeDesk();
    await importStatement(desk.checker, { workspaceId: desk.workspace.id, text: "Shared text" });
    const other = await importStatement(desk.outsider, { workspaceId: desk.otherWorkspace.id, text: "Shared text" });
    expect(other.status).toBe("created");
  });

  it("refuses empty, binary and oversized text and bad metadata with field messages, storing nothing", async () => {
    const desk = await makeDesk();
    const attempts: Array<[Record<string, string>, string, RegExp]> = [
      [{ text: "  \r\n\r\n  " }, "text", /no text/],
      [{ text: "abc\u0000def" }, "text", /binary/],
      [{ text: "a".repeat(1024 * 1024 + 1) }, "text", /1 MB/],
      [{ text: "ok", url: "javascript:alert(1)" }, "url", /http/],
      [{ text: "ok", publishedAt: "2023-02-30" }, "publishedAt", /YYYY-MM-DD/],
      [{ text: "ok", publishedAt: "29/07/2023" }, "publishedAt", /YYYY-MM-DD/],
      [{ text: "ok", language: "English language" }, "language", /language code/],
      [{ text: "ok", title: "t".repeat(301) }, "title", /300/],
    ];
    for (const [fields, field, message] of attempts) {
      const error = await importStatement(desk.checker, { workspaceId: desk.workspace.id, text: "", ...fields }).catch((e) => e);
      expect(error, field).toBeInstanceOf(Invalid);
      expect(error.fieldErrors?.[field]?.join(" "), field).toMatch(message);
    }
    expect(await countsOf(desk.workspace.id)).toEqual(none);
  });

  it("refuses an outsider with NotFound and a viewer with Forbidden, changing nothing", async () => {
    const desk = await makeDesk();
    const input = { workspaceId: desk.workspace.id, text: "Not allowed" };
    await expect(importStatement(desk.outsider, input)).rejects.toBeInstanceOf(NotFound);
    await expect(importStatement(desk.viewer, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(importStatements(desk.outsider, { workspaceId: desk.workspace.id, items: [{ name: "a", text: "x" }] })).rejects.toBeInstanceOf(NotFound);
    await expect(importStatements(desk.viewer, { workspaceId: desk.workspace.id, items: [{ name: "a", text: "x" }] })).rejects.toBeInstanceOf(Forbidden);
    expect(await countsOf(desk.workspace.id)).toEqual(none);
    expect(await db().activityEvent.count({ where: { workspaceId: desk.workspace.id } })).toBe(0);
  });

  it("imports the corpus statements with their paragraphs and proposed titles", async () => {
    const desk = await makeDesk();
    const expected: Array<[string, number, RegExp]> = [
      ["001_6bb68906b7520559.txt", 9, /^We resolutely reject the biased and baseless statement/],
      ["002_2dd327febb76f463.txt", 14, /^Armenia continues its actions leading to tension/],
      ["004_79937edc0d593891.txt", 10, /^Azerbaijani MFA: Armenian army has continued its provocations in the direction of Kalbajar$/],
    ];
    for (const [file, paragraphs, title] of expected) {
      const result = await importStatement(desk.checker, { workspaceId: desk.workspace.id, text: corpus(file) });
      if (result.status !== "created") throw new Error(`${file} not created`);
      expect(result.statement.title).toMatch(title);
      const statement = await getStatement(desk.viewer, { workspaceId: desk.workspace.id, statementId: result.statement.id });
      expect(statement.paragraphs, file).toHaveLength(paragraphs);
      // The headline stays in the text: statements are kept as published.
      expect(statement.paragraphs[0]).toBe(corpus(file).split("\n")[0]!.trimEnd());
    }
  });
});

describe("importStatements", () => {
  it("imports files of every format, reports duplicates and failures, and keeps going", async () => {
    const desk = await makeDesk();
    await importStatement(desk.checker, { workspaceId: desk.workspace.id, text: "Already here." });
    const encode = (s: string) => new TextEncoder().encode(s);
    const summary = await importStatements(desk.checker, {
      workspaceId: desk.workspace.id,
      items: [
        { name: "a.txt", bytes: encode("Plain text statement.\n\nSecond."), speaker: "Ministry", publishedAt: "2021-12-10" },
        { name: "b.md", bytes: encode("# Markdown headline\n\nBody **text**.") },
        { name: "c.html", bytes: encode("<html><head><title>Page</title></head><body><h1>Html headline</h1><p>Body.</p></body></html>") },
        { name: "d.docx", bytes: makeDocx(["Word headline", "Word body."]) },
        { name: "e.txt", bytes: encode("Already here.\r\n") },
        { name: "f.txt", bytes: encode("Plain text statement.  \n\n\n\nSecond.") },
        { name: "g.txt", bytes: new Uint8Array([0x66, 0xe9, 0x65]) },
        { name: "h.txt", bytes: new Uint8Array() },
        { name: "i.pdf", bytes: encode("%PDF-1.4") },
        { name: "j.txt", bytes: encode("Good text"), url: "ftp://example.org" },
        { name: "pasted", text: "Pasted directly" },
      ],
    });
    expect(summary.created.map((c) => [c.name, c.statement.title])).toEqual([
      ["a.txt", "Plain text statement"],
      ["b.md", "Markdown headline"],
      ["c.html", "Html headline"],
      ["d.docx", "Word headline"],
      ["pasted", "Pasted directly"],
    ]);
    expect(summary.duplicates.map((d) => [d.name, d.existing.title])).toEqual([
      ["e.txt", "Already here"],
      ["f.txt", "Plain text statement"],
    ]);
    expect(summary.failed.map((f) => f.name)).toEqual(["g.txt", "h.txt", "i.pdf", "j.txt"]);
    expect(summary.failed[0]!.message).toMatch(/not UTF-8/);
    expect(summary.failed[1]!.message).toMatch(/empty/);
    expect(summary.failed[2]!.message).toMatch(/PDF/);
    expect(summary.failed[3]!.message).toMatch(/http/);

    expect(await countsOf(desk.workspace.id)).toEqual({ statements: 6, revisions: 6, events: 6 });
    const a = await getStatement(desk.checker, { workspaceId: desk.workspace.id, statementId: summary.created[0]!.statement.id });
    expect(a).toMatchObject({ speaker: "Ministry", publishedAt: "2021-12-10", paragraphs: ["Plain text statement.", "Second."] });
    expect(a.revision.number).toBe(1);
  });

  it("reports progress and handles many items in chunks", async () => {
    const desk = await makeDesk();
    const items = Array.from({ length: 1203 }, (_, i) => ({ name: `s${i}.txt`, text: `Statement number ${i % 1200}.` }));
    const seen: number[] = [];
    const summary = await importStatements(desk.checker, { workspaceId: desk.workspace.id, items }, { onProgress: (done) => seen.push(done) });
    expect(summary.created).toHaveLength(1200);
    expect(summary.duplicates).toHaveLength(3);
    expect(seen.at(-1)).toBe(1203);
    expect(await countsOf(desk.workspace.id)).toEqual({ statements: 1200, revisions: 1200, events: 1200 });
  });

  it("applies shared metadata to every item unless the item has its own", async () => {
    const desk = await makeDesk();
    const summary = await importStatements(desk.checker, {
      workspaceId: desk.workspace.id,
      shared: { speaker: "Foreign Ministry", outlet: "APA", publishedAt: "2022-01-02", language: "en" },
      items: [
        { name: "a", text: "First shared" },
        { name: "b", text: "Second shared", speaker: "President" },
      ],
    });
    const rows = await db().statement.findMany({ where: { workspaceId: desk.workspace.id }, orderBy: { title: "asc" } });
    expect(summary.created).toHaveLength(2);
    expect(rows.map((r) => [r.title, r.speaker, r.outlet, r.language, r.publishedAt?.toISOString().slice(0, 10)])).toEqual([
      ["First shared", "Foreign Ministry", "APA", "en", "2022-01-02"],
      ["Second shared", "President", "APA", "en", "2022-01-02"],
    ]);
  });

  it("refuses an empty list and bad shared metadata as field errors, storing nothing", async () => {
    const desk = await makeDesk();
    const empty = await importStatements(desk.checker, { workspaceId: desk.workspace.id, items: [] }).catch((e) => e);
    expect(empty).toBeInstanceOf(Invalid);
    expect(empty.fieldErrors?.items).toEqual(["Choose at least one file."]);
    const badDate = await importStatements(desk.checker, {
      workspaceId: desk.workspace.id,
      shared: { publishedAt: "yesterday" },
      items: [{ name: "a", text: "Would be fine" }],
    }).catch((e) => e);
    expect(badDate).toBeInstanceOf(Invalid);
    expect(badDate.fieldErrors?.publishedAt?.[0]).toMatch(/YYYY-MM-DD/);
    expect(await countsOf(desk.workspace.id)).toEqual(none);
  });
});

describe("listStatements", () => {
  async function deskWithStatements() {
    const desk = await makeDesk();
    const specs = [
      { title: "Alpha on landmines", speaker: "Ministry of Defence", outlet: "APA", publishedAt: "2021-12-10" },
      { title: "beta statement", speaker: "Foreign Ministry", outlet: "Trend", publishedAt: "2023-07-29" },
      { title: "Gamma 100% sure", speaker: "President", outlet: "", publishedAt: "" },
      { title: "Delta_underscore", speaker: "Ministry of Foreign Affairs", outlet: "APA", publishedAt: "2020-11-10" },
    ];
    const ids: string[] = [];
    for (const spec of specs) {
      const r = await importStatement(desk.checker, { workspaceId: desk.workspace.id, text: `${spec.title} text`, ...spec });
      if (r.status === "created") ids.push(r.statement.id);
    }
    await db().statement.update({ where: { id: ids[3]! }, data: { claimCount: 7 } });
    await db().statement.update({ where: { id: ids[0]! }, data: { claimCount: 2 } });
    return { desk, ids };
  }

  it("filters by title, speaker and outlet, case-insensitively, treating % and _ literally", async () => {
    const { desk } = await deskWithStatements();
    const list = (q: string) => listStatements(desk.viewer, { workspaceId: desk.workspace.id, q }).then((r) => r.items.map((i) => i.title));
    expect(await list("MINISTRY")).toEqual(expect.arrayContaining(["Alpha on landmines", "beta statement", "Delta_underscore"]));
    expect(await list("ministry")).toHaveLength(3);
    expect(await list("apa")).toHaveLength(2);
    expect(await list("100%")).toEqual(["Gamma 100% sure"]);
    expect(await list("a_u")).toEqual(["Delta_underscore"]);
    expect(await list("%")).toEqual(["Gamma 100% sure"]);
    expect(await list("nothing like this")).toEqual([]);
  });

  it("sorts by publication date, import time, title and claims, both ways", async () => {
    const { desk } = await deskWithStatements();
    const titles = (sort: "published" | "imported" | "title" | "claims", dir?: "asc" | "desc") =>
      listStatements(desk.viewer, { workspaceId: desk.workspace.id, sort, dir }).then((r) => r.items.map((i) => i.title.split(" ")[0]));
    expect(await titles("published")).toEqual(["beta", "Alpha", "Delta_underscore", "Gamma"]);
    expect(await titles("published", "asc")).toEqual(["Delta_underscore", "Alpha", "beta", "Gamma"]);
    expect(await titles("imported")).toEqual(["Delta_underscore", "Gamma", "beta", "Alpha"]);
    expect(await titles("imported", "asc")).toEqual(["Alpha", "beta", "Gamma", "Delta_underscore"]);
    expect((await titles("title")).map((t) => t!.toLowerCase())).toEqual(["alpha", "beta", "delta_underscore", "gamma"].sort());
    expect((await titles("claims")).slice(0, 2)).toEqual(["Delta_underscore", "Alpha"]);
    expect((await titles("claims", "asc")).slice(2)).toEqual(["Alpha", "Delta_underscore"]);
  });

  it("paginates and clamps a page past the end; bad parameters fall back to defaults", async () => {
    const { desk } = await deskWithStatements();
    const page1 = await listStatements(desk.viewer, { workspaceId: desk.workspace.id, pageSize: 3, sort: "imported", dir: "asc" });
    const page2 = await listStatements(desk.viewer, { workspaceId: desk.workspace.id, pageSize: 3, page: 2, sort: "imported", dir: "asc" });
    const page9 = await listStatements(desk.viewer, { workspaceId: desk.workspace.id, pageSize: 3, page: 9, sort: "imported", dir: "asc" });
    expect(page1).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    expect(page1.items).toHaveLength(3);
    expect(page2.items.map((i) => i.title)).toEqual(["Delta_underscore"]);
    expect(page9.page).toBe(2);
    const odd = await listStatements(desk.viewer, {
      workspaceId: desk.workspace.id,
      sort: "nonsense" as never,
      dir: "up" as never,
      page: "x" as never,
      pageSize: 10_000,
    });
    expect(odd).toMatchObject({ sort: "imported", dir: "desc", page: 1, pageSize: 25, total: 4 });
    expect(odd.items[0]).toMatchObject({ title: "Delta_underscore", claimCount: 7, publishedAt: "2020-11-10", outlet: "APA" });
    expect(odd.items[0]!.importedAt).toBeInstanceOf(Date);
  });

  it("shows an outsider nothing", async () => {
    const { desk } = await deskWithStatements();
    await expect(listStatements(desk.outsider, { workspaceId: desk.workspace.id })).rejects.toBeInstanceOf(NotFound);
    const own = await listStatements(desk.outsider, { workspaceId: desk.otherWorkspace.id });
    expect(own.total).toBe(0);
  });
});

describe("getStatement", () => {
  it("returns metadata, the current revision and its paragraphs to any member", async () => {
    const desk = await makeDesk();
    const r = await importStatement(desk.checker, {
      workspaceId: desk.workspace.id,
      text: "First ✅\n\nמדינת ישראל\n\nThird",
      title: "T",
      url: "https://example.org/a",
      language: "he",
    });
    if (r.status !== "created") throw new Error("not created");
    const s = await getStatement(desk.viewer, { workspaceId: desk.workspace.id, statementId: r.statement.id });
    expect(s).toMatchObject({
      id: r.statement.id,
      title: "T",
      url: "https://example.org/a",
      language: "he",
      publishedAt: null,
      importedBy: { name: desk.checker.name },
      revision: { number: 1, text: "First ✅\n\nמדינת ישראל\n\nThird" },
      paragraphs: ["First ✅", "מדינת ישראל", "Third"],
      claimCount: 0,
    });
  });

  it("gives NotFound for another workspace's statement, for an outsider and for unknown ids", async () => {
    const desk = await makeDesk();
    const theirs = await importStatement(desk.outsider, { workspaceId: desk.otherWorkspace.id, text: "Their statement" });
    const ours = await importStatement(desk.checker, { workspaceId: desk.workspace.id, text: "Our statement" });
    if (theirs.status !== "created" || ours.status !== "created") throw new Error("not created");
    await expect(getStatement(desk.admin, { workspaceId: desk.workspace.id, statementId: theirs.statement.id })).rejects.toBeInstanceOf(NotFound);
    await expect(getStatement(desk.outsider, { workspaceId: desk.workspace.id, statementId: ours.statement.id })).rejects.toBeInstanceOf(NotFound);
    await expect(getStatement(desk.admin, { workspaceId: desk.workspace.id, statementId: "nope" })).rejects.toBeInstanceOf(NotFound);
  });
});
