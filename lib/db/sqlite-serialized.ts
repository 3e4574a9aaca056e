// better-sqlite3 gives the Prisma adapter ONE connection per process. The adapter serialises
// transactions with a mutex but lets plain queries through, so a query from another request that
// arrives while an interactive transaction awaits runs *inside* that transaction — and is undone
// if it rolls back. This factory makes every query wait for the open transaction to finish, and
// starts transactions with BEGIN IMMEDIATE so a transaction that reads before it writes waits
// (busy timeout) for another process's write instead of failing with SQLITE_BUSY. It also sets
// synchronous = NORMAL, the usual pairing with WAL.
//
// It also lends that same connection to code that needs no Prisma in between (sqliteConnection):
// on SQLite's single writer, Prisma's per-query work (argument mapping, a fresh prepare each time,
// result conversion) is most of a short write's time, and every query waits for it. A direct use
// takes the same lock, so it never runs inside someone's transaction nor they inside it.
import type { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { Database, Statement } from "better-sqlite3";

class Lock {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return ready;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

type Adapter = Awaited<ReturnType<PrismaBetterSqlite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

type Opened = { client: Database; lock: Lock; statements: Map<string, Statement> };

function serialise(adapter: Adapter, opened: (o: Opened) => void): Adapter {
  const client = (adapter as unknown as { client: Database }).client;
  // In WAL mode NORMAL still never corrupts the database; it skips the disk sync on each commit
  // (a power cut may lose the last commits, not an application crash).
  client.pragma("synchronous = NORMAL");
  const prepare = client.prepare.bind(client);
  client.prepare = ((sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql)) as Database["prepare"];

  const lock = new Lock();
  opened({ client, lock, statements: new Map() });
  const queryRaw = adapter.queryRaw.bind(adapter);
  const executeRaw = adapter.executeRaw.bind(adapter);
  const executeScript = adapter.executeScript.bind(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.queryRaw = (query) => lock.run(() => queryRaw(query));
  adapter.executeRaw = (query) => lock.run(() => executeRaw(query));
  adapter.executeScript = (script) => lock.run(() => executeScript(script));
  adapter.startTransaction = async (isolationLevel) => {
    const release = await lock.acquire();
    let tx: Transaction;
    try {
      tx = await startTransaction(isolationLevel);
    } catch (error) {
      release();
      throw error;
    }
    const commit = tx.commit.bind(tx);
    const rollback = tx.rollback.bind(tx);
    tx.commit = () => commit().finally(release);
    tx.rollback = () => rollback().finally(release);
    return tx;
  };
  return adapter;
}

/** The connection as a direct use sees it: plain SQL with `?` placeholders, values as Prisma stores them. */
export type DirectSqlite = {
  all<T>(sql: string, values: readonly unknown[]): T[];
  /** Rows as arrays in the order of the SELECT: for long results, much cheaper than objects. */
  tuples<T extends unknown[]>(sql: string, values: readonly unknown[]): T[];
  run(sql: string, values: readonly unknown[]): { changes: number };
  /** BEGIN IMMEDIATE … COMMIT around `fn`, rolled back if it throws. */
  transaction<T>(fn: () => T): T;
};

export type SqliteConnection = {
  /**
   * Runs `fn` on the connection Prisma uses, once no Prisma query or transaction holds it. `fn` is
   * synchronous, so nothing else runs on the connection until it returns.
   */
  use<T>(fn: (direct: DirectSqlite) => T): Promise<T>;
};

/** Statements kept prepared per connection; the SQL of a use is a handful of fixed texts. */
const MAX_STATEMENTS = 200;

// Values as the Prisma adapter writes them (its default "iso8601" timestamps), so rows written
// either way read back alike.
function toSqlite(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

function direct(opened: Opened): DirectSqlite {
  const statement = (sql: string, raw = false) => {
    const key = raw ? `raw:${sql}` : sql;
    let prepared = opened.statements.get(key);
    if (!prepared) {
      if (opened.statements.size >= MAX_STATEMENTS) opened.statements.delete(opened.statements.keys().next().value!);
      // Plain numbers, not the BigInts the adapter's connection defaults to: the schema has no
      // integer column that could pass 2^53.
      prepared = opened.client.prepare(sql).safeIntegers(false);
      if (raw) prepared.raw(true);
      opened.statements.set(key, prepared);
    }
    return prepared;
  };
  return {
    all: <T>(sql: string, values: readonly unknown[]) => statement(sql).all(...values.map(toSqlite)) as T[],
    tuples: <T extends unknown[]>(sql: string, values: readonly unknown[]) => statement(sql, true).all(...values.map(toSqlite)) as T[],
    run: (sql, values) => ({ changes: statement(sql).run(...values.map(toSqlite)).changes }),
    transaction: (fn) => opened.client.transaction(fn).immediate(),
  };
}

/**
 * Wraps the adapter factory so that its connection is serialised (see the top of this file);
 * `connection(ensureConnected)` lends that connection for direct use, connecting through Prisma
 * first if it has not yet (`ensureConnected` is the client's $connect).
 */
export function serialisedSqlite(factory: PrismaBetterSqlite3): PrismaBetterSqlite3 & { connection(ensureConnected: () => Promise<void>): SqliteConnection } {
  let current: Opened | null = null;
  const connect = factory.connect.bind(factory);
  factory.connect = async () =>
    serialise(await connect(), (o) => {
      current = o;
    });
  return Object.assign(factory, {
    connection: (ensureConnected: () => Promise<void>): SqliteConnection => ({
      async use(fn) {
        if (!current) await ensureConnected();
        const opened = current!;
        const release = await opened.lock.acquire();
        try {
          return fn(direct(opened));
        } finally {
          release();
        }
      },
    }),
  });
}
