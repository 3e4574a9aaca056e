// Runs in each test worker before its test files: on SQLite, point this worker at its own copy of
// the migrated template database (see test/global-setup.ts).
import { copyFileSync, existsSync } from "node:fs";
import path from "node:path";

const template = process.env.FACTDESK_TEST_SQLITE_TEMPLATE;
if (template) {
  const copy = path.join(path.dirname(template), `worker-${process.env.VITEST_POOL_ID ?? process.pid}.db`);
  if (!existsSync(copy)) copyFileSync(template, copy);
  process.env.DATABASE_URL = `file:${copy}`;
}
