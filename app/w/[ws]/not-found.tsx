import Link from "next/link";
import { Card } from "@/components/ui/card";

// For things inside a workspace that do not exist (or that this member may not see). A workspace
// the user is not in never reaches here: its layout answers with the app-wide 404.
export default function WorkspaceItemNotFound() {
  return (
    <Card className="mx-auto max-w-lg text-center">
      <h1 className="text-lg font-semibold text-ink">Not found</h1>
      <p className="mt-2 text-sm text-muted">
        This page does not exist in this workspace. It may have been removed, or the link may be mistyped.
      </p>
      <p className="mt-4">
        <Link href="/workspaces" className="text-sm font-medium text-accent underline underline-offset-2">
          Go to your workspaces
        </Link>
      </p>
    </Card>
  );
}
