import { apiJson, apiRoute, ApiError } from "@/lib/server/api-handler";
import type { Actor } from "@/lib/server/permissions";
import {
  approveVerdict,
  publishVerdict,
  reopenVerdict,
  requestVerdictChanges,
  submitVerdict,
  withdrawVerdict,
  type SaveVerdictInput,
  type VerdictDTO,
  type WithdrawVerdictInput,
} from "@/lib/server/verdicts";

const DECISIONS: Record<string, (actor: Actor, input: WithdrawVerdictInput) => Promise<VerdictDTO>> = {
  approve: approveVerdict,
  request_changes: requestVerdictChanges,
  publish: publishVerdict,
  withdraw: withdrawVerdict,
  reopen: reopenVerdict,
};

// POST: moves the verdict through its review: submit (with its text, as PUT …/verdict takes it),
// approve, request_changes, publish, withdraw (with a reason) or reopen; each names the
// lockVersion it was decided on.
export const POST = apiRoute<{ id: string; event: string }>(async ({ actor, workspaceId, params, body }) => {
  const { event } = params;
  const decide = Object.hasOwn(DECISIONS, event) ? DECISIONS[event] : undefined;
  if (event !== "submit" && !decide) {
    throw new ApiError("not_found", `There is no verdict event “${event.slice(0, 40)}”; use submit, ${Object.keys(DECISIONS).join(", ")}.`);
  }
  const input = { ...(await body()), workspaceId, claimId: params.id };
  if (!decide) return apiJson(await submitVerdict(actor, input as SaveVerdictInput));
  return apiJson({ verdict: await decide(actor, input as WithdrawVerdictInput) });
});
