import { describe, expect, it } from "vitest";
import { makeDesk, makeUser, unique } from "../../test/factories";
import { STARTER_RATING_LEVELS, STARTER_TAGS } from "../starter-taxonomy";
import { db } from "./db";
import { Conflict, Forbidden, Invalid, NotFound } from "./errors";
import { createWorkspace, getWorkspace, listMyWorkspaces, updateWorkspaceSettings } from "./workspaces";

async function settingsOf(id: string) {
  return db().workspace.findUniqueOrThrow({
    where: { id },
    select: { name: true, publisherName: true, publicBaseUrl: true, allowSelfApproval: true },
  });
}

describe("createWorkspace", () => {
  it("makes the creator admin and creates the starter tags, rating scale and an activity event", async () => {
    const user = await makeUser();
    const name = `Fact Desk ${unique("n")}`;
    const ws = await createWorkspace(user, { name });
    expect(ws.name).toBe(name);
    expect(ws.slug).toMatch(/^fact-desk-n-[0-9a-f]{8}$/);

    const membership = await db().membership.findFirst({ where: { workspaceId: ws.id, userId: user.userId } });
    expect(membership?.role).toBe("admin");

    const tags = await db().tag.findMany({ where: { workspaceId: ws.id }, orderBy: { name: "asc" } });
    expect(tags.map((t) => t.name)).toEqual(STARTER_TAGS.map((t) => t.name).sort());

    const scale = await db().ratingScale.findUnique({
      where: { workspaceId: ws.id },
      include: { levels: { orderBy: { position: "asc" } } },
    });
    expect(scale?.levels.map((l) => [l.label, l.ordinal, l.position])).toEqual(
      STARTER_RATING_LEVELS.map((l, i) => [l.label, l.ordinal, i]),
    );
    expect(scale?.levels.every((l) => l.description.length > 0 && /^#/.test(l.color))).toBe(true);

    const events = await db().activityEvent.findMany({ where: { workspaceId: ws.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "workspace.created", actorId: user.userId, entityId: ws.id });

    await expect(listMyWorkspaces(user)).resolves.toEqual([{ id: ws.id, slug: ws.slug, name, role: "admin" }]);
  });

  it("adds -2, -3 to a derived slug that is taken", async () => {
    const user = await makeUser();
    const name = `Clash ${unique("c")}`;
    const a = await createWorkspace(user, { name });
    const b = await createWorkspace(user, { name });
    const c = await createWorkspace(user, { name: name.toUpperCase() });
    expect(b.slug).toBe(`${a.slug}-2`);
    expect(c.slug).toBe(`${a.slug}-3`);
  });

  it("uses a given slug, and refuses a taken one with a field error and nothing written", async () => {
    const user = await makeUser();
    const slug = unique("given");
    const ws = await createWorkspace(user, { name: "Given", slug });
    expect(ws.slug).toBe(slug);
    const again = unique("Again");
    const error = await createWorkspace(user, { name: again, slug }).catch((e) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect(error.fieldErrors.slug[0]).toMatch(/taken/);
    expect(await db().workspace.count({ where: { name: again } })).toBe(0);
    expect(await db().membership.count({ where: { userId: user.userId } })).toBe(1);
  });

  it("refuses bad input with field errors and writes nothing", async () => {
    const user = await makeUser();
    const fine = unique("Fine");
    for (const [input, field] of [
      [{ name: "" }, "name"],
      [{ name: "x".repeat(81) }, "name"],
      [{ name: fine, slug: "Not a slug!" }, "slug"],
      [{ name: fine, slug: "-edge-" }, "slug"],
      [{ name: fine, slug: "a" }, "slug"],
    ] as const) {
      const error = await createWorkspace(user, input).catch((e) => e);
      expect(error).toBeInstanceOf(Invalid);
      expect(Object.keys(error.fieldErrors)).toContain(field);
    }
    expect(await db().workspace.count({ where: { name: fine } })).toBe(0);
    expect(await db().membership.count({ where: { userId: user.userId } })).toBe(0);
  });
});

describe("listMyWorkspaces / getWorkspace", () => {
  it("lists only the actor's desks with their role", async () => {
    const desk = await makeDesk();
    const mine = await listMyWorkspaces(desk.checker);
    expect(mine).toEqual([{ id: desk.workspace.id, slug: desk.workspace.slug, name: desk.workspace.name, role: "checker" }]);
    const outsiders = await listMyWorkspaces(desk.outsider);
    expect(outsiders.map((w) => w.id)).not.toContain(desk.workspace.id);
  });

  it("shows settings to any member and NotFound to an outsider", async () => {
    const desk = await makeDesk();
    await expect(getWorkspace(desk.viewer, { slug: desk.workspace.slug })).resolves.toMatchObject({
      id: desk.workspace.id,
      role: "viewer",
      publisherName: "",
      publicBaseUrl: "",
      allowSelfApproval: false,
    });
    await expect(getWorkspace(desk.outsider, { slug: desk.workspace.slug })).rejects.toBeInstanceOf(NotFound);
    await expect(getWorkspace(desk.admin, { slug: "no-such-desk-anywhere" })).rejects.toBeInstanceOf(NotFound);
  });
});

describe("updateWorkspaceSettings", () => {
  const valid = (workspaceId: string) => ({
    workspaceId,
    name: "Renamed desk",
    publisherName: "Example Checks",
    publicBaseUrl: "https://checks.example.org/",
    allowSelfApproval: true,
  });

  it("lets an admin change the settings and records what changed", async () => {
    const desk = await makeDesk();
    const result = await updateWorkspaceSettings(desk.admin, valid(desk.workspace.id));
    expect(result).toMatchObject({ name: "Renamed desk", publicBaseUrl: "https://checks.example.org", allowSelfApproval: true });
    expect(await settingsOf(desk.workspace.id)).toEqual({
      name: "Renamed desk",
      publisherName: "Example Checks",
      publicBaseUrl: "https://checks.example.org",
      allowSelfApproval: true,
    });
    const event = await db().activityEvent.findFirst({ where: { workspaceId: desk.workspace.id, action: "workspace.settings_updated" } });
    expect(JSON.parse(event!.data)).toMatchObject({ name: { to: "Renamed desk" }, allowSelfApproval: { from: false, to: true } });
  });

  it("accepts a form checkbox's 'on' and its absence", async () => {
    const desk = await makeDesk();
    await updateWorkspaceSettings(desk.admin, { ...valid(desk.workspace.id), allowSelfApproval: "on" as unknown as boolean });
    expect((await settingsOf(desk.workspace.id)).allowSelfApproval).toBe(true);
    const { allowSelfApproval: _, ...without } = valid(desk.workspace.id);
    await updateWorkspaceSettings(desk.admin, without);
    expect((await settingsOf(desk.workspace.id)).allowSelfApproval).toBe(false);
  });

  it("refuses an outsider with NotFound and changes nothing", async () => {
    const desk = await makeDesk();
    const before = await settingsOf(desk.workspace.id);
    await expect(updateWorkspaceSettings(desk.outsider, valid(desk.workspace.id))).rejects.toBeInstanceOf(NotFound);
    expect(await settingsOf(desk.workspace.id)).toEqual(before);
  });

  it("refuses editors and below with Forbidden and changes nothing", async () => {
    const desk = await makeDesk();
    const before = await settingsOf(desk.workspace.id);
    for (const member of [desk.editor, desk.checker, desk.viewer]) {
      await expect(updateWorkspaceSettings(member, valid(desk.workspace.id))).rejects.toBeInstanceOf(Forbidden);
    }
    expect(await settingsOf(desk.workspace.id)).toEqual(before);
  });

  it("refuses a non-http URL and an empty name with field errors and changes nothing", async () => {
    const desk = await makeDesk();
    const before = await settingsOf(desk.workspace.id);
    for (const url of ["javascript:alert(1)", "ftp://example.org", "example.org", "https://user:pw@example.org"]) {
      const error = await updateWorkspaceSettings(desk.admin, { ...valid(desk.workspace.id), publicBaseUrl: url }).catch((e) => e);
      expect(error).toBeInstanceOf(Invalid);
      expect(error.fieldErrors.publicBaseUrl[0]).toMatch(/https:\/\//);
    }
    const error = await updateWorkspaceSettings(desk.admin, { ...valid(desk.workspace.id), name: "  " }).catch((e) => e);
    expect(error.fieldErrors.name).toBeDefined();
    expect(await settingsOf(desk.workspace.id)).toEqual(before);
    expect(await db().activityEvent.count({ where: { workspaceId: desk.workspace.id } })).toBe(0);
  });
});
