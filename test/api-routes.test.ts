// The JSON API's route handlers, called in-process with Request objects: every route's happy path,
// authentication, the token's workspace and role limits, and bad input.
import { describe, expect, it } from "vitest";
import * as claimRoute from "../app/api/v1/claims/[id]/route";
import * as verdictEventRoute from "../app/api/v1/claims/[id]/verdict/[event]/route";
import * as verdictRoute from "../app/api/v1/claims/[id]/verdict/route";
import * as highlightRoute from "../app/api/v1/highlights/[id]/route";
import * as statementHighlightsRoute from "../app/api/v1/statements/[id]/highlights/route";
import * as statementRoute from "../app/api/v1/statements/[id]/route";
import * as statementsRoute from "../app/api/v1/statements/route";
import { MAX_API_BODY_BYTES } from "../lib/server/api-handler";
import { createApiToken, revokeApiToken } from "../lib/server/api-tokens";
import { db } from "../lib/server/db";
import { annotationSnapshot } from "./annotation-factories";
import { callApi, makeToken, setRole } from "./api-factories";
import { unique } from "./factories";
import { activityOf, makeSource, makeVerdictDesk, verdictSnapshot } from "./verdict-factories";

type World = Awaited<ReturnType<typeof makeApiWorld>>;

/** A desk with a claim, and tokens: one per role of its owner, plus one of another workspace. */
async function makeApiWorld() {
  const w = await makeVerdictDesk();
  const { desk, ws } = w;
  const [checker, editor, viewer, viewerOfEditor, foreign] = await Promise.all([
    makeToken(desk.checker, ws, "checker"),
    makeToken(desk.editor, ws, "editor"),
    makeToken(desk.viewer, ws, "viewer"),
    makeToken(desk.editor, ws, "viewer"),
    // The outsider is admin of the other desk: a strong token, just not for this workspace.
    makeToken(desk.outsider, desk.otherWorkspace.id, "admin"),
  ]);
  return { ...w, tokens: { checker, editor, viewer, viewerOfEditor, foreign } };
}

async function snapshot(w: World) {
  const [annotations, verdicts, statements] = await Promise.all([
    annotationSnapshot(w.ws),
    verdictSnapshot(w.ws),
    db().statement.count({ where: { workspaceId: w.ws } }),
  ]);
  return { annotations, verdicts, statements };
}

function expectError(answer: { status: number; body: any }, status: number, code: string) {
  expect({ status: answer.status, code: answer.body?.error?.code }).toEqual({ status, code });
  expect(typeof answer.body.error.message).toBe("string");
  expect(answer.body.error.message.length).toBeGreaterThan(5);
}

describe("authentication", () => {
  it("answers 401 with the error shape for a missing, malformed, unknown, revoked or expired token", async () => {
    const w = await makeApiWorld();
    const missing = await callApi(statementsRoute.GET, "GET");
    expectError(missing, 401, "unauthenticated");
    expect(missing.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    expect(missing.body.error.message).toMatch(/Authorization: Bearer/);
    expectError(await callApi(statementsRoute.GET, "GET", { headers: { Authorization: "Token abc" } }), 401, "unauthenticated");
    expectError(await callApi(statementsRoute.GET, "GET", { token: "fd_nope" }), 401, "unauthenticated");

    const revoked = await createApiToken(w.desk.checker, { workspaceId: w.ws, name: "Old", role: "checker" });
    expect((await callApi(statementsRoute.GET, "GET", { token: revoked.token })).status).toBe(200);
    await revokeApiToken(w.desk.checker, { workspaceId: w.ws, tokenId: revoked.id });
    expectError(await callApi(statementsRoute.GET, "GET", { token: revoked.token }), 401, "unauthenticated");

    const expiring = await createApiToken(w.desk.checker, { workspaceId: w.ws, name: "Week", role: "checker", expiresInDays: 7 });
    await db().apiToken.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await callApi(statementsRoute.GET, "GET", { token: expiring.token });
    expectError(expired, 401, "unauthenticated");
    expect(expired.body.error.message).toMatch(/revoked or has expired/);
  });

  it("refuses a revoked token's writes before reading the body, writing nothing", async () => {
    const w = await makeApiWorld();
    const revoked = await createApiToken(w.desk.checker, { workspaceId: w.ws, name: "Old", role: "checker" });
    await revokeApiToken(w.desk.checker, { workspaceId: w.ws, tokenId: revoked.id });
    const before = await snapshot(w);
    expectError(await callApi(statementsRoute.POST, "POST", { token: revoked.token, body: { text: "A new statement." } }), 401, "unauthenticated");
    expectError(
      await callApi(verdictRoute.PUT, "PUT", { token: revoked.token, params: { id: w.claimId }, body: { lockVersion: null, summary: "x", explanation: "" } }),
      401,
      "unauthenticated",
    );
    expect(await snapshot(w)).toEqual(before);
  });

  it("records when a token was last used", async () => {
    const w = await makeApiWorld();
    const created = await createApiToken(w.desk.viewer, { workspaceId: w.ws, name: "Reader", role: "viewer" });
    await callApi(statementsRoute.GET, "GET", { token: created.token });
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.lastUsedAt).toBeInstanceOf(Date);
  });
});

