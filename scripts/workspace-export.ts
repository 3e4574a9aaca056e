// npm run workspace:export -- --workspace <slug> [--as <email>] [--out <file>]
// Writes the whole workspace as one JSON document (lib/server/workspace-transfer.ts) through the
// same service as the app's download, acting as an admin of the workspace (--as, default: its
// first admin). With no --out the document goes to standard output.
// Run with `tsx --conditions react-server` so 'server-only' resolves to an empty module.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { db } from "../lib/server/db";
import { ServiceError } from "../lib/server/errors";
import { exportWorkspace } from "../lib/server/workspace-transfer";

const USAGE = `Usage: npm run workspace:export -- --workspace <slug> [--as <email>] [--out <file>]

Exports a whole workspace (statements, highlights, claims, verdicts, comments, activity, members
by email) as JSON, for npm run workspace:import on this or another database.

Options:
  --workspace <slug>   the workspace to export (required)
  --as <email>         act as this admin (default: the workspace's first admin)
  --out <file>         write here (default: standard output)
  -h, --help           show this help`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { workspace: { type: "string", short: "w" }, as: { type: "string" }, out: { type: "string", short: "o" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.workspace) {
    console.error(`Name the workspace with --workspace <slug>.\n\n${USAGE}`);
    return 2;
  }
  const workspace = await db().workspace.findUnique({ where: { slug: values.workspace }, select: { id: true } });
  if (!workspace) {
    console.error(`No workspace with the slug "${values.workspace}".`);
    return 2;
  }
  const admin = values.as
    ? await db().user.findUnique({ where: { email: values.as.trim().toLowerCase() }, select: { id: true } })
    : (await db().membership.findFirst({ where: { workspaceId: workspace.id, role: "admin" }, orderBy: { createdAt: "asc" }, select: { user: { select: { id: true } } } }))?.user;
  if (!admin) {
    console.error(values.as ? `No user with the email ${values.as}.` : "The workspace has no admin; name one with --as <email>.");
    return 2;
  }
  const doc = await exportWorkspace({ userId: admin.id }, { workspaceId: workspace.id });
  const json = JSON.stringify(doc);
  if (values.out) {
    writeFileSync(values.out, json);
    console.error(`Wrote ${values.out}: ${doc.statements.length} statements, ${doc.claims.length} claims, ${doc.verdicts.length} verdicts, ${doc.people.length} people.`);
  } else {
    process.stdout.write(json);
  }
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof ServiceError ? (error.code === "forbidden" ? "Only an admin of the workspace can export it." : error.message) : error);
  process.exitCode = 1;
} finally {
  await db().$disconnect();
}
