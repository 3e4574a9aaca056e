// Creates a fresh database for this test run — a new SQLite file, or with TEST_DATABASE=postgres a
// new database on the local PostgreSQL cluster — migrates it with the project's own migrations,
// and hands its URL to the test workers. Tests make their own workspaces and users, so they share
// the database without stepping on each other. On SQLite each worker process copies the migrated
// file (test/worker-database.ts): two processes would otherwise queue on one file's write lock,
// which is a property of the deployment, tested on its own in lib/db/sqlite-serialized.test.ts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { migrateDatabase } from "../lib/db/migrate";

export default async function setup() {
  if (process.env.TEST_DATABASE === "postgres") {
    const admin = process.env.FACTDESK_PG_URL || "postgresql://factdesk:factdesk@localhost:5432/postgres";
    const name = `factdesk_test_${process.pid}_${Date.now().toString(36)}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE "${name}"`);
    await client.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
    await migrateDatabase(process.env.DATABASE_URL);
    return async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "factdesk-test-"));
  process.env.DATABASE_URL = `file:${path.join(dir, "test.db")}`;
  await migrateDatabase(process.env.DATABASE_URL);
  process.env.FACTDESK_TEST_SQLITE_TEMPLATE = path.join(dir, "test.db");
  return () => rmSync(dir, { recursive: true, force: true });
}