describe("/statements", () => {
  it("lists the token's workspace's statements with paging metadata", async () => {
    const w = await makeApiWorld();
    const answer = await callApi(statementsRoute.GET, "GET", { token: w.tokens.viewer, query: { pageSize: "10", sort: "title" } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Cache-Control")).toBe("no-store");
    expect(answer.body.meta).toEqual({ total: 1, page: 1, pageSize: 10, q: "", sort: "title", dir: "asc" });
    expect(answer.body.data).toEqual([
      { id: w.statement.id, title: expect.any(String), speaker: "", outlet: "", publishedAt: null, importedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), claimCount: 1 },
    ]);
    const foreign = await callApi(statementsRoute.GET, "GET", { token: w.tokens.foreign });
    expect(foreign.body.data).toEqual([]);
  });

  it("imports one statement, answers a repeat with the existing one, and records the import", async () => {
    const w = await makeApiWorld();
    const text = `The minister said ${unique("n")} schools opened in 2024.`;
    const body = { text, title: "Schools", speaker: "Minister", publishedAt: "2024-05-01", language: "en" };
    const created = await callApi(statementsRoute.POST, "POST", { token: w.tokens.checker, body });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ data: { status: "created", statement: { id: expect.any(String), title: "Schools" } } });
    const id = created.body.data.statement.id;
    const row = await db().statement.findUniqueOrThrow({ where: { id }, select: { workspaceId: true, speaker: true, createdById: true } });
    expect(row).toEqual({ workspaceId: w.ws, speaker: "Minister", createdById: w.desk.checker.userId });
    expect((await activityOf(w.ws, id)).map((e) => [e.action, e.actorId])).toEqual([["statement.imported", w.desk.checker.userId]]);

    const again = await callApi(statementsRoute.POST, "POST", { token: w.tokens.editor, body: { text } });
    expect(again.status).toBe(200);
    expect(again.body.data).toEqual({ status: "duplicate", statement: { id, title: "Schools" } });
  });

  it("imports several statements, reporting each one's fate", async () => {
    const w = await makeApiWorld();
    const text = `Exports grew by ${unique("p")} percent.`;
    const answer = await callApi(statementsRoute.POST, "POST", {
      token: w.tokens.checker,
      body: { statements: [{ name: "first", text }, { text: "   " }, { text, bytes: [1, 2, 3], filename: "x.docx" }] },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.data).toEqual({
      created: [{ name: "first", statement: { id: expect.any(String), title: expect.any(String) } }],
      duplicates: [{ name: "statements[2]", existing: { id: answer.body.data.created[0].statement.id, title: expect.any(String) } }],
      failed: [{ name: "statements[1]", message: "There is no text to import." }],
    });
  });

  it("gets one statement with its current revision's text", async () => {
    const w = await makeApiWorld();
    const answer = await callApi(statementRoute.GET, "GET", { token: w.tokens.viewer, params: { id: w.statement.id } });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({
      id: w.statement.id,
      claimCount: 1,
      importedBy: { name: w.desk.checker.name },
      revision: { id: expect.any(String), number: 1, text: w.statement.text, createdAt: expect.any(String) },
      paragraphs: [w.statement.text],
    });
  });

  it("answers another workspace's token 404 for a statement, as for one that does not exist", async () => {
    const w = await makeApiWorld();
    const foreign = await callApi(statementRoute.GET, "GET", { token: w.tokens.foreign, params: { id: w.statement.id } });
    const missing = await callApi(statementRoute.GET, "GET", { token: w.tokens.viewer, params: { id: "no-such-statement" } });
    expectError(foreign, 404, "not_found");
    expect(foreign.body).toEqual(missing.body);
  });

  it("refuses writes from a viewer token, even one whose owner is an editor, writing nothing", async () => {
    const w = await makeApiWorld();
    const before = await snapshot(w);
    for (const token of [w.tokens.viewer, w.tokens.viewerOfEditor]) {
      const answer = await callApi(statementsRoute.POST, "POST", { token, body: { text: `New ${unique("s")}.` } });
      expectError(answer, 403, "forbidden");
    }
    expect(await snapshot(w)).toEqual(before);
  });

  it("refuses malformed, missing, oversized and non-JSON bodies with a clear error, writing nothing", async () => {
    const w = await makeApiWorld();
    const before = await snapshot(w);
    const post = (call: Parameters<typeof callApi>[2]) => callApi(statementsRoute.POST, "POST", { token: w.tokens.checker, ...call });

    const malformed = await post({ body: '{"text": "unfinished' });
    expectError(malformed, 400, "malformed_json");
    expect(malformed.body.error.message).toMatch(/^The request body is not valid JSON: /);
    expectError(await post({ body: "" }), 400, "malformed_json");
    expectError(await post({ body: "[1, 2]" }), 422, "invalid");

    const missing = await post({ body: { title: "No text" } });
    expectError(missing, 422, "invalid");
    expect(missing.body.error.fields).toEqual({ text: ["Paste the statement's text."] });
    const badFields = await post({ body: { text: "Fine text.", url: "ftp://x", publishedAt: "2024-13-40" } });
    expectError(badFields, 422, "invalid");
    expect(Object.keys(badFields.body.error.fields).sort()).toEqual(["publishedAt", "url"]);

    const huge = await post({ body: { text: "a".repeat(MAX_API_BODY_BYTES) } });
    expectError(huge, 413, "payload_too_large");
    // Without a Content-Length to go by, the body is cut off while it is read.
    const streamed = await statementsRoute.POST(
      new Request("http://factdesk.test/api/v1/statements", {
        method: "POST",
        headers: { Authorization: `Bearer ${w.tokens.checker}`, "Content-Type": "application/json" },
        body: new ReadableStream({
          start(controller) {
            for (let i = 0; i < 5; i++) controller.enqueue(new TextEncoder().encode(" ".repeat(MAX_API_BODY_BYTES / 4)));
            controller.close();
          },
        }),
        duplex: "half",
      } as RequestInit),
      { params: Promise.resolve({}) },
    );
    expect(streamed.status).toBe(413);

    expectError(await post({ body: { text: "Sent as text." }, contentType: "text/plain" }), 415, "unsupported_media_type");
    expect(await snapshot(w)).toEqual(before);
  });
});

