import { apiJson, apiRoute } from "@/lib/server/api-handler";
import { deleteHighlight, updateHighlight, type UpdateHighlightInput } from "@/lib/server/highlights";

// PATCH: changes a highlight's kind (claim ⇄ note) or its note.
export const PATCH = apiRoute<{ id: string }>(async ({ actor, workspaceId, params, body }) => {
  const input = { ...(await body()), workspaceId, highlightId: params.id } as UpdateHighlightInput;
  return apiJson(await updateHighlight(actor, input));
});

// DELETE: removes a highlight (its author, or an editor).
export const DELETE = apiRoute<{ id: string }>(async ({ actor, workspaceId, params }) => {
  const { id } = await deleteHighlight(actor, { workspaceId, highlightId: params.id });
  return apiJson({ id, deleted: true });
});
