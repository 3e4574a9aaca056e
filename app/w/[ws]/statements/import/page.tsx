import type { Metadata } from "next";
import Link from "next/link";
import { StatementPasteForm } from "@/components/statement-paste-form";
import { StatementUploadForm } from "@/components/statement-upload-form";
import { Card, PageTitle } from "@/components/ui/card";
import { canImport } from "@/lib/roles";
import { loadWorkspacePage } from "../../workspace";
import { importPastedStatementAction, uploadStatementsAction } from "./actions";

export const metadata: Metadata = { title: "Import statements" };

export default async function ImportStatementsPage({ params }: { params: Promise<{ ws: string }> }) {
  const { ws: slug } = await params;
  const { workspace } = await loadWorkspacePage(slug);
  const base = `/w/${workspace.slug}/statements`;

  return (
    <div className="mx-auto w-full max-w-3xl">
      <p className="mb-2 text-sm">
        <Link href={base} className="text-muted hover:text-ink">
          ← Statements
        </Link>
      </p>
      <PageTitle description="Bring in a press release, speech or article. The text is kept exactly as published; the same text is never imported twice.">
        Import statements
      </PageTitle>
      {canImport(workspace.role) ? (
        <div className="space-y-8">
          <StatementPasteForm action={importPastedStatementAction} workspaceId={workspace.id} slug={workspace.slug} />
          <StatementUploadForm action={uploadStatementsAction} workspaceId={workspace.id} slug={workspace.slug} />
        </div>
      ) : (
        <Card>
          <p className="text-sm text-muted">
            Importing needs the checker role or higher; you are a {workspace.role} in {workspace.name}. Ask an admin of the
            workspace if you should be importing statements.
          </p>
        </Card>
      )}
    </div>
  );
}
