// npm run import -- --workspace <slug> [--as <email>] [--speaker ..] [--outlet ..] [--url ..]
//                   [--date YYYY-MM-DD] [--language ..] <files, folders or globs…>
// Bulk import through the same service the app uses, acting as a real member of the workspace
// (--as, default: its first admin), so roles, validation and the activity log apply unchanged.
// Run with `tsx --conditions react-server` so 'server-only' resolves to an empty module.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { expandPaths } from "../lib/import/expand-paths";
import { db } from "../lib/server/db";
import { ServiceError } from "../lib/server/errors";
import { importStatements, type ImportItem } from "../lib/server/statements";

const USAGE = `Usage: npm run import -- --workspace <slug> [options] <files, folders or globs…>

Imports .txt, .md, .html and .docx files as statements, one statement per file.

Options:
  --workspace <slug>     the workspace to import into (required)
  --as <email>           act as this member (default: the workspace's first admin)
  --speaker <name>       speaker or organisation, for every file
  --outlet <name>        outlet, for every file
  --url <url>            source URL, for every file
  --date <YYYY-MM-DD>    publication date, for every file
  --language <code>      language code such as en, fr, az
  -h, --help             show this help

Globs such as 'statements/**/*.txt' are expanded here too (quote them to stop the shell).
Exits with 1 when any file could not be imported, 2 on a usage error.`;

class UsageError extends Error {
  constructor(message: string, readonly showUsage = false) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// Acting user

async function resolveActor(slug: string, email: string | undefined): Promise<{ userId: string; label: string }> {
  const workspace = await db().workspace.findUnique({ where: { slug }, select: { id: true, name: true } });
  if (!workspace) throw new UsageError(`No workspace with the slug "${slug}".`);
  if (email) {
    const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, name: true, email: true } })
      ?? await db().user.findUnique({ where: { email: email.trim() }, select: { id: true, name: true, email: true } });
    if (!user) throw new UsageError(`No user with the email ${email}.`);
    return { userId: user.id, label: `${user.name} <${user.email}>` };
  }
  const admin = await db().membership.findFirst({
    where: { workspaceId: workspace.id, role: "admin" },
    orderBy: { createdAt: "asc" },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  if (!admin) throw new UsageError(`The workspace "${slug}" has no admin; name a member with --as <email>.`);
  return { userId: admin.user.id, label: `${admin.user.name} <${admin.user.email}> (first admin)` };
}

// ---------------------------------------------------------------------------------------------

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      workspace: { type: "string", short: "w" },
      as: { type: "string" },
      speaker: { type: "string" },
      outlet: { type: "string" },
      url: { type: "string" },
      date: { type: "string" },
      language: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.workspace) throw new UsageError("Name the workspace with --workspace <slug>.", true);
  if (!positionals.length) throw new UsageError("Name the files, folders or globs to import.", true);

  const { files, missing } = expandPaths(positionals);
  for (const m of missing) console.error(`Nothing found for ${m}`);
  if (!files.length) throw new UsageError("No files to import.");

  const actor = await resolveActor(values.workspace, values.as);
  const workspace = await db().workspace.findUniqueOrThrow({ where: { slug: values.workspace }, select: { id: true, name: true } });
  console.log(`Importing ${files.length} file${files.length === 1 ? "" : "s"} into "${workspace.name}" as ${actor.label}`);

  const items: ImportItem[] = [];
  const unreadable: Array<{ name: string; message: string }> = [];
  for (const file of files) {
    try {
      items.push({ name: file, filename: file, bytes: readFileSync(file) });
    } catch (error) {
      unreadable.push({ name: file, message: `could not be read (${(error as NodeJS.ErrnoException).code ?? "error"})` });
    }
  }

  const bar = new cliProgress.SingleBar(
    { format: "  {bar} {percentage}% | {value}/{total} files | {duration_formatted}", hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  bar.start(items.length, 0);
  let summary;
  try {
    summary = await importStatements(
      { userId: actor.userId },
      {
        workspaceId: workspace.id,
        items,
        shared: { speaker: values.speaker, outlet: values.outlet, url: values.url, publishedAt: values.date, language: values.language },
      },
      { onProgress: (done) => bar.update(done) },
    );
  } finally {
    bar.stop();
  }
  const failed = [...unreadable, ...summary.failed];

  console.log("");
  console.log(`Created:    ${summary.created.length}`);
  console.log(`Duplicates: ${summary.duplicates.length}`);
  console.log(`Failed:     ${failed.length}`);
  if (summary.duplicates.length) {
    console.log("\nAlready in the workspace:");
    for (const d of summary.duplicates.slice(0, 50)) console.log(`  ${d.name} → "${d.existing.title}" (${d.existing.id})`);
    if (summary.duplicates.length > 50) console.log(`  … and ${summary.duplicates.length - 50} more`);
  }
  if (failed.length) {
    console.error("\nNot imported:");
    for (const f of failed) console.error(`  ${f.name}: ${f.message}`);
  }
  return failed.length || missing.length ? 1 : 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
    const showUsage = !(error instanceof UsageError) || error.showUsage;
    console.error(showUsage ? `${(error as Error).message}\n\n${USAGE}` : (error as Error).message);
    process.exitCode = 2;
  } else if (error instanceof ServiceError) {
    // Invalid shared metadata, or a user who may not import here.
    const fields = Object.entries(error.fieldErrors ?? {}).map(([k, v]) => `  ${k === "publishedAt" ? "--date" : `--${k}`}: ${v.join(" ")}`);
    console.error([error.code === "not_found" ? "That user is not a member of this workspace." : error.code === "invalid" ? "Check these options:" : error.message, ...fields].join("\n"));
    process.exitCode = error.code === "invalid" ? 2 : 1;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
} finally {
  await db().$disconnect();
}
