// npm run db:seed (and npm run demo): a "Demo desk" with one user per role and the self-written
// demo statements of lib/demo, made through the same service functions the app uses.
// Idempotent: when the desk exists it only prints the logins again.
// Run with `tsx --conditions react-server` so 'server-only' resolves to an empty module.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sqliteFilePath } from "../lib/db/client";
import { DEMO_STATEMENTS } from "../lib/demo/statements";
import type { Role } from "../lib/roles";
import { createUserAccount } from "../lib/server/accounts";
import { db } from "../lib/server/db";
import { addMemberByEmail } from "../lib/server/members";
import { importStatement } from "../lib/server/statements";
import { createWorkspace } from "../lib/server/workspaces";

const DESK = { name: "Demo desk", slug: "demo-desk" };
const PEOPLE: { role: Role; name: string }[] = [
  { role: "admin", name: "Alma Admin" },
  { role: "editor", name: "Emil Editor" },
  { role: "checker", name: "Cora Checker" },
  { role: "viewer", name: "Viktor Viewer" },
];
const emailOf = (role: Role) => `${role}@demo.factdesk.test`;
// The passwords are made on first seed and kept beside the database (data/ is not committed).
const url = process.env.DATABASE_URL ?? "file:./data/demo.db";
const LOGINS_FILE = url.startsWith("file:") ? `${sqliteFilePath(url).replace(/\.db$/, "")}-logins.txt` : path.resolve("data", "demo-logins.txt");

async function seed(): Promise<void> {
  const existing = await db().workspace.findUnique({ where: { slug: DESK.slug }, select: { id: true } });
  if (existing) {
    console.log(`"${DESK.name}" exists already; nothing to seed.`);
    if (!existsSync(LOGINS_FILE)) console.log(`(Its logins were in ${LOGINS_FILE}, which is gone; create a user with npm run user:create.)`);
    return;
  }

  const logins: string[] = [];
  const ids = new Map<Role, string>();
  for (const person of PEOPLE) {
    const email = emailOf(person.role);
    const password = randomBytes(12).toString("base64url");
    const user = await createUserAccount({ email, name: person.name, password });
    ids.set(person.role, user.id);
    logins.push(`${person.role.padEnd(8)} ${email.padEnd(28)} ${password}`);
  }

  const admin = { userId: ids.get("admin")! };
  const desk = await createWorkspace(admin, DESK);
  for (const person of PEOPLE.filter((p) => p.role !== "admin")) {
    await addMemberByEmail(admin, { workspaceId: desk.id, email: emailOf(person.role), role: person.role });
  }

  // Imported by the checker, as on a real desk.
  const checker = { userId: ids.get("checker")! };
  for (const statement of DEMO_STATEMENTS) {
    await importStatement(checker, { workspaceId: desk.id, ...statement });
  }

  mkdirSync(path.dirname(LOGINS_FILE), { recursive: true });
  writeFileSync(LOGINS_FILE, `Demo logins (role, email, password):\n${logins.join("\n")}\n`);
  chmodSync(LOGINS_FILE, 0o600);
  console.log(`Seeded "${DESK.name}" with ${PEOPLE.length} users and ${DEMO_STATEMENTS.length} statements.`);
}

try {
  await seed().catch((error) => {
    // A seed interrupted half-way leaves users without the desk; starting over is simplest.
    console.error(`Seeding the demo failed: ${error instanceof Error ? error.message : error}`);
    console.error(`Remove the demo database (${url}) and run npm run demo again.`);
    process.exit(1);
  });
  if (existsSync(LOGINS_FILE)) console.log(readFileSync(LOGINS_FILE, "utf8").trimEnd());
} finally {
  await db().$disconnect();
}
