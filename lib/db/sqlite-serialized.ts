// better-sqlite3 gives the Prisma adapter ONE connection per process. The adapter serialises
// transactions with a mutex but lets plain queries through, so a query from another request that
// arrives while an interactive transaction awaits runs *inside* that transaction — and is undone
// if it rolls back. This factory makes every query wait for the open transaction to finish, and
// starts transactions with BEGIN IMMEDIATE so a transaction that reads before it writes waits
// (busy timeout) for another process's write instead of failing with SQLITE_BUSY. It also sets
// synchronous = NORMAL, the usual pairing with WAL.
import type { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

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

function serialise(adapter: Adapter): Adapter {
  const client = (adapter as unknown as { client: { prepare(sql: string): unknown; pragma(sql: string): unknown } }).client;
  // In WAL mode NORMAL still never corrupts the database; it skips the disk sync on each commit
  // (a power cut may lose the last commits, not an application crash).
  client.pragma("synchronous = NORMAL");
  const prepare = client.prepare.bind(client);
  client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);

  const lock = new Lock();
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

export function serialisedSqlite(factory: PrismaBetterSqlite3): PrismaBetterSqlite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => serialise(await connect());
  return factory;
}
