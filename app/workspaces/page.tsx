import type { Metadata } from "next";
import Link from "next/link";
import { AppHeader } from "@/components/app-header";
import { Card, PageTitle } from "@/components/ui/card";
import { WorkspaceCreateForm } from "@/components/workspace-create-form";
import { ROLE_LABELS } from "@/lib/roles";
import { requireUser } from "@/lib/server/session";
import { listMyWorkspaces } from "@/lib/server/workspaces";
import { createWorkspaceAction } from "./actions";

export const metadata: Metadata = { title: "Workspaces" };

export default async function WorkspacesPage() {
  const user = await requireUser();
  const workspaces = await listMyWorkspaces(user);
  return (
    <>
      <AppHeader user={user} workspaces={workspaces} />
      <main id="main" className="mx-auto max-w-6xl px-6 py-8">
        <PageTitle description="Each workspace is a desk: its own statements, claims, verdicts and members.">
          Your workspaces
        </PageTitle>
        <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <section aria-labelledby="desk-list-heading">
            <h2 id="desk-list-heading" className="sr-only">
              Workspaces you belong to
            </h2>
            {workspaces.length ? (
              <ul className="grid gap-3 sm:grid-cols-2">
                {workspaces.map((ws) => (
                  <li key={ws.id}>
                    <Link
                      href={`/w/${ws.slug}/statements`}
                      className="block h-full rounded-lg border border-line bg-white p-5 shadow-sm transition-colors hover:border-stone-300 hover:bg-stone-50"
                    >
                      <span className="block truncate text-base font-semibold text-ink">{ws.name}</span>
                      <span className="mt-1 block text-sm text-muted">
                        /w/{ws.slug} · {ROLE_LABELS[ws.role]}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              <Card>
                <h3 className="text-base font-semibold text-ink">You are not in any workspace yet</h3>
                <p className="mt-2 text-sm text-muted">
                  Create one for your desk, or ask an admin of an existing workspace to send you an invite link.
                </p>
              </Card>
            )}
          </section>
          <section id="create" aria-labelledby="create-heading" className="scroll-mt-8">
            <Card>
              <h2 id="create-heading" className="text-base font-semibold text-ink">
                New workspace
              </h2>
              <p className="mt-1 text-sm text-muted">
                You become its admin. It starts with common claim tags and a rating scale from True to False, both yours to change.
              </p>
              <div className="mt-4">
                <WorkspaceCreateForm action={createWorkspaceAction} />
              </div>
            </Card>
          </section>
        </div>
      </main>
    </>
  );
}
