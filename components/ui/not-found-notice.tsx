import Link from "next/link";
import { Card } from "./card";

/**
 * What every "not found" says, app-wide and inside a workspace. Deliberately one text for a
 * missing page and for one the reader may not see, so it never reveals that something exists.
 */
export function NotFoundNotice() {
  return (
    <Card className="p-8 text-center">
      <h1 className="text-xl font-semibold tracking-tight text-ink">Page not found</h1>
      <p className="mt-2 text-balance text-sm text-muted">This page does not exist or you do not have access to it.</p>
      <p className="mt-6">
        <Link
          href="/workspaces"
          className="inline-flex items-center justify-center rounded-md bg-ink px-4 py-2 text-sm font-medium text-white hover:bg-black"
        >
          Go to your workspaces
        </Link>
      </p>
    </Card>
  );
}
