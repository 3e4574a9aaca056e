import "server-only";
import { createDb, type Db } from "../db/client";
import { env } from "./env";

// One client per process; cached on globalThis so dev-mode reloads do not open new pools.
const globalForDb = globalThis as unknown as { factdeskDb?: Db };

export function db(): Db {
  globalForDb.factdeskDb ??= createDb(env().DATABASE_URL);
  return globalForDb.factdeskDb;
}
