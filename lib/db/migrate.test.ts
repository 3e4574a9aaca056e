// The migration commands on a throwaway project folder: they create, apply, refuse and roll back
// for real, against real SQLite files (and PostgreSQL for the diff, which needs a server).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { createMigrations, listMigrationNames, migrateDatabase } from "./migrate";
import { migrationsDir, projectRoot } from "./schema-files";

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** A copy of the project's prisma folder to change freely. */
function scratchProject(): string {
  const root = mkdtempSync(path.join(tmpdir(), "factdesk-migrate-"));
  roots.push(root);
  cpSync(path.join(projectRoot(), "prisma"), path.join(root, "prisma"), { recursive: true });
  return root;
}

function tables(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}

describe("db:migrate", () => {
  it("applies every migration once and records it in _prisma_migrations", async () => {
    const root = scratchProject();
    const file = path.join(root, "data", "app.db");
    const first = await migrateDatabase(`file:${file}`, root);
    expect(first.applied).toEqual(listMigrationNames("sqlite", root));
    const again = await migrateDatabase(`file:${file}`, root);
    expect(again.applied).toEqual([]);
    const db = new Database(file, { readonly: true });
    const recorded = db.prepare("select migration_name from _prisma_migrations where finished_at is not null").all();
    db.close();
    expect(recorded).toHaveLength(first.total);
  });

  it("a failing migration says why and leaves the database as it was", async () => {
    const root = scratchProject();
    const file = path.join(root, "data", "app.db");
    await migrateDatabase(`file:${file}`, root);
    const before = tables(file);
    const bad = path.join(migrationsDir("sqlite", root), "99990101000000_broken");
    mkdirSync(bad);
    writeFileSync(bad + "/migration.sql", 'CREATE TABLE "Half" ("id" TEXT);\nALTER TABLE "NoSuchTable" ADD COLUMN "x" TEXT;\n');
    await expect(migrateDatabase(`file:${file}`, root)).rejects.toThrow(/Migration failed, nothing was changed: .*NoSuchTable/);
    expect(tables(file)).toEqual(before);
    const db = new Database(file, { readonly: true });
    const broken = db.prepare("select count(*) as n from _prisma_migrations where migration_name like '%broken'").get() as { n: number };
    db.close();
    expect(broken.n).toBe(0);
  });
});

describe("db:migration", () => {
  it("reports nothing to do when the models match the last migration", async () => {
    const root = scratchProject();
    expect(await createMigrations("noop", root)).toEqual([]);
    expect(readdirSync(migrationsDir("sqlite", root)).some((d) => d.endsWith("_noop"))).toBe(false);
  });

  it("creates the next migration for both providers from a model change, and it applies", async () => {
    const root = scratchProject();
    const models = path.join(root, "prisma", "models.prisma");
    writeFileSync(models, readFileSync(models, "utf8").replace('  language        String    @default("")', '  language        String    @default("")\n  region          String    @default("")'));
    const created = await createMigrations("add_region", root, new Date("2099-01-01T00:00:00Z"));
    expect(created.map((m) => m.provider).sort()).toEqual(["postgresql", "sqlite"]);
    for (const m of created) {
      expect(m.name).toBe("20990101000000_add_region");
      expect(m.sql).toMatch(/region/);
      expect(existsSync(path.join(migrationsDir(m.provider, root), m.name, "schema.prisma"))).toBe(true);
    }
    const file = path.join(root, "data", "app.db");
    const result = await migrateDatabase(`file:${file}`, root);
    expect(result.applied.at(-1)).toBe("20990101000000_add_region");
    const db = new Database(file, { readonly: true });
    const columns = (db.prepare('pragma table_info("Statement")').all() as { name: string }[]).map((c) => c.name);
    db.close();
    expect(columns).toContain("region");
    expect(await createMigrations("again", root)).toEqual([]);
  });

  it("refuses a bad name and writes nothing", async () => {
    const root = scratchProject();
    const before = readdirSync(migrationsDir("sqlite", root));
    await expect(createMigrations("Bad Name!", root)).rejects.toThrow(/lower-case/);
    expect(readdirSync(migrationsDir("sqlite", root))).toEqual(before);
  });
});
