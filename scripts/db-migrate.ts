// npm run db:migrate: applies pending migrations to the database DATABASE_URL names.
import { migrateDatabase } from "../lib/db/migrate";

const url = process.env.DATABASE_URL || "file:./data/factdesk.db";
const where = url.startsWith("file:") ? url : url.replace(/\/\/[^@]*@/, "//…@");
try {
  const result = await migrateDatabase(url);
  if (result.applied.length === 0) console.log(`${where}: up to date (${result.total} migrations).`);
  else console.log(`${where}: applied ${result.applied.length} of ${result.total} migrations:\n  ${result.applied.join("\n  ")}`);
} catch (error) {
  console.error(`db:migrate failed for ${where}: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