describe("/statements/{id}/highlights and /highlights/{id}", () => {
  it("lists a statement's highlights with their claims", async () => {
    const w = await makeApiWorld();
    const answer = await callApi(statementHighlightsRoute.GET, "GET", { token: w.tokens.viewer, params: { id: w.statement.id } });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({
      statementId: w.statement.id,
      revisionNumber: 1,
      highlights: [
        expect.objectContaining({
          exact: "303 people",
          kind: "claim",
          orphaned: false,
          author: { id: w.desk.checker.userId, name: w.desk.checker.name, color: expect.any(String) },
          claim: expect.objectContaining({ id: w.claimId, status: "to_check", tags: [] }),
        }),
      ],
      orphans: [],
    });
  });

  it("creates, changes and deletes a highlight, recording each", async () => {
    const w = await makeApiWorld();
    const start = w.statement.text.indexOf("were hurt");
    const created = await callApi(statementHighlightsRoute.POST, "POST", {
      token: w.tokens.checker,
      params: { id: w.statement.id },
      body: { revisionNumber: 1, start, end: start + "were hurt".length, kind: "note", body: "Check the hospital figures." },
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ exact: "were hurt", kind: "note", body: "Check the hospital figures.", claim: null, author: { id: w.desk.checker.userId } });
    const id = created.body.data.id;

    const changed = await callApi(highlightRoute.PATCH, "PATCH", { token: w.tokens.checker, params: { id }, body: { kind: "claim" } });
    expect(changed.status).toBe(200);
    expect(changed.body.data).toMatchObject({ id, kind: "claim", claim: { claimReviewed: "were hurt", status: "to_check" } });

    const deleted = await callApi(highlightRoute.DELETE, "DELETE", { token: w.tokens.checker, params: { id } });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ data: { id, deleted: true } });
    const row = await db().highlight.findUniqueOrThrow({ where: { id }, select: { deletedAt: true, deletedById: true } });
    expect(row.deletedById).toBe(w.desk.checker.userId);
    expect((await activityOf(w.ws, id)).map((e) => e.action)).toEqual(["highlight.created", "highlight.updated", "highlight.deleted"]);
  });

  it("answers another workspace's token 404 on every highlight route, changing nothing", async () => {
    const w = await makeApiWorld();
    const highlightId = (await db().claim.findUniqueOrThrow({ where: { id: w.claimId } })).highlightId;
    const before = await snapshot(w);
    const token = w.tokens.foreign;
    expectError(await callApi(statementHighlightsRoute.GET, "GET", { token, params: { id: w.statement.id } }), 404, "not_found");
    expectError(
      await callApi(statementHighlightsRoute.POST, "POST", { token, params: { id: w.statement.id }, body: { revisionNumber: 1, start: 0, end: 3, kind: "note" } }),
      404,
      "not_found",
    );
    expectError(await callApi(highlightRoute.PATCH, "PATCH", { token, params: { id: highlightId }, body: { body: "Mine now" } }), 404, "not_found");
    expectError(await callApi(highlightRoute.DELETE, "DELETE", { token, params: { id: highlightId } }), 404, "not_found");
    expect(await snapshot(w)).toEqual(before);
  });

  it("refuses a viewer token's highlight writes with 403, even when the owner is an editor, changing nothing", async () => {
    const w = await makeApiWorld();
    const highlightId = (await db().claim.findUniqueOrThrow({ where: { id: w.claimId } })).highlightId;
    const before = await snapshot(w);
    for (const token of [w.tokens.viewer, w.tokens.viewerOfEditor]) {
      expectError(
        await callApi(statementHighlightsRoute.POST, "POST", { token, params: { id: w.statement.id }, body: { revisionNumber: 1, start: 0, end: 3, kind: "note" } }),
        403,
        "forbidden",
      );
      expectError(await callApi(highlightRoute.PATCH, "PATCH", { token, params: { id: highlightId }, body: { body: "A note" } }), 403, "forbidden");
      expectError(await callApi(highlightRoute.DELETE, "DELETE", { token, params: { id: highlightId } }), 403, "forbidden");
    }
    expect(await snapshot(w)).toEqual(before);
  });

  it("refuses bad highlight input with field messages, writing nothing", async () => {
    const w = await makeApiWorld();
    const before = await snapshot(w);
    const post = (body: unknown) => callApi(statementHighlightsRoute.POST, "POST", { token: w.tokens.checker, params: { id: w.statement.id }, body });
    const empty = await post({ revisionNumber: 1, start: 5, end: 5, kind: "claim" });
    expectError(empty, 422, "invalid");
    expect(empty.body.error.fields).toEqual({ start: ["Select some text first: the selection is empty."] });
    const missing = await post({ start: 0, end: 4 });
    expectError(missing, 422, "invalid");
    expect(Object.keys(missing.body.error.fields).sort()).toEqual(["kind", "revisionNumber"]);
    expectError(await post("{kind: claim}"), 400, "malformed_json");
    expectError(await callApi(highlightRoute.PATCH, "PATCH", { token: w.tokens.checker, params: { id: "x" }, body: "nope" }), 400, "malformed_json");
    expect(await snapshot(w)).toEqual(before);
  });
});

