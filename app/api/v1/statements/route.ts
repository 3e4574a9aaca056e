import { apiJson, apiRoute, ApiError } from "@/lib/server/api-handler";
import { importStatement, importStatements, listStatements, type ImportItem } from "@/lib/server/statements";

// GET: the workspace's statements, a page at a time (q, sort, dir, page, pageSize).
export const GET = apiRoute(async ({ actor, workspaceId, query }) => {
  const { items, ...meta } = await listStatements(actor, {
    workspaceId,
    q: query.get("q") ?? undefined,
    sort: (query.get("sort") ?? undefined) as never,
    dir: (query.get("dir") ?? undefined) as never,
    page: query.get("page") ?? undefined,
    pageSize: query.get("pageSize") ?? undefined,
  });
  return apiJson(items, { meta });
});

const METADATA = ["title", "speaker", "outlet", "url", "publishedAt", "language", "text"] as const;

// POST: one statement ({ text, title?, … }) or several ({ statements: [{ text, … }, …] }). The same
// text already in the workspace is not imported again.
export const POST = apiRoute(async ({ actor, workspaceId, body }) => {
  const input = await body();
  if (!("statements" in input)) {
    const result = await importStatement(actor, { ...input, workspaceId } as Parameters<typeof importStatement>[1]);
    const statement = result.status === "created" ? result.statement : result.existing;
    return apiJson({ status: result.status, statement }, { status: result.status === "created" ? 201 : 200 });
  }
  if (!Array.isArray(input.statements)) {
    throw new ApiError("invalid", "“statements” must be a list of statements.", { statements: ["Send a list of statements."] });
  }
  // Only JSON fields are taken: file bytes are for uploads, not for the API.
  const items: ImportItem[] = input.statements.map((item: unknown, i) => {
    const fields = typeof item === "object" && item !== null ? (item as Record<string, unknown>) : {};
    const picked = Object.fromEntries(METADATA.filter((key) => key in fields).map((key) => [key, fields[key]]));
    return { ...picked, name: typeof fields.name === "string" && fields.name ? fields.name.slice(0, 200) : `statements[${i}]` } as ImportItem;
  });
  const summary = await importStatements(actor, { workspaceId, items });
  return apiJson(summary, { status: summary.created.length ? 201 : 200 });
});
