import { AppHeader } from "@/components/app-header";
import { listMyWorkspaces } from "@/lib/server/workspaces";
import { loadWorkspacePage } from "./workspace";

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ ws: string }>;
}) {
  const { ws } = await params;
  const { user, workspace } = await loadWorkspacePage(ws);
  const workspaces = await listMyWorkspaces(user);
  return (
    <>
      <AppHeader user={user} workspaces={workspaces} current={workspace} />
      <main id="main" className="mx-auto max-w-6xl px-6 py-8">
        {children}
      </main>
    </>
  );
}
