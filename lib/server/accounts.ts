import "server-only";
import { z } from "zod";
import { db } from "./db";
import { Conflict, Invalid, NotFound } from "./errors";
import { hashPassword, PasswordSchema, verifyPassword } from "./passwords";
import type { Actor } from "./permissions";
import { ACCOUNT_RULE, accountKey, clearAttempts, countAttempt, minutesToWait } from "./throttle";
import { parseInput } from "./validate";

// ---------------------------------------------------------------------------------------------
// Schemas

/** Emails are compared lower-cased everywhere: stored that way, looked up that way. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const EmailSchema = z
  .string("Enter your email address.")
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.org."));

export const NameSchema = z
  .string("Enter a name.")
  .trim()
  .min(1, "Enter a name.")
  .max(100, "Use at most 100 characters.");

const passwordsMatch = (v: { password: string; confirmPassword: string }) => v.password === v.confirmPassword;
const MISMATCH = { message: "The two passwords do not match.", path: ["confirmPassword"] };

export const CreateUserSchema = z.object({ email: EmailSchema, name: NameSchema, password: PasswordSchema });
export type CreateUserInput = z.infer<typeof CreateUserSchema>;

export const CreateFirstAdminSchema = z
  .object({ name: NameSchema, email: EmailSchema, password: PasswordSchema, confirmPassword: z.string() })
  .refine(passwordsMatch, MISMATCH);
export type CreateFirstAdminInput = z.infer<typeof CreateFirstAdminSchema>;

export const ChangePasswordSchema = z
  .object({ currentPassword: z.string().default(""), newPassword: PasswordSchema, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, { ...MISMATCH });
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>;

export type UserDTO = { id: string; email: string; name: string; sessionVersion: number };
export type AccountDTO = { id: string; email: string; name: string; hasPassword: boolean; providers: string[] };

const userSelect = { id: true, email: true, name: true, sessionVersion: true } as const;

// ---------------------------------------------------------------------------------------------
// First run and user administration

export async function hasAnyUser(): Promise<boolean> {
  return (await db().user.findFirst({ select: { id: true } })) !== null;
}

/**
 * First run: creates the first user while the database has none. The check and the insert share
 * one serializable transaction, so two people racing through /setup cannot both succeed.
 */
export async function createFirstAdmin(input: unknown): Promise<UserDTO> {
  const values = parseInput(CreateFirstAdminSchema, input);
  const passwordHash = await hashPassword(values.password);
  const alreadySetUp = new Conflict("Factdesk is already set up. Sign in, or ask an administrator for an account.");
  try {
    return await db().$transaction(
      async (tx) => {
        if (await tx.user.findFirst({ select: { id: true } })) throw alreadySetUp;
        return tx.user.create({
          data: { email: values.email, name: values.name, passwordHash },
          select: userSelect,
        });
      },
      { isolationLevel: "Serializable" },
    );
  } catch (error) {
    // The losing side of a race: a serialization failure (PostgreSQL), a busy snapshot (SQLite)
    // or the unique email all mean somebody else finished setup first.
    if (error instanceof Conflict) throw error;
    if (isConcurrencyFailure(error)) throw alreadySetUp;
    throw error;
  }
}

