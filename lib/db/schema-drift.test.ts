// The two providers' schemas come from one list of models, and each provider's migration folder
// must produce exactly its schema: a database built by the migrations is compared, table by
// table, column by column, index by index, with one built straight from the current models.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { listMigrationNames, migrateDatabase, pendingMigrationSql } from "./migrate";
import { NO_FILTERS, openSchemaEngine } from "./schema-engine";
import { buildSchema, migrationsDir, PROVIDERS, type Provider, readModels, schemaPath } from "./schema-files";

async function sqlFromEmpty(provider: Provider, url: string): Promise<string> {
  const schema = buildSchema(provider, readModels());
  const { engine, close } = await openSchemaEngine(url, { path: "schema.prisma", content: schema });
  const result = await engine
    .diff({
    from: { tag: "empty" },
    to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
    script: true,
    exitCode: null,
    filters: NO_FILTERS,
  })
    .finally(close);
  return result.stdout ?? "";
}

function sqliteCatalog(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const lines: string[] = [];
    const tables = db
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name != '_prisma_migrations'")
      .all() as { name: string }[];
    for (const { name } of tables) {
      for (const c of db.prepare(`pragma table_info("${name}")`).all() as Record<string, unknown>[])
        lines.push(`column ${name}.${c.name} ${c.type} notnull=${c.notnull} default=${c.dflt_value} pk=${c.pk}`);
      for (const i of db.prepare(`pragma index_list("${name}")`).all() as { name: string; unique: number }[]) {
        const cols = (db.prepare(`pragma index_info("${i.name}")`).all() as { name: string }[]).map((c) => c.name);
        lines.push(`index ${name}(${cols.join(",")}) unique=${i.unique}`);
      }
      for (const f of db.prepare(`pragma foreign_key_list("${name}")`).all() as Record<string, unknown>[])
        lines.push(`fk ${name}.${f.from} -> ${f.table}.${f.to} on_delete=${f.on_delete} on_update=${f.on_update}`);
    }
    return lines.sort();
  } finally {
    db.close();
  }
}

async function postgresCatalog(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query(
      `select table_name, column_name, data_type, is_nullable, column_default from information_schema.columns
       where table_schema = 'public' and table_name != '_prisma_migrations'`,
    );
    const indexes = await client.query(`select indexdef from pg_indexes where schemaname = 'public' and tablename != '_prisma_migrations'`);
    const fks = await client.query(
      `select conrelid::regclass::text as tbl, pg_get_constraintdef(oid) as def from pg_constraint
       where contype = 'f' and connamespace = 'public'::regnamespace`,
    );
    return [
      ...columns.rows.map((c) => `column ${c.table_name}.${c.column_name} ${c.data_type} ${c.is_nullable} ${c.column_default}`),
      ...indexes.rows.map((i) => `index ${i.indexdef}`),
      ...fks.rows.map((f) => `fk ${f.tbl} ${f.def}`),
    ].sort();
  } finally {
    await client.end();
  }
}

describe("schema drift", () => {
  for (const provider of PROVIDERS) {
    it(`prisma/${provider} schema is generated from models.prisma`, () => {
      expect(readFileSync(schemaPath(provider), "utf8")).toBe(buildSchema(provider, readModels()));
    });

    it(`the last ${provider} migration's snapshot matches the models (run npm run db:migration otherwise)`, async () => {
      expect(listMigrationNames(provider).length).toBeGreaterThan(0);
      expect(await pendingMigrationSql(provider)).toBe("");
    });
  }

  it("every migration folder exists for both providers with the same names", () => {
    expect(listMigrationNames("sqlite")).toEqual(listMigrationNames("postgresql"));
    for (const p of PROVIDERS) expect(existsSync(path.join(migrationsDir(p), "migration_lock.toml"))).toBe(true);
  });

  it("the SQLite migrations build the same database as the models", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "factdesk-drift-"));
    try {
      const migrated = path.join(dir, "migrated.db");
      await migrateDatabase(`file:${migrated}`);
      const direct = path.join(dir, "direct.db");
      const sql = await sqlFromEmpty("sqlite", `file:${path.join(dir, "engine-scratch.db")}`);
      const db = new Database(direct);
      db.exec(sql);
      db.close();
      const expected = sqliteCatalog(direct);
      expect(expected.length).toBeGreaterThan(50);
      expect(sqliteCatalog(migrated)).toEqual(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  if (process.env.TEST_DATABASE === "postgres") {
    it("the PostgreSQL migrations build the same database as the models", async () => {
      // This run's database was built by the migrations (test/global-setup.ts); a second one is
      // built from the models' SQL and the two catalogues compared.
      const migratedUrl = process.env.DATABASE_URL!;
      const directName = `factdesk_drift_${Date.now().toString(36)}`;
      const admin = new pg.Client({ connectionString: migratedUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${directName}"`);
      const directUrl = new URL(migratedUrl);
      directUrl.pathname = `/${directName}`;
      try {
        const sql = await sqlFromEmpty("postgresql", directUrl.toString());
        const direct = new pg.Client({ connectionString: directUrl.toString() });
        await direct.connect();
        await direct.query(sql);
        await direct.end();
        const expected = await postgresCatalog(directUrl.toString());
        expect(expected.length).toBeGreaterThan(50);
        expect(await postgresCatalog(migratedUrl)).toEqual(expected);
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS "${directName}" WITH (FORCE)`);
        await admin.end();
      }
    });
  }
});
