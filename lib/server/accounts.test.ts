import { describe, expect, it } from "vitest";
import { makeUser, makeWorkspace, unique } from "../../test/factories";
import {
  changePassword,
  createFirstAdmin,
  createUserAccount,
  getAccount,
  homePathFor,
  signInWithOAuthProfile,
  signOutEverywhere,
} from "./accounts";
import { db } from "./db";
import { Conflict, Invalid } from "./errors";
import { verifyPassword } from "./passwords";
import { authenticateWithPassword } from "./sign-in";

const PASSWORD = "correct horse battery staple";
const NEW_PASSWORD = "a much better passphrase";

const email = (prefix = "acct") => `${unique(prefix)}@example.test`;

async function userWithPassword() {
  return createUserAccount({ email: email(), name: "Account Tester", password: PASSWORD });
}

async function userRow(id: string) {
  return db().user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true, sessionVersion: true } });
}

describe("createUserAccount (npm run user:create)", () => {
  it("creates a user whose password verifies, with the email lower-cased, and returns no hash", async () => {
    const address = email("Create").toUpperCase();
    const user = await createUserAccount({ email: address, name: "  Ada Lovelace ", password: PASSWORD });
    expect(user).toEqual({ id: expect.any(String), email: address.toLowerCase(), name: "Ada Lovelace", sessionVersion: 0 });
    const row = await userRow(user.id);
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash, PASSWORD)).toBe(true);
  });

  it("refuses a duplicate email with Conflict and leaves the first user as it was", async () => {
    const first = await userWithPassword();
    const error = await createUserAccount({ email: first.email.toUpperCase(), name: "Copy", password: "another password" }).catch((e) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect(error.fieldErrors.email[0]).toMatch(/already exists/);
    expect(await db().user.count({ where: { email: first.email } })).toBe(1);
    expect(await verifyPassword((await userRow(first.id)).passwordHash, PASSWORD)).toBe(true);
  });

  it("refuses bad input with a message per field and creates nothing", async () => {
    const error = await createUserAccount({ email: "not-an-email", name: "", password: "short" }).catch((e) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["email", "name", "password"]);
    expect(error.fieldErrors.password[0]).toMatch(/at least 12 characters/);
    expect(await db().user.count({ where: { email: "not-an-email" } })).toBe(0);
  });

  it("refuses passwords over 256 characters", async () => {
    const address = email();
    const error = await createUserAccount({ email: address, name: "Long", password: "x".repeat(257) }).catch((e) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect(error.fieldErrors.password[0]).toMatch(/at most 256/);
    expect(await db().user.count({ where: { email: address } })).toBe(0);
  });
});

