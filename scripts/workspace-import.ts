// npm run workspace:import -- --file <export.json> --as <admin email> [--workspace <slug>] [--name <name>]
// Imports a workspace export (npm run workspace:export) into an empty workspace of the database
// DATABASE_URL names — typically to move a desk from SQLite to PostgreSQL. The workspace is
// created when no workspace has the slug (default: the exported one's), with --as as its admin;
// an existing one must be empty and --as must be its admin. Everything is checked before anything
// is written; people new to this database are created without a password and cannot sign in
// (Factdesk has no password reset yet): create the accounts of those who will sign in with
// npm run user:create BEFORE importing — people are matched by email.
// Run with `tsx --conditions react-server` so 'server-only' resolves to an empty module.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { db } from "../lib/server/db";
import { ServiceError } from "../lib/server/errors";
import { importWorkspace, validateWorkspaceDocument } from "../lib/server/workspace-transfer";
import { createWorkspace } from "../lib/server/workspaces";

const USAGE = `Usage: npm run workspace:import -- --file <export.json> --as <admin email> [--workspace <slug>] [--name <name>]

Options:
  --file <file>        the export to import (required)
  --as <email>         an existing user who becomes (or is) the workspace's admin (required)
  --workspace <slug>   the workspace to import into (default: the exported workspace's slug);
                       created when it does not exist, otherwise it must have no statements
  --name <name>        the new workspace's name (default: the exported workspace's name)
  -h, --help           show this help`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { file: { type: "string", short: "f" }, as: { type: "string" }, workspace: { type: "string", short: "w" }, name: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.file || !values.as) {
    console.error(`Name the export with --file and the admin with --as.\n\n${USAGE}`);
    return 2;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(values.file, "utf8"));
  } catch (error) {
    console.error(`Could not read ${values.file} as JSON: ${(error as Error).message}`);
    return 2;
  }
  // Checked before the workspace is created, so a bad file leaves nothing behind.
  const doc = validateWorkspaceDocument(raw);
  const user = await db().user.findUnique({ where: { email: values.as.trim().toLowerCase() }, select: { id: true } });
  if (!user) {
    console.error(`No user with the email ${values.as}; create one first with npm run user:create.`);
    return 2;
  }
  const actor = { userId: user.id };
  const slug = values.workspace ?? doc.workspace.slug;
  let workspace = await db().workspace.findUnique({ where: { slug }, select: { id: true, slug: true } });
  if (!workspace) {
    workspace = await createWorkspace(actor, { name: values.name ?? doc.workspace.name, slug });
    console.error(`Created the workspace "${workspace.slug}".`);
  }
  const summary = await importWorkspace(actor, { workspaceId: workspace.id, document: doc });
  console.log(
    `Imported into "${workspace.slug}": ${summary.statements} statements, ${summary.highlights} highlights, ${summary.claims} claims, ${summary.verdicts} verdicts, ${summary.comments} comments, ${summary.activity} activity events; ${summary.people} people (${summary.peopleCreated} new, without a password: they cannot sign in until they have one — create accounts with npm run user:create before importing).`,
  );
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof ServiceError) {
    console.error([error.message, ...(error.fieldErrors?.document ?? []).slice(0, 20).map((m) => `  ${m}`)].join("\n"));
    process.exitCode = error.code === "invalid" ? 2 : 1;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
} finally {
  await db().$disconnect();
}
