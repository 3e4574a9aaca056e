// The top bar of every signed-in page: product name, the desk switcher, the desk's sections and
// the user's menu. A server component; only the menus and the active-link marking run in the
// browser.
import Link from "next/link";
import { signOut } from "@/auth";
import { ROLE_LABELS, roleAtLeast, type Role } from "@/lib/roles";
import { WorkspaceMenu } from "./workspace-menu";
import { WorkspaceNav, type NavItem } from "./workspace-nav";

export type HeaderWorkspace = { slug: string; name: string; role: Role };

async function signOutAction() {
  "use server";
  await signOut({ redirectTo: "/sign-in" });
}

export function workspaceNavItems(workspace: HeaderWorkspace): NavItem[] {
  const base = `/w/${workspace.slug}`;
  const items: NavItem[] = [
    { href: `${base}/statements`, label: "Statements" },
    { href: `${base}/reports`, label: "Reports" },
  ];
  if (roleAtLeast(workspace.role, "checker")) items.push({ href: `${base}/my-work`, label: "My work" });
  if (roleAtLeast(workspace.role, "editor")) items.push({ href: `${base}/review`, label: "Review" });
  items.push(
    { href: `${base}/tags`, label: "Tags" },
    { href: `${base}/rating-scale`, label: "Rating scale" },
    { href: `${base}/members`, label: "Members" },
  );
  if (roleAtLeast(workspace.role, "editor")) items.push({ href: `${base}/activity`, label: "Activity" });
  if (roleAtLeast(workspace.role, "admin")) items.push({ href: `${base}/settings`, label: "Settings" });
  return items;
}

export function AppHeader({
  user,
  workspaces,
  current,
}: {
  user: { name: string; email: string };
  workspaces: HeaderWorkspace[];
  current?: HeaderWorkspace;
}) {
  return (
    <header className="border-b border-line bg-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-2 focus:z-50 focus:rounded-md focus:bg-ink focus:px-3 focus:py-2 focus:text-sm focus:text-white"
      >
        Skip to content
      </a>
      <div className="mx-auto flex max-w-6xl items-center gap-2 px-6 py-2.5">
        <Link href="/workspaces" className="mr-1 rounded-md py-1 text-base font-semibold tracking-tight text-ink">
          Factdesk
        </Link>
        <span aria-hidden="true" className="text-line">
          /
        </span>
        <WorkspaceSwitcher workspaces={workspaces} current={current} />
        <div className="ml-auto">
          <UserMenu user={user} />
        </div>
      </div>
      {current ? (
        <div className="mx-auto max-w-6xl px-6">
          <WorkspaceNav items={workspaceNavItems(current)} />
        </div>
      ) : null}
    </header>
  );
}

function WorkspaceSwitcher({ workspaces, current }: { workspaces: HeaderWorkspace[]; current?: HeaderWorkspace }) {
  return (
    <WorkspaceMenu
      buttonLabel={current ? `Workspace: ${current.name}. Switch workspace` : "Choose a workspace"}
      label={<span className="truncate">{current ? current.name : "Workspaces"}</span>}
    >
      <p className="px-3 pb-1 pt-2 text-xs font-medium uppercase tracking-wide text-muted">Your workspaces</p>
      {workspaces.length ? (
        <ul>
          {workspaces.map((ws) => (
            <li key={ws.slug}>
              <Link
                href={`/w/${ws.slug}/statements`}
                aria-current={ws.slug === current?.slug ? "true" : undefined}
                className="flex items-center justify-between gap-3 rounded-md px-3 py-2 text-sm hover:bg-stone-100 aria-[current]:bg-stone-100"
              >
                <span className="truncate font-medium text-ink">{ws.name}</span>
                <span className="shrink-0 text-xs text-muted">{ROLE_LABELS[ws.role]}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="px-3 py-2 text-sm text-muted">You are not in any workspace yet.</p>
      )}
      <div className="mt-1 border-t border-line pt-1">
        <Link href="/workspaces#create" className="block rounded-md px-3 py-2 text-sm text-ink hover:bg-stone-100">
          New workspace…
        </Link>
        <Link href="/workspaces" className="block rounded-md px-3 py-2 text-sm text-ink hover:bg-stone-100">
          All workspaces
        </Link>
      </div>
    </WorkspaceMenu>
  );
}

function UserMenu({ user }: { user: { name: string; email: string } }) {
  return (
    <WorkspaceMenu
      align="right"
      buttonLabel={`Account menu for ${user.name || user.email}`}
      label={
        <>
          <span
            aria-hidden="true"
            className="flex h-7 w-7 items-center justify-center rounded-full bg-stone-200 text-xs font-semibold text-ink"
          >
            {initials(user.name || user.email)}
          </span>
          <span className="hidden truncate sm:inline">{user.name || user.email}</span>
        </>
      }
    >
      <div className="px-3 py-2">
        <p className="truncate text-sm font-medium text-ink">{user.name}</p>
        <p className="truncate text-xs text-muted">{user.email}</p>
      </div>
      <div className="border-t border-line pt-1">
        <Link href="/account" className="block rounded-md px-3 py-2 text-sm text-ink hover:bg-stone-100">
          Account
        </Link>
        <form action={signOutAction}>
          <button type="submit" className="block w-full rounded-md px-3 py-2 text-left text-sm text-ink hover:bg-stone-100">
            Sign out
          </button>
        </form>
      </div>
    </WorkspaceMenu>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]![0], parts[parts.length - 1]![0]] : [name.trim()[0]];
  return letters.join("").toUpperCase();
}