describe("/claims/{id}", () => {
  it("gets a claim with its quote, statement and sources", async () => {
    const w = await makeApiWorld();
    await makeSource(w.desk.checker, w.claimId, "Annual report");
    const answer = await callApi(claimRoute.GET, "GET", { token: w.tokens.viewer, params: { id: w.claimId } });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({
      id: w.claimId,
      claimReviewed: "303 people",
      status: "to_check",
      quote: "303 people",
      statement: { id: w.statement.id },
      createdBy: { id: w.desk.checker.userId },
      sources: [{ n: 1, title: "Annual report", stance: "refutes", addedBy: { id: w.desk.checker.userId } }],
    });
  });

  it("changes a claim and records it", async () => {
    const w = await makeApiWorld();
    const answer = await callApi(claimRoute.PATCH, "PATCH", {
      token: w.tokens.checker,
      params: { id: w.claimId },
      body: { claimReviewed: "303 people were hurt", status: "researching", assigneeId: w.desk.checker.userId },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({
      id: w.claimId,
      claimReviewed: "303 people were hurt",
      status: "researching",
      assignee: { id: w.desk.checker.userId, name: w.desk.checker.name },
      tags: [],
    });
    expect((await activityOf(w.ws, w.claimId)).map((e) => [e.action, e.actorId])).toEqual([["claim.updated", w.desk.checker.userId]]);
  });

  it("answers another workspace's token 404 and a viewer token 403, changing nothing", async () => {
    const w = await makeApiWorld();
    const before = await snapshot(w);
    const foreignRead = await callApi(claimRoute.GET, "GET", { token: w.tokens.foreign, params: { id: w.claimId } });
    expectError(foreignRead, 404, "not_found");
    expect(foreignRead.body).toEqual((await callApi(claimRoute.GET, "GET", { token: w.tokens.viewer, params: { id: "missing" } })).body);
    expectError(await callApi(claimRoute.PATCH, "PATCH", { token: w.tokens.foreign, params: { id: w.claimId }, body: { claimReviewed: "Hacked" } }), 404, "not_found");
    expectError(await callApi(claimRoute.PATCH, "PATCH", { token: w.tokens.viewerOfEditor, params: { id: w.claimId }, body: { claimReviewed: "Nope" } }), 403, "forbidden");
    expect(await snapshot(w)).toEqual(before);
  });

  it("refuses bad claim input with a clear message, writing nothing", async () => {
    const w = await makeApiWorld();
    const before = await snapshot(w);
    const patch = (body: unknown) => callApi(claimRoute.PATCH, "PATCH", { token: w.tokens.checker, params: { id: w.claimId }, body });
    const status = await patch({ status: "checked" });
    expectError(status, 422, "invalid");
    expect(status.body.error.fields.status[0]).toMatch(/follow from the claim's verdict/);
    const nothing = await patch({});
    expectError(nothing, 422, "invalid");
    expect(nothing.body.error.message).toBe("Nothing to change.");
    expectError(await patch({ claimReviewed: "x".repeat(281) }), 422, "invalid");
    expect(await snapshot(w)).toEqual(before);
  });
});

describe("/claims/{id}/verdict", () => {
  it("reads, drafts, submits and approves a verdict through its review", async () => {
    const w = await makeApiWorld();
    await makeSource(w.desk.checker, w.claimId, "Annual report");
    const params = { id: w.claimId };

    const empty = await callApi(verdictRoute.GET, "GET", { token: w.tokens.checker, params });
    expect(empty.status).toBe(200);
    expect(empty.body.data).toMatchObject({ claimStatus: "to_check", verdict: null, role: "checker", events: ["edit", "submit"] });
    expect(empty.body.data.levels.map((l: { label: string }) => l.label)).toContain("False");

    const saved = await callApi(verdictRoute.PUT, "PUT", { token: w.tokens.checker, params, body: draft(w) });
    expect(saved.status).toBe(200);
    expect(saved.body.data).toMatchObject({ unchanged: false, warnings: null, verdict: { status: "draft", lockVersion: 0, level: { label: "False" }, author: { id: w.desk.checker.userId } } });

    const submitted = await callApi(verdictEventRoute.POST, "POST", { token: w.tokens.checker, params: { ...params, event: "submit" }, body: draft(w, { lockVersion: 0 }) });
    expect(submitted.status).toBe(200);
    expect(submitted.body.data.verdict).toMatchObject({ status: "in_review", version: 1, lockVersion: 1 });

    const approved = await callApi(verdictEventRoute.POST, "POST", { token: w.tokens.editor, params: { ...params, event: "approve" }, body: { lockVersion: 1, note: "Well sourced." } });
    expect(approved.status).toBe(200);
    expect(approved.body.data).toEqual({ verdict: expect.objectContaining({ status: "approved", lockVersion: 2 }) });

    const verdictId = saved.body.data.verdict.id;
    expect((await activityOf(w.ws, verdictId)).map((e) => [e.action, e.actorId])).toEqual([
      ["verdict.drafted", w.desk.checker.userId],
      ["verdict.submitted", w.desk.checker.userId],
      ["verdict.approved", w.desk.editor.userId],
    ]);
    const read = await callApi(verdictRoute.GET, "GET", { token: w.tokens.viewer, params });
    expect(read.body.data).toMatchObject({ claimStatus: "checked", verdict: { status: "approved" }, role: "viewer", events: [] });
  });

  it("answers a stale lockVersion 409 with the verdict as it is now, overwriting nothing", async () => {
    const w = await makeApiWorld();
    const params = { id: w.claimId };
    await callApi(verdictRoute.PUT, "PUT", { token: w.tokens.checker, params, body: draft(w, { explanation: "First." }) });
    await callApi(verdictRoute.PUT, "PUT", { token: w.tokens.editor, params, body: draft(w, { lockVersion: 0, explanation: "Second." }) });
    const before = await snapshot(w);
    const stale = await callApi(verdictRoute.PUT, "PUT", { token: w.tokens.checker, params, body: draft(w, { lockVersion: 0, explanation: "Mine." }) });
    expectError(stale, 409, "conflict");
    expect(stale.body.error.verdict).toMatchObject({ explanation: "Second.", lockVersion: 1 });
    const decision = await callApi(verdictEventRoute.POST, "POST", { token: w.tokens.editor, params: { ...params, event: "approve" }, body: { lockVersion: 1 } });
    expectError(decision, 409, "conflict");
    expect(await snapshot(w)).toEqual(before);
  });

  it("refuses unknown events, events above the token's role and bad input, changing nothing", async () => {
    const w = await makeApiWorld();
    const params = { id: w.claimId };
    await makeSource(w.desk.checker, w.claimId, "Annual report");
    const { lockVersion } = await submitted(w);
    const before = await snapshot(w);

    const unknown = await callApi(verdictEventRoute.POST, "POST", { token: w.tokens.editor, params: { ...params, event: "toString" }, body: { lockVersion } });
    expectError(unknown, 404, "not_found");
    expect(unknown.body.error.message).toMatch(/use submit, approve, request_changes, publish, withdraw, reopen/);
    expectError(await callApi(verdictEventRoute.POST, "POST", { token: w.tokens.checker, params: { ...params, event: "approve" }, body: { lockVersion } }), 403, "forbidden");
    expectError(await callApi(verdictEventRoute.POST, "POST", { token: w.tokens.viewerOfEditor, params: { ...params, event: "approve" }, body: { lockVersion } }), 403, "forbidden");
    const noNote = await callApi(verdictEventRoute.POST, "POST", { token: w.tokens.editor, params: { ...params, event: "request_changes" }, body: { lockVersion } });
    expectError(noNote, 422, "invalid");
    expect(Object.keys(noNote.body.error.fields)).toEqual(["note"]);
    const noLock = await callApi(verdictEventRoute.POST, "POST", { token: w.tokens.editor, params: { ...params, event: "approve" }, body: {} });
    expectError(noLock, 422, "invalid");
    expect(Object.keys(noLock.body.error.fields)).toEqual(["lockVersion"]);
    const noSummary = await callApi(verdictRoute.PUT, "PUT", { token: w.tokens.editor, params, body: { lockVersion, explanation: "" } });
    expectError(noSummary, 422, "invalid");
    expect(noSummary.body.error.fields.summary).toEqual(["The summary must be text."]);
    expectError(await callApi(verdictRoute.PUT, "PUT", { token: w.tokens.editor, params, body: "{" }), 400, "malformed_json");
    expect(await snapshot(w)).toEqual(before);
  });

  it("answers another workspace's token 404 on every verdict route, changing nothing", async () => {
    const w = await makeApiWorld();
    const params = { id: w.claimId };
    await makeSource(w.desk.checker, w.claimId, "Annual report");
    const { lockVersion } = await submitted(w);
    const before = await snapshot(w);
    const token = w.tokens.foreign;
    expectError(await callApi(verdictRoute.GET, "GET", { token, params }), 404, "not_found");
    expectError(await callApi(verdictRoute.PUT, "PUT", { token, params, body: draft(w, { lockVersion }) }), 404, "not_found");
    expectError(await callApi(verdictEventRoute.POST, "POST", { token, params: { ...params, event: "approve" }, body: { lockVersion } }), 404, "not_found");
    expect(await snapshot(w)).toEqual(before);
  });
});

describe("a token and its owner's current role", () => {
  it("shrinks when its owner is demoted, and works again once they are promoted back", async () => {
    const w = await makeApiWorld();
    const params = { id: w.claimId };
    await makeSource(w.desk.checker, w.claimId, "Annual report");
    const { lockVersion } = await submitted(w);
    const adminToken = await makeToken(w.desk.admin, w.ws, "admin");

    await setRole(w.ws, w.desk.editor.userId, "checker");
    await setRole(w.ws, w.desk.admin.userId, "viewer");
    const before = await snapshot(w);
    expectError(await callApi(verdictEventRoute.POST, "POST", { token: w.tokens.editor, params: { ...params, event: "approve" }, body: { lockVersion } }), 403, "forbidden");
    const demoted = await callApi(statementsRoute.POST, "POST", { token: adminToken, body: { text: `Something ${unique("x")}.` } });
    expectError(demoted, 403, "forbidden");
    expect(demoted.body.error.message).toBe("This needs the checker role or higher; this API token acts as a viewer in this workspace.");
    expect(await snapshot(w)).toEqual(before);
    const panel = await callApi(verdictRoute.GET, "GET", { token: adminToken, params });
    expect(panel.body.data).toMatchObject({ role: "viewer", events: [] });

    // Promoted again, the editor's token may approve once more.
    await setRole(w.ws, w.desk.editor.userId, "editor");
    const approved = await callApi(verdictEventRoute.POST, "POST", { token: w.tokens.editor, params: { ...params, event: "approve" }, body: { lockVersion } });
    expect(approved.status).toBe(200);
  });

  it("stops working when its owner leaves the workspace", async () => {
    const w = await makeApiWorld();
    await db().membership.delete({ where: { workspaceId_userId: { workspaceId: w.ws, userId: w.desk.checker.userId } } });
    const answer = await callApi(statementRoute.GET, "GET", { token: w.tokens.checker, params: { id: w.statement.id } });
    expectError(answer, 401, "unauthenticated");
    expect(answer.body.error.message).toMatch(/no longer a member/);
  });
});

/** The claim's verdict, submitted for review by the checker; returns it. */
async function submitted(w: World) {
  const answer = await callApi(verdictEventRoute.POST, "POST", { token: w.tokens.checker, params: { id: w.claimId, event: "submit" }, body: draft(w) });
  expect(answer.status).toBe(200);
  return answer.body.data.verdict as { lockVersion: number };
}

/** A verdict's text as PUT …/verdict and POST …/verdict/submit take it. */
function draft(w: World, extra: Record<string, unknown> = {}) {
  return {
    lockVersion: null,
    levelId: w.levels["False"],
    summary: "The ministry's report counts 250 injured, not 303.",
    explanation: "The annual report [1] lists 250 injured.",
    ...extra,
  };
}
