import type { Metadata } from "next";
import { ApiTokenList } from "@/components/api-tokens/api-token-list";
import { CreateApiTokenForm } from "@/components/api-tokens/create-api-token-form";
import { Card, PageTitle } from "@/components/ui/card";
import { ROLES, roleAtLeast } from "@/lib/roles";
import { listApiTokens } from "@/lib/server/api-tokens";
import { loadWorkspacePage } from "../workspace";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage({ params }: { params: Promise<{ ws: string }> }) {
  const { ws } = await params;
  const { user, workspace } = await loadWorkspacePage(ws);
  const tokens = await listApiTokens(user, { workspaceId: workspace.id });
  // Largest first, so the form offers the member's own role by default.
  const roles = ROLES.filter((r) => roleAtLeast(workspace.role, r)).reverse();
  return (
    <div className="mx-auto w-full max-w-4xl space-y-6">
      <PageTitle
        description={
          <>
            Personal tokens for scripts and tools that use the{" "}
            <a href="/api/v1/openapi.yaml" className="text-accent underline-offset-2 hover:underline">
              Factdesk API
            </a>{" "}
            in {workspace.name}. A token acts as you, in this workspace only, with the role you give it.
          </>
        }
      >
        API tokens
      </PageTitle>

      <Card>
        <h2 className="mb-4 text-base font-semibold text-ink">New token</h2>
        <CreateApiTokenForm workspaceId={workspace.id} roles={roles} action={createApiTokenAction} />
      </Card>

      <section aria-labelledby="your-tokens" className="space-y-3">
        <h2 id="your-tokens" className="text-base font-semibold text-ink">
          Your tokens
        </h2>
        <ApiTokenList workspaceId={workspace.id} tokens={tokens} revokeAction={revokeApiTokenAction} />
      </section>

      <Card>
        <h2 className="text-base font-semibold text-ink">Using a token</h2>
        <p className="mt-1 text-sm text-muted">Send it in the Authorization header. For example, to list statements:</p>
        <pre className="mt-3 overflow-x-auto rounded-md bg-stone-100 p-3 font-mono text-xs text-ink">
          {`curl -H "Authorization: Bearer fd_…" https://<your Factdesk>/api/v1/statements`}
        </pre>
      </Card>
    </div>
  );
}
