// Run by Playwright's webServer command before `next start`: migrates the fresh database that
// DATABASE_URL names and, with "seeded", writes the world of e2e/support/world.ts into it through
// the real service functions (so desks get their starter tags and rating scale).
// Runs under `tsx --conditions react-server` so the service layer's 'server-only' import resolves.
import { migrateDatabase } from "../../lib/db/migrate";
import { db } from "../../lib/server/db";
import { createUserAccount } from "../../lib/server/accounts";
import { addMemberByEmail } from "../../lib/server/members";
import { createWorkspace } from "../../lib/server/workspaces";
import { assertLocalDatabase, DESK, MEMBERS, OTHER_DESK, OUTSIDER, PASSWORD } from "./world";

const mode = process.argv[2];
const url = process.env.DATABASE_URL ?? "";
if (mode !== "seeded" && mode !== "empty") throw new Error("usage: prepare-db.ts seeded|empty");
if (!url) throw new Error("DATABASE_URL is not set");
assertLocalDatabase(url);

await migrateDatabase(url);
if (mode === "seeded") {
  const idOf = new Map<string, string>();
  for (const person of [...Object.values(MEMBERS), OUTSIDER]) {
    const user = await createUserAccount({ ...person, password: PASSWORD });
    idOf.set(person.email, user.id);
  }
  const admin = { userId: idOf.get(MEMBERS.admin.email)! };
  const desk = await createWorkspace(admin, { name: DESK.name, slug: DESK.slug });
  for (const role of ["editor", "checker", "viewer"] as const) {
    await addMemberByEmail(admin, { workspaceId: desk.id, email: MEMBERS[role].email, role });
  }
  await createWorkspace({ userId: idOf.get(OUTSIDER.email)! }, { name: OTHER_DESK.name, slug: OTHER_DESK.slug });
  await db().$disconnect();
}
console.log(`e2e database ready (${mode})`);
