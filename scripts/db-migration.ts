// npm run db:migration -- <name>: creates the next migration for SQLite and PostgreSQL from the
// change to prisma/models.prisma.
import { createMigrations } from "../lib/db/migrate";

const name = process.argv[2];
if (!name) {
  console.error("Usage: npm run db:migration -- <name>   (e.g. add_statement_language)");
  process.exit(2);
}
try {
  const created = await createMigrations(name);
  if (created.length === 0) console.log("The models match the last migration: nothing to create.");
  for (const m of created) console.log(`Created prisma/${m.provider === "sqlite" ? "sqlite" : "postgres"}/migrations/${m.name}/migration.sql (${m.sql.split("\n").filter((l) => l.trim() && !l.startsWith("--")).length} lines)`);
  if (created.length) console.log("Run `npm run prisma:generate` and `npm run db:migrate` to use it.");
} catch (error) {
  console.error(`db:migration failed, nothing was written: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
