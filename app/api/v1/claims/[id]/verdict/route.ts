import { apiJson, apiRoute } from "@/lib/server/api-handler";
import { getVerdictPanel, saveVerdictDraft, type SaveVerdictInput } from "@/lib/server/verdicts";

// GET: the claim's verdict (or null), the rating levels to choose from, the citable sources and
// the workflow events the token may fire now.
export const GET = apiRoute<{ id: string }>(async ({ actor, workspaceId, params }) => {
  return apiJson(await getVerdictPanel(actor, { workspaceId, claimId: params.id }));
});

// PUT: saves the verdict's text as a draft, from the lockVersion it started from (null for the
// claim's first verdict); an outdated lockVersion is a 409 carrying the current verdict.
export const PUT = apiRoute<{ id: string }>(async ({ actor, workspaceId, params, body }) => {
  const input = { ...(await body()), workspaceId, claimId: params.id } as SaveVerdictInput;
  return apiJson(await saveVerdictDraft(actor, input));
});
