import { apiJson, apiRoute } from "@/lib/server/api-handler";
import { createHighlight, listAnnotations, type CreateHighlightInput } from "@/lib/server/highlights";

// GET: the statement's highlights (in text order) and its orphans, on its current revision.
export const GET = apiRoute<{ id: string }>(async ({ actor, workspaceId, params }) => {
  const { statementId, revision, highlights, orphans } = await listAnnotations(actor, { workspaceId, statementId: params.id });
  return apiJson({ statementId, revisionNumber: revision.number, highlights, orphans });
});

// POST: highlights a passage of the current revision as a claim or a note.
export const POST = apiRoute<{ id: string }>(async ({ actor, workspaceId, params, body }) => {
  const input = { ...(await body()), workspaceId, statementId: params.id } as CreateHighlightInput;
  return apiJson(await createHighlight(actor, input), { status: 201 });
});
