import { describe, expect, it } from "vitest";
import { makeDesk } from "../../test/factories";
import { NotFound, Forbidden, Unauthenticated } from "./errors";
import { requireRole } from "./permissions";

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
