import type { Metadata } from "next";
import { WorkspaceExportCard } from "@/components/exports/workspace-export-card";
import { Card, PageTitle } from "@/components/ui/card";
import { WorkspaceSettingsForm } from "@/components/workspace-settings-form";
import { canManageMembers } from "@/lib/roles";
import { loadWorkspacePage } from "../workspace";
import { updateSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ ws: string }> }) {
  const { ws } = await params;
  const { workspace } = await loadWorkspacePage(ws);

  if (!canManageMembers(workspace.role)) {
    return (
      <div className="max-w-2xl">
        <PageTitle>Settings</PageTitle>
        <Card>
          <p className="text-sm text-ink">Only admins of {workspace.name} can change its settings.</p>
          <p className="mt-1 text-sm text-muted">Ask an admin (see Members) if something here needs to change.</p>
        </Card>
      </div>
    );
  }

  return (
    <div className="max-w-2xl">
      <PageTitle description={`Address: /w/${workspace.slug}`}>Settings</PageTitle>
      <Card>
        <WorkspaceSettingsForm
          settings={{
            id: workspace.id,
            name: workspace.name,
            publisherName: workspace.publisherName,
            publicBaseUrl: workspace.publicBaseUrl,
            allowSelfApproval: workspace.allowSelfApproval,
          }}
          action={updateSettingsAction}
        />
      </Card>
      <WorkspaceExportCard slug={workspace.slug} />
    </div>
  );
}
