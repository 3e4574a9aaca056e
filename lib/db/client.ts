// Builds a Prisma client for a DATABASE_URL: better-sqlite3 for file: URLs, pg for PostgreSQL.
// Kept free of 'server-only' so command-line scripts and tests can use it directly.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client";
import { PrismaClient as PostgresClient } from "../generated/postgres/client";
import { providerOf } from "./schema-files";
import { serialisedSqlite, type SqliteConnection } from "./sqlite-serialized";

// Both generated clients have the same models; the SQLite one's type stands for both.
export type Db = SqliteClient;

export function sqliteFilePath(url: string): string {
  return path.resolve(url.slice("file:".length));
}

// Prisma's defaults (2 s to start, 5 s to finish) fail requests that merely queued behind other
// writers on a busy machine; SQLite's busy timeout (10 s) bounds the wait instead.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

export function createDb(url: string): Db {
  if (providerOf(url) === "sqlite") {
    const file = sqliteFilePath(url);
    mkdirSync(path.dirname(file), { recursive: true });
    // WAL lets readers go on while one writer writes; the busy timeout makes concurrent writers
    // wait for the lock instead of failing with SQLITE_BUSY.
    const adapter = serialisedSqlite(new PrismaBetterSqlite3({ url: `file:${file}`, timeout: 10_000 }));
    const client = new SqliteClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
    connections.set(client, adapter.connection(() => client.$connect()));
    return client;
  }
  const adapter = new PrismaPg({ connectionString: url, max: 10 });
  return new PostgresClient({ adapter, transactionOptions: TRANSACTION_OPTIONS }) as unknown as Db;
}

const connections = new WeakMap<Db, SqliteConnection>();

/** The SQLite connection behind a client of createDb, for direct use (sqlite-serialized.ts); null on PostgreSQL. */
export function sqliteConnectionOf(client: Db): SqliteConnection | null {
  return connections.get(client) ?? null;
}

export function isSqlite(url: string): boolean {
  return providerOf(url) === "sqlite";
}
