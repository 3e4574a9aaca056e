// Seeds the reports spec's own desk ("E2E reports", with the world's members) with corpus statement
// 002 annotated as test/report-factories.ts plans it: claims with verdicts at every stage, sources
// and tags, through the real services. A desk of its own, so no other spec's statements or the
// order specs run in change what the reports contain. Prints {"slug", "statementId"} as JSON;
// running it again reuses what it made. Run with DATABASE_URL set to the e2e server's database,
// under `tsx --conditions react-server`.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { db } from "../../lib/server/db";
import { addMemberByEmail } from "../../lib/server/members";
import { createWorkspace } from "../../lib/server/workspaces";
import { CORPUS_REPORT_META, CORPUS_REPORT_PLAN, seedAnnotatedStatement } from "../../test/report-factories";
import { assertLocalDatabase, CORPUS_DIR, MEMBERS } from "./world";

const REPORTS_DESK = { slug: "e2e-reports", name: "E2E reports" } as const;

const url = process.env.DATABASE_URL ?? "";
assertLocalDatabase(url);

const idOf = async (email: string) => ({ userId: (await db().user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id });
const [admin, editor, checker] = await Promise.all([idOf(MEMBERS.admin.email), idOf(MEMBERS.editor.email), idOf(MEMBERS.checker.email)]);

let desk = await db().workspace.findUnique({ where: { slug: REPORTS_DESK.slug }, select: { id: true } });
if (!desk) {
  desk = await createWorkspace(admin, REPORTS_DESK);
  for (const role of ["editor", "checker", "viewer"] as const) await addMemberByEmail(admin, { workspaceId: desk.id, email: MEMBERS[role].email, role });
}
let statement = await db().statement.findFirst({ where: { workspaceId: desk.id, title: CORPUS_REPORT_META.title }, select: { id: true } });
if (!statement) {
  const file = readdirSync(CORPUS_DIR).find((f) => /^002_.*\.txt$/.test(f));
  if (!file) throw new Error(`corpus statement 002 not found in ${CORPUS_DIR}`);
  const text = readFileSync(path.join(CORPUS_DIR, file), "utf8");
  const { statementId } = await seedAnnotatedStatement({ checker, editor, admin }, desk.id, text, CORPUS_REPORT_META, CORPUS_REPORT_PLAN);
  statement = { id: statementId };
}
await db().$disconnect();
console.log(JSON.stringify({ slug: REPORTS_DESK.slug, statementId: statement.id }));
