import { apiJson, apiRoute } from "@/lib/server/api-handler";
import { getClaim, updateClaim, type UpdateClaimInput } from "@/lib/server/claims";
import { listSources } from "@/lib/server/sources";

// GET: one claim with its quote, statement, tags and sources (numbered as cited).
export const GET = apiRoute<{ id: string }>(async ({ actor, workspaceId, params }) => {
  const claim = await getClaim(actor, { workspaceId, claimId: params.id });
  const sources = await listSources(actor, { workspaceId, claimId: claim.id });
  return apiJson({ ...claim, sources });
});

// PATCH: changes the claim reviewed, the status (to_check, researching), the assignee or the tags.
export const PATCH = apiRoute<{ id: string }>(async ({ actor, workspaceId, params, body }) => {
  const input = { ...(await body()), workspaceId, claimId: params.id } as UpdateClaimInput;
  return apiJson(await updateClaim(actor, input));
});
