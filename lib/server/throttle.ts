import "server-only";
import { db } from "./db";

/**
 * Brute-force throttle for sign-in, kept in the LoginThrottle table so it holds across several app
 * servers sharing one database. Every attempt is counted *before* the password is checked (and the
 * count given back on success): counting only after a failed check would let a burst of parallel
 * guesses all pass the gate before the first failure is written.
 */
export type ThrottleRule = { maxFailures: number; windowMs: number; lockMs: number };

const MINUTE = 60_000;

export const ACCOUNT_RULE: ThrottleRule = { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
export const ADDRESS_RULE: ThrottleRule = { maxFailures: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

export type AttemptGate = { allowed: true } | { allowed: false; retryAfterMs: number };

export function accountKey(email: string): string {
  return `account:${email.trim().toLowerCase()}`;
}

export function addressKey(address: string): string {
  return `ip:${address}`;
}

/** Whole minutes to tell a person to wait: never "0 minutes". */
export function minutesToWait(ms: number): number {
  return Math.max(1, Math.ceil(ms / MINUTE));
}

/**
 * Counts one attempt against `key` and says whether it may go ahead. The increment is a single
 * atomic upsert, and the decision is made on the row that upsert returned, so concurrent attempts
 * cannot both slip under the limit on SQLite or PostgreSQL.
 */
export async function countAttempt(key: string, rule: ThrottleRule, now = new Date()): Promise<AttemptGate> {
  // A window that ran out (with no lock running) starts again from zero. The condition makes a
  // second, concurrent reset a no-op.
  await db().loginThrottle.updateMany({
    where: {
      key,
      windowStart: { lte: new Date(now.getTime() - rule.windowMs) },
      OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }],
    },
    data: { failures: 0, windowStart: now, lockedUntil: null },
  });
  const row = await incrementWithRetry(key, now);
  if (row.lockedUntil && row.lockedUntil > now) {
    return { allowed: false, retryAfterMs: row.lockedUntil.getTime() - now.getTime() };
  }
  if (row.failures > rule.maxFailures) {
    const lockedUntil = new Date(now.getTime() + rule.lockMs);
    // The window is moved so that it has run out exactly when the lock ends: the next attempt
    // after the lock starts counting from zero, and attempts made during the lock do not carry over.
    await db().loginThrottle.updateMany({
      where: { key },
      data: { lockedUntil, windowStart: new Date(lockedUntil.getTime() - rule.windowMs) },
    });
    return { allowed: false, retryAfterMs: rule.lockMs };
  }
  return { allowed: true };
}

/** A successful sign-in wipes the account's record, failures and all. */
export async function clearAttempts(key: string): Promise<void> {
  await db().loginThrottle.deleteMany({ where: { key } });
}

/** Gives back the attempt counted for a sign-in that turned out right (the address counter only counts failures). */
export async function refundAttempt(key: string): Promise<void> {
  await db().loginThrottle.updateMany({ where: { key, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
}

/** The lock on a key, if one is running: for telling a person how long to wait. */
export async function lockedFor(key: string, now = new Date()): Promise<number | null> {
  const row = await db().loginThrottle.findUnique({ where: { key }, select: { lockedUntil: true } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil.getTime() - now.getTime() : null;
}

/** Rows for keys nobody has tried for a day are dead weight (unknown emails make rows too). */
export async function pruneAttempts(now = new Date()): Promise<void> {
  const dayAgo = new Date(now.getTime() - 24 * 60 * MINUTE);
  await db().loginThrottle.deleteMany({
    where: { updatedAt: { lt: dayAgo }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
  });
}

async function incrementWithRetry(key: string, now: Date) {
  const run = () =>
    db().loginThrottle.upsert({
      where: { key },
      create: { key, failures: 1, windowStart: now },
      update: { failures: { increment: 1 } },
      select: { failures: true, lockedUntil: true },
    });
  try {
    return await run();
  } catch (error) {
    // Where the upsert is not a native INSERT … ON CONFLICT, two first attempts can race on the
    // insert; the loser's retry becomes an increment.
    if ((error as { code?: string }).code === "P2002") return run();
    throw error;
  }
}
