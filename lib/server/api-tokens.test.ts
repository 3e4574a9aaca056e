import { describe, expect, it } from "vitest";
import { makeDesk } from "../../test/factories";
import { authenticateApiToken, createApiToken, hashApiToken, listApiTokens, revokeApiToken } from "./api-tokens";
import { db } from "./db";
import { Forbidden, Invalid, NotFound, Unauthenticated } from "./errors";

async function errorOf(promise: Promise<unknown>): Promise<any> {
  return promise.then(
    () => null,
    (e: unknown) => e,
  );
}

async function tokenRows(workspaceId: string) {
  const [tokens, events] = await Promise.all([
    db().apiToken.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    db().activityEvent.count({ where: { workspaceId } }),
  ]);
  return { tokens, events };
}

describe("createApiToken", () => {
  it("makes a token shown once, stores only its hash and records the event", async () => {
    const desk = await makeDesk();
    const ws = desk.workspace.id;
    const created = await createApiToken(desk.checker, { workspaceId: ws, name: "  Import   script ", role: "checker", expiresInDays: "30" });
    expect(created.token).toMatch(/^fd_[a-z2-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: "Import script", role: "checker", status: "active", lastUsedAt: null, endedAt: null, prefix: `fd_${created.id}_…` });
    expect(created.token.startsWith(`fd_${created.id}_`)).toBe(true);
    const days = (Date.parse(created.expiresAt!) - Date.parse(created.createdAt)) / 86_400_000;
    expect(days).toBe(30);

    const row = await db().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ workspaceId: ws, userId: desk.checker.userId, role: "checker", tokenHash: hashApiToken(created.token) });
    expect(JSON.stringify(row)).not.toContain(created.token.slice(16));

    const events = await db().activityEvent.findMany({ where: { workspaceId: ws, entityId: created.id } });
    expect(events.map((e) => [e.action, e.actorId, JSON.parse(e.data)])).toEqual([
      ["api_token.created", desk.checker.userId, { name: "Import script", role: "checker", expiresAt: created.expiresAt }],
    ]);
    expect(events[0]!.data).not.toContain(created.token);
  });

  it("gives tokens without expiry and with a smaller role than the owner's", async () => {
    const desk = await makeDesk();
    const created = await createApiToken(desk.admin, { workspaceId: desk.workspace.id, name: "Reader", role: "viewer", expiresInDays: "never" });
    expect(created).toMatchObject({ role: "viewer", expiresAt: null, status: "active" });
  });

  it("refuses a role above the owner's own, writing nothing", async () => {
    const desk = await makeDesk();
    const ws = desk.workspace.id;
    const before = await tokenRows(ws);
    const error = await errorOf(createApiToken(desk.checker, { workspaceId: ws, name: "Too big", role: "editor" }));
    expect(error).toBeInstanceOf(Invalid);
    expect(error.fieldErrors).toEqual({ role: ["A token can have at most your own role here (checker)."] });
    expect(await errorOf(createApiToken(desk.viewer, { workspaceId: ws, name: "Too big", role: "checker" }))).toBeInstanceOf(Invalid);
    expect(await tokenRows(ws)).toEqual(before);
  });

  it("refuses bad input with field messages, writing nothing", async () => {
    const desk = await makeDesk();
    const ws = desk.workspace.id;
    const before = await tokenRows(ws);
    const error = await errorOf(createApiToken(desk.editor, { workspaceId: ws, name: "   ", role: "owner" as never, expiresInDays: "12" }));
    expect(error).toBeInstanceOf(Invalid);
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["expiresInDays", "name", "role"]);
    expect(error.fieldErrors.name).toEqual(["Name the token, e.g. after the script that uses it."]);
    expect(await tokenRows(ws)).toEqual(before);
  });

  it("answers an outsider NotFound and a token-holding actor Forbidden, writing nothing", async () => {
    const desk = await makeDesk();
    const ws = desk.workspace.id;
    const before = await tokenRows(ws);
    expect(await errorOf(createApiToken(desk.outsider, { workspaceId: ws, name: "x", role: "viewer" }))).toBeInstanceOf(NotFound);
    const scoped = { userId: desk.admin.userId, scope: { workspaceId: ws, role: "admin" as const } };
    expect(await errorOf(createApiToken(scoped, { workspaceId: ws, name: "x", role: "viewer" }))).toBeInstanceOf(Forbidden);
    expect(await tokenRows(ws)).toEqual(before);
  });
});

