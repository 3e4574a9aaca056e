import { describe, expect, it } from "vitest";
import { unique } from "../../test/factories";
import { createUserAccount } from "./accounts";
import { db } from "./db";
import { authenticateWithPassword } from "./sign-in";
import { ACCOUNT_RULE, ADDRESS_RULE, accountKey } from "./throttle";

const PASSWORD = "correct horse battery staple";

async function userWithPassword() {
  const email = `${unique("signin")}@example.test`;
  const user = await createUserAccount({ email, name: "Sign-in Tester", password: PASSWORD });
  return { ...user, email };
}

/** A fresh client address per test, so tests do not share the address counter. */
function address() {
  return `198.51.100.${Math.floor(Math.random() * 250)}-${unique("ip")}`;
}

const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);

describe("authenticateWithPassword", () => {
  it("signs in with the right password and answers with the user, not the hash", async () => {
    const user = await userWithPassword();
    const result = await authenticateWithPassword({ email: user.email, password: PASSWORD, clientAddress: address() });
    expect(result).toEqual({ ok: true, user: { id: user.id, email: user.email, name: "Sign-in Tester", sessionVersion: 0 } });
  });

  it("treats the email case- and space-insensitively", async () => {
    const user = await userWithPassword();
    const result = await authenticateWithPassword({ email: `  ${user.email.toUpperCase()} `, password: PASSWORD });
    expect(result.ok).toBe(true);
  });

  it("refuses a wrong password and an unknown email with the same answer", async () => {
    const user = await userWithPassword();
    const wrong = await authenticateWithPassword({ email: user.email, password: "not the password!", clientAddress: address() });
    const unknown = await authenticateWithPassword({ email: `${unique("nobody")}@example.test`, password: PASSWORD, clientAddress: address() });
    expect(wrong).toEqual({ ok: false, code: "invalid_credentials" });
    expect(unknown).toEqual(wrong);
  });

  it("refuses an over-long password and an empty email without crashing", async () => {
    const user = await userWithPassword();
    expect(await authenticateWithPassword({ email: user.email, password: PASSWORD + "x".repeat(300) })).toEqual({ ok: false, code: "invalid_credentials" });
    expect(await authenticateWithPassword({ email: "", password: "" })).toEqual({ ok: false, code: "invalid_credentials" });
  });

  it("locks an account after too many failures, even for the right password, until the lock runs out", async () => {
    const user = await userWithPassword();
    const start = new Date();
    for (let i = 0; i < ACCOUNT_RULE.maxFailures; i++) {
      // A new address each time: this is the per-account limit at work, not the per-address one.
      const result = await authenticateWithPassword({ email: user.email, password: `wrong password ${i}`, clientAddress: address() }, at(start, i));
      expect(result).toEqual({ ok: false, code: "invalid_credentials" });
    }
    const locked = await authenticateWithPassword({ email: user.email, password: PASSWORD, clientAddress: address() }, at(start, 5));
    expect(locked).toEqual({ ok: false, code: "throttled", retryAfterMs: ACCOUNT_RULE.lockMs });

    const stillLocked = await authenticateWithPassword({ email: user.email, password: PASSWORD }, at(start, 14));
    expect(stillLocked).toMatchObject({ ok: false, code: "throttled", retryAfterMs: 6 * 60_000 });

    const afterLock = await authenticateWithPassword({ email: user.email, password: PASSWORD }, at(start, 21));
    expect(afterLock.ok).toBe(true);
  });

  it("counts failures of an unknown email against that email too", async () => {
    const email = `${unique("ghost")}@example.test`;
    for (let i = 0; i < ACCOUNT_RULE.maxFailures; i++) {
      await authenticateWithPassword({ email, password: `guess number ${i}`, clientAddress: address() });
    }
    const result = await authenticateWithPassword({ email, password: "one more guess", clientAddress: address() });
    expect(result).toMatchObject({ ok: false, code: "throttled" });
  });

  it("starts counting afresh after a successful sign-in", async () => {
    const user = await userWithPassword();
    for (let i = 0; i < ACCOUNT_RULE.maxFailures - 1; i++) {
      await authenticateWithPassword({ email: user.email, password: `wrong password ${i}` });
    }
    expect((await authenticateWithPassword({ email: user.email, password: PASSWORD })).ok).toBe(true);
    expect(await db().loginThrottle.findUnique({ where: { key: accountKey(user.email) } })).toBeNull();
    for (let i = 0; i < ACCOUNT_RULE.maxFailures; i++) {
      expect(await authenticateWithPassword({ email: user.email, password: `wrong again ${i}` })).toEqual({
        ok: false,
        code: "invalid_credentials",
      });
    }
  });

  it("forgets failures once their window has passed", async () => {
    const user = await userWithPassword();
    const start = new Date();
    for (let i = 0; i < ACCOUNT_RULE.maxFailures; i++) {
      await authenticateWithPassword({ email: user.email, password: `wrong password ${i}` }, start);
    }
    const later = at(start, ACCOUNT_RULE.windowMs / 60_000 + 1);
    expect(await authenticateWithPassword({ email: user.email, password: "wrong once more" }, later)).toEqual({
      ok: false,
      code: "invalid_credentials",
    });
  });

  it("throttles one client address that tries many accounts, and only that address", async () => {
    const user = await userWithPassword();
    const attacker = address();
    for (let i = 0; i < ADDRESS_RULE.maxFailures; i++) {
      const result = await authenticateWithPassword({ email: `${unique("spray")}@example.test`, password: "Summer2024!!", clientAddress: attacker });
      expect(result).toEqual({ ok: false, code: "invalid_credentials" });
    }
    const blocked = await authenticateWithPassword({ email: user.email, password: PASSWORD, clientAddress: attacker });
    expect(blocked).toMatchObject({ ok: false, code: "throttled" });
    const elsewhere = await authenticateWithPassword({ email: user.email, password: PASSWORD, clientAddress: address() });
    expect(elsewhere.ok).toBe(true);
  });

  it("does not count successful sign-ins against the address", async () => {
    const user = await userWithPassword();
    const office = address();
    for (let i = 0; i < 3; i++) {
      expect((await authenticateWithPassword({ email: user.email, password: PASSWORD, clientAddress: office })).ok).toBe(true);
    }
    const row = await db().loginThrottle.findUnique({ where: { key: `ip:${office}` } });
    expect(row?.failures ?? 0).toBe(0);
  });

  it("lets no more than the allowed number of guesses through when they arrive all at once", async () => {
    const user = await userWithPassword();
    const results = await Promise.all(
      Array.from({ length: ACCOUNT_RULE.maxFailures + 5 }, (_, i) =>
        authenticateWithPassword({ email: user.email, password: `parallel guess ${i}`, clientAddress: address() }),
      ),
    );
    const checked = results.filter((r) => !r.ok && r.code === "invalid_credentials").length;
    expect(checked).toBeLessThanOrEqual(ACCOUNT_RULE.maxFailures);
    expect(results.filter((r) => !r.ok && r.code === "throttled").length).toBeGreaterThanOrEqual(5);
    expect(await authenticateWithPassword({ email: user.email, password: PASSWORD })).toMatchObject({ code: "throttled" });
  });
});
