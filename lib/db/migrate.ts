// Applying and creating migrations for either provider with the wasm schema engine. Framework
// free: used by scripts/db-migrate.ts, scripts/db-migration.ts, the test setup and the drift test.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { sqliteFilePath } from "./client";
import { NO_FILTERS, openSchemaEngine } from "./schema-engine";
import { buildSchema, migrationsDir, type Provider, providerOf, projectRoot, readModels } from "./schema-files";

/** Each migration folder keeps the schema it produces, so the next diff needs no database. */
const SNAPSHOT = "schema.prisma";

export function listMigrationNames(provider: Provider, root = projectRoot()): string[] {
  const dir = migrationsDir(provider, root);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}

export function readMigrationList(provider: Provider, root = projectRoot()): MigrationList {
  const baseDir = migrationsDir(provider, root);
  const lockPath = path.join(baseDir, "migration_lock.toml");
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: listMigrationNames(provider, root).map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(path.join(baseDir, name, "migration.sql"), "utf8") },
      },
    })),
  } as MigrationList;
}

export type MigrateResult = { provider: Provider; applied: string[]; total: number };

/**
 * Applies pending migrations to the database the URL names and records them in Prisma's
 * `_prisma_migrations` table. On SQLite the file is copied first and put back if anything fails,
 * so a failed migration changes nothing.
 */
export async function migrateDatabase(url: string, root = projectRoot()): Promise<MigrateResult> {
  const provider = providerOf(url);
  const list = readMigrationList(provider, root);
  if (list.migrationDirectories.length === 0) throw new Error(`No migrations found in ${list.baseDir}`);
  let backup: string | undefined;
  if (provider === "sqlite") {
    const file = sqliteFilePath(url);
    mkdirSync(path.dirname(file), { recursive: true });
    const sqlite = new Database(file);
    // WAL is a property of the file: set once here, every later connection uses it.
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    sqlite.close();
    backup = `${file}.pre-migrate`;
    copyFileSync(file, backup);
  }
  const schema = { path: "schema.prisma", content: buildSchema(provider, readModels(root)) };
  const { engine, explain, close } = await openSchemaEngine(url, schema);
  let failure: string | undefined;
  let applied: string[] = [];
  try {
    applied = (await engine.applyMigrations({ migrationsList: list, filters: NO_FILTERS })).appliedMigrationNames;
  } catch (error) {
    failure = explain(error);
  }
  // Close before restoring: an open connection would write its WAL back over the restored file.
  await close();
  if (backup) {
    const file = sqliteFilePath(url);
    if (failure) {
      for (const suffix of ["-wal", "-shm"]) rmSync(file + suffix, { force: true });
      copyFileSync(backup, file);
    }
    rmSync(backup, { force: true });
  }
  if (failure) throw new Error(`Migration failed, nothing was changed: ${failure}`);
  return { provider, applied, total: list.migrationDirectories.length };
}

function lastSnapshot(provider: Provider, root: string): string | undefined {
  const names = listMigrationNames(provider, root);
  const last = names.at(-1);
  if (!last) return undefined;
  const file = path.join(migrationsDir(provider, root), last, SNAPSHOT);
  if (!existsSync(file)) throw new Error(`Migration ${last} has no ${SNAPSHOT} snapshot; cannot diff from it.`);
  return readFileSync(file, "utf8");
}

/**
 * Where the engine connects while diffing two datamodels. It reads nothing from it, but the
 * PostgreSQL engine will not start without a reachable server.
 */
export function diffUrl(provider: Provider): string {
  if (provider === "sqlite") return `file:${path.join(tmpdir(), "factdesk-schema-diff.db")}`;
  return process.env.FACTDESK_PG_URL || "postgresql://factdesk:factdesk@localhost:5432/postgres";
}

/** The SQL that takes the last migration's schema to the current models ("" when none). */
export async function pendingMigrationSql(provider: Provider, root = projectRoot()): Promise<string> {
  const next = buildSchema(provider, readModels(root));
  const previous = lastSnapshot(provider, root);
  // Datamodel-to-datamodel diffs need no live database (reading a live PostgreSQL through
  // adapter-pg fails on 'char' columns), so the engine is opened on a placeholder.
  const { engine, explain, close } = await openSchemaEngine(
    diffUrl(provider),
    { path: SNAPSHOT, content: next },
  );
  try {
    const result = await engine.diff({
      from: previous ? { tag: "schemaDatamodel", files: [{ path: SNAPSHOT, content: previous }] } : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: SNAPSHOT, content: next }] },
      script: true,
      exitCode: true,
      filters: NO_FILTERS,
    });
    const sql = result.stdout ?? "";
    return result.exitCode === 2 ? sql : "";
  } catch (error) {
    throw new Error(`Could not compute the ${provider} migration: ${explain(error)}`);
  } finally {
    await close();
  }
}

export type CreatedMigration = { provider: Provider; name: string; sql: string };

/** Writes the next migration folder for both providers; nothing when the models did not change. */
export async function createMigrations(name: string, root = projectRoot(), now = new Date()): Promise<CreatedMigration[]> {
  if (!/^[a-z0-9_]{1,60}$/.test(name)) throw new Error(`Migration name must be lower-case letters, digits and _ (got "${name}").`);
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const folder = `${stamp}_${name}`;
  const planned: CreatedMigration[] = [];
  for (const provider of ["sqlite", "postgresql"] as Provider[]) {
    const sql = await pendingMigrationSql(provider, root);
    if (sql.trim()) planned.push({ provider, name: folder, sql });
  }
  // Compute both before writing either, so a failure leaves no half-made migration behind.
  for (const m of planned) {
    const dir = path.join(migrationsDir(m.provider, root), m.name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), m.sql);
    writeFileSync(path.join(dir, SNAPSHOT), buildSchema(m.provider, readModels(root)));
    const lock = path.join(migrationsDir(m.provider, root), "migration_lock.toml");
    if (!existsSync(lock)) writeFileSync(lock, `provider = "${m.provider}"\n`);
  }
  return planned;
}
