import "server-only";
import { db } from "./db";
import { PASSWORD_MAX, verifyAgainstDummy, verifyPassword } from "./passwords";
import { normalizeEmail } from "./accounts";
import {
  ACCOUNT_RULE,
  ADDRESS_RULE,
  accountKey,
  addressKey,
  clearAttempts,
  countAttempt,
  pruneAttempts,
  refundAttempt,
} from "./throttle";

export type SignedInUser = { id: string; email: string; name: string; sessionVersion: number };

export type SignInResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; code: "invalid_credentials" }
  | { ok: false; code: "throttled"; retryAfterMs: number };

export type PasswordSignIn = { email: string; password: string; clientAddress?: string | null };

/**
 * Checks an email and password, throttled per account and per client address. Unknown emails
 * spend the same argon2 time as wrong passwords and give the same answer, so neither the reply
 * nor its timing tells whether an account exists.
 */
export async function authenticateWithPassword(input: PasswordSignIn, now = new Date()): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const password = input.password;
  const address = usableAddress(input.clientAddress);

  // The account first: once it is locked, further guesses do not also use up the address's budget.
  const byAccount = await countAttempt(accountKey(email), ACCOUNT_RULE, now);
  if (!byAccount.allowed) return { ok: false, code: "throttled", retryAfterMs: byAccount.retryAfterMs };
  if (address) {
    const byAddress = await countAttempt(addressKey(address), ADDRESS_RULE, now);
    if (!byAddress.allowed) return { ok: false, code: "throttled", retryAfterMs: byAddress.retryAfterMs };
  }

  const user = email
    ? await db().user.findUnique({
        where: { email },
        select: { id: true, email: true, name: true, sessionVersion: true, passwordHash: true },
      })
    : null;
  // No password can be longer than PASSWORD_MAX, so there is no point hashing a huge input — but
  // the dummy check still runs so the reply takes the usual time.
  const verified =
    user?.passwordHash && password.length <= PASSWORD_MAX
      ? await verifyPassword(user.passwordHash, password)
      : await verifyAgainstDummy(password.slice(0, PASSWORD_MAX));
  if (!user || !verified) return { ok: false, code: "invalid_credentials" };

  await clearAttempts(accountKey(email));
  if (address) await refundAttempt(addressKey(address));
  await pruneAttempts(now);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}

// Without a known address (no proxy header) every client would share one counter and one person
// guessing could lock everyone out; the per-account limit still applies then.
function usableAddress(address: string | null | undefined): string | null {
  const trimmed = address?.trim();
  return trimmed && trimmed !== "unknown" ? trimmed.slice(0, 100) : null;
}