describe("createFirstAdmin", () => {
  it("is refused once any user exists, and creates nothing", async () => {
    await makeUser();
    const address = email("late");
    const error = await createFirstAdmin({ name: "Late", email: address, password: PASSWORD, confirmPassword: PASSWORD }).catch((e) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect(error.message).toMatch(/already set up/);
    expect(await db().user.count({ where: { email: address } })).toBe(0);
  });

  it("checks the form before anything else: mismatched confirmation is a field error", async () => {
    const error = await createFirstAdmin({ name: "X", email: email(), password: PASSWORD, confirmPassword: "something else" }).catch((e) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect(error.fieldErrors.confirmPassword).toEqual(["The two passwords do not match."]);
  });
});

describe("changePassword", () => {
  it("refuses a wrong current password with Invalid and changes nothing", async () => {
    const user = await userWithPassword();
    const before = await userRow(user.id);
    const error = await changePassword(
      { userId: user.id },
      { currentPassword: "not my password", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
    ).catch((e) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect(error.fieldErrors.currentPassword).toEqual(["This is not your current password."]);
    expect(await userRow(user.id)).toEqual(before);
  });

  it("refuses a too-short new password with a field error and changes nothing", async () => {
    const user = await userWithPassword();
    const before = await userRow(user.id);
    const error = await changePassword({ userId: user.id }, { currentPassword: PASSWORD, newPassword: "short", confirmPassword: "short" }).catch((e) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect(error.fieldErrors.newPassword[0]).toMatch(/at least 12 characters/);
    expect(await userRow(user.id)).toEqual(before);
  });

  it("refuses a confirmation that does not match", async () => {
    const user = await userWithPassword();
    const error = await changePassword(
      { userId: user.id },
      { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD + "!" },
    ).catch((e) => e);
    expect(error.fieldErrors.confirmPassword).toEqual(["The two passwords do not match."]);
  });

  it("sets the new password and bumps the session version, so other sessions end", async () => {
    const user = await userWithPassword();
    const result = await changePassword({ userId: user.id }, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(result).toEqual({ sessionVersion: 1 });
    const row = await userRow(user.id);
    expect(row.sessionVersion).toBe(1);
    expect(await verifyPassword(row.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(row.passwordHash, PASSWORD)).toBe(false);
    expect(await authenticateWithPassword({ email: user.email, password: NEW_PASSWORD })).toMatchObject({
      ok: true,
      user: { sessionVersion: 1 },
    });
  });

  it("lets someone who signed in only through OAuth set a first password without a current one", async () => {
    const created = await signInWithOAuthProfile({ provider: "github", providerAccountId: unique("gh"), email: email("oauth"), emailVerified: true, name: "OAuth Only" });
    if (!created.ok) throw new Error("expected a user");
    await changePassword({ userId: created.user.id }, { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(await getAccount({ userId: created.user.id })).toMatchObject({ hasPassword: true, providers: ["github"] });
  });
});

describe("signOutEverywhere and homePathFor", () => {
  it("bumps the session version", async () => {
    const user = await userWithPassword();
    await signOutEverywhere({ userId: user.id });
    expect((await userRow(user.id)).sessionVersion).toBe(1);
  });

  it("sends a user without a desk to /workspaces and a member to their first desk", async () => {
    const loner = await makeUser();
    expect(await homePathFor(loner)).toBe("/workspaces");
    const { workspace, admin } = await makeWorkspace();
    expect(await homePathFor(admin)).toBe(`/w/${workspace.slug}/statements`);
  });
});

describe("signInWithOAuthProfile", () => {
  it("creates a user for a new verified identity, then finds the same user by the identity", async () => {
    const providerAccountId = unique("sub");
    const address = email("NewOauth");
    const first = await signInWithOAuthProfile({ provider: "oidc", providerAccountId, email: address, emailVerified: true, name: "Grace Hopper" });
    expect(first).toMatchObject({ ok: true, outcome: "created", user: { email: address.toLowerCase(), name: "Grace Hopper", sessionVersion: 0 } });
    if (!first.ok) return;
    expect((await userRow(first.user.id)).passwordHash).toBeNull();

    // Later the provider reports another email: the identity, not the email, decides.
    const again = await signInWithOAuthProfile({ provider: "oidc", providerAccountId, email: email("changed"), emailVerified: true });
    expect(again).toMatchObject({ ok: true, outcome: "existing", user: { id: first.user.id } });
  });

  it("links an identity to the existing user with the same verified email, whatever its case", async () => {
    const user = await userWithPassword();
    const result = await signInWithOAuthProfile({ provider: "github", providerAccountId: unique("gh"), email: user.email.toUpperCase(), emailVerified: true, name: "Someone Else" });
    expect(result).toMatchObject({ ok: true, outcome: "linked", user: { id: user.id, name: "Account Tester" } });
    expect(await db().account.count({ where: { userId: user.id, provider: "github" } })).toBe(1);
    // The password still works; linking changes nothing about it.
    expect((await authenticateWithPassword({ email: user.email, password: PASSWORD })).ok).toBe(true);
  });

  it("refuses an unverified email: no link to the existing user, no new user", async () => {
    const user = await userWithPassword();
    const providerAccountId = unique("sub");
    const result = await signInWithOAuthProfile({ provider: "oidc", providerAccountId, email: user.email, emailVerified: false });
    expect(result).toEqual({ ok: false, code: "oauth_email_unverified" });
    expect(await db().account.count({ where: { providerAccountId } })).toBe(0);

    const stranger = email("unverified");
    expect(await signInWithOAuthProfile({ provider: "oidc", providerAccountId: unique("sub"), email: stranger, emailVerified: false })).toEqual({
      ok: false,
      code: "oauth_email_unverified",
    });
    expect(await db().user.count({ where: { email: stranger } })).toBe(0);
  });

  it("refuses an identity without an email", async () => {
    expect(await signInWithOAuthProfile({ provider: "github", providerAccountId: unique("gh"), email: null, emailVerified: false })).toEqual({
      ok: false,
      code: "oauth_email_missing",
    });
  });

  it("makes one user and one link when the same new identity signs in twice at once", async () => {
    const providerAccountId = unique("race");
    const address = email("race");
    const results = await Promise.all(
      [1, 2, 3].map(() => signInWithOAuthProfile({ provider: "oidc", providerAccountId, email: address, emailVerified: true, name: "Racer" })),
    );
    const ids = new Set(results.map((r) => (r.ok ? r.user.id : null)));
    expect(ids.size).toBe(1);
    expect([...ids][0]).not.toBeNull();
    expect(await db().user.count({ where: { email: address } })).toBe(1);
    expect(await db().account.count({ where: { providerAccountId } })).toBe(1);
  });
});