describe("listApiTokens and revokeApiToken", () => {
  it("lists only the actor's own tokens in this workspace, active first, telling revoked from expired", async () => {
    const desk = await makeDesk();
    const ws = desk.workspace.id;
    const a = await createApiToken(desk.editor, { workspaceId: ws, name: "A", role: "editor" });
    const b = await createApiToken(desk.editor, { workspaceId: ws, name: "B", role: "viewer", expiresInDays: 7 });
    const c = await createApiToken(desk.editor, { workspaceId: ws, name: "C", role: "checker" });
    await createApiToken(desk.checker, { workspaceId: ws, name: "Someone else's", role: "checker" });
    // B ran out: its expiry moved into the past, as time passing would.
    await db().apiToken.update({ where: { id: b.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    const revoked = await revokeApiToken(desk.editor, { workspaceId: ws, tokenId: c.id });
    expect(revoked).toMatchObject({ id: c.id, status: "revoked", expiresAt: null });
    expect(revoked.endedAt).not.toBeNull();

    const list = await listApiTokens(desk.editor, { workspaceId: ws });
    // Active tokens first, then those that ended.
    expect(list.map((t) => t.status)).toEqual(["active", expect.any(String), expect.any(String)]);
    expect(Object.fromEntries(list.map((t) => [t.name, t.status]))).toEqual({ A: "active", B: "expired", C: "revoked" });
    const { token: _secret, ...shown } = a;
    expect(list[0]).toEqual(shown);
    expect(JSON.stringify(list)).not.toContain(a.token);

    const events = await db().activityEvent.findMany({ where: { workspaceId: ws, entityId: c.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.action).sort()).toEqual(["api_token.created", "api_token.revoked"]);
  });

  it("refuses to revoke someone else's token, another workspace's, or one that already stopped", async () => {
    const desk = await makeDesk();
    const ws = desk.workspace.id;
    const mine = await createApiToken(desk.checker, { workspaceId: ws, name: "Mine", role: "checker" });
    const before = await tokenRows(ws);
    expect(await errorOf(revokeApiToken(desk.editor, { workspaceId: ws, tokenId: mine.id }))).toBeInstanceOf(NotFound);
    expect(await errorOf(revokeApiToken(desk.admin, { workspaceId: ws, tokenId: mine.id }))).toBeInstanceOf(NotFound);
    expect(await errorOf(revokeApiToken(desk.outsider, { workspaceId: ws, tokenId: mine.id }))).toBeInstanceOf(NotFound);
    expect(await errorOf(revokeApiToken(desk.checker, { workspaceId: desk.otherWorkspace.id, tokenId: mine.id }))).toBeInstanceOf(NotFound);
    const scoped = { userId: desk.checker.userId, scope: { workspaceId: ws, role: "checker" as const } };
    expect(await errorOf(revokeApiToken(scoped, { workspaceId: ws, tokenId: mine.id }))).toBeInstanceOf(Forbidden);
    expect(await tokenRows(ws)).toEqual(before);

    await revokeApiToken(desk.checker, { workspaceId: ws, tokenId: mine.id });
    const after = await tokenRows(ws);
    expect(await errorOf(revokeApiToken(desk.checker, { workspaceId: ws, tokenId: mine.id }))).toBeInstanceOf(Invalid);
    expect(await tokenRows(ws)).toEqual(after);
  });
});

describe("authenticateApiToken", () => {
  it("resolves a token to its owner scoped to its workspace and role, and records its use", async () => {
    const desk = await makeDesk();
    const ws = desk.workspace.id;
    const { id, token } = await createApiToken(desk.editor, { workspaceId: ws, name: "Bot", role: "checker" });
    await expect(authenticateApiToken(`Bearer ${token}`)).resolves.toEqual({ userId: desk.editor.userId, scope: { workspaceId: ws, role: "checker" } });
    await expect(authenticateApiToken(`bearer  ${token} `)).resolves.toMatchObject({ userId: desk.editor.userId });
    const row = await db().apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.lastUsedAt).toBeInstanceOf(Date);
  });

  it("refuses missing, malformed, unknown, revoked and expired tokens, and tokens of former members", async () => {
    const desk = await makeDesk();
    const ws = desk.workspace.id;
    const { token } = await createApiToken(desk.checker, { workspaceId: ws, name: "Bot", role: "checker" });
    const refusal = (header: string | null) => errorOf(authenticateApiToken(header));
    expect((await refusal(null)).message).toMatch(/Authorization header/);
    expect(await refusal(`Basic ${token}`)).toBeInstanceOf(Unauthenticated);
    expect((await refusal("Bearer nonsense")).message).toMatch(/not valid/);
    const altered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect((await refusal(`Bearer ${altered}`)).message).toMatch(/not valid/);

    const revoked = await createApiToken(desk.checker, { workspaceId: ws, name: "Old", role: "checker" });
    await revokeApiToken(desk.checker, { workspaceId: ws, tokenId: revoked.id });
    expect((await refusal(`Bearer ${revoked.token}`)).message).toMatch(/revoked or has expired/);

    const expiring = await createApiToken(desk.checker, { workspaceId: ws, name: "Week", role: "checker", expiresInDays: 7 });
    await expect(authenticateApiToken(`Bearer ${expiring.token}`)).resolves.toMatchObject({ userId: desk.checker.userId });
    await db().apiToken.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await refusal(`Bearer ${expiring.token}`)).message).toMatch(/revoked or has expired/);

    await db().membership.delete({ where: { workspaceId_userId: { workspaceId: ws, userId: desk.checker.userId } } });
    const gone = await refusal(`Bearer ${token}`);
    expect(gone).toBeInstanceOf(Unauthenticated);
    expect(gone.message).toMatch(/no longer a member/);
  });
});
