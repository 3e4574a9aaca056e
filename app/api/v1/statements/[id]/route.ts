import { apiJson, apiRoute } from "@/lib/server/api-handler";
import { getStatement } from "@/lib/server/statements";

// GET: one statement with its metadata and its current revision's text.
export const GET = apiRoute<{ id: string }>(async ({ actor, workspaceId, params }) => {
  return apiJson(await getStatement(actor, { workspaceId, statementId: params.id }));
});
