import { describe, expect, it } from "vitest";
import { makeDesk } from "../../test/factories";
import { NotFound, Forbidden, Unauthenticated } from "./errors";
import { checkMembership, requireRole } from "./permissions";

describe("requireRole", () => {
  it("lets members with enough role in and reports their role", async () => {
    const desk = await makeDesk();
    await expect(requireRole(desk.editor, { id: desk.workspace.id }, "checker")).resolves.toMatchObject({
      id: desk.workspace.id,
      role: "editor",
    });
    await expect(requireRole(desk.viewer, { slug: desk.workspace.slug }, "viewer")).resolves.toMatchObject({ role: "viewer" });
  });

  it("refuses a too-small role with Forbidden", async () => {
    const desk = await makeDesk();
    await expect(requireRole(desk.viewer, { id: desk.workspace.id }, "checker")).rejects.toBeInstanceOf(Forbidden);
    await expect(requireRole(desk.editor, { id: desk.workspace.id }, "admin")).rejects.toBeInstanceOf(Forbidden);
  });

  it("answers a non-member exactly as for a workspace that does not exist", async () => {
    const desk = await makeDesk();
    const a = await requireRole(desk.outsider, { id: desk.workspace.id }, "viewer").catch((e) => e);
    const b = await requireRole(desk.outsider, { id: "does-not-exist" }, "viewer").catch((e) => e);
    expect(a).toBeInstanceOf(NotFound);
    expect(b).toBeInstanceOf(NotFound);
    expect(a.message).toBe(b.message);
  });

  it("never treats a missing id as 'any workspace'", async () => {
    const desk = await makeDesk();
    await expect(requireRole(desk.admin, { id: undefined as unknown as string }, "viewer")).rejects.toBeInstanceOf(NotFound);
    await expect(requireRole(desk.admin, { slug: "" }, "viewer")).rejects.toBeInstanceOf(NotFound);
  });

  it("needs someone signed in", async () => {
    const desk = await makeDesk();
    await expect(requireRole(null, { id: desk.workspace.id }, "viewer")).rejects.toBeInstanceOf(Unauthenticated);
  });
});

describe("requireRole for a scoped actor (an API token)", () => {
  it("acts with the smaller of the token's role and the membership's", async () => {
    const desk = await makeDesk();
    const ws = desk.workspace.id;
    const viewerToken = { userId: desk.editor.userId, scope: { workspaceId: ws, role: "viewer" as const } };
    await expect(requireRole(viewerToken, { id: ws }, "viewer")).resolves.toMatchObject({ id: ws, role: "viewer" });
    const refused = await requireRole(viewerToken, { id: ws }, "checker").catch((e) => e);
    expect(refused).toBeInstanceOf(Forbidden);
    expect(refused.message).toBe("This needs the checker role or higher; this API token acts as a viewer in this workspace.");
    // A token never lifts its owner above their membership.
    const adminToken = { userId: desk.checker.userId, scope: { workspaceId: ws, role: "admin" as const } };
    await expect(requireRole(adminToken, { id: ws }, "checker")).resolves.toMatchObject({ role: "checker" });
    await expect(requireRole(adminToken, { slug: desk.workspace.slug }, "editor")).rejects.toBeInstanceOf(Forbidden);
  });

  it("reaches no other workspace, even one its owner belongs to", async () => {
    const desk = await makeDesk();
    const other = desk.otherWorkspace.id;
    const scoped = { userId: desk.outsider.userId, scope: { workspaceId: desk.workspace.id, role: "admin" as const } };
    // The outsider is admin of the other desk, yet the token (scoped elsewhere) sees nothing there.
    await expect(requireRole(desk.outsider, { id: other }, "admin")).resolves.toMatchObject({ role: "admin" });
    await expect(requireRole(scoped, { id: other }, "viewer")).rejects.toBeInstanceOf(NotFound);
    await expect(requireRole(scoped, { id: desk.workspace.id }, "viewer")).rejects.toBeInstanceOf(NotFound);
  });

  it("leaves an actor without a scope exactly as before", () => {
    const membership = { role: "editor", workspace: { id: "w1", slug: "desk", name: "Desk" } };
    expect(checkMembership(membership, "editor")).toEqual({ id: "w1", slug: "desk", name: "Desk", role: "editor" });
    expect(checkMembership(membership, "editor", { userId: "u1" })).toEqual({ id: "w1", slug: "desk", name: "Desk", role: "editor" });
    expect(() => checkMembership(membership, "admin", { userId: "u1" })).toThrow("you are a editor in this workspace.");
    expect(() => checkMembership(membership, "viewer", { userId: "u1", scope: { workspaceId: "w1", role: "owner" as never } })).toThrow(NotFound);
  });
});