/** For `npm run user:create`: the operator of the machine adds a user; no session involved. */
export async function createUserAccount(input: unknown): Promise<UserDTO> {
  const values = parseInput(CreateUserSchema, input);
  const passwordHash = await hashPassword(values.password);
  try {
    return await db().user.create({
      data: { email: values.email, name: values.name, passwordHash },
      select: userSelect,
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new Conflict(`A user with the email ${values.email} already exists.`, {
        email: ["A user with this email already exists."],
      });
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// The signed-in user's own account

export async function getAccount(actor: Actor): Promise<AccountDTO> {
  const user = await db().user.findUnique({
    where: { id: actor.userId },
    select: { id: true, email: true, name: true, passwordHash: true, accounts: { select: { provider: true } } },
  });
  if (!user) throw new NotFound("account");
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    hasPassword: user.passwordHash !== null,
    providers: [...new Set(user.accounts.map((a) => a.provider))],
  };
}

/**
 * Changes the actor's password. Needs the current one (unless none was ever set, as for someone
 * who only signed in through OAuth); guesses at it count against the same throttle as sign-in, so
 * a borrowed session cannot be used to brute-force it. Bumps the session version: every other
 * session of this user ends. Returns the new version so the caller can keep its own session.
 */
export async function changePassword(actor: Actor, input: unknown): Promise<{ sessionVersion: number }> {
  const values = parseInput(ChangePasswordSchema, input);
  const user = await db().user.findUnique({
    where: { id: actor.userId },
    select: { id: true, email: true, passwordHash: true },
  });
  if (!user) throw new NotFound("account");
  if (user.passwordHash !== null) {
    const gate = await countAttempt(accountKey(user.email), ACCOUNT_RULE);
    if (!gate.allowed) {
      throw new Invalid(`Too many attempts; try again in ${plural(minutesToWait(gate.retryAfterMs), "minute")}.`);
    }
    if (!(await verifyPassword(user.passwordHash, values.currentPassword))) {
      throw new Invalid("Your current password is not correct; nothing was changed.", {
        currentPassword: ["This is not your current password."],
      });
    }
    await clearAttempts(accountKey(user.email));
  }
  const passwordHash = await hashPassword(values.newPassword);
  const updated = await db().user.update({
    where: { id: user.id },
    data: { passwordHash, sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return { sessionVersion: updated.sessionVersion };
}

/** Ends every session of the actor, on every device, by bumping the session version. */
export async function signOutEverywhere(actor: Actor): Promise<void> {
  await db().user.update({ where: { id: actor.userId }, data: { sessionVersion: { increment: 1 } } });
}

/** Where "/" sends a signed-in user: their first desk, or the page to create one. */
export async function homePathFor(actor: Actor): Promise<string> {
  const membership = await db().membership.findFirst({
    where: { userId: actor.userId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { workspace: { select: { slug: true } } },
  });
  return membership ? `/w/${membership.workspace.slug}/statements` : "/workspaces";
}

// ---------------------------------------------------------------------------------------------
// OAuth / OIDC

export type OAuthProfile = {
  provider: string;
  providerAccountId: string;
  email?: string | null;
  emailVerified: boolean;
  name?: string | null;
};

export type OAuthSignInResult =
  | { ok: true; user: UserDTO; outcome: "existing" | "linked" | "created" }
  | { ok: false; code: "oauth_email_missing" | "oauth_email_unverified" };

/**
 * Resolves an OAuth/OIDC identity to a Factdesk user: the user already linked to it; else the user
 * with the same email, linked now; else a new user. Only a verified email may link or create, or
 * anyone could claim someone else's account by putting their address into an identity provider.
 */
export async function signInWithOAuthProfile(profile: OAuthProfile): Promise<OAuthSignInResult> {
  const provider = profile.provider;
  const providerAccountId = String(profile.providerAccountId);
  for (let attempt = 0; ; attempt++) {
    try {
      const linked = await db().account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        select: { user: { select: userSelect } },
      });
      if (linked) return { ok: true, user: linked.user, outcome: "existing" };

      const parsedEmail = EmailSchema.safeParse(profile.email ?? "");
      if (!parsedEmail.success) return { ok: false, code: "oauth_email_missing" };
      if (!profile.emailVerified) return { ok: false, code: "oauth_email_unverified" };
      const email = parsedEmail.data;

      return await db().$transaction(async (tx) => {
        const existing = await tx.user.findUnique({ where: { email }, select: userSelect });
        if (existing) {
          await tx.account.create({ data: { userId: existing.id, provider, providerAccountId } });
          return { ok: true as const, user: existing, outcome: "linked" as const };
        }
        const name = profile.name?.trim().slice(0, 100) || email.split("@")[0]!;
        const created = await tx.user.create({
          data: { email, name, accounts: { create: { provider, providerAccountId } } },
          select: userSelect,
        });
        return { ok: true as const, user: created, outcome: "created" as const };
      });
    } catch (error) {
      // Two first sign-ins of the same identity at once: the loser finds the winner's rows.
      if (attempt < 2 && (isUniqueViolation(error) || isConcurrencyFailure(error))) continue;
      throw error;
    }
  }
}

// ---------------------------------------------------------------------------------------------

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2002";
}

function isConcurrencyFailure(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  if (code === "P2002" || code === "P2034") return true;
  const text = String((error as { message?: string } | null)?.message ?? "");
  return /could not serialize|SQLITE_BUSY|database is locked|write conflict|deadlock/i.test(text);
}
