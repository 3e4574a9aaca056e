// First run needs a database with no users at all, which the shared test database never is.
// Test files run in their own process, so this file points the app's db() at a fresh, migrated
// database of its own (same provider as the run).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { createFirstAdmin, hasAnyUser } from "./accounts";
import { db } from "./db";
import { Conflict } from "./errors";
import { authenticateWithPassword } from "./sign-in";

const PASSWORD = "correct horse battery staple";
const holder = globalThis as unknown as { factdeskDb?: Db };
let previous: Db | undefined;
let cleanup: () => Promise<void> = async () => {};

beforeAll(async () => {
  previous = holder.factdeskDb;
  const url = await freshDatabase();
  await migrateDatabase(url);
  holder.factdeskDb = createDb(url);
});

afterAll(async () => {
  await holder.factdeskDb?.$disconnect();
  holder.factdeskDb = previous;
  await cleanup();
});

describe("first run", () => {
  it("lets exactly one of several racing people create the first user, then refuses", async () => {
    expect(await hasAnyUser()).toBe(false);
    const attempts = await Promise.allSettled(
      ["first", "second", "third"].map((who) =>
        createFirstAdmin({ name: `Admin ${who}`, email: `${who}@example.test`, password: PASSWORD, confirmPassword: PASSWORD }),
      ),
    );
    const winners = attempts.filter((a) => a.status === "fulfilled");
    const losers = attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected");
    expect(winners).toHaveLength(1);
    for (const loser of losers) expect(loser.reason).toBeInstanceOf(Conflict);
    expect(await db().user.count()).toBe(1);
    expect(await hasAnyUser()).toBe(true);

    const admin = (winners[0] as PromiseFulfilledResult<{ email: string }>).value;
    expect((await authenticateWithPassword({ email: admin.email, password: PASSWORD })).ok).toBe(true);

    const later = await createFirstAdmin({ name: "Later", email: "later@example.test", password: PASSWORD, confirmPassword: PASSWORD }).catch((e) => e);
    expect(later).toBeInstanceOf(Conflict);
    expect(await db().user.count()).toBe(1);
  });
});

async function freshDatabase(): Promise<string> {
  if (process.env.TEST_DATABASE === "postgres") {
    const admin = process.env.FACTDESK_PG_URL || "postgresql://factdesk:factdesk@localhost:5432/postgres";
    const name = `factdesk_firstrun_${process.pid}_${Date.now().toString(36)}`;
    const run = async (sql: string) => {
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query(sql);
      await client.end();
    };
    await run(`CREATE DATABASE "${name}"`);
    cleanup = () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return url.toString();
  }
  const dir = mkdtempSync(path.join(tmpdir(), "factdesk-first-run-"));
  cleanup = async () => rmSync(dir, { recursive: true, force: true });
  return `file:${path.join(dir, "first-run.db")}`;
}
